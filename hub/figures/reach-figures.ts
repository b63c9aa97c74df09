import { sql } from 'kysely';
import { surveyScores } from '../../shared/domain/education';
import {
  DEFAULT_REACH_TARGET_PERCENT,
  reachAgainstTarget,
  SATISFACTION_TARGET_SHARE,
  satisfactionAgainstTarget,
  type ReachAgainstTarget,
  type SatisfactionAgainstTarget,
} from '../../shared/domain/figures';
import { populationsFor } from '../activity/populations';
import type { HubStore } from '../db/open';
import { countedNumber } from '../db/values';
import { monthsOfRange } from './months';
import { checkedPeriod, momentRange, type FiguresPeriod, type MomentRange } from './period';
import { prefectureOf, stationPrefectures, type StationPrefectures } from './station-prefectures';

/**
 * Visitors and life-education figures, read from the activity projections (migration 0005) with grouped SQL,
 * with the meaning the station's own figures have (`electron/services/figures/figures.ts`): a session is held
 * when it is not cancelled and has started; attendance (group head counts and walk-in counts, corrections
 * included) and survey answers count at held sessions only, in the month of their session's day; a cancelled
 * session's attendance counts nowhere. Reach is judged against the yearly target scaled to the period, over the
 * prefectures' populations the province set; satisfaction is the share of answers of 4 or 5 against 95 %.
 * Each table is read once, grouped by station and month, and the totals, stations, prefectures and months are
 * folded from those groups in memory.
 */

/** The figures of one group (or of the whole province) over the period. */
export interface ActivityTally {
  /** Memorial park visits signed in during the period. */
  visits: number;
  /** People in those visits (the sum of party sizes). */
  visitors: number;
  /** Sessions on a day of the period, not cancelled, started by the time the figures are read. */
  sessionsHeld: number;
  sessionsCancelled: number;
  /** Group head counts and walk-in counts at the sessions held. */
  attendees: number;
  satisfaction: SatisfactionAgainstTarget;
}

export interface ReachFigures {
  targets: { reachYearlyPercent: number; satisfactionShare: number };
  totals: ActivityTally & {
    /** Against the populations of the province's prefectures; unknown when a prefecture that reached people has none set. */
    reach: ReachAgainstTarget;
    /** Prefectures whose sessions counted attendees but whose population is not set. */
    prefecturesWithoutPopulation: string[];
  };
  byStation: Array<{ stationCode: string } & ActivityTally>;
  /** Every prefecture with activity or a population set, by its GB/T 2260 code. */
  byPrefecture: Array<{ prefectureCode: string; populationYear: number | null } & ActivityTally & { reach: ReachAgainstTarget }>;
  /** Visits by the month they were made in; sessions, attendance and answers by the month of the session's day. */
  byMonth: Array<{ month: string } & ActivityTally>;
}

type Grouping = 'all' | 'station' | 'prefecture' | 'month';
type Counted = string | number | bigint;

interface Window {
  provinceCode: string;
  period: FiguresPeriod;
  range: MomentRange;
  /** The moment the figures are read: a session not started yet is not held. */
  now: string;
}

/** Where activity is counted: its station and its month (YYYY-MM). */
interface ActivityCell {
  stationCode: string;
  month: string;
}

async function visitCounts(store: HubStore, window: Window) {
  // Month by month (`monthsOfRange`), and station by station (SQLite's CROSS JOIN keeps the station outer): each a
  // range of `activity_visit_by_station_moment`, grouped by the outer station, so that SQLite needs no sort.
  const months = await Promise.all(
    monthsOfRange(window.range).map(async ({ month, range }) => {
      const { rows } = await sql<{ station_code: string; visits: Counted; visitors: Counted }>`select
          s.code as station_code, count(*) as visits, sum(v.party_size) as visitors
        from station as s cross join activity_visit as v
        where s.province_code = ${window.provinceCode} and v.province_code = s.province_code and v.station_code = s.code
          and v.visited_at >= ${range.start} and v.visited_at < ${range.end}
        group by s.code`.execute(store.db);
      return rows.map((row) => ({ cell: { stationCode: row.station_code, month }, visits: countedNumber(row.visits), visitors: countedNumber(row.visitors) }));
    }),
  );
  return months.flat();
}

/** The month of a session: its day's. */
const sessionMonth = sql<string>`substr(x.session_date, 1, 7)`;

/** Sessions of the province on a day of the period. */
function sessionsOfPeriod(store: HubStore, window: Window) {
  return store.db
    .selectFrom('activity_session as x')
    .where('x.province_code', '=', window.provinceCode)
    .where('x.session_date', '>=', window.period.from)
    .where('x.session_date', '<=', window.period.to);
}

/** Sessions held: of the period, not cancelled, started by the time the figures are read. */
function heldSessions(store: HubStore, window: Window) {
  return sessionsOfPeriod(store, window).where('x.state', '<>', 'cancelled').where('x.starts_at', '<=', window.now);
}

async function sessionCounts(store: HubStore, window: Window) {
  const rows = await sessionsOfPeriod(store, window)
    .select([
      'x.station_code as station_code',
      sessionMonth.as('month'),
      sql<Counted>`count(case when x.state <> 'cancelled' and x.starts_at <= ${window.now} then 1 end)`.as('held'),
      sql<Counted>`count(case when x.state = 'cancelled' then 1 end)`.as('cancelled'),
    ])
    .groupBy(['x.station_code', sessionMonth])
    .execute();
  return rows.map((row) => ({ cell: { stationCode: row.station_code, month: row.month }, held: countedNumber(row.held), cancelled: countedNumber(row.cancelled) }));
}

async function attendeeCounts(store: HubStore, window: Window) {
  const rows = await heldSessions(store, window)
    .innerJoin('activity_attendance as a', (join) =>
      join.onRef('a.province_code', '=', 'x.province_code').onRef('a.station_code', '=', 'x.station_code').onRef('a.session_id', '=', 'x.session_id'),
    )
    .select(['x.station_code as station_code', sessionMonth.as('month'), sql<Counted>`sum(a.people)`.as('attendees')])
    .groupBy(['x.station_code', sessionMonth])
    .execute();
  return rows.map((row) => ({ cell: { stationCode: row.station_code, month: row.month }, attendees: countedNumber(row.attendees) }));
}

async function scoreCounts(store: HubStore, window: Window) {
  const rows = await heldSessions(store, window)
    .innerJoin('activity_survey_answer as q', (join) =>
      join.onRef('q.province_code', '=', 'x.province_code').onRef('q.station_code', '=', 'x.station_code').onRef('q.session_id', '=', 'x.session_id'),
    )
    .select(['x.station_code as station_code', sessionMonth.as('month'), 'q.score as score', sql<Counted>`count(*)`.as('answers')])
    .groupBy(['x.station_code', sessionMonth, 'q.score'])
    .execute();
  return rows.map((row) => ({ cell: { stationCode: row.station_code, month: row.month }, score: countedNumber(row.score), answers: countedNumber(row.answers) }));
}

/** The period's activity per cell, as read; every grouping is folded from it. */
interface ActivityCounts {
  visits: Awaited<ReturnType<typeof visitCounts>>;
  sessions: Awaited<ReturnType<typeof sessionCounts>>;
  attendees: Awaited<ReturnType<typeof attendeeCounts>>;
  scores: Awaited<ReturnType<typeof scoreCounts>>;
}

/** The group a cell falls in. */
function groupOf(grouping: Grouping, cell: ActivityCell, prefectures: StationPrefectures): string {
  switch (grouping) {
    case 'all':
      return 'all';
    case 'station':
      return cell.stationCode;
    case 'prefecture':
      return prefectureOf(prefectures, cell.stationCode);
    case 'month':
      return cell.month;
  }
}

/** The tallies of one grouping, by key, in key order: a group is there when any of its cells was read. */
function tallies(counts: ActivityCounts, grouping: Grouping, prefectures: StationPrefectures): Array<{ key: string } & ActivityTally> {
  const byKey = new Map<string, { key: string; tally: Omit<ActivityTally, 'satisfaction'>; byScore: number[] }>();
  const entry = (cell: ActivityCell) => {
    const key = groupOf(grouping, cell, prefectures);
    let held = byKey.get(key);
    if (!held) {
      held = { key, tally: { visits: 0, visitors: 0, sessionsHeld: 0, sessionsCancelled: 0, attendees: 0 }, byScore: surveyScores.map(() => 0) };
      byKey.set(key, held);
    }
    return held;
  };
  for (const row of counts.visits) {
    const { tally } = entry(row.cell);
    tally.visits += row.visits;
    tally.visitors += row.visitors;
  }
  for (const row of counts.sessions) {
    const { tally } = entry(row.cell);
    tally.sessionsHeld += row.held;
    tally.sessionsCancelled += row.cancelled;
  }
  for (const row of counts.attendees) entry(row.cell).tally.attendees += row.attendees;
  for (const row of counts.scores) {
    const { byScore } = entry(row.cell);
    byScore[row.score - 1] = (byScore[row.score - 1] ?? 0) + row.answers;
  }
  // The totals are one group even with nothing counted.
  if (grouping === 'all' && byKey.size === 0) entry({ stationCode: '', month: '' });
  return [...byKey.values()]
    .sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0))
    .map(({ key, tally, byScore }) => ({ key, ...tally, satisfaction: satisfactionAgainstTarget(byScore) }));
}

function emptyTally(): ActivityTally {
  return { visits: 0, visitors: 0, sessionsHeld: 0, sessionsCancelled: 0, attendees: 0, satisfaction: satisfactionAgainstTarget([]) };
}

function withoutKey({ key: _key, ...tally }: { key: string } & ActivityTally): ActivityTally {
  return tally;
}

/**
 * The province's visitors and life-education figures over a period (whole days in China Standard Time, both
 * included), read when called: a session amended or cancelled after it was counted counts as it stands now.
 * The populations are those set for the year the period ends in (or the latest year before it).
 */
export async function reachFigures(store: HubStore, provinceCode: string, period: FiguresPeriod, now: Date = new Date()): Promise<ReachFigures> {
  const range = momentRange(checkedPeriod(period));
  const window: Window = { provinceCode, period, range, now: now.toISOString() };
  const [visits, sessions, attendees, scores, stations, populations] = await Promise.all([
    visitCounts(store, window),
    sessionCounts(store, window),
    attendeeCounts(store, window),
    scoreCounts(store, window),
    stationPrefectures(store, provinceCode),
    populationsFor(store.db, provinceCode, Number(period.to.slice(0, 4))),
  ]);
  const counts: ActivityCounts = { visits, sessions, attendees, scores };
  const [total] = tallies(counts, 'all', stations);
  const byStation = tallies(counts, 'station', stations);
  const prefectures = tallies(counts, 'prefecture', stations);
  const byMonth = tallies(counts, 'month', stations);
  const judged = (reach: number, population: number | null) =>
    reachAgainstTarget({ reach, localPopulation: population, reachTargetPercent: DEFAULT_REACH_TARGET_PERCENT, from: period.from, to: period.to });

  const prefectureCodes = [...new Set([...prefectures.map((tally) => tally.key), ...populations.keys()])].sort();
  const byPrefecture = prefectureCodes.map((prefectureCode) => {
    const tally = prefectures.find((entry) => entry.key === prefectureCode);
    const population = populations.get(prefectureCode) ?? null;
    const counted = tally ? withoutKey(tally) : emptyTally();
    return { prefectureCode, populationYear: population?.year ?? null, ...counted, reach: judged(counted.attendees, population?.population ?? null) };
  });
  const prefecturesWithoutPopulation = byPrefecture.filter((entry) => entry.attendees !== 0 && entry.populationYear === null).map((entry) => entry.prefectureCode);
  // Judged only when every prefecture that reached people has its population, so the share is never overstated.
  const provincePopulation =
    populations.size === 0 || prefecturesWithoutPopulation.length > 0 ? null : [...populations.values()].reduce((sum, entry) => sum + entry.population, 0);
  const totals = total ? withoutKey(total) : emptyTally();
  return {
    targets: { reachYearlyPercent: DEFAULT_REACH_TARGET_PERCENT, satisfactionShare: SATISFACTION_TARGET_SHARE },
    totals: { ...totals, reach: judged(totals.attendees, provincePopulation), prefecturesWithoutPopulation },
    byStation: byStation.map(({ key, ...tally }) => ({ stationCode: key, ...tally })),
    byPrefecture,
    byMonth: byMonth.map(({ key, ...tally }) => ({ month: key, ...tally })),
  };
}
