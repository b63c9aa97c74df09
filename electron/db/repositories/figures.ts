import { sql, type RawBuilder } from 'kysely';
import type { Executor } from './executor';

/**
 * Sums per site and month for the memorial and education figures. Moments are stored as UTC ISO
 * strings, so a period is the half-open range of instants [from, to) and the month of a moment is
 * taken in Beijing time (UTC+8, no daylight saving). Sessions carry their Beijing day already.
 */

/** `YYYY-MM` of a stored UTC moment, on the station's calendar. */
function stationMonth(column: string): RawBuilder<string> {
  return sql<string>`strftime('%Y-%m', ${sql.ref(column)}, '+8 hours')`;
}

export interface InstantRange {
  /** First instant of the period (inclusive), ISO. */
  from: string;
  /** First instant after the period (exclusive), ISO. */
  to: string;
}

export interface DayRange {
  from: string;
  to: string;
}

export interface VisitMonth {
  month: string;
  signIns: number;
  people: number;
}

/**
 * Sign-ins and people per month, from the daily tally of migration 0012: it keeps the counts of
 * sign-ins the retention purge has deleted, and a year of a busy park is a few hundred rows.
 */
export async function visitsByMonth(db: Executor, site: string, days: DayRange): Promise<VisitMonth[]> {
  const rows = await db
    .selectFrom('visit_tally')
    .select([
      sql<string>`substr(day, 1, 7)`.as('month'),
      (eb) => eb.fn.sum<number>('sign_ins').as('sign_ins'),
      (eb) => eb.fn.sum<number>('people').as('people'),
    ])
    .where('day', '>=', days.from)
    .where('day', '<=', days.to)
    .where('station_code', '=', site)
    .groupBy('month')
    .execute();
  return rows
    .map((row) => ({ month: row.month, signIns: Number(row.sign_ins), people: Number(row.people) }))
    .filter((row) => row.signIns !== 0);
}

export interface MessageMonth {
  month: string;
  submitted: number;
  approved: number;
}

/** Messages written in the period, and how many of them staff approved for the wall. */
export async function messagesByMonth(db: Executor, site: string, range: InstantRange): Promise<MessageMonth[]> {
  const rows = await db
    .selectFrom('visitor_message')
    .select([
      stationMonth('written_at').as('month'),
      (eb) => eb.fn.countAll<number>().as('submitted'),
      sql<number>`sum(case when state = 'approved' then 1 else 0 end)`.as('approved'),
    ])
    .where('station_code', '=', site)
    .where('written_at', '>=', range.from)
    .where('written_at', '<', range.to)
    .groupBy('month')
    .execute();
  return rows.map((row) => ({ month: row.month, submitted: Number(row.submitted), approved: Number(row.approved) }));
}

/**
 * Sessions held: not cancelled, on a day of the period, and started by `now` (one still to come has
 * nobody to count yet). Every attendance figure below is over these sessions only.
 */
function heldSessions(db: Executor, site: string, days: DayRange, now: string) {
  return db
    .selectFrom('education_session as session')
    .where('session.station_code', '=', site)
    .where('session.session_date', '>=', days.from)
    .where('session.session_date', '<=', days.to)
    .where('session.state', '!=', 'cancelled')
    .where('session.starts_at', '<=', now);
}

const sessionMonth = sql<string>`substr(session.session_date, 1, 7)`;

export interface SessionMonth {
  month: string;
  held: number;
  expectedHeadCount: number;
}

export async function heldSessionsByMonth(db: Executor, site: string, days: DayRange, now: string): Promise<SessionMonth[]> {
  const rows = await heldSessions(db, site, days, now)
    .select([
      sessionMonth.as('month'),
      (eb) => eb.fn.countAll<number>().as('held'),
      (eb) => eb.fn.sum<number>('session.expected_head_count').as('expected'),
    ])
    .groupBy('month')
    .execute();
  return rows.map((row) => ({ month: row.month, held: Number(row.held), expectedHeadCount: Number(row.expected) }));
}

/** Sessions of the period that were cancelled (never held). */
export async function cancelledSessionCount(db: Executor, site: string, days: DayRange): Promise<number> {
  const row = await db
    .selectFrom('education_session')
    .select((eb) => eb.fn.countAll<number>().as('count'))
    .where('station_code', '=', site)
    .where('session_date', '>=', days.from)
    .where('session_date', '<=', days.to)
    .where('state', '=', 'cancelled')
    .executeTakeFirstOrThrow();
  return Number(row.count);
}

export interface HeadCountMonth {
  month: string;
  people: number;
}

/** Head counts of the groups that checked in to sessions held. */
export async function groupHeadCountsByMonth(db: Executor, site: string, days: DayRange, now: string): Promise<HeadCountMonth[]> {
  const rows = await heldSessions(db, site, days, now)
    .innerJoin('education_group as entry', 'entry.session_id', 'session.id')
    .select([sessionMonth.as('month'), (eb) => eb.fn.sum<number>('entry.head_count').as('people')])
    .groupBy('month')
    .execute();
  return rows.map((row) => ({ month: row.month, people: Number(row.people) }));
}

/** Walk-ins counted at sessions held (corrections included, so a month's sum never goes below zero). */
export async function walkInsByMonth(db: Executor, site: string, days: DayRange, now: string): Promise<HeadCountMonth[]> {
  const rows = await heldSessions(db, site, days, now)
    .innerJoin('education_walk_in as entry', 'entry.session_id', 'session.id')
    .select([sessionMonth.as('month'), (eb) => eb.fn.sum<number>('entry.count').as('people')])
    .groupBy('month')
    .execute();
  return rows.map((row) => ({ month: row.month, people: Number(row.people) }));
}

export interface ScoreMonth {
  month: string;
  score: number;
  answers: number;
}

/** How many answers gave each score, per month, at sessions held. */
export async function surveyScoresByMonth(db: Executor, site: string, days: DayRange, now: string): Promise<ScoreMonth[]> {
  const rows = await heldSessions(db, site, days, now)
    .innerJoin('education_survey as entry', 'entry.session_id', 'session.id')
    .select([sessionMonth.as('month'), 'entry.score as score', (eb) => eb.fn.countAll<number>().as('answers')])
    .groupBy(['month', 'entry.score'])
    .execute();
  return rows.map((row) => ({ month: row.month, score: Number(row.score), answers: Number(row.answers) }));
}

/** Station codes with visits, messages or sessions in the period (the instant and day forms of it). */
export async function sitesWithRecords(db: Executor, range: InstantRange, days: DayRange): Promise<string[]> {
  const rows = await db
    .selectFrom('visit_tally')
    .select('station_code')
    .where('day', '>=', days.from)
    .where('day', '<=', days.to)
    .union(
      db.selectFrom('visitor_message').select('station_code').where('written_at', '>=', range.from).where('written_at', '<', range.to),
    )
    .union(
      db.selectFrom('education_session').select('station_code').where('session_date', '>=', days.from).where('session_date', '<=', days.to),
    )
    .orderBy('station_code')
    .execute();
  return rows.map((row) => row.station_code);
}

/** The message left with a sign-in, if any (the demo seeding moderates it afterwards). */
export async function messageIdOfSignIn(db: Executor, signInId: string): Promise<string | undefined> {
  const row = await db.selectFrom('visitor_message').select('id').where('sign_in_id', '=', signInId).executeTakeFirst();
  return row?.id;
}
