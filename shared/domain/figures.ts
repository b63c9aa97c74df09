import { addCalendarDays, isCalendarDate, type CalendarDate } from './age';
import { SATISFIED_FROM_SCORE, surveyScores } from './education';

/**
 * The figures memorial parks and life-education bases are judged on: knowledge reach as a share of the
 * local population a year (configurable, 1.5 %) and satisfaction of at least 95 % (answers of 4 or 5 out
 * of 5).
 */

/** Default yearly reach target, in percent of the local population. */
export const DEFAULT_REACH_TARGET_PERCENT = 1.5;

/** Satisfaction target: the share of survey answers that are 4 or 5. Fixed by the national documents. */
export const SATISFACTION_TARGET_SHARE = 0.95;

/** Bounds of the settings staff may enter. */
export const MAX_LOCAL_POPULATION = 200_000_000;
export const MIN_REACH_TARGET_PERCENT = 0.01;
export const MAX_REACH_TARGET_PERCENT = 100;

/** The longest period the figures cover at once (ten years, leap days included), so the monthly series stays small. */
export const MAX_PERIOD_DAYS = 3653;

/** The targets' settings; the local population has no default and stays unset until staff enter it. */
export interface FigureTargetSettings {
  localPopulation: number | null;
  reachTargetPercent: number;
}

/** Met, not met, or unknown: no population entered, or no survey answer to judge by. */
export const targetStatuses = ['met', 'not_met', 'unknown'] as const;
export type TargetStatus = (typeof targetStatuses)[number];

/** Floating-point sums like 1e6 × 0.015 land a hair off the whole number they stand for. */
const EPSILON = 1e-9;

/** Days from `from` to `to`, both counted. */
export function periodDays(from: CalendarDate, to: CalendarDate): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000) + 1;
}

function daysInYear(year: number): number {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 366 : 365;
}

/**
 * How many years a period stands for, each calendar year counted by the share of its own days the
 * period covers: a whole calendar year (leap or not) is exactly 1, a month of it about 1/12.
 */
export function periodYears(from: CalendarDate, to: CalendarDate): number {
  let years = 0;
  const lastYear = Number(to.slice(0, 4));
  for (let year = Number(from.slice(0, 4)); year <= lastYear; year += 1) {
    const start = year === Number(from.slice(0, 4)) ? from : `${year}-01-01`;
    const end = year === lastYear ? to : `${year}-12-31`;
    years += periodDays(start, end) / daysInYear(year);
  }
  return years;
}

/** Whether a period is two real dates in order and not longer than the figures cover. */
export function isValidPeriod(from: string, to: string): boolean {
  return isCalendarDate(from) && isCalendarDate(to) && from <= to && periodDays(from, to) <= MAX_PERIOD_DAYS;
}

/** This year so far: 1 January to today (the station's date). */
export function yearToDate(today: CalendarDate): { from: CalendarDate; to: CalendarDate } {
  return { from: `${today.slice(0, 4)}-01-01`, to: today };
}

/** The whole calendar year before today's. */
export function previousYear(today: CalendarDate): { from: CalendarDate; to: CalendarDate } {
  const year = Number(today.slice(0, 4)) - 1;
  return { from: `${String(year).padStart(4, '0')}-01-01`, to: `${String(year).padStart(4, '0')}-12-31` };
}

/** Every month (`YYYY-MM`) a period touches, in order. */
export function monthsOf(from: CalendarDate, to: CalendarDate): string[] {
  const months: string[] = [];
  let day = `${from.slice(0, 7)}-01`;
  while (day.slice(0, 7) <= to.slice(0, 7)) {
    months.push(day.slice(0, 7));
    day = addCalendarDays(day, 32).slice(0, 7) + '-01';
  }
  return months;
}

/** How reach stands against its target over a period. */
export interface ReachAgainstTarget {
  reach: number;
  localPopulation: number | null;
  /** The yearly target, as a share (0.015 for 1.5 %). */
  yearlyTargetShare: number;
  /** The yearly target scaled to the period's length. */
  periodTargetShare: number;
  /** People the period must reach; null without a population. */
  targetPeople: number | null;
  /** Reach over the population; null without a population. */
  share: number | null;
  status: TargetStatus;
}

/**
 * Reach against the yearly target, scaled to the period (a quarter of a year needs a quarter of the
 * yearly share). Unknown while the local population is not set.
 */
export function reachAgainstTarget(input: {
  reach: number;
  localPopulation: number | null;
  reachTargetPercent: number;
  from: CalendarDate;
  to: CalendarDate;
}): ReachAgainstTarget {
  const yearlyTargetShare = input.reachTargetPercent / 100;
  const periodTargetShare = yearlyTargetShare * periodYears(input.from, input.to);
  const population = input.localPopulation !== null && input.localPopulation > 0 ? input.localPopulation : null;
  if (population === null) {
    return { reach: input.reach, localPopulation: null, yearlyTargetShare, periodTargetShare, targetPeople: null, share: null, status: 'unknown' };
  }
  // A person is reached or not: the target is the next whole person.
  const targetPeople = Math.ceil(population * periodTargetShare - EPSILON);
  return {
    reach: input.reach,
    localPopulation: population,
    yearlyTargetShare,
    periodTargetShare,
    targetPeople,
    share: input.reach / population,
    status: input.reach >= targetPeople ? 'met' : 'not_met',
  };
}

/** What the survey answers of a period say against the satisfaction target. */
export interface SatisfactionAgainstTarget {
  responses: number;
  /** Answers of 4 or 5. */
  satisfied: number;
  /** Null while nobody answered. */
  mean: number | null;
  /** Null while nobody answered. */
  share: number | null;
  targetShare: number;
  status: TargetStatus;
  /** How many gave each score, 1 to 5 in order. */
  byScore: number[];
}

/** Satisfaction from the count of each score (1 to 5 in order); unknown while nobody answered. */
export function satisfactionAgainstTarget(byScore: readonly number[], targetShare = SATISFACTION_TARGET_SHARE): SatisfactionAgainstTarget {
  const counts = surveyScores.map((_, index) => Math.max(0, Math.trunc(byScore[index] ?? 0)));
  const responses = counts.reduce((sum, count) => sum + count, 0);
  const satisfied = counts.reduce((sum, count, index) => (surveyScores[index]! >= SATISFIED_FROM_SCORE ? sum + count : sum), 0);
  if (responses === 0) return { responses, satisfied, mean: null, share: null, targetShare, status: 'unknown', byScore: counts };
  const total = counts.reduce((sum, count, index) => sum + count * surveyScores[index]!, 0);
  const share = satisfied / responses;
  return {
    responses,
    satisfied,
    mean: total / responses,
    share,
    targetShare,
    status: share >= targetShare - EPSILON ? 'met' : 'not_met',
    byScore: counts,
  };
}
