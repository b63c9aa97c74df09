import { stationDate, type CalendarDate } from './age';

/**
 * Life-education sessions: scheduled by staff, attended by groups
 * that check in at the kiosk and by walk-ins that staff count, and rated on a five-point survey.
 * Attendance is recorded per group (organisation, contact adult, head count, age band), never per
 * child: the data of children under 14 is sensitive.
 */

/** Who a session is given for. */
export const audienceKinds = ['school', 'community', 'workplace', 'other'] as const;
export type AudienceKind = (typeof audienceKinds)[number];

/** The ages of a group, as one band for the whole group. */
export const ageBands = ['under_12', 'age_12_17', 'adults', 'seniors', 'mixed'] as const;
export type AgeBand = (typeof ageBands)[number];

/** A session is scheduled until staff cancel it; cancelled is final. */
export const sessionStates = ['scheduled', 'cancelled'] as const;
export type SessionState = (typeof sessionStates)[number];

/** The staff list shows sessions still to come (or running) apart from those that are over. */
export const sessionPeriods = ['upcoming', 'past'] as const;
export type SessionPeriod = (typeof sessionPeriods)[number];

/** The largest head count a session expects, a group brings, or one walk-in entry adds. */
export const MAX_EXPECTED_HEAD_COUNT = 5000;
export const MAX_GROUP_HEAD_COUNT = 500;
export const MAX_WALK_IN_COUNT = 500;

/** The survey's scale: 1 (very dissatisfied) to 5 (very satisfied); 4 and 5 count as satisfied. */
export const SURVEY_MIN_SCORE = 1;
export const SURVEY_MAX_SCORE = 5;
export const SATISFIED_FROM_SCORE = 4;
export const surveyScores = [1, 2, 3, 4, 5] as const;

/**
 * How long one kiosk window waits before it may answer the same session's survey again: the kiosk holds
 * its thank-you screen this long, and the station refuses a second answer from that window meanwhile.
 */
export const SURVEY_COOL_DOWN_SECONDS = 60;

/** Code points of a survey comment, of a title, venue, host or organisation, and of a cancel reason. */
export const MAX_SURVEY_COMMENT_LENGTH = 500;
export const MAX_SESSION_TEXT_LENGTH = 100;

/** The times of a session, as the rules below need them. */
export interface SessionTimes {
  startsAt: string;
  endsAt: string;
  state: SessionState;
}

/** The station's calendar date a session is held on (the date of its start, Beijing time). */
export function sessionDate(startsAt: string): CalendarDate {
  return stationDate(new Date(startsAt));
}

/** The moment a station date and wall-clock time `HH:MM` stand for, in Beijing time, as an ISO string. */
export function stationMoment(date: CalendarDate, time: string): string {
  return new Date(`${date}T${time}:00+08:00`).toISOString();
}

/** The wall-clock time `HH:MM` of a moment at the station (Beijing time, UTC+8, no daylight saving). */
export function stationTime(moment: string): string {
  return new Date(new Date(moment).getTime() + 8 * 3_600_000).toISOString().slice(11, 16);
}

/** Details can change, and the session can be cancelled, only before it starts. */
export function canChangeSession(session: SessionTimes, now: Date): boolean {
  return session.state === 'scheduled' && now.getTime() < Date.parse(session.startsAt);
}

/** Groups check in on the day of the session, before or after it starts, until the day is over. */
export function canCheckIn(session: SessionTimes, now: Date): boolean {
  return session.state === 'scheduled' && sessionDate(session.startsAt) === stationDate(now);
}

/** The survey is open from the start of the session until the end of its day. */
export function isSurveyOpen(session: SessionTimes, now: Date): boolean {
  return canCheckIn(session, now) && now.getTime() >= Date.parse(session.startsAt);
}

/** Walk-ins are counted once the session has started (staff may enter them later, too). */
export function canCountWalkIns(session: SessionTimes, now: Date): boolean {
  return session.state === 'scheduled' && now.getTime() >= Date.parse(session.startsAt);
}

/** What the survey says of a session: how many answered, the mean score, and the share who gave 4 or 5. */
export interface SurveySummary {
  count: number;
  /** Null while nobody has answered. */
  mean: number | null;
  /** Between 0 and 1; null while nobody has answered. */
  satisfiedShare: number | null;
  /** How many gave each score, 1 to 5 in order. */
  byScore: number[];
}

/** Sums up survey scores (whole numbers 1–5; anything else is not a score and is left out). */
export function summariseSurvey(scores: readonly number[]): SurveySummary {
  const valid = scores.filter((score) => Number.isInteger(score) && score >= SURVEY_MIN_SCORE && score <= SURVEY_MAX_SCORE);
  const byScore = surveyScores.map((value) => valid.filter((score) => score === value).length);
  if (valid.length === 0) return { count: 0, mean: null, satisfiedShare: null, byScore };
  const total = valid.reduce((sum, score) => sum + score, 0);
  const satisfied = valid.filter((score) => score >= SATISFIED_FROM_SCORE).length;
  return { count: valid.length, mean: total / valid.length, satisfiedShare: satisfied / valid.length, byScore };
}

/** How long an organisation may be where a document's QR code names it (the signed payload's limit). */
export const SHORT_ORGANISATION_LENGTH = 8;

/**
 * An organisation as a certificate's QR code and the documents list name it: whole when short, else its
 * first characters and `*` (`昆明市第一中学*`), enough to match the paper against the group holding it.
 */
export function shortOrganisation(organisation: string): string {
  const characters = Array.from(organisation);
  if (characters.length <= SHORT_ORGANISATION_LENGTH) return organisation;
  return `${characters.slice(0, SHORT_ORGANISATION_LENGTH - 1).join('')}*`;
}

/** Everyone who attended: the head counts of the groups that checked in plus the walk-ins. */
export function actualHeadCount(groupHeadCounts: readonly number[], walkInCounts: readonly number[]): number {
  const sum = (values: readonly number[]) => values.reduce((total, value) => total + value, 0);
  return sum(groupHeadCounts) + sum(walkInCounts);
}
