import { sql, type RawBuilder } from 'kysely';
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
import type { HubEngine } from '../db/engine';
import type { HubStore } from '../db/open';
import { countedNumber } from '../db/values';
import { checkedPeriod, momentRange, PROVINCE_UTC_OFFSET_HOURS, type FiguresPeriod, type MomentRange } from './period';

/**
 * Visitors and life-education figures, read from the activity projections (migration 0005) with grouped SQL,
 * with the meaning the station's own figures have (`electron/services/figures/figures.ts`): a session is held
 * when it is not cancelled and has started; attendance (group head counts and walk-in counts, corrections
 * included) and survey answers count at held sessions only, in the month of their session's day; a cancelled
 * session's attendance counts nowhere. Reach is judged against the yearly target scaled to the period, over the
 * prefectures' populations the province set; satisfaction is the share of answers of 4 or 5 against 95 %.
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

/** The month of a stored moment in the province's time, YYYY-MM, on either engine. */
function momentMonth(engine: HubEngine, column: string): RawBuilder<string> {
  const moment = sql.ref(column);
  if (engine === 'postgres') return sql<string>`to_char(timezone(${sql.raw(`interval '${PROVINCE_UTC_OFFSET_HOURS} hours'`)}, ${moment}), 'YYYY-MM')`;
  return sql<string>`strftime('%Y-%m', ${moment}, ${sql.lit(`+${PROVINCE_UTC_OFFSET_HOURS} hours`)})`;
}

/** What a grouping groups by; `month` is the visit's moment or the session's day. */
function groupKey(engine: HubEngine, grouping: Grouping, table: 'v' | 'x'): RawBuilder<string> {
  switch (grouping) {
    case 'all':
      // The totals: one group, never named in GROUP BY (PostgreSQL refuses a constant there).
      return sql<string>`${sql.lit('all')}`;
    case 'station':
      return sql<string>`${sql.ref(`${table}.station_code`)}`;
    case 'prefecture':
      // GB/T 2260: the first four digits of a region code name its prefecture.
      return sql<string>`substr(s.region_code, 1, 4)`;
    case 'month':
      return table === 'v' ? momentMonth(engine, 'v.visited_at') : sql<string>`substr(x.session_date, 1, 7)`;
  }
}

interface Window {
  provinceCode: string;
  period: FiguresPeriod;
  range: MomentRange;
  /** The moment the figures are read: a session not started yet is not held. */
  now: string;
}

async function visitCounts(store: HubStore, window: Window, grouping: Grouping) {
  const key = groupKey(store.engine, grouping, 'v');
  const rows = await store.db
    .selectFrom('activity_visit as v')
    .innerJoin('station as s', (join) => join.onRef('s.province_code', '=', 'v.province_code').onRef('s.code', '=', 'v.station_code'))
    .where('v.province_code', '=', window.provinceCode)
    .where('v.visited_at', '>=', window.range.start)
    .where('v.visited_at', '<', window.range.end)
    .select([key.as('group_key'), sql<Counted>`count(*)`.as('visits'), sql<Counted>`sum(v.party_size)`.as('visitors')])
    .$if(grouping !== 'all', (query) => query.groupBy(key))
    .execute();
  return rows.map((row) => ({ key: String(row.group_key), visits: countedNumber(row.visits), visitors: countedNumber(row.visitors) }));
}

/** Sessions of the province on a day of the period, with their station. */
function sessionsOfPeriod(store: HubStore, window: Window) {
  return store.db
    .selectFrom('activity_session as x')
    .innerJoin('station as s', (join) => join.onRef('s.province_code', '=', 'x.province_code').onRef('s.code', '=', 'x.station_code'))
    .where('x.province_code', '=', window.provinceCode)
    .where('x.session_date', '>=', window.period.from)
    .where('x.session_date', '<=', window.period.to);
}

/** Sessions held: of the period, not cancelled, started by the time the figures are read. */
function heldSessions(store: HubStore, window: Window) {
  return sessionsOfPeriod(store, window).where('x.state', '<>', 'cancelled').where('x.starts_at', '<=', window.now);
}

async function sessionCounts(store: HubStore, window: Window, grouping: Grouping) {
  const key = groupKey(store.engine, grouping, 'x');
  const rows = await sessionsOfPeriod(store, window)
    .select([
      key.as('group_key'),
      sql<Counted>`count(case when x.state <> 'cancelled' and x.starts_at <= ${window.now} then 1 end)`.as('held'),
      sql<Counted>`count(case when x.state = 'cancelled' then 1 end)`.as('cancelled'),
    ])
    .$if(grouping !== 'all', (query) => query.groupBy(key))
    .execute();
  return rows.map((row) => ({ key: String(row.group_key), held: countedNumber(row.held), cancelled: countedNumber(row.cancelled) }));
}

async function attendeeCounts(store: HubStore, window: Window, grouping: Grouping) {
  const key = groupKey(store.engine, grouping, 'x');
  const rows = await heldSessions(store, window)
    .innerJoin('activity_attendance as a', (join) =>
      join.onRef('a.province_code', '=', 'x.province_code').onRef('a.station_code', '=', 'x.station_code').onRef('a.session_id', '=', 'x.session_id'),
    )
    .select([key.as('group_key'), sql<Counted>`sum(a.people)`.as('attendees')])
    .$if(grouping !== 'all', (query) => query.groupBy(key))
    .execute();
  return rows.map((row) => ({ key: String(row.group_key), attendees: countedNumber(row.attendees) }));
}

async function scoreCounts(store: HubStore, window: Window, grouping: Grouping) {
  const key = groupKey(store.engine, grouping, 'x');
  const rows = await heldSessions(store, window)
    .innerJoin('activity_survey_answer as q', (join) =>
      join.onRef('q.province_code', '=', 'x.province_code').onRef('q.station_code', '=', 'x.station_code').onRef('q.session_id', '=', 'x.session_id'),
    )
    .select([key.as('group_key'), 'q.score as score', sql<Counted>`count(*)`.as('answers')])
    .groupBy(grouping === 'all' ? ['q.score'] : [key, 'q.score'])
    .execute();
  return rows.map((row) => ({ key: String(row.group_key), score: countedNumber(row.score), answers: countedNumber(row.answers) }));
}

/** The tallies of one grouping, by key, in key order. */
async function tallies(store: HubStore, window: Window, grouping: Grouping): Promise<Array<{ key: string } & ActivityTally>> {
  const [visits, sessions, attendees, scores] = await Promise.all([
    visitCounts(store, window, grouping),
    sessionCounts(store, window, grouping),
    attendeeCounts(store, window, grouping),
    scoreCounts(store, window, grouping),
  ]);
  const byKey = new Map<string, { key: string; tally: Omit<ActivityTally, 'satisfaction'>; byScore: number[] }>();
  const entry = (key: string) => {
    let held = byKey.get(key);
    if (!held) {
      held = { key, tally: { visits: 0, visitors: 0, sessionsHeld: 0, sessionsCancelled: 0, attendees: 0 }, byScore: surveyScores.map(() => 0) };
      byKey.set(key, held);
    }
    return held;
  };
  for (const row of visits) Object.assign(entry(row.key).tally, { visits: row.visits, visitors: row.visitors });
  for (const row of sessions) Object.assign(entry(row.key).tally, { sessionsHeld: row.held, sessionsCancelled: row.cancelled });
  for (const row of attendees) entry(row.key).tally.attendees = row.attendees;
  for (const row of scores) entry(row.key).byScore[row.score - 1] = row.answers;
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
  const [[total], byStation, prefectures, byMonth, populations] = await Promise.all([
    tallies(store, window, 'all'),
    tallies(store, window, 'station'),
    tallies(store, window, 'prefecture'),
    tallies(store, window, 'month'),
    populationsFor(store.db, provinceCode, Number(period.to.slice(0, 4))),
  ]);
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
