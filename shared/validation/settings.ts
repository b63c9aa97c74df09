import { z } from 'zod';
import {
  followUpOffsetCount,
  MAX_PRINTER_NAME_LENGTH,
  receiptPapers,
  settingBounds,
  type BoundedSetting,
} from '../domain/settings';
import { hasHiddenCharacters } from './free-text';
import type { ValidationReason } from './reasons';

/** A whole number within the setting's bounds; anything else (text, NaN, a fraction) is refused with the setting's reason. */
function bounded(setting: BoundedSetting, reason: ValidationReason) {
  const { min, max } = settingBounds[setting];
  return z.number({ error: reason }).int({ error: reason }).min(min, { error: reason }).max(max, { error: reason });
}

const registrationFields = {
  stemCellMinAge: bounded('stemCellMinAge', 'stem_cell_min_age_range'),
  stemCellMaxAge: bounded('stemCellMaxAge', 'stem_cell_max_age_range'),
  coolingOffDays: bounded('coolingOffDays', 'cooling_off_days_range'),
  kioskIdleSeconds: bounded('kioskIdleSeconds', 'kiosk_idle_seconds_range'),
  bodyChangeNeedsNotarisation: z.boolean({ error: 'required' }),
};

const staffFields = {
  idleLockMinutes: bounded('idleLockMinutes', 'idle_lock_minutes_range'),
};

/** A printer's name as the operating system lists it; blank means none (staff desks print with the dialog, a kiosk prints no receipt). */
const printerName = z
  .string({ error: 'invalid' })
  .nullable()
  .transform((value) => (value === null ? '' : value.normalize('NFC').trim()))
  .refine((value) => Array.from(value).length <= MAX_PRINTER_NAME_LENGTH, { error: 'text_too_long' })
  .refine((value) => !hasHiddenCharacters(value), { error: 'text_characters' })
  .transform((value) => (value === '' ? null : value));

const printingFields = {
  receiptPrinter: printerName,
  receiptPaper: z.enum(receiptPapers, { error: 'receipt_paper' }),
};

const kioskFields = {
  elderModeDefault: z.boolean({ error: 'required' }),
};

/**
 * Why a list of follow-up days cannot be the care plan, or null when it can: it must hold whole numbers
 * (as many as the plan allows), each within bounds, none twice, from the smallest to the largest.
 */
function followUpDaysReason(value: unknown): ValidationReason | null {
  if (!Array.isArray(value) || value.length < followUpOffsetCount.min || value.length > followUpOffsetCount.max) return 'follow_up_days_list';
  if (!value.every((day) => typeof day === 'number' && Number.isInteger(day))) return 'follow_up_days_list';
  const days = value as number[];
  const { min, max } = settingBounds.followUpOffsetDays;
  if (days.some((day) => day < min || day > max)) return 'follow_up_days_range';
  if (new Set(days).size !== days.length) return 'follow_up_days_repeated';
  if (days.some((day, index) => index > 0 && day < (days[index - 1] as number))) return 'follow_up_days_order';
  return null;
}

/** The care plan's days after a donation; a refusal is reported on the list as a whole, with the reason above. */
const followUpOffsetsDays = z
  .custom<number[]>(() => true)
  .superRefine((value, ctx) => {
    const reason = followUpDaysReason(value);
    if (reason !== null) ctx.addIssue({ code: 'custom', message: reason });
  });

const familyCareFields = {
  followUpOffsetsDays,
  qingmingLeadDays: bounded('qingmingLeadDays', 'qingming_lead_days_range'),
};

const aidFields = {
  minNoticeDays: bounded('minNoticeDays', 'min_notice_days_range'),
};

/** The youngest age may not be above the oldest: the range would refuse every volunteer. */
function ordered(values: { stemCellMinAge: number; stemCellMaxAge: number }): boolean {
  return values.stemCellMinAge <= values.stemCellMaxAge;
}
const orderIssue = { error: 'stem_cell_age_order' satisfies ValidationReason, path: ['stemCellMaxAge'] };

/** What the station answers: values it already holds within bounds. */
const registrationSettingsValues = z.object({
  stemCellMinAge: z.number(),
  stemCellMaxAge: z.number(),
  coolingOffDays: z.number(),
  kioskIdleSeconds: z.number(),
  bodyChangeNeedsNotarisation: z.boolean(),
});
const staffSettingsValues = z.object({ idleLockMinutes: z.number() });
const printingSettingsValues = z.object({ receiptPrinter: z.string().nullable(), receiptPaper: z.enum(receiptPapers) });
const kioskSettingsValues = z.object({ elderModeDefault: z.boolean() });
const familyCareSettingsValues = z.object({ followUpOffsetsDays: z.array(z.number()), qingmingLeadDays: z.number() });
const aidSettingsValues = z.object({ minNoticeDays: z.number() });

/** One section's new values; the section is saved as a whole, so every field of it is given. */
export const settingsChangeInput = z.discriminatedUnion(
  'section',
  [
    z.object({ section: z.literal('registration'), ...registrationFields }).refine(ordered, orderIssue),
    z.object({ section: z.literal('staff'), ...staffFields }),
    z.object({ section: z.literal('printing'), ...printingFields }),
    z.object({ section: z.literal('kiosk'), ...kioskFields }),
    z.object({ section: z.literal('familyCare'), ...familyCareFields }),
    z.object({ section: z.literal('aid'), ...aidFields }),
  ],
  { error: 'invalid' },
);
export type SettingsChangeInput = z.infer<typeof settingsChangeInput>;

const boundsOutput = z.object({ min: z.number(), max: z.number() });

function sectionOutput<T extends z.ZodType>(values: T) {
  return z.object({ values, defaults: values });
}

/** Every section with its current values and its defaults, and the bounds of the numeric settings. */
export const stationSettingsView = z.object({
  registration: sectionOutput(registrationSettingsValues),
  staff: sectionOutput(staffSettingsValues),
  printing: sectionOutput(printingSettingsValues),
  kiosk: sectionOutput(kioskSettingsValues),
  familyCare: sectionOutput(familyCareSettingsValues),
  aid: sectionOutput(aidSettingsValues),
  bounds: z.object({
    stemCellMinAge: boundsOutput,
    stemCellMaxAge: boundsOutput,
    coolingOffDays: boundsOutput,
    kioskIdleSeconds: boundsOutput,
    idleLockMinutes: boundsOutput,
    followUpOffsetDays: boundsOutput,
    /** How many days the care plan's list may hold. */
    followUpOffsetCount: boundsOutput,
    qingmingLeadDays: boundsOutput,
    minNoticeDays: boundsOutput,
  }),
});
export type StationSettingsView = z.infer<typeof stationSettingsView>;

/** What every public screen reads of the station before greeting a visitor: the elder-friendly default and the idle times. */
export const kioskScreenOptions = z.object({
  elderModeDefault: z.boolean(),
  /** Seconds without a touch before a form is wiped (the registration section's kiosk idle time). */
  formIdleSeconds: z.number().int(),
  /** Seconds without a touch before a browsing screen (name list, message wall) starts over. */
  browseIdleSeconds: z.number().int(),
  /** The last seconds before a wipe during which the warning is shown. */
  countdownSeconds: z.number().int(),
});
export type KioskScreenOptions = z.infer<typeof kioskScreenOptions>;
