import { z } from 'zod';
import {
  MAX_GROUP_NAME_LENGTH,
  MAX_MESSAGE_LENGTH,
  MAX_PARTY_SIZE,
  MAX_REJECT_REASON_LENGTH,
  MAX_RETENTION_DAYS,
  MIN_RETENTION_DAYS,
  messageStates,
  visitorRelations,
  visitPurposes,
  WALL_PAGE_SIZE,
} from '../domain/visitors';
import { checkedText, isoTimestamp, optionalCheckedText, optionalPersonName, type FieldCheck } from './fields';
import { freeTextCheck } from './free-text';

const calendarDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);

/** Two or more blank lines (spaces alone count as blank) between lines of text. */
const BLANK_LINE_RUN = /\n(?:[^\S\n]*\n){2,}/gu;

/**
 * A run of blank lines becomes one blank line: a paragraph break is kept, but a message cannot push its
 * words apart until one card fills the wall. Leading and trailing blank lines go with the trim.
 */
export function collapseBlankLines(text: string): string {
  return text.replace(/\r\n?/gu, '\n').replace(BLANK_LINE_RUN, '\n\n');
}

/** A visitor's message for the wall: the free-text rule, its length counted after blank lines are collapsed. */
function checkWallMessage(raw: string): FieldCheck<string> {
  return freeTextCheck(MAX_MESSAGE_LENGTH)(typeof raw === 'string' ? collapseBlankLines(raw) : raw);
}

/** An optional choice from a list: left out or null means "not given". */
const optionalRelation = z
  .enum(visitorRelations, { error: 'visitor_relation' })
  .nullish()
  .transform((value) => value ?? null);

export const visitorSignInInput = z.object({
  partySize: z
    .number({ error: 'party_size_range' })
    .int({ error: 'party_size_range' })
    .min(1, { error: 'party_size_range' })
    .max(MAX_PARTY_SIZE, { error: 'party_size_range' }),
  purpose: z.enum(visitPurposes, { error: 'visit_purpose' }),
  visitorName: optionalPersonName,
  relation: optionalRelation,
  /** A school, company or family group signing in together. */
  groupName: optionalCheckedText(freeTextCheck(MAX_GROUP_NAME_LENGTH)),
  /** For the message wall, shown only once staff approve it. */
  message: optionalCheckedText(checkWallMessage),
  /** The code printed on a family's invitation to a ceremony; a wrong one is taken without a word. */
  invitationCode: optionalCheckedText(freeTextCheck(32)),
});

export const visitorSignIn = z.object({
  id: z.string(),
  visitedAt: isoTimestamp,
  partySize: z.number().int(),
  purpose: z.enum(visitPurposes),
  /** Masked (surname + `*`) wherever it is listed. */
  visitorName: z.string().nullable(),
  /** Where the visit's message stands; null when none was left. */
  messageState: z.enum(messageStates).nullable(),
});

/** A visit as staff see it in the visitor log. */
export const visitorLogEntry = visitorSignIn.extend({
  relation: z.enum(visitorRelations).nullable(),
  groupName: z.string().nullable(),
});

export const visitorListInput = z.object({
  limit: z.number().int().min(1).max(200).default(50),
});

export const visitorList = z.object({
  total: z.number().int(),
  visitors: z.array(visitorLogEntry),
});

export const visitorRevealInput = z.object({ id: z.string().min(1) });

export const visitorRevealed = z.object({ id: z.string(), visitorName: z.string().nullable() });

/** What the kiosk needs of the memorial settings; nothing about visitors. */
export const memorialKioskOptions = z.object({ qingmingMode: z.boolean() });

/** People (not sign-ins) who visited on the station's day so far: a count, no personal data. */
export const visitorTodayCount = z.object({ day: calendarDate, people: z.number().int() });

export const memorialSettings = z.object({
  qingmingMode: z.boolean(),
  visitorRetentionDays: z.number().int(),
});

export const qingmingModeInput = z.object({ enabled: z.boolean({ error: 'invalid' }) });

export const retentionDaysInput = z.object({
  days: z
    .number({ error: 'retention_days_range' })
    .int({ error: 'retention_days_range' })
    .min(MIN_RETENTION_DAYS, { error: 'retention_days_range' })
    .max(MAX_RETENTION_DAYS, { error: 'retention_days_range' }),
});

/** A message as staff moderate it: the full text, the author's name masked. */
export const visitorMessage = z.object({
  id: z.string(),
  writtenAt: isoTimestamp,
  message: z.string(),
  author: z.string().nullable(),
  relation: z.enum(visitorRelations).nullable(),
  state: z.enum(messageStates),
  decidedAt: isoTimestamp.nullable(),
  decidedBy: z.string().nullable(),
  rejectReason: z.string().nullable(),
});

export const messageListInput = z.object({
  state: z.enum(messageStates).default('pending'),
  limit: z.number().int().min(1).max(200).default(50),
});

export const messageList = z.object({
  counts: z.object({ pending: z.number().int(), approved: z.number().int(), rejected: z.number().int() }),
  messages: z.array(visitorMessage),
});

export const messageApproveInput = z.object({ id: z.string().min(1) });

export const messageRejectInput = z.object({
  id: z.string().min(1),
  reason: checkedText(freeTextCheck(MAX_REJECT_REASON_LENGTH)),
});

export const wallInput = z.object({
  page: z.number().int().min(0).default(0),
  pageSize: z.number().int().min(1).max(48).default(WALL_PAGE_SIZE),
});

/** One approved message on the public wall: no id of the visit, the name masked, the day only. */
export const wallMessage = z.object({
  id: z.string(),
  message: z.string(),
  author: z.string().nullable(),
  relation: z.enum(visitorRelations).nullable(),
  writtenOn: calendarDate,
});

export const wallPage = z.object({
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
  messages: z.array(wallMessage),
});
