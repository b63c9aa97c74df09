import type { HubStore } from '../db/open';
import { checkedPeriod, momentRange, PROVINCE_UTC_OFFSET_HOURS, samePeriodYearBefore, type FiguresPeriod, type MomentRange } from './period';
import { standingCounts, withdrawalCounts, type Grouping, type StandingCount, type WithdrawalCount } from './registration-tallies';
import { reachFigures, type ReachFigures } from './reach-figures';
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

async function grouped(store: HubStore, provinceCode: string, range: MomentRange, grouping: Grouping): Promise<Array<{ key: string } & Tally>> {
  const [standing, withdrawn] = await Promise.all([standingCounts(store, provinceCode, range, grouping), withdrawalCounts(store, provinceCode, range, grouping)]);
  return merged(standing, withdrawn);
}

function renamed<K extends string>(tallies: Array<{ key: string } & Tally>, name: K): Array<Record<K, string> & Tally> {
  return tallies.map(({ key, ...tally }) => ({ [name]: key, ...tally }) as Record<K, string> & Tally);
}

/** Reads the province's figures over a period from the stores; throws InvalidPeriodError on a bad period. */
export async function provinceFigures(store: HubStore, provinceCode: string, period: FiguresPeriod): Promise<ProvinceFigures> {
  const range = momentRange(checkedPeriod(period));
  const previousPeriod = samePeriodYearBefore(period);
  const previousRange = momentRange(previousPeriod);
  const [[standing], [withdrawn], [before], byProgram, byStation, byPrefecture, byMonth, stemCell] = await Promise.all([
    standingCounts(store, provinceCode, range, null),
    withdrawalCounts(store, provinceCode, range, null),
    standingCounts(store, provinceCode, previousRange, null),
    grouped(store, provinceCode, range, 'program'),
    grouped(store, provinceCode, range, 'station'),
    grouped(store, provinceCode, range, 'prefecture'),
    grouped(store, provinceCode, range, 'month'),
    stemCellFigures(store, provinceCode, range, previousRange),
  ]);
  const registrations = standing?.registrations ?? 0;
  const people = standing?.people ?? 0;
  return {
    provinceCode,
    period: { ...period, utcOffsetHours: PROVINCE_UTC_OFFSET_HOURS, ...range },
    totals: { registrations, people, withdrawals: withdrawn?.withdrawals ?? 0, awaitingReview: standing?.awaitingReview ?? 0 },
    byProgram: renamed(byProgram, 'program'),
    byStation: renamed(byStation, 'stationCode'),
    byPrefecture: renamed(byPrefecture, 'prefectureCode'),
    byMonth: renamed(byMonth, 'month'),
    growth: {
      previousPeriod,
      registrations: growth(registrations, before?.registrations ?? 0),
      people: growth(people, before?.people ?? 0),
    },
    stemCell,
    visitorsAndEducation: await reachFigures(store, provinceCode, period),
  };
}
