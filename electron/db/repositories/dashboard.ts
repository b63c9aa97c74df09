import { sql } from 'kysely';
import type { Executor } from './executor';

/**
 * Sums for the dashboard, read from the tallies of migration 0012 only (never the records), so a
 * year over a million registrations costs a few thousand rows. Days are Beijing calendar dates,
 * both ends of a range included.
 */

export interface DayRange {
  from: string;
  to: string;
}

export interface RegistrationCount {
  month: string;
  station: string;
  program: string;
  event: string;
  count: number;
}

/** Registration events of a range, per month, station code and program. */
export async function registrationCounts(db: Executor, days: DayRange): Promise<RegistrationCount[]> {
  const rows = await db
    .selectFrom('registration_tally')
    .select([
      sql<string>`substr(day, 1, 7)`.as('month'),
      'station_code',
      'program',
      'event',
      (eb) => eb.fn.sum<number>('count').as('count'),
    ])
    .where('day', '>=', days.from)
    .where('day', '<=', days.to)
    .groupBy(['month', 'station_code', 'program', 'event'])
    .execute();
  return rows
    .map((row) => ({ month: row.month, station: row.station_code, program: row.program, event: row.event, count: Number(row.count) }))
    .filter((row) => row.count !== 0);
}

export interface YearCount {
  year: number;
  event: string;
  count: number;
}

/** Registration events per calendar year over a range of days. */
export async function registrationCountsByYear(db: Executor, days: DayRange): Promise<YearCount[]> {
  const rows = await db
    .selectFrom('registration_tally')
    .select([sql<string>`substr(day, 1, 4)`.as('year'), 'event', (eb) => eb.fn.sum<number>('count').as('count')])
    .where('day', '>=', days.from)
    .where('day', '<=', days.to)
    .groupBy(['year', 'event'])
    .execute();
  return rows.map((row) => ({ year: Number(row.year), event: row.event, count: Number(row.count) }));
}

/** Registrations of a range per answer to "where did you hear of us" ('' for none). */
export async function registrationsByHeardFrom(db: Executor, days: DayRange): Promise<Array<{ heardFrom: string; count: number }>> {
  const rows = await db
    .selectFrom('registration_source_tally')
    .select(['heard_from', (eb) => eb.fn.sum<number>('count').as('count')])
    .where('day', '>=', days.from)
    .where('day', '<=', days.to)
    .groupBy('heard_from')
    .execute();
  return rows.map((row) => ({ heardFrom: row.heard_from, count: Number(row.count) }));
}

export interface SessionRegistrations {
  sessionId: string;
  /** Null when the session is not on this station. */
  title: string | null;
  date: string | null;
  registrations: number;
}

/** The sessions registrations of a range named, with their title and day, most registrations first. */
export async function registrationsBySession(db: Executor, days: DayRange): Promise<SessionRegistrations[]> {
  const rows = await db
    .selectFrom(
      db
        .selectFrom('registration_source_tally')
        .select(['session_id', (eb) => eb.fn.sum<number>('count').as('registrations')])
        .where('day', '>=', days.from)
        .where('day', '<=', days.to)
        .where('session_id', '!=', '')
        .groupBy('session_id')
        .as('named'),
    )
    .leftJoin('education_session as session', 'session.id', 'named.session_id')
    .select(['named.session_id', 'named.registrations', 'session.title', 'session.session_date'])
    .execute();
  return rows
    .map((row) => ({ sessionId: row.session_id, title: row.title, date: row.session_date, registrations: Number(row.registrations) }))
    .filter((row) => row.registrations > 0)
    .sort((a, b) => b.registrations - a.registrations || (a.date ?? '').localeCompare(b.date ?? '') || a.sessionId.localeCompare(b.sessionId));
}

export interface StemCellCount {
  status: string;
  contactConsent: boolean;
  count: number;
}

/** Stem-cell volunteers signed up in a range, by the step they stand at now and their follow-up contact consent. */
export async function stemCellCounts(db: Executor, days: DayRange): Promise<StemCellCount[]> {
  const rows = await db
    .selectFrom('stem_cell_tally')
    .select(['status', 'contact_consent', (eb) => eb.fn.sum<number>('count').as('count')])
    .where('day', '>=', days.from)
    .where('day', '<=', days.to)
    .groupBy(['status', 'contact_consent'])
    .execute();
  return rows.map((row) => ({ status: row.status, contactConsent: row.contact_consent !== 0, count: Number(row.count) }));
}
