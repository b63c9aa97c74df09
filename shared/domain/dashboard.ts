import { addCalendarDays, isCalendarDate, type CalendarDate } from './age';
import type { TargetStatus } from './figures';

/**
 * The registration figures a station manager is judged on: registrations growing by 10 % a year, and at
 * least 85 % of stem-cell volunteers consenting to be contacted again. The dashboard covers one calendar
 * year, Beijing time, against the year before.
 */

/** Yearly registration growth the stations are asked for: +10 %. */
export const REGISTRATION_GROWTH_TARGET = 0.1;

/** Share of stem-cell volunteers who consent to follow-up contact (re-contact) the stations are asked for. */
export const RECONTACT_CONSENT_TARGET_SHARE = 0.85;

/** The first year the dashboard covers; the station software did not exist before it. */
export const FIRST_DASHBOARD_YEAR = 2000;

/** How many calendar years the year-by-year table shows, the chosen one last. */
export const DASHBOARD_YEARS_SHOWN = 5;

/** The registration events the dashboard counts per day. */
export const registrationEvents = ['registered', 'withdrawn', 'realised'] as const;
export type RegistrationEvent = (typeof registrationEvents)[number];

/** A dashboard period: the chosen year up to today when it is this year, and the same days of the year before. */
export interface DashboardPeriod {
  year: number;
  from: CalendarDate;
  to: CalendarDate;
  previous: { from: CalendarDate; to: CalendarDate };
}

function yearText(year: number): string {
  return String(year).padStart(4, '0');
}

/**
 * The days a year stands for on the dashboard: the whole year once it is over, 1 January to today
 * while it runs. Growth compares like with like, so the year before is cut at the same day (29
 * February becomes 28 February). Null for a year after today's.
 */
export function dashboardPeriod(year: number, today: CalendarDate): DashboardPeriod | null {
  const thisYear = Number(today.slice(0, 4));
  if (!Number.isInteger(year) || year > thisYear) return null;
  const to = year === thisYear ? today : `${yearText(year)}-12-31`;
  const sameDayBefore = `${yearText(year - 1)}${to.slice(4)}`;
  const previousTo = isCalendarDate(sameDayBefore) ? sameDayBefore : addCalendarDays(`${yearText(year - 1)}-03-01`, -1);
  return { year, from: `${yearText(year)}-01-01`, to, previous: { from: `${yearText(year - 1)}-01-01`, to: previousTo } };
}

/** Registrations of a period against the same days of the year before. */
export interface GrowthAgainstTarget {
  current: number;
  previous: number;
  /** (current − previous) / previous; null when the year before had none. */
  growth: number | null;
  target: number;
  status: TargetStatus;
}

/**
 * Growth against +10 %: met when this period has more than 110 % of the year before (the target reads
 * "growing more than 10 %"), compared in whole numbers so that no rounding decides it. Unknown when the year
 * before had no registration.
 */
export function growthAgainstTarget(current: number, previous: number, target = REGISTRATION_GROWTH_TARGET): GrowthAgainstTarget {
  if (previous <= 0) return { current, previous, growth: null, target, status: 'unknown' };
  const targetPercent = Math.round(target * 100);
  return {
    current,
    previous,
    growth: (current - previous) / previous,
    target,
    status: current * 100 > previous * (100 + targetPercent) ? 'met' : 'not_met',
  };
}

/** Stem-cell volunteers who consent to be contacted again, out of those not withdrawn. */
export interface ConsentShareAgainstTarget {
  consenting: number;
  volunteers: number;
  /** Null while there is no volunteer. */
  share: number | null;
  targetShare: number;
  status: TargetStatus;
}

export function consentShareAgainstTarget(
  consenting: number,
  volunteers: number,
  targetShare = RECONTACT_CONSENT_TARGET_SHARE,
): ConsentShareAgainstTarget {
  if (volunteers <= 0) return { consenting, volunteers, share: null, targetShare, status: 'unknown' };
  const targetPercent = Math.round(targetShare * 100);
  return {
    consenting,
    volunteers,
    share: consenting / volunteers,
    targetShare,
    status: consenting * 100 >= volunteers * targetPercent ? 'met' : 'not_met',
  };
}
