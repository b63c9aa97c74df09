import type { Insertable } from 'kysely';
import type { IncomingBatch } from '../db/repositories/take-batch';
import type { HubDatabase } from '../db/schema';
import type { LineContent, LineOrigin } from '../people/apply-lines';
import { groupFacts, sessionFacts, surveyFacts, visitFacts, walkInFacts, type AttendanceFacts } from './payloads';
import { writeLatest } from './projections';

/** The rows a batch adds to or changes in the activity projections, collected before anything is written. */
interface ActivityRows {
  visits: Array<Insertable<HubDatabase['activity_visit']>>;
  sessions: Array<Insertable<HubDatabase['activity_session']>>;
  attendance: Array<Insertable<HubDatabase['activity_attendance']>>;
  answers: Array<Insertable<HubDatabase['activity_survey_answer']>>;
}

/**
 * The step `takeBatch` runs once a batch's versions are stored, after the people's step and in the same
 * transaction: every version of a memorial or education kind stored now updates its projection (visits,
 * sessions, attendance, survey answers). A duplicate or a conflicting version is not stored, so it changes
 * nothing; a record's row follows its highest version, whatever order the versions arrive in. Each projection
 * is written in multi-row statements.
 */
export function applyActivityLines(origin: LineOrigin, lines: readonly LineContent[]): NonNullable<IncomingBatch['afterStore']> {
  const contentOf = new Map(lines.map((line) => [line.lineSeq, line]));
  return async (trx, outcomes) => {
    const rows: ActivityRows = { visits: [], sessions: [], attendance: [], answers: [] };
    for (const outcome of outcomes) {
      if (outcome.status !== 'accepted') continue;
      const line = contentOf.get(outcome.lineSeq);
      if (!line) throw new Error(`line ${outcome.lineSeq} was stored without its content`);
      collect(rows, origin, line);
    }
    await writeLatest(trx, 'activity_visit', rows.visits);
    await writeLatest(trx, 'activity_session', rows.sessions);
    await writeLatest(trx, 'activity_attendance', rows.attendance);
    await writeLatest(trx, 'activity_survey_answer', rows.answers);
  };
}

/** Adds the row a line stands for; lines of other kinds, or without the figures' shape, add none. */
function collect(rows: ActivityRows, origin: LineOrigin, line: LineContent): void {
  const key = { province_code: origin.provinceCode, station_code: origin.stationCode };
  switch (line.entityKind) {
    case 'visitor_sign_in': {
      const visit = visitFacts(line.payload);
      if (visit) {
        rows.visits.push({ ...key, visit_id: line.entityId, visited_at: visit.visitedAt, party_size: visit.partySize, purpose: visit.purpose, version: line.version });
      }
      return;
    }
    case 'education_session': {
      const session = sessionFacts(line.payload);
      if (session) {
        rows.sessions.push({
          ...key,
          session_id: line.entityId,
          session_date: session.sessionDate,
          starts_at: session.startsAt,
          state: session.state,
          audience_kind: session.audienceKind,
          version: line.version,
          changed_at: line.changedAt,
        });
      }
      return;
    }
    case 'education_group':
      return addAttendance(rows, key, line, groupFacts(line.payload));
    case 'education_walk_in':
      return addAttendance(rows, key, line, walkInFacts(line.payload));
    case 'education_survey': {
      const answer = surveyFacts(line.payload);
      if (answer) {
        rows.answers.push({ ...key, answer_id: line.entityId, session_id: answer.sessionId, score: answer.score, answered_at: answer.answeredAt, version: line.version });
      }
      return;
    }
  }
}

function addAttendance(rows: ActivityRows, key: { province_code: string; station_code: string }, line: LineContent, facts: AttendanceFacts | null): void {
  if (!facts) return;
  rows.attendance.push({
    ...key,
    entry_kind: line.entityKind,
    entry_id: line.entityId,
    session_id: facts.sessionId,
    people: facts.people,
    recorded_at: facts.recordedAt,
    version: line.version,
  });
}
