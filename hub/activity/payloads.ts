import { SURVEY_MAX_SCORE, SURVEY_MIN_SCORE } from '../../shared/domain/education';

/**
 * The figures the hub reads from the memorial and education kinds (docs/sync-protocol.md §5.3). The line
 * checks do not look inside these payloads, so each reader checks the fields it uses: a payload without their
 * shape reads as null, is stored as sent, and counts nowhere.
 */

/** A memorial park visit. */
export interface VisitFacts {
  visitedAt: string;
  partySize: number;
  purpose: string;
}

/** A life-education session as one version states it. */
export interface SessionFacts {
  sessionDate: string;
  startsAt: string;
  state: string;
  audienceKind: string;
}

/** People counted at a session: a group's head count, or walk-ins (a negative count corrects an earlier one). */
export interface AttendanceFacts {
  sessionId: string;
  people: number;
  recordedAt: string;
}

/** One survey answer at a session. */
export interface SurveyFacts {
  sessionId: string;
  score: number;
  answeredAt: string;
}

type Payload = Record<string, unknown>;

function isObject(value: unknown): value is Payload {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

const DAY = /^\d{4}-\d{2}-\d{2}$/;

/** A moment as ISO-8601 UTC text, so that SQLite's text comparison orders it; null when it is not one. */
function moment(value: unknown): string | null {
  if (typeof value !== 'string') return null;
  const time = Date.parse(value);
  return Number.isNaN(time) ? null : new Date(time).toISOString();
}

const text = (value: unknown): string | null => (typeof value === 'string' && value !== '' ? value : null);
const wholeNumber = (value: unknown): number | null => (typeof value === 'number' && Number.isSafeInteger(value) ? value : null);

/** A `visitor_sign_in` payload's figures. */
export function visitFacts(payload: unknown): VisitFacts | null {
  if (!isObject(payload)) return null;
  const visitedAt = moment(payload.visitedAt);
  const partySize = wholeNumber(payload.partySize);
  const purpose = text(payload.purpose);
  if (visitedAt === null || partySize === null || partySize < 1 || purpose === null) return null;
  return { visitedAt, partySize, purpose };
}

/** An `education_session` payload's figures. */
export function sessionFacts(payload: unknown): SessionFacts | null {
  if (!isObject(payload)) return null;
  const startsAt = moment(payload.startsAt);
  const sessionDate = typeof payload.sessionDate === 'string' && DAY.test(payload.sessionDate) ? payload.sessionDate : null;
  const state = text(payload.state);
  const audienceKind = text(payload.audienceKind);
  if (startsAt === null || sessionDate === null || state === null || audienceKind === null) return null;
  return { sessionDate, startsAt, state, audienceKind };
}

/** An `education_group` payload's figures: its head count. */
export function groupFacts(payload: unknown): AttendanceFacts | null {
  if (!isObject(payload)) return null;
  const sessionId = text(payload.sessionId);
  const people = wholeNumber(payload.headCount);
  const recordedAt = moment(payload.checkedInAt);
  if (sessionId === null || people === null || people < 1 || recordedAt === null) return null;
  return { sessionId, people, recordedAt };
}

/** An `education_walk_in` payload's figures: its count, negative when it corrects an earlier one. */
export function walkInFacts(payload: unknown): AttendanceFacts | null {
  if (!isObject(payload)) return null;
  const sessionId = text(payload.sessionId);
  const people = wholeNumber(payload.count);
  const recordedAt = moment(payload.recordedAt);
  if (sessionId === null || people === null || people === 0 || recordedAt === null) return null;
  return { sessionId, people, recordedAt };
}

/** An `education_survey` payload's figures: a score of 1 to 5. */
export function surveyFacts(payload: unknown): SurveyFacts | null {
  if (!isObject(payload)) return null;
  const sessionId = text(payload.sessionId);
  const score = wholeNumber(payload.score);
  const answeredAt = moment(payload.answeredAt);
  if (sessionId === null || score === null || score < SURVEY_MIN_SCORE || score > SURVEY_MAX_SCORE || answeredAt === null) return null;
  return { sessionId, score, answeredAt };
}
