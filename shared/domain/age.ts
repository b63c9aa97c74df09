/**
 * Calendar dates and ages. Every rule here works on calendar dates written `YYYY-MM-DD` (proleptic
 * Gregorian), never on instants: an age or a period of days changes at midnight on the station's wall
 * calendar, whatever time zone the computer running the code happens to be set to.
 */

/** A calendar date written `YYYY-MM-DD`. */
export type CalendarDate = string;

/** Stations are in China, so a moment in time is read as its date in Beijing time (UTC+8, no DST). */
export const STATION_TIME_ZONE = 'Asia/Shanghai';

const DATE_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;

interface DateParts {
  year: number;
  month: number;
  day: number;
}

let stationCalendar: Intl.DateTimeFormat | undefined;

/** Whether a value is a real calendar date written `YYYY-MM-DD` (so `2023-02-29` is not). */
export function isCalendarDate(value: unknown): value is CalendarDate {
  return typeof value === 'string' && parse(value) !== null;
}

/** The station's calendar date of a moment: its date in Asia/Shanghai. Throws a RangeError for an invalid Date. */
export function stationDate(moment: Date): CalendarDate {
  if (!(moment instanceof Date) || Number.isNaN(moment.getTime())) throw new RangeError('invalid date');
  // en-CA writes dates as YYYY-MM-DD; the parts are still assembled by type so that a different ICU
  // build cannot change the separators or order.
  stationCalendar ??= new Intl.DateTimeFormat('en-CA', {
    timeZone: STATION_TIME_ZONE,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  });
  const parts = stationCalendar.formatToParts(moment);
  const part = (type: Intl.DateTimeFormatPartTypes) => parts.find((entry) => entry.type === type)?.value ?? '';
  const text = `${part('year').padStart(4, '0')}-${part('month')}-${part('day')}`;
  if (!isCalendarDate(text)) throw new RangeError(`date out of range: ${moment.toISOString()}`);
  return text;
}

/**
 * A calendar date as given, or the station's calendar date of a moment. Throws a RangeError for a
 * string that is not a real `YYYY-MM-DD` date: callers validate input before they reach a rule.
 */
export function toCalendarDate(value: Date | CalendarDate): CalendarDate {
  if (value instanceof Date) return stationDate(value);
  if (!isCalendarDate(value)) throw new RangeError(`not a calendar date: ${String(value)}`);
  return value;
}

/**
 * Age in whole years on a day: the number of birthdays passed, the birthday itself counting.
 * Convention for 29 February: in a year without that day the birthday falls on 1 March, so a person
 * born on 2008-02-29 is 17 on 2026-02-28 and 18 on 2026-03-01 (the later day, so that nobody is
 * treated as of age before the full years have passed). Negative when `on` is before the birth date.
 * Throws a RangeError for a malformed date.
 */
export function ageOn(birthDate: CalendarDate, on: Date | CalendarDate): number {
  const birth = parseOrThrow(birthDate);
  const day = parseOrThrow(toCalendarDate(on));
  // Comparing month and day as numbers gives the 1 March convention by itself: in a common year
  // (2, 28) is before (2, 29) and (3, 1) is after it.
  const birthdayPassed = day.month > birth.month || (day.month === birth.month && day.day >= birth.day);
  return day.year - birth.year - (birthdayPassed ? 0 : 1);
}

/** The calendar date a number of days after (or, when negative, before) a date. Throws a RangeError when out of range. */
export function addCalendarDays(date: CalendarDate, days: number): CalendarDate {
  if (!Number.isInteger(days)) throw new RangeError(`not a whole number of days: ${days}`);
  const { year, month, day } = parseOrThrow(date);
  // UTC, so that no daylight-saving change of the host's zone can add or lose an hour and shift the day.
  const moment = new Date(0);
  moment.setUTCFullYear(year, month - 1, day + days);
  const text = `${String(moment.getUTCFullYear()).padStart(4, '0')}-${pad2(moment.getUTCMonth() + 1)}-${pad2(moment.getUTCDate())}`;
  if (!isCalendarDate(text)) throw new RangeError(`date out of range: ${date} + ${days} days`);
  return text;
}

function parse(text: string): DateParts | null {
  const match = DATE_PATTERN.exec(text);
  if (!match) return null;
  const year = Number(match[1]);
  const month = Number(match[2]);
  const day = Number(match[3]);
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return null;
  return { year, month, day };
}

function parseOrThrow(text: CalendarDate): DateParts {
  const parts = typeof text === 'string' ? parse(text) : null;
  if (!parts) throw new RangeError(`not a calendar date: ${String(text)}`);
  return parts;
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

function pad2(value: number): string {
  return String(value).padStart(2, '0');
}
