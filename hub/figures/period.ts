/**
 * The period figures are counted over: whole days from `from` to `to` (both included), in China Standard Time
 * (UTC+8, no daylight saving), as the province counts them. Moments are stored in UTC on both engines.
 */
export interface FiguresPeriod {
  /** First day, YYYY-MM-DD. */
  from: string;
  /** Last day, YYYY-MM-DD, included. */
  to: string;
}

/** The period as a half-open range of UTC moments, ISO-8601 text: `start <= moment < end`. */
export interface MomentRange {
  start: string;
  end: string;
}

/** The offset of China Standard Time from UTC, in hours. */
export const PROVINCE_UTC_OFFSET_HOURS = 8;

const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Raised when a period names a day that does not exist or ends before it starts. */
export class InvalidPeriodError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'InvalidPeriodError';
  }
}

function dayParts(day: string): [number, number, number] {
  const match = DAY.exec(day);
  if (!match) throw new InvalidPeriodError(`a day is written YYYY-MM-DD, not ${day}`);
  const parts = [Number(match[1]), Number(match[2]), Number(match[3])] as [number, number, number];
  const date = new Date(Date.UTC(parts[0], parts[1] - 1, parts[2]));
  if (date.getUTCMonth() !== parts[1] - 1 || date.getUTCDate() !== parts[2]) throw new InvalidPeriodError(`no such day: ${day}`);
  return parts;
}

/** Midnight of a local day (shifted by `days`) as a UTC moment. */
function localMidnight(day: string, days = 0): string {
  const [year, month, date] = dayParts(day);
  return new Date(Date.UTC(year, month - 1, date + days, -PROVINCE_UTC_OFFSET_HOURS)).toISOString();
}

/** Checks a period: real days, `from` not after `to`. */
export function checkedPeriod(period: FiguresPeriod): FiguresPeriod {
  dayParts(period.from);
  dayParts(period.to);
  if (period.from > period.to) throw new InvalidPeriodError(`the period ends (${period.to}) before it starts (${period.from})`);
  return period;
}

/** The UTC moments a period covers. */
export function momentRange(period: FiguresPeriod): MomentRange {
  return { start: localMidnight(period.from), end: localMidnight(period.to, 1) };
}

/** The same day a year before; 29 February becomes 28 February. */
function yearBefore(day: string): string {
  const [year, month, date] = dayParts(day);
  const previousYear = year - 1;
  const lastOfMonth = new Date(Date.UTC(previousYear, month, 0)).getUTCDate();
  return `${String(previousYear).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(Math.min(date, lastOfMonth)).padStart(2, '0')}`;
}

/** The same period of the year before, that growth is measured against. */
export function samePeriodYearBefore(period: FiguresPeriod): FiguresPeriod {
  return { from: yearBefore(period.from), to: yearBefore(period.to) };
}
