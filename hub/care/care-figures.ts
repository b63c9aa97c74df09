import { sql } from 'kysely';
import { aidCaseStates, aidProgrammes, type AidCaseState, type AidProgramme } from '../../shared/domain/aid';
import type { HubStore } from '../db/open';
import { countedNumber } from '../db/values';
import { prefectureOf, stationPrefectures } from '../figures/station-prefectures';

/**
 * What the province receives of donor-family care in a year, read from the care projections (migration 0012)
 * with grouped SQL, station by station, and folded into prefectures and the province in memory:
 * - families on file: opened by the year's last day; of them, those that asked not to be contacted (as now);
 * - families cared for: with at least one contact logged in the year; the year's contacts, and contacts per
 *   family cared for;
 * - the year's remembrance invitations, those accepted and those attended;
 * - aid cases applied for in the year, per programme and the state each stands in now; aid paid in the year per
 *   programme, as a count and a sum.
 * A family belongs to one station, so counts of families add up across stations.
 */

/** The care figures of one group (or of the whole province) in the year. */
export interface CareTally {
  familiesOnFile: number;
  familiesCaredFor: number;
  contacts: number;
  /** Contacts per family cared for, to two decimals; null when no family was contacted. */
  contactsPerFamily: number | null;
  invitations: number;
  accepted: number;
  attended: number;
  doNotContact: number;
}

/** One aid programme's cases of the year by state, and what it paid in the year. */
export interface AidProgrammeFigures {
  programme: AidProgramme;
  /** Cases applied for in the year, by the state each stands in now. */
  cases: Record<AidCaseState, number>;
  /** Cases paid in the year. */
  paid: number;
  /** The sum paid in the year, in fen (exact) and in yuan. */
  paidFen: number;
  paidYuan: number;
}

export interface CareFigures {
  year: number;
  totals: CareTally;
  byStation: Array<{ stationCode: string } & CareTally>;
  /** Prefectures by their GB/T 2260 code (the station's region code, first four digits). */
  byPrefecture: Array<{ prefectureCode: string } & CareTally>;
  /** Every programme, in the order of `aidProgrammes`, with zeros where nothing was counted. */
  aid: AidProgrammeFigures[];
}

type Counted = string | number | bigint;

/** Counted as read, per station: the tally without its quotient. */
type StationCounts = Omit<CareTally, 'contactsPerFamily'>;

interface YearDays {
  provinceCode: string;
  year: number;
  first: string;
  last: string;
}

const counted = (value: Counted | null): number => (value === null ? 0 : countedNumber(value));

async function familyCounts(store: HubStore, days: YearDays) {
  return store.db
    .selectFrom('care_family')
    .select(['station_code', sql<Counted>`count(*)`.as('on_file'), sql<Counted>`count(case when do_not_contact = 1 then 1 end)`.as('do_not_contact')])
    .where('province_code', '=', days.provinceCode)
    .where('opened_on', '<=', days.last)
    .groupBy('station_code')
    .execute();
}

async function yearCounts(store: HubStore, days: YearDays) {
  return store.db
    .selectFrom('care_family_year')
    .select([
      'station_code',
      sql<Counted>`count(distinct case when contacts > 0 then family_id end)`.as('cared_for'),
      sql<Counted | null>`sum(contacts)`.as('contacts'),
      sql<Counted | null>`sum(invitations)`.as('invitations'),
      sql<Counted | null>`sum(accepted)`.as('accepted'),
      sql<Counted | null>`sum(attended)`.as('attended'),
    ])
    .where('province_code', '=', days.provinceCode)
    .where('year', '=', days.year)
    .groupBy('station_code')
    .execute();
}

async function aidCaseCounts(store: HubStore, days: YearDays) {
  return store.db
    .selectFrom('care_aid_case')
    .select(['programme', 'state', sql<Counted>`count(*)`.as('cases')])
    .where('province_code', '=', days.provinceCode)
    .where('applied_on', '>=', days.first)
    .where('applied_on', '<=', days.last)
    .groupBy(['programme', 'state'])
    .execute();
}

async function aidPaidCounts(store: HubStore, days: YearDays) {
  return store.db
    .selectFrom('care_aid_case')
    .select(['programme', sql<Counted>`count(*)`.as('paid'), sql<Counted | null>`sum(amount_granted_fen)`.as('paid_fen')])
    .where('province_code', '=', days.provinceCode)
    .where('state', '=', 'paid')
    .where('paid_on', '>=', days.first)
    .where('paid_on', '<=', days.last)
    .groupBy('programme')
    .execute();
}

function emptyCounts(): StationCounts {
  return { familiesOnFile: 0, familiesCaredFor: 0, contacts: 0, invitations: 0, accepted: 0, attended: 0, doNotContact: 0 };
}

function withQuotient(counts: StationCounts): CareTally {
  const perFamily = counts.familiesCaredFor === 0 ? null : Math.round((counts.contacts / counts.familiesCaredFor) * 100) / 100;
  return { ...counts, contactsPerFamily: perFamily };
}

function added(into: StationCounts, counts: StationCounts): void {
  for (const field of Object.keys(into) as Array<keyof StationCounts>) into[field] += counts[field];
}

/** Folds the stations' counts into groups (a prefecture, or the whole province), in key order. */
function folded(byStation: ReadonlyMap<string, StationCounts>, groupOf: (stationCode: string) => string): Array<{ key: string } & CareTally> {
  const groups = new Map<string, StationCounts>();
  for (const [stationCode, counts] of byStation) {
    const key = groupOf(stationCode);
    const group = groups.get(key) ?? emptyCounts();
    added(group, counts);
    groups.set(key, group);
  }
  return [...groups.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([key, counts]) => ({ key, ...withQuotient(counts) }));
}

function stationCounts(families: Awaited<ReturnType<typeof familyCounts>>, years: Awaited<ReturnType<typeof yearCounts>>): Map<string, StationCounts> {
  const byStation = new Map<string, StationCounts>();
  const entry = (stationCode: string) => {
    const held = byStation.get(stationCode) ?? emptyCounts();
    byStation.set(stationCode, held);
    return held;
  };
  for (const row of families) {
    const counts = entry(row.station_code);
    counts.familiesOnFile = counted(row.on_file);
    counts.doNotContact = counted(row.do_not_contact);
  }
  for (const row of years) {
    const counts = entry(row.station_code);
    counts.familiesCaredFor = counted(row.cared_for);
    counts.contacts = counted(row.contacts);
    counts.invitations = counted(row.invitations);
    counts.accepted = counted(row.accepted);
    counts.attended = counted(row.attended);
  }
  return byStation;
}

function aidFigures(cases: Awaited<ReturnType<typeof aidCaseCounts>>, paid: Awaited<ReturnType<typeof aidPaidCounts>>): AidProgrammeFigures[] {
  return aidProgrammes.map((programme) => {
    const byState = Object.fromEntries(aidCaseStates.map((state) => [state, 0])) as Record<AidCaseState, number>;
    for (const row of cases) {
      if (row.programme === programme && (aidCaseStates as readonly string[]).includes(row.state)) byState[row.state as AidCaseState] = counted(row.cases);
    }
    const paidRow = paid.find((row) => row.programme === programme);
    const paidFen = paidRow ? counted(paidRow.paid_fen) : 0;
    return { programme, cases: byState, paid: paidRow ? counted(paidRow.paid) : 0, paidFen, paidYuan: paidFen / 100 };
  });
}

/** The province's donor-family care figures of a year (days in China Standard Time), read when called. */
export async function careFigures(store: HubStore, provinceCode: string, year: number): Promise<CareFigures> {
  const days: YearDays = { provinceCode, year, first: `${String(year).padStart(4, '0')}-01-01`, last: `${String(year).padStart(4, '0')}-12-31` };
  const [families, years, cases, paid, prefectures] = await Promise.all([
    familyCounts(store, days),
    yearCounts(store, days),
    aidCaseCounts(store, days),
    aidPaidCounts(store, days),
    stationPrefectures(store, provinceCode),
  ]);
  const byStation = stationCounts(families, years);
  const [total] = folded(byStation, () => 'all');
  return {
    year,
    totals: total ? withoutKey(total) : withQuotient(emptyCounts()),
    byStation: folded(byStation, (stationCode) => stationCode).map(({ key, ...tally }) => ({ stationCode: key, ...tally })),
    byPrefecture: folded(byStation, (stationCode) => prefectureOf(prefectures, stationCode)).map(({ key, ...tally }) => ({ prefectureCode: key, ...tally })),
    aid: aidFigures(cases, paid),
  };
}

function withoutKey({ key: _key, ...tally }: { key: string } & CareTally): CareTally {
  return tally;
}
