import { sql } from 'kysely';
import type { Executor } from './executor';
import type {
  EducationGroupRow,
  EducationSessionRow,
  EducationSessionRowUpdate,
  EducationSurveyRow,
  EducationWalkInRow,
  NewEducationGroupRow,
  NewEducationSessionRow,
  NewEducationSurveyRow,
  NewEducationWalkInRow,
} from '../rows';

/**
 * Timestamps are stored as `Date.toISOString()` (UTC, milliseconds), so text order is time order;
 * rows of the same millisecond keep the order they were written in (rowid).
 */

export async function insertSession(db: Executor, row: NewEducationSessionRow): Promise<void> {
  await db.insertInto('education_session').values(row).execute();
}

export async function findSession(db: Executor, id: string): Promise<EducationSessionRow | undefined> {
  return db.selectFrom('education_session').selectAll().where('id', '=', id).executeTakeFirst();
}

export type SessionChange = Omit<EducationSessionRowUpdate, 'id' | 'station_code' | 'created_at' | 'created_by'> & { version: number; updated_at: string };

/** Applies a change only to the version it was decided on; false when another desk changed the session first. */
export async function updateSession(db: Executor, id: string, expectedVersion: number, change: SessionChange): Promise<boolean> {
  const result = await db
    .updateTable('education_session')
    .set(change)
    .where('id', '=', id)
    .where('version', '=', expectedVersion)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** Every session of a station date, in the order they start. */
export async function sessionsOn(db: Executor, date: string): Promise<EducationSessionRow[]> {
  return db.selectFrom('education_session').selectAll().where('session_date', '=', date).orderBy('starts_at').orderBy('id').execute();
}

/** Sessions not yet over, soonest first, or those over, latest first. */
export async function listSessions(db: Executor, period: 'upcoming' | 'past', now: string, limit: number): Promise<EducationSessionRow[]> {
  const query = db.selectFrom('education_session').selectAll();
  return period === 'upcoming'
    ? query.where('ends_at', '>', now).orderBy('starts_at', 'asc').orderBy('id').limit(limit).execute()
    : query.where('ends_at', '<=', now).orderBy('starts_at', 'desc').orderBy('id').limit(limit).execute();
}

export async function countSessions(db: Executor, period: 'upcoming' | 'past', now: string): Promise<number> {
  const row = await db
    .selectFrom('education_session')
    .select((eb) => eb.fn.countAll<number>().as('count'))
    .where('ends_at', period === 'upcoming' ? '>' : '<=', now)
    .executeTakeFirstOrThrow();
  return Number(row.count);
}

export async function insertGroup(db: Executor, row: NewEducationGroupRow): Promise<void> {
  await db.insertInto('education_group').values(row).execute();
}

export async function findGroup(db: Executor, id: string): Promise<EducationGroupRow | undefined> {
  return db.selectFrom('education_group').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function groupsOf(db: Executor, sessionIds: string[]): Promise<EducationGroupRow[]> {
  if (sessionIds.length === 0) return [];
  return db.selectFrom('education_group').selectAll().where('session_id', 'in', sessionIds).orderBy('checked_in_at').orderBy(sql`rowid`).execute();
}

export async function insertWalkIn(db: Executor, row: NewEducationWalkInRow): Promise<void> {
  await db.insertInto('education_walk_in').values(row).execute();
}

export async function walkInsOf(db: Executor, sessionIds: string[]): Promise<EducationWalkInRow[]> {
  if (sessionIds.length === 0) return [];
  return db.selectFrom('education_walk_in').selectAll().where('session_id', 'in', sessionIds).orderBy('recorded_at').orderBy(sql`rowid`).execute();
}

export async function insertSurvey(db: Executor, row: NewEducationSurveyRow): Promise<void> {
  await db.insertInto('education_survey').values(row).execute();
}

/** The scores given for each session; comments stay where they are (sealed). */
export async function surveyScoresOf(db: Executor, sessionIds: string[]): Promise<Array<{ session_id: string; score: number }>> {
  if (sessionIds.length === 0) return [];
  return db.selectFrom('education_survey').select(['session_id', 'score']).where('session_id', 'in', sessionIds).execute();
}

/** The answers to a session's survey that carry a comment (still sealed), latest first. */
export async function surveyCommentsOf(db: Executor, sessionId: string): Promise<Array<EducationSurveyRow & { comment: string }>> {
  return db
    .selectFrom('education_survey')
    .selectAll()
    .where('session_id', '=', sessionId)
    .where('comment', 'is not', null)
    .$narrowType<{ comment: string }>()
    .orderBy('answered_at', 'desc')
    .orderBy('id')
    .execute();
}

/** Serials of the attendance certificates issued for these groups and not voided. */
export async function attendanceCertificatesOf(db: Executor, groupIds: string[]): Promise<Array<{ subject_id: string; serial: string }>> {
  if (groupIds.length === 0) return [];
  return db
    .selectFrom('document')
    .select(['subject_id', 'serial'])
    .where('kind', '=', 'attendance_certificate')
    .where('subject_type', '=', 'session')
    .where('subject_id', 'in', groupIds)
    .where('state', '!=', 'voided')
    .orderBy('issued_at')
    .execute();
}
