import type { HubStore } from '../db/open';
import { checkedPeriod, momentRange, PROVINCE_UTC_OFFSET_HOURS, samePeriodYearBefore, type FiguresPeriod, type MomentRange } from './period';
import {
  standingByGroup,
  standingTallies,
  standingTotals,
  withdrawalsByGroup,
  withdrawalTallies,
  type Grouping,
  type StandingCount,
  type StandingTallies,
  type WithdrawalCount,
  type WithdrawalTallies,
} from './registration-tallies';
import { reachFigures, type ReachFigures } from './reach-figures';
import { stationPrefectures, type StationPrefectures } from './station-prefectures';
import { stemCellFigures, type StemCellFigures } from './stem-cell-figures';

/** The figures of one group (or of the whole province) over the period. */
export interface Tally {
  /** Registrations made in the period that are not withdrawn now. */
  registrations: number;
  /** Distinct people those registrations belong to (registrations waiting for review have none yet). */
  people: number;
  /** Registrations withdrawn in the period, whenever they were made. */
  withdrawals: number;
}

/** This period against the same period of the year before. */
export interface Growth {
  current: number;
  previous: number;
  /** (current − previous) / previous, to four decimals; null when there was nothing the year before. */
  rate: number | null;
}

/** The figures the province asks for over a period (docs/hub.md § Figures). */
export interface ProvinceFigures {
  provinceCode: string;
  period: FiguresPeriod & { utcOffsetHours: number } & MomentRange;
  totals: Tally & { awaitingReview: number };
  byProgram: Array<{ program: string } & Tally>;
  byStation: Array<{ stationCode: string } & Tally>;
  /** Prefectures by their GB/T 2260 code (the station's region code, first four digits). */
  byPrefecture: Array<{ prefectureCode: string } & Tally>;
  /** Registrations by the month they were made, withdrawals by the month they were made in. */
  byMonth: Array<{ month: string } & Tally>;
  growth: { previousPeriod: FiguresPeriod; registrations: Growth; people: Growth };
  /** The stem-cell pipeline, re-contact consent and the volunteers' growth against their targets. */
  stemCell: StemCellFigures;
  /** Memorial visits and life-education reach and satisfaction against their targets (`reach-figures.ts`). */
  visitorsAndEducation: ReachFigures;
}

function growth(current: number, previous: number): Growth {
  return { current, previous, rate: previous === 0 ? null : Math.round(((current - previous) / previous) * 10_000) / 10_000 };
}

/** Standing and withdrawal counts of one grouping, merged by key, in key order. */
function merged(standing: StandingCount[], withdrawn: WithdrawalCount[]): Array<{ key: string } & Tally> {
  const byKey = new Map<string, { key: string } & Tally>();
  for (const count of standing) byKey.set(count.key, { key: count.key, registrations: count.registrations, people: count.people, withdrawals: 0 });
  for (const count of withdrawn) {
    const tally = byKey.get(count.key) ?? { key: count.key, registrations: 0, people: 0, withdrawals: 0 };
    tally.withdrawals = count.withdrawals;
    byKey.set(count.key, tally);
  }
  return [...byKey.values()].sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
}

/** One grouping of the period's tallies, standing and withdrawn merged by key. */
function grouped(standing: StandingTallies, withdrawn: WithdrawalTallies, grouping: Grouping, prefectures: StationPrefectures): Array<{ key: string } & Tally> {
  return merged(standingByGroup(standing, grouping, prefectures), withdrawalsByGroup(withdrawn, grouping, prefectures));
}

function renamed<K extends string>(tallies: Array<{ key: string } & Tally>, name: K): Array<Record<K, string> & Tally> {
  return tallies.map(({ key, ...tally }) => ({ [name]: key, ...tally }) as Record<K, string> & Tally);
}

/** The figures of a period, with the year before's registrations they were measured against, grouped as the period's. */
export interface FiguresWithYearBefore {
  figures: ProvinceFigures;
  /** Standing registrations made over `figures.growth.previousPeriod`, in every grouping's form. */
  yearBefore: StandingTallies;
  prefectures: StationPrefectures;
}

/**
 * Reads the province's figures over a period from the stores; throws InvalidPeriodError on a bad period. Each
 * table is read once at its finest grain and the groupings are folded from it; the reads are independent, so
 * PostgreSQL runs them side by side on the pool.
 */
export async function provinceFigures(store: HubStore, provinceCode: string, period: FiguresPeriod): Promise<ProvinceFigures> {
  // The year before is only the growth's totals here: one statement by person, no grouping by station.
  const read = await figuresRead(store, provinceCode, period, (range) => standingTotals(store, provinceCode, range), (totals) => totals);
  return read.figures;
}

/**
 * Reads the province's figures over a period and the year before's registrations in every grouping (the tables
 * compare each prefecture with its year before): one read of the year before serves both.
 */
export async function provinceFiguresWithYearBefore(store: HubStore, provinceCode: string, period: FiguresPeriod): Promise<FiguresWithYearBefore> {
  const read = await figuresRead(
    store,
    provinceCode,
    period,
    (range) => standingTallies(store, provinceCode, range),
    (tallies, prefectures) => standingByGroup(tallies, null, prefectures)[0] as StandingCount,
  );
  return { figures: read.figures, yearBefore: read.before, prefectures: read.prefectures };
}

async function figuresRead<Before>(
  store: HubStore,
  provinceCode: string,
  period: FiguresPeriod,
  readBefore: (range: MomentRange) => Promise<Before>,
  totalsBefore: (before: Before, prefectures: StationPrefectures) => StandingCount,
): Promise<{ figures: ProvinceFigures; before: Before; prefectures: StationPrefectures }> {
  const range = momentRange(checkedPeriod(period));
  const previousPeriod = samePeriodYearBefore(period);
  const previousRange = momentRange(previousPeriod);
  const [standing, withdrawn, before, prefectures, stemCell, visitorsAndEducation] = await Promise.all([
    standingTallies(store, provinceCode, range),
    withdrawalTallies(store, provinceCode, range),
    readBefore(previousRange),
    stationPrefectures(store, provinceCode),
    stemCellFigures(store, provinceCode, range, previousRange),
    reachFigures(store, provinceCode, period),
  ]);
  const [totals] = standingByGroup(standing, null, prefectures) as [StandingCount];
  const [withdrawals] = withdrawalsByGroup(withdrawn, null, prefectures) as [WithdrawalCount];
  const previous = totalsBefore(before, prefectures);
  const byGroup = (grouping: Grouping) => grouped(standing, withdrawn, grouping, prefectures);
  const figures: ProvinceFigures = {
    provinceCode,
    period: { ...period, utcOffsetHours: PROVINCE_UTC_OFFSET_HOURS, ...range },
    totals: { registrations: totals.registrations, people: totals.people, withdrawals: withdrawals.withdrawals, awaitingReview: totals.awaitingReview },
    byProgram: renamed(byGroup('program'), 'program'),
    byStation: renamed(byGroup('station'), 'stationCode'),
    byPrefecture: renamed(byGroup('prefecture'), 'prefectureCode'),
    byMonth: renamed(byGroup('month'), 'month'),
    growth: {
      previousPeriod,
      registrations: growth(totals.registrations, previous.registrations),
      people: growth(totals.people, previous.people),
    },
    stemCell,
    visitorsAndEducation,
  };
  return { figures, before, prefectures };
}
