import { z } from 'zod';
import { isCalendarDate } from '../domain/age';
import {
  MAX_LOCAL_POPULATION,
  MAX_PERIOD_DAYS,
  MAX_REACH_TARGET_PERCENT,
  MIN_REACH_TARGET_PERCENT,
  periodDays,
  targetStatuses,
} from '../domain/figures';
import { defaultLanguage, languages } from '../i18n/languages';
import { isoTimestamp } from './fields';
import { stationCode } from './station';

/** A calendar date of the station (Beijing), `YYYY-MM-DD`, real (so not `2025-02-29`). */
const periodDate = z.string({ error: 'required' }).refine(isCalendarDate, { error: 'period_date' });

/** The site (station code on the rows) and the period, both dates counted. Without a site: this station's own. */
const periodFields = z.object({
  site: stationCode.optional(),
  from: periodDate,
  to: periodDate,
});

function checkPeriod(input: { from: string; to: string }, ctx: z.RefinementCtx): void {
  // A malformed date has its issue already; comparing it would only add noise.
  if (!isCalendarDate(input.from) || !isCalendarDate(input.to)) return;
  if (input.to < input.from) ctx.addIssue({ code: 'custom', message: 'period_order', path: ['to'] });
  else if (periodDays(input.from, input.to) > MAX_PERIOD_DAYS) ctx.addIssue({ code: 'custom', message: 'period_too_long', path: ['to'] });
}

export const figuresInput = periodFields.superRefine(checkPeriod);

export const exportFormats = ['csv', 'xlsx'] as const;
export type ExportFormat = (typeof exportFormats)[number];

/** The same figures as a file, with the headers in the language on screen. */
export const figuresExportInput = periodFields
  .extend({
    format: z.enum(exportFormats, { error: 'invalid' }),
    language: z.enum(languages, { error: 'invalid' }).default(defaultLanguage),
  })
  .superRefine(checkPeriod);

/** A file the station made, for the screen to save as a download. */
export const exportedFile = z.object({
  fileName: z.string(),
  mediaType: z.string(),
  contentBase64: z.string(),
});

const count = z.number().int();
const share = z.number().nullable();
const targetStatus = z.enum(targetStatuses);

const monthFigures = z.object({
  /** `YYYY-MM`, Beijing time. */
  month: z.string(),
  signIns: count,
  people: count,
  messagesSubmitted: count,
  messagesApproved: count,
  sessionsHeld: count,
  expectedHeadCount: count,
  reach: count,
  responses: count,
  satisfied: count,
});

/** One site's figures over a period, against the targets, with a series per month. */
export const figures = z.object({
  site: z.string(),
  /** Sites with records in the period, this station's first. */
  sites: z.array(z.string()),
  from: z.string(),
  to: z.string(),
  generatedAt: isoTimestamp,
  visits: z.object({ signIns: count, people: count }),
  messages: z.object({ submitted: count, approved: count }),
  sessions: z.object({ held: count, cancelled: count, expectedHeadCount: count }),
  attendance: z.object({ reach: count, groups: count, walkIns: count }),
  reach: z.object({
    reach: count,
    localPopulation: count.nullable(),
    yearlyTargetShare: z.number(),
    periodTargetShare: z.number(),
    targetPeople: count.nullable(),
    share,
    status: targetStatus,
  }),
  satisfaction: z.object({
    responses: count,
    satisfied: count,
    mean: z.number().nullable(),
    share,
    targetShare: z.number(),
    status: targetStatus,
    byScore: z.array(count),
  }),
  months: z.array(monthFigures),
});

/** The targets' settings as the screen shows them. */
export const figureTargets = z.object({
  localPopulation: count.nullable(),
  reachTargetPercent: z.number(),
  satisfactionTargetShare: z.number(),
});

/** What a supervisor enters: the local population (or null to clear it) and the yearly reach target. */
export const figureTargetsInput = z.object({
  localPopulation: z
    .number({ error: 'population_range' })
    .int({ error: 'population_range' })
    .min(1, { error: 'population_range' })
    .max(MAX_LOCAL_POPULATION, { error: 'population_range' })
    .nullable(),
  reachTargetPercent: z
    .number({ error: 'reach_target_range' })
    .min(MIN_REACH_TARGET_PERCENT, { error: 'reach_target_range' })
    .max(MAX_REACH_TARGET_PERCENT, { error: 'reach_target_range' })
    // Two decimals at most: 1.5 %, 0.75 %; anything finer is a typing slip.
    .refine((value) => Math.abs(value * 100 - Math.round(value * 100)) < 1e-6, { error: 'reach_target_range' }),
});
