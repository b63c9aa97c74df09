import { MIN_NOTICE_DAYS_BOUNDS } from './aid';
import { MAX_FOLLOW_UP_OFFSET_DAYS, MAX_FOLLOW_UP_OFFSETS, MAX_QINGMING_LEAD_DAYS } from './family';

/** The sections of the settings screen, each saved on its own. */
export const settingsSections = ['registration', 'staff', 'printing', 'kiosk', 'familyCare', 'aid'] as const;
export type SettingsSection = (typeof settingsSections)[number];

/** Inclusive bounds of a whole-number setting. */
export interface Bounds {
  min: number;
  max: number;
}

/**
 * The one place the bounds of the numeric settings are kept: the schemas refuse outside them, and the
 * station falls back to the default when a stored value is outside them.
 */
export const settingBounds = {
  stemCellMinAge: { min: 18, max: 60 },
  stemCellMaxAge: { min: 18, max: 65 },
  coolingOffDays: { min: 0, max: 90 },
  /** Below 20 s a person reading the consent text is wiped mid-sentence. */
  kioskIdleSeconds: { min: 20, max: 3600 },
  /** An unattended staff screen shows personal data: an hour is the longest a station may leave it open. */
  idleLockMinutes: { min: 1, max: 60 },
  /** Each day of the care plan's list of follow-ups, counted from the donation. */
  followUpOffsetDays: { min: 1, max: MAX_FOLLOW_UP_OFFSET_DAYS },
  /** Days before Qingming the yearly visit falls due; 0 is Qingming itself. */
  qingmingLeadDays: { min: 0, max: MAX_QINGMING_LEAD_DAYS },
  minNoticeDays: MIN_NOTICE_DAYS_BOUNDS,
} as const satisfies Record<string, Bounds>;

/** How many follow-ups after a donation the care plan may list. */
export const followUpOffsetCount: Bounds = { min: 1, max: MAX_FOLLOW_UP_OFFSETS };

export type BoundedSetting = keyof typeof settingBounds;

/** The paper the receipt printer takes: A4 sheets, or an 80 mm thermal roll. */
export const receiptPapers = ['a4', 'thermal'] as const;
export type ReceiptPaper = (typeof receiptPapers)[number];

/** Longest printer name accepted; operating systems list far shorter ones. */
export const MAX_PRINTER_NAME_LENGTH = 200;

export interface StaffSettings {
  /** Minutes without activity after which a staff screen locks. */
  idleLockMinutes: number;
}

export interface PrintingSettings {
  /** The printer's name as the operating system lists it; null: every print shows the system dialog. */
  receiptPrinter: string | null;
  receiptPaper: ReceiptPaper;
}

/** How the public screens of a kiosk greet each visitor. */
export interface KioskSettings {
  /** Whether every visitor starts in the elder-friendly mode (large text, high contrast, large targets). */
  elderModeDefault: boolean;
}

/** Seconds without a touch after which a browsing screen (name list, message wall) forgets its visitor. */
export const KIOSK_BROWSE_IDLE_SECONDS = 180;
