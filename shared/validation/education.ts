import { z } from 'zod';
import {
  ageBands,
  audienceKinds,
  MAX_EXPECTED_HEAD_COUNT,
  MAX_GROUP_HEAD_COUNT,
  MAX_SESSION_TEXT_LENGTH,
  MAX_SURVEY_COMMENT_LENGTH,
  MAX_WALK_IN_COUNT,
  sessionDate,
  sessionPeriods,
  sessionStates,
  SURVEY_MAX_SCORE,
  SURVEY_MIN_SCORE,
} from '../domain/education';
import { checkedText, isoTimestamp, optionalCheckedText, personName } from './fields';
import { freeTextCheck } from './free-text';
import { anyPhone, shortText } from './registration';

const recordId = z.string({ error: 'required' }).min(1, { error: 'required' }).max(64, { error: 'invalid' });

/** A title, venue, host or organisation: one line of free text. */
const sessionText = checkedText(freeTextCheck(MAX_SESSION_TEXT_LENGTH));

/** A moment with its offset (the screens send Beijing time, `+08:00`). */
const moment = z.string({ error: 'required' }).min(1, { error: 'required' }).pipe(z.iso.datetime({ offset: true, error: 'invalid' }));

function wholeNumber(min: number, max: number, reason: 'head_count_range' | 'walk_in_count' | 'survey_score') {
  return z.number({ error: reason }).int({ error: reason }).min(min, { error: reason }).max(max, { error: reason });
}

/** What staff enter for a session; it ends after it starts, on the same day (Beijing time). */
const sessionFields = z.object({
  title: sessionText,
  startsAt: moment,
  endsAt: moment,
  venue: sessionText,
  host: sessionText,
  audienceKind: z.enum(audienceKinds, { error: 'audience_kind' }),
  expectedHeadCount: wholeNumber(1, MAX_EXPECTED_HEAD_COUNT, 'head_count_range'),
});

/** Before this moment a session start is past on any station clock (the service checks against today). */
const EARLIEST_SESSION_START = Date.parse('2000-01-01T00:00:00+08:00');

function checkTimes(input: { startsAt: string; endsAt: string }, ctx: z.RefinementCtx): void {
  // A malformed time has its own issue already; comparing it would add a misleading second one.
  if (!moment.safeParse(input.startsAt).success || !moment.safeParse(input.endsAt).success) return;
  if (Date.parse(input.startsAt) < EARLIEST_SESSION_START) {
    // Certainly past; checked first because historic Beijing dates carry a local-mean-time offset that
    // would otherwise make an ordinary evening session look like it spans two days.
    ctx.addIssue({ code: 'custom', message: 'session_start_past', path: ['startsAt'] });
    return;
  }
  if (Date.parse(input.endsAt) <= Date.parse(input.startsAt)) {
    ctx.addIssue({ code: 'custom', message: 'session_end_before_start', path: ['endsAt'] });
  } else if (sessionDate(input.endsAt) !== sessionDate(input.startsAt)) {
    // A session's check-in and survey belong to its day: one that runs past midnight is two sessions.
    ctx.addIssue({ code: 'custom', message: 'session_spans_days', path: ['endsAt'] });
  }
}

export const sessionScheduleInput = sessionFields.superRefine(checkTimes);

/** New details of a session not yet started; `version` is the one the screen read. */
export const sessionUpdateInput = sessionFields
  .extend({ sessionId: recordId, version: z.number({ error: 'invalid' }).int({ error: 'invalid' }).min(1, { error: 'invalid' }) })
  .superRefine(checkTimes);

export const sessionCancelInput = z.object({
  sessionId: recordId,
  version: z.number({ error: 'invalid' }).int({ error: 'invalid' }).min(1, { error: 'invalid' }),
  reason: shortText,
});

export const sessionListInput = z.object({
  period: z.enum(sessionPeriods, { error: 'invalid' }).default('upcoming'),
  limit: z.number({ error: 'invalid' }).int({ error: 'invalid' }).min(1, { error: 'invalid' }).max(200, { error: 'invalid' }).default(50),
});

export const sessionRef = z.object({ sessionId: recordId });

/**
 * A group checking in at the kiosk: the organisation, the contact adult (name and phone, sealed at
 * rest), how many came and their age band. Nothing about any child.
 */
export const groupCheckInInput = z.object({
  sessionId: recordId,
  organisation: sessionText,
  contactName: personName,
  contactPhone: anyPhone,
  headCount: wholeNumber(1, MAX_GROUP_HEAD_COUNT, 'head_count_range'),
  ageBand: z.enum(ageBands, { error: 'age_band' }),
  /** Set when the kiosk asked and the group confirmed that it checks in again (same organisation and phone). */
  confirmRepeat: z.boolean({ error: 'invalid' }).optional().default(false),
});

/** Walk-ins counted by staff; a negative count corrects an earlier entry. */
export const walkInInput = z.object({
  sessionId: recordId,
  count: wholeNumber(-MAX_WALK_IN_COUNT, MAX_WALK_IN_COUNT, 'walk_in_count').refine((count) => count !== 0, { error: 'walk_in_count' }),
});

export const surveyInput = z.object({
  sessionId: recordId,
  score: wholeNumber(SURVEY_MIN_SCORE, SURVEY_MAX_SCORE, 'survey_score'),
  comment: optionalCheckedText(freeTextCheck(MAX_SURVEY_COMMENT_LENGTH)),
});

export const groupRef = z.object({ groupId: recordId });

// ---- What comes back ----

export const sessionView = z.object({
  id: z.string(),
  title: z.string(),
  startsAt: isoTimestamp,
  endsAt: isoTimestamp,
  /** The station date of the session, `YYYY-MM-DD`. */
  date: z.string(),
  venue: z.string(),
  host: z.string(),
  audienceKind: z.enum(audienceKinds),
  expectedHeadCount: z.number().int(),
  state: z.enum(sessionStates),
  cancelledAt: isoTimestamp.nullable(),
  version: z.number().int(),
});

export const surveySummary = z.object({
  count: z.number().int(),
  mean: z.number().nullable(),
  satisfiedShare: z.number().nullable(),
  byScore: z.array(z.number().int()),
});

/** A session with its attendance and survey figures, for the staff list. */
export const sessionSummary = sessionView.extend({
  groupCount: z.number().int(),
  groupHeadCount: z.number().int(),
  walkInCount: z.number().int(),
  actualHeadCount: z.number().int(),
  survey: surveySummary,
});

export const sessionList = z.object({ total: z.number().int(), sessions: z.array(sessionSummary) });

/** A group as staff see it: the contact adult masked. */
export const groupView = z.object({
  id: z.string(),
  organisation: z.string(),
  contactName: z.string(),
  contactPhone: z.string(),
  headCount: z.number().int(),
  ageBand: z.enum(ageBands),
  checkedInAt: isoTimestamp,
  /** Attendance certificates issued for the group and not voided. */
  certificates: z.array(z.string()),
});

export const walkInView = z.object({ id: z.string(), count: z.number().int(), recordedAt: isoTimestamp, recordedBy: z.string().nullable() });

export const sessionDetail = z.object({
  session: sessionSummary,
  cancelReason: z.string().nullable(),
  /** What the rules allow now: change or cancel, count walk-ins. */
  canChange: z.boolean(),
  canCountWalkIns: z.boolean(),
  groups: z.array(groupView),
  walkIns: z.array(walkInView),
});

/** A session as the public kiosk shows it: no counts, no names. */
export const kioskSession = z.object({
  id: z.string(),
  title: z.string(),
  startsAt: isoTimestamp,
  endsAt: isoTimestamp,
  venue: z.string(),
  host: z.string(),
  audienceKind: z.enum(audienceKinds),
  state: z.enum(sessionStates),
  checkInOpen: z.boolean(),
  surveyOpen: z.boolean(),
});

export const todaysSessions = z.object({ date: z.string(), sessions: z.array(kioskSession) });

export const groupCheckedIn = z.object({
  id: z.string(),
  sessionId: z.string(),
  organisation: z.string(),
  headCount: z.number().int(),
  ageBand: z.enum(ageBands),
  checkedInAt: isoTimestamp,
});

/** The comments left with a session's survey, latest first, each with its score; nothing names who wrote it. */
export const surveyComments = z.object({
  sessionId: z.string(),
  comments: z.array(z.object({ id: z.string(), score: z.number().int(), comment: z.string(), answeredAt: isoTimestamp })),
});

export const surveyAnswered = z.object({ id: z.string(), sessionId: z.string(), answeredAt: isoTimestamp });

export const groupContact = z.object({ groupId: z.string(), contactName: z.string(), contactPhone: z.string() });
