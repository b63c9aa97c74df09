import { z } from 'zod';
import { aidCaseStates, aidProgrammes } from '../domain/aid';
import { targetStatuses } from '../domain/figures';
import { consoleCall } from './call';

/** Who reads the province's figures and downloads its tables and yearly report. */
export const readsFigures = ['analyst', 'administrator'] as const;

/** A day, YYYY-MM-DD (the hub checks that it exists). */
const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);

/** Whole days in China Standard Time, both included. */
export const figuresPeriodInput = z.object({ from: day, to: day });

const period = z.object({ from: z.string(), to: z.string() });

/** A figure against its target; `reason` says why an `unknown` could not be judged. */
export const judgedView = z.object({
  value: z.number().nullable(),
  target: z.number().nullable(),
  status: z.enum(targetStatuses),
  reason: z.enum(['no_previous_year', 'no_volunteers', 'no_population', 'no_answers']).nullable(),
});
export type JudgedView = z.infer<typeof judgedView>;

const placeName = z.object({ zh: z.string(), en: z.string() });

/** The figures of one period as tables of codes and numbers (`hub/reports/figures-tables.ts`). */
export const figuresTablesView = z.object({
  provinceCode: z.string(),
  period,
  previousPeriod: period,
  summary: z.array(
    z.object({
      indicator: z.string(),
      unit: z.enum(['count', 'share', 'period']),
      value: z.number().nullable(),
      period: period.optional(),
      judged: judgedView.optional(),
    }),
  ),
  prefectures: z.array(
    z.object({
      prefectureCode: z.string(),
      prefectureName: placeName.nullable(),
      registrations: z.number(),
      people: z.number(),
      withdrawals: z.number(),
      previousRegistrations: z.number().nullable(),
      growth: judgedView.nullable(),
      volunteers: z.number(),
      recontact: judgedView,
      attendees: z.number(),
      population: z.number().nullable(),
      reach: judgedView,
      satisfaction: judgedView,
    }),
  ),
  stations: z.array(
    z.object({
      stationCode: z.string(),
      registrations: z.number(),
      people: z.number(),
      withdrawals: z.number(),
      visits: z.number(),
      visitors: z.number(),
      sessionsHeld: z.number(),
      attendees: z.number(),
      satisfaction: judgedView,
    }),
  ),
  programs: z.array(z.object({ program: z.string(), registrations: z.number(), people: z.number(), withdrawals: z.number() })),
  months: z.array(
    z.object({
      month: z.string(),
      registrations: z.number(),
      people: z.number(),
      withdrawals: z.number(),
      visits: z.number(),
      visitors: z.number(),
      sessionsHeld: z.number(),
      attendees: z.number(),
      satisfaction: judgedView,
    }),
  ),
  stemCell: z.array(z.object({ status: z.string(), now: z.number(), registeredInPeriod: z.number() })),
});
export type FiguresTablesView = z.infer<typeof figuresTablesView>;

/** One group's donor-family care in a year (`hub/care/care-figures.ts`). */
const careTallyView = z.object({
  familiesOnFile: z.number(),
  familiesCaredFor: z.number(),
  contacts: z.number(),
  contactsPerFamily: z.number().nullable(),
  invitations: z.number(),
  accepted: z.number(),
  attended: z.number(),
  doNotContact: z.number(),
});

/** The province's donor-family care of a year: families, contacts, invitations, and aid per programme. */
export const careFiguresView = z.object({
  year: z.number(),
  totals: careTallyView,
  byStation: z.array(careTallyView.extend({ stationCode: z.string() })),
  byPrefecture: z.array(careTallyView.extend({ prefectureCode: z.string(), prefectureName: placeName.nullable() })),
  aid: z.array(
    z.object({
      programme: z.enum(aidProgrammes),
      cases: z.record(z.enum(aidCaseStates), z.number()),
      paid: z.number(),
      paidFen: z.number(),
      paidYuan: z.number(),
    }),
  ),
});
export type CareFiguresView = z.infer<typeof careFiguresView>;

/**
 * A file the hub made, carried in the call's JSON answer as base64: the figures tables and the yearly report are
 * small (tens to hundreds of KiB), so they need no route of their own.
 */
export const consoleFileView = z.object({ fileName: z.string(), contentType: z.string(), base64: z.string() });
export type ConsoleFileView = z.infer<typeof consoleFileView>;

/** The province's figures against its targets, the tables as CSV or XLSX, and the one-page yearly report. */
export const figuresCalls = {
  /** Every table of one period: summary, prefectures, stations, programs, months, stem-cell pipeline. */
  'figures:get': consoleCall(figuresPeriodInput, figuresTablesView, readsFigures),
  /** The same tables as one CSV (tables one after another) or an XLSX of one sheet per table, headed in `language`. */
  'figures:table': consoleCall(
    figuresPeriodInput.extend({ format: z.enum(['csv', 'xlsx']), language: z.enum(['zh-CN', 'en']) }),
    consoleFileView,
    readsFigures,
  ),
  /** The year's one-page report in Chinese (PDF) for the provincial office to file. */
  'figures:yearlyReport': consoleCall(z.object({ year: z.number().int().min(2000).max(2100) }), consoleFileView, readsFigures),
  /** What the stations report of donor-family care in a year: figures only, no family is named. */
  'figures:care': consoleCall(z.object({ year: z.number().int().min(2000).max(2100) }), careFiguresView, readsFigures),
} as const;
