/** The sections of the settings screen, each saved on its own. */
export const settingsSections = ['registration', 'staff', 'printing', 'kiosk'] as const;
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
} as const satisfies Record<string, Bounds>;

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
