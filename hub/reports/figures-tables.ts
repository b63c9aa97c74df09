import { consentShareAgainstTarget, growthAgainstTarget } from '../../shared/domain/dashboard';
import { SATISFACTION_TARGET_SHARE, type TargetStatus } from '../../shared/domain/figures';
import { stemCellStatuses } from '../../shared/domain/lifecycle';
import type { HubStore } from '../db/open';
import type { FiguresPeriod } from '../figures/period';
import { provinceFiguresWithYearBefore, type ProvinceFigures, type Tally } from '../figures/province-figures';
import type { ActivityTally } from '../figures/reach-figures';
import { standingByGroup, type StandingCount } from '../figures/registration-tallies';
import type { CountedStemCellStatus, StemCellPipeline } from '../figures/stem-cell-figures';
import { prefectureName, type PlaceName } from './prefecture-names';

/**
 * The province's figures as the tables a console screen shows and the files export: one summary against the
 * targets (registrations +10 % a year, re-contact consent 85 %, knowledge reach 1.5 % of the population a year,
 * satisfaction 95 %), then one table per prefecture, station, program and month, and the stem-cell pipeline.
 * Everything here is codes and numbers; the words are put on by `figuresExportTables` or by the screen.
 */

/** The tables, in the order a workbook holds them. */
export const figuresTableIds = ['summary', 'prefectures', 'stations', 'programs', 'months', 'stemCell'] as const;
export type FiguresTableId = (typeof figuresTableIds)[number];

/** The lines of the summary, in order. */
export const indicatorCodes = [
  'period',
  'previousPeriod',
  'registrations',
  'people',
  'withdrawals',
  'awaitingReview',
  'previousRegistrations',
  'registrationGrowth',
  'volunteers',
  'recontactShare',
  'volunteerGrowth',
  'visits',
  'visitors',
  'sessionsHeld',
  'reach',
  'reachShare',
  'satisfiedShare',
] as const;
export type IndicatorCode = (typeof indicatorCodes)[number];

/** Why a target cannot be judged. */
export const unknownReasons = ['no_previous_year', 'no_volunteers', 'no_population', 'no_answers'] as const;
export type UnknownReason = (typeof unknownReasons)[number];

/** A figure judged against its target; `reason` says why an `unknown` could not be judged. */
export interface Judged {
  /** A count, or a share (0.965 for 96.5 %); null when there is nothing to divide by. */
  value: number | null;
  target: number | null;
  status: TargetStatus;
  reason: UnknownReason | null;
}

/** One line of the summary: a count, a share, or a period; `judged` only for a figure with a target. */
export interface SummaryLine {
  indicator: IndicatorCode;
  unit: 'count' | 'share' | 'period';
  /** A count or share; null for a period, or a share with nothing to divide by. */
  value: number | null;
  period?: FiguresPeriod;
  judged?: Judged;
}

export interface PrefectureRow {
  prefectureCode: string;
  /** Null for a code the reference list does not hold. */
  prefectureName: PlaceName | null;
  registrations: number;
  people: number;
  withdrawals: number;
  /** Null when the figures of the year before were not given. */
  previousRegistrations: number | null;
  growth: Judged | null;
  volunteers: number;
  recontact: Judged;
  attendees: number;
  population: number | null;
  reach: Judged;
  satisfaction: Judged;
}

/** A group's registrations and its visits and life-education figures (a station's, or a month's). */
export interface GroupFigures {
  registrations: number;
  people: number;
  withdrawals: number;
  visits: number;
  visitors: number;
  sessionsHeld: number;
  attendees: number;
  satisfaction: Judged;
}

export interface StationRow extends GroupFigures {
  stationCode: string;
}

export interface ProgramRow {
  program: string;
  registrations: number;
  people: number;
  withdrawals: number;
}

export interface MonthRow extends GroupFigures {
  month: string;
}

export interface StemCellRow {
  status: CountedStemCellStatus;
  now: number;
  registeredInPeriod: number;
}

/** Every table of the figures over one period; plain JSON. */
export interface FiguresTables {
  provinceCode: string;
  period: FiguresPeriod;
  previousPeriod: FiguresPeriod;
  summary: SummaryLine[];
  prefectures: PrefectureRow[];
  stations: StationRow[];
  programs: ProgramRow[];
  months: MonthRow[];
  stemCell: StemCellRow[];
}

function judged(value: number | null, target: number | null, status: TargetStatus, reason: UnknownReason): Judged {
  return { value, target, status, reason: status === 'unknown' ? reason : null };
}

function growthJudged(current: number, previous: number): Judged {
  const growth = growthAgainstTarget(current, previous);
  return judged(growth.growth, growth.target, growth.status, 'no_previous_year');
}

function recontactJudged(pipeline: StemCellPipeline | undefined): Judged {
  const consent = pipeline?.recontactConsent ?? consentShareAgainstTarget(0, 0);
  return judged(consent.share, consent.targetShare, consent.status, 'no_volunteers');
}

function activeVolunteers(pipeline: StemCellPipeline | undefined): number {
  return pipeline?.recontactConsent.volunteers ?? 0;
}

function satisfactionJudged(satisfaction: { share: number | null; targetShare: number; status: TargetStatus }): Judged {
  return judged(satisfaction.share, satisfaction.targetShare, satisfaction.status, 'no_answers');
}

function reachJudged(reach: { share: number | null; periodTargetShare: number; status: TargetStatus }): Judged {
  return judged(reach.share, reach.periodTargetShare, reach.status, 'no_population');
}

/** A group with no survey answer. */
const NO_SATISFACTION = { share: null, targetShare: SATISFACTION_TARGET_SHARE, status: 'unknown' as const };

/** A prefecture's standing registrations over the same days a year before. */
export interface PreviousRegistrations {
  prefectureCode: string;
  registrations: number;
}

/**
 * The tables of one period's figures. With each prefecture's registrations of the year before (over
 * `figures.growth.previousPeriod`), each prefecture also gets its growth against +10 %.
 */
export function figuresTables(figures: ProvinceFigures, previous?: readonly PreviousRegistrations[]): FiguresTables {
  const { totals, stemCell, visitorsAndEducation: reach } = figures;
  const period = { from: figures.period.from, to: figures.period.to };
  const previousPeriod = figures.growth.previousPeriod;
  const registrationGrowth = figures.growth.registrations;
  const count = (indicator: IndicatorCode, value: number, judgedValue?: Judged): SummaryLine => ({ indicator, unit: 'count', value, ...(judgedValue ? { judged: judgedValue } : {}) });
  const share = (indicator: IndicatorCode, value: Judged): SummaryLine => ({ indicator, unit: 'share', value: value.value, judged: value });

  const summary: SummaryLine[] = [
    { indicator: 'period', unit: 'period', value: null, period },
    { indicator: 'previousPeriod', unit: 'period', value: null, period: previousPeriod },
    count('registrations', totals.registrations),
    count('people', totals.people),
    count('withdrawals', totals.withdrawals),
    count('awaitingReview', totals.awaitingReview),
    count('previousRegistrations', registrationGrowth.previous),
    share('registrationGrowth', growthJudged(registrationGrowth.current, registrationGrowth.previous)),
    count('volunteers', activeVolunteers(stemCell)),
    share('recontactShare', recontactJudged(stemCell)),
    share('volunteerGrowth', judged(stemCell.growth.growth, stemCell.growth.target, stemCell.growth.status, 'no_previous_year')),
    count('visits', reach.totals.visits),
    count('visitors', reach.totals.visitors),
    count('sessionsHeld', reach.totals.sessionsHeld),
    count('reach', reach.totals.attendees, judged(reach.totals.attendees, reach.totals.reach.targetPeople, reach.totals.reach.status, 'no_population')),
    share('reachShare', reachJudged(reach.totals.reach)),
    share('satisfiedShare', satisfactionJudged(reach.totals.satisfaction)),
  ];

  const prefectureCodes = [
    ...new Set([
      ...figures.byPrefecture.map((row) => row.prefectureCode),
      ...stemCell.byPrefecture.map((row) => row.prefectureCode),
      ...reach.byPrefecture.map((row) => row.prefectureCode),
      ...(previous?.map((row) => row.prefectureCode) ?? []),
    ]),
  ].sort();
  const prefectures = prefectureCodes.map((prefectureCode): PrefectureRow => {
    const tally = figures.byPrefecture.find((row) => row.prefectureCode === prefectureCode);
    const pipeline = stemCell.byPrefecture.find((row) => row.prefectureCode === prefectureCode);
    const activity = reach.byPrefecture.find((row) => row.prefectureCode === prefectureCode);
    const registrations = tally?.registrations ?? 0;
    const previousRegistrations = previous ? (previous.find((row) => row.prefectureCode === prefectureCode)?.registrations ?? 0) : null;
    return {
      prefectureCode,
      prefectureName: prefectureName(prefectureCode),
      registrations,
      people: tally?.people ?? 0,
      withdrawals: tally?.withdrawals ?? 0,
      previousRegistrations,
      growth: previousRegistrations === null ? null : growthJudged(registrations, previousRegistrations),
      volunteers: activeVolunteers(pipeline),
      recontact: recontactJudged(pipeline),
      attendees: activity?.attendees ?? 0,
      population: activity?.reach.localPopulation ?? null,
      reach: activity ? reachJudged(activity.reach) : judged(null, reach.targets.reachYearlyPercent / 100, 'unknown', 'no_population'),
      satisfaction: satisfactionJudged(activity?.satisfaction ?? NO_SATISFACTION),
    };
  });

  const stations = keysOf(figures.byStation, reach.byStation, (row) => row.stationCode).map(
    (stationCode): StationRow => ({
      stationCode,
      ...groupFigures(
        figures.byStation.find((row) => row.stationCode === stationCode),
        reach.byStation.find((row) => row.stationCode === stationCode),
      ),
    }),
  );
  const months = keysOf(figures.byMonth, reach.byMonth, (row) => row.month).map(
    (month): MonthRow => ({
      month,
      ...groupFigures(
        figures.byMonth.find((row) => row.month === month),
        reach.byMonth.find((row) => row.month === month),
      ),
    }),
  );

  return {
    provinceCode: figures.provinceCode,
    period,
    previousPeriod,
    summary,
    prefectures,
    stations,
    programs: figures.byProgram.map(({ program, registrations, people, withdrawals }) => ({ program, registrations, people, withdrawals })),
    months,
    stemCell: [...stemCellStatuses, 'unknown' as const].map((status) => ({ status, now: stemCell.now[status], registeredInPeriod: stemCell.registeredInPeriod[status] })),
  };
}

/**
 * Reads the figures of a period, and each prefecture's registrations over the same days a year before, and makes
 * their tables: what the console's figures screen calls. Throws InvalidPeriodError on a bad period.
 */
export async function provinceFiguresTables(store: HubStore, provinceCode: string, period: FiguresPeriod): Promise<FiguresTables> {
  // The year before is read once: its totals are the growth's, its prefectures each prefecture's comparison.
  const { figures, yearBefore, prefectures } = await provinceFiguresWithYearBefore(store, provinceCode, period);
  return figuresTables(figures, prefectureRegistrations(standingByGroup(yearBefore, 'prefecture', prefectures)));
}

function prefectureRegistrations(counts: readonly StandingCount[]): PreviousRegistrations[] {
  return counts.map((count) => ({ prefectureCode: count.key, registrations: count.registrations }));
}

/** The keys either list names, each once, in order. */
function keysOf<A, B>(registrations: readonly A[], activity: readonly B[], keyOf: (row: A | B) => string): string[] {
  return [...new Set([...registrations.map(keyOf), ...activity.map(keyOf)])].sort();
}

/** One group's figures, zero where the registrations or the activity have none for it. */
function groupFigures(tally: Tally | undefined, activity: ActivityTally | undefined): GroupFigures {
  return {
    registrations: tally?.registrations ?? 0,
    people: tally?.people ?? 0,
    withdrawals: tally?.withdrawals ?? 0,
    visits: activity?.visits ?? 0,
    visitors: activity?.visitors ?? 0,
    sessionsHeld: activity?.sessionsHeld ?? 0,
    attendees: activity?.attendees ?? 0,
    satisfaction: satisfactionJudged(activity?.satisfaction ?? NO_SATISFACTION),
  };
}
