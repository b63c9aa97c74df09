import type { CalendarDate } from './age';

export const visitPurposes = ['remembrance', 'tour', 'qingming'] as const;
export type VisitPurpose = (typeof visitPurposes)[number];

export const MAX_PARTY_SIZE = 500;

/** Party sizes the kiosk offers as one big button each; a larger party types its number. */
export const kioskPartySizes = [1, 2, 3, 4, 5, 6] as const;

/** One-tap group sizes of the Qingming peak-day kiosk. */
export const qingmingPartySizes = [1, 2, 3, 4, 5, 6, 8, 10] as const;

/** How a visitor is related to a donor; optional at sign-in. */
export const visitorRelations = ['family', 'friend', 'colleague', 'other'] as const;
export type VisitorRelation = (typeof visitorRelations)[number];

/** Longest message a visitor may leave, in code points: a few sentences for the wall. */
export const MAX_MESSAGE_LENGTH = 200;

/** Longest group or organisation name, in code points. */
export const MAX_GROUP_NAME_LENGTH = 100;

/** Longest reason staff give for rejecting a message. */
export const MAX_REJECT_REASON_LENGTH = 200;

/** A message waits for staff; only an approved one is ever shown on the public wall. */
export const messageStates = ['pending', 'approved', 'rejected'] as const;
export type MessageState = (typeof messageStates)[number];

/** The decisions staff take on a pending message. */
export type MessageDecision = Exclude<MessageState, 'pending'>;

/** Messages per page of the public wall, sized for a large display read from a few steps away. */
export const WALL_PAGE_SIZE = 12;

/** Seconds before the wall turns to its next page by itself. */
export const WALL_PAGE_TURN_SECONDS = 20;

/** The memorial items of the station settings, with their defaults and bounds. */
export interface MemorialSettings {
  /** Peak-day kiosk: one-tap group sign-in and a running count of today's visitors. */
  qingmingMode: boolean;
  /** Days a visitor sign-in is kept before the daily purge removes it. */
  visitorRetentionDays: number;
}

export const defaultMemorialSettings: MemorialSettings = { qingmingMode: false, visitorRetentionDays: 365 };

/** Privacy rule: a visitor log is kept a year by default, never less than a month, at most ten years. */
export const MIN_RETENTION_DAYS = 30;
export const MAX_RETENTION_DAYS = 3650;

/** Beijing time has no daylight saving, so a station day is always these 24 hours. */
const STATION_UTC_OFFSET = '+08:00';
const DAY_MS = 24 * 60 * 60 * 1000;

/** The first moment of a station day and the first moment of the next, as ISO instants. */
export function stationDayBounds(day: CalendarDate): { from: string; to: string } {
  const start = Date.parse(`${day}T00:00:00.000${STATION_UTC_OFFSET}`);
  if (Number.isNaN(start)) throw new RangeError(`not a calendar date: ${day}`);
  return { from: new Date(start).toISOString(), to: new Date(start + DAY_MS).toISOString() };
}

/** The instant before which sign-ins have been kept longer than the retention period. */
export function retentionCutoff(now: Date, retentionDays: number): string {
  return new Date(now.getTime() - retentionDays * DAY_MS).toISOString();
}
