import { sql } from 'kysely';
import { consentShareAgainstTarget, growthAgainstTarget, type ConsentShareAgainstTarget, type GrowthAgainstTarget } from '../../shared/domain/dashboard';
import { stemCellStatuses, type StemCellStatus } from '../../shared/domain/lifecycle';
import type { HubStore } from '../db/open';
import { countedNumber } from '../db/values';
import type { MomentRange } from './period';
import { prefectureOf, stationPrefectures } from './station-prefectures';

/**
 * The stem-cell pipeline and re-contact consent, read from `person_registration` in one grouped statement.
 * A volunteer is a stem-cell registration, counted at the status of its latest version: a registration that
 * moved on, or was withdrawn, after it was counted is counted at its new status whenever figures are read.
 */

/** A volunteer's status as counted: the station's stem-cell statuses, and `unknown` for a registration held before the hub kept them (migration 0004). */
export type CountedStemCellStatus = StemCellStatus | 'unknown';

/** Volunteers per status. */
export type StemCellStatusCounts = Record<CountedStemCellStatus, number>;

/**
 * Active volunteers (not withdrawn) whose latest version carries a granted `follow_up_contact` consent,
 * against the 85 % target; `refused` carry it refused, `unknown` carry none. Unknown counts as not granted.
 */
export interface RecontactConsent extends ConsentShareAgainstTarget {
  refused: number;
  unknown: number;
}

/** The pipeline of one prefecture, or of the whole province. */
export interface StemCellPipeline {
  /** Every volunteer held, whenever registered, at their status now. */
  now: StemCellStatusCounts;
  /** Volunteers registered in the period, at their status now. */
  registeredInPeriod: StemCellStatusCounts;
  /** Active volunteers now, whenever registered. */
  recontactConsent: RecontactConsent;
}

/** The stem-cell figures of the province. */
export interface StemCellFigures extends StemCellPipeline {
  /** Volunteers registered in the period and not withdrawn, against the same period a year before and +10 %. */
  growth: GrowthAgainstTarget;
  /** Prefectures by their GB/T 2260 code (the station's region code, first four digits), in code order. */
  byPrefecture: Array<{ prefectureCode: string } & StemCellPipeline>;
}

const COUNTED_STATUSES: readonly CountedStemCellStatus[] = [...stemCellStatuses, 'unknown'];

function noVolunteers(): StemCellStatusCounts {
  return Object.fromEntries(COUNTED_STATUSES.map((status) => [status, 0])) as StemCellStatusCounts;
}

function countedStatus(value: string): CountedStemCellStatus {
  return (COUNTED_STATUSES as readonly string[]).includes(value) ? (value as CountedStemCellStatus) : 'unknown';
}

/** One group of the statement: volunteers of a prefecture with one status and one consent answer. */
interface VolunteerGroup {
  prefectureCode: string;
  status: CountedStemCellStatus;
  /** 1 granted, 0 refused, null none. */
  consent: number | null;
  now: number;
  inPeriod: number;
  inPreviousPeriod: number;
}

/** Sums of groups, before the consent share is judged. */
interface PipelineSums {
  now: StemCellStatusCounts;
  registeredInPeriod: StemCellStatusCounts;
  consent: { granted: number; refused: number; unknown: number };
}

function emptySums(): PipelineSums {
  return { now: noVolunteers(), registeredInPeriod: noVolunteers(), consent: { granted: 0, refused: 0, unknown: 0 } };
}

function add(sums: PipelineSums, group: VolunteerGroup): void {
  sums.now[group.status] += group.now;
  sums.registeredInPeriod[group.status] += group.inPeriod;
  if (group.status === 'withdrawn') return;
  const answer = group.consent === 1 ? 'granted' : group.consent === 0 ? 'refused' : 'unknown';
  sums.consent[answer] += group.now;
}

function pipelineOf(sums: PipelineSums): StemCellPipeline {
  const { granted, refused, unknown } = sums.consent;
  return {
    now: sums.now,
    registeredInPeriod: sums.registeredInPeriod,
    recontactConsent: { ...consentShareAgainstTarget(granted, granted + refused + unknown), refused, unknown },
  };
}

/** A withdrawn registration is withdrawn whatever status its last stem-cell step left. */
function statusOf(state: string, stemCellStatus: string | null): CountedStemCellStatus {
  return state === 'withdrawn' ? 'withdrawn' : countedStatus(stemCellStatus ?? 'unknown');
}

async function volunteerGroups(store: HubStore, provinceCode: string, period: MomentRange, previousPeriod: MomentRange): Promise<VolunteerGroup[]> {
  const within = (range: MomentRange) => sql<string | number>`count(case when r.registered_at >= ${range.start} and r.registered_at < ${range.end} then 1 end)`;
  // Grouped by the columns as stored, in the order of the index `person_registration_stem_cell_status`, station
  // by station (SQLite's CROSS JOIN keeps the station outer): the groups come out of the index without a sort.
  // Statuses and prefectures are folded in memory.
  const [{ rows }, prefectures] = await Promise.all([
    sql<{ station_code: string; state: string; status: string | null; consent: number | string | null; now: string | number; in_period: string | number; in_previous_period: string | number }>`select
        s.code as station_code, r.state as state, r.stem_cell_status as status, r.follow_up_consent as consent, count(*) as now,
        ${within(period)} as in_period, ${within(previousPeriod)} as in_previous_period
      from station as s cross join person_registration as r
      where s.province_code = ${provinceCode} and r.province_code = s.province_code and r.station_code = s.code
        and r.program = ${sql.lit('stem_cell')}
      group by s.code, r.state, r.stem_cell_status, r.follow_up_consent`.execute(store.db),
    stationPrefectures(store, provinceCode),
  ]);
  return rows.map((row) => ({
    prefectureCode: prefectureOf(prefectures, row.station_code),
    status: statusOf(row.state, row.status),
    consent: row.consent === null ? null : Number(row.consent),
    now: countedNumber(row.now),
    inPeriod: countedNumber(row.in_period),
    inPreviousPeriod: countedNumber(row.in_previous_period),
  }));
}

/** Reads the stem-cell figures over a period (and the same period a year before, for growth). */
export async function stemCellFigures(store: HubStore, provinceCode: string, period: MomentRange, previousPeriod: MomentRange): Promise<StemCellFigures> {
  const groups = await volunteerGroups(store, provinceCode, period, previousPeriod);
  const province = emptySums();
  const prefectures = new Map<string, PipelineSums>();
  let standingNow = 0;
  let standingBefore = 0;
  for (const group of groups) {
    add(province, group);
    let sums = prefectures.get(group.prefectureCode);
    if (!sums) prefectures.set(group.prefectureCode, (sums = emptySums()));
    add(sums, group);
    if (group.status !== 'withdrawn') {
      standingNow += group.inPeriod;
      standingBefore += group.inPreviousPeriod;
    }
  }
  return {
    ...pipelineOf(province),
    growth: growthAgainstTarget(standingNow, standingBefore),
    byPrefecture: [...prefectures.entries()]
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([prefectureCode, sums]) => ({ prefectureCode, ...pipelineOf(sums) })),
  };
}
