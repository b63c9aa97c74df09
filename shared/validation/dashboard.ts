import { z } from 'zod';
import { FIRST_DASHBOARD_YEAR } from '../domain/dashboard';
import { targetStatuses } from '../domain/figures';
import { stemCellStatuses } from '../domain/lifecycle';
import { programs } from '../domain/programs';
import { heardFromKinds } from '../domain/registration';
import { defaultLanguage, languages } from '../i18n/languages';
import { isoTimestamp } from './fields';
import { exportFormats, figures } from './figures';

/** A calendar year of the station (Beijing); without one, this year. A year still to come is refused by the station. */
const yearField = z
  .number({ error: 'period_year' })
  .int({ error: 'period_year' })
  .min(FIRST_DASHBOARD_YEAR, { error: 'period_year' })
  .max(9999, { error: 'period_year' });

export const dashboardInput = z.object({ year: yearField.optional() });

/** Every table of the dashboard as one file, headers in the language on screen. */
export const dashboardExportInput = z.object({
  year: yearField.optional(),
  format: z.enum(exportFormats, { error: 'invalid' }),
  language: z.enum(languages, { error: 'invalid' }).default(defaultLanguage),
});

/** An export running on the station, named by the id its start returned. */
export const dashboardExportJob = z.object({ jobId: z.string({ error: 'required' }).min(1, { error: 'required' }).max(64, { error: 'invalid' }) });

export const exportJobStates = ['running', 'done', 'failed'] as const;

/** How far an export has come: rows written out of all rows, then the file packed. */
export const dashboardExportProgress = z.object({
  jobId: z.string(),
  state: z.enum(exportJobStates),
  done: z.number().int(),
  total: z.number().int(),
});

const count = z.number().int();
const targetStatus = z.enum(targetStatuses);
const tally = { registered: count, withdrawn: count, realised: count };

/** Where registrants heard of donation; `unknown` for registrations that do not say. */
export const heardFromKeys = [...heardFromKinds, 'unknown'] as const;

/** One year's registration figures against the year before, with the memorial and education figures of the station. */
export const dashboard = z.object({
  year: count,
  from: z.string(),
  to: z.string(),
  previous: z.object({ from: z.string(), to: z.string() }),
  generatedAt: isoTimestamp,
  /** This station's code: the memorial and education figures are its own. */
  station: z.string(),
  registrations: z.object({
    ...tally,
    growth: z.object({ current: count, previous: count, growth: z.number().nullable(), target: z.number(), status: targetStatus }),
  }),
  programs: z.array(z.object({ program: z.enum(programs), ...tally, previousRegistered: count })),
  /** Per station code of the records, largest first. */
  stations: z.array(z.object({ station: z.string(), ...tally })),
  months: z.array(z.object({ month: z.string(), ...tally, previousRegistered: count })),
  /** The chosen year and the years before it, oldest first; the chosen year only up to `to`. */
  years: z.array(z.object({ year: count, ...tally })),
  stemCell: z.object({
    /** Volunteers signed up in the period, by the step they stand at now. */
    steps: z.array(z.object({ status: z.enum(stemCellStatuses), volunteers: count })),
    recontact: z.object({ consenting: count, volunteers: count, share: z.number().nullable(), targetShare: z.number(), status: targetStatus }),
  }),
  heardFrom: z.array(z.object({ source: z.enum(heardFromKeys), registrations: count })),
  /** Life-education sessions that registrations of the period named, most registrations first. */
  sessions: z.array(z.object({ sessionId: z.string(), title: z.string().nullable(), date: z.string().nullable(), registrations: count })),
  memorial: figures.pick({ visits: true, messages: true, sessions: true, attendance: true, reach: true, satisfaction: true }),
});
