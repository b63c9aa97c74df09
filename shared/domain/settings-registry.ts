import type { BackupSettings } from '../validation/backup';
import { DEFAULT_MIN_NOTICE_DAYS, type AidSettings } from './aid';
import type { ValidationReason } from '../validation/reasons';
import type { SyncSettings } from '../validation/sync';
import {
  DEFAULT_BACKUP_INTERVAL_HOURS,
  DEFAULT_BACKUP_KEEP,
  MAX_BACKUP_INTERVAL_HOURS,
  MAX_BACKUP_KEEP,
  MIN_BACKUP_INTERVAL_HOURS,
  MIN_BACKUP_KEEP,
} from './backup';
import { defaultFamilyCareSettings, type FamilyCareSettings } from './family';
import { ID_CARD_USB_PORTS, idCardReaderKinds, type IdCardReaderSettings } from './id-card';
import { DEFAULT_REACH_TARGET_PERCENT, MAX_LOCAL_POPULATION, MAX_REACH_TARGET_PERCENT, MIN_REACH_TARGET_PERCENT, type FigureTargetSettings } from './figures';
import { defaultRegistrationSettings, type RegistrationSettings } from './registration';
import { DEFAULT_IDLE_LOCK_MINUTES } from './roles';
import { followUpOffsetCount, receiptPapers, settingBounds, type Bounds, type KioskSettings, type PrintingSettings, type StaffSettings } from './settings';
import { MAX_BATCH_RECORDS, MIN_BATCH_RECORDS } from './sync';
import { defaultMemorialSettings, MAX_RETENTION_DAYS, MIN_RETENTION_DAYS, type MemorialSettings } from './visitors';

/**
 * Every configurable item of the station, grouped in sections: where each is stored (`station_setting.key`),
 * its default and bounds, how it reads back from the stored text and how it is written. The stored keys and
 * texts are those stations already hold, so an existing database reads unchanged.
 */

/** One configurable item and its stored form. */
export interface SettingItem<T> {
  /** The row it is kept in (`station_setting.key`); never renamed, or existing stations lose the value. */
  readonly key: string;
  readonly defaultValue: T;
  /** Inclusive bounds of a numeric item. */
  readonly bounds?: Bounds;
  /** The value a stored text stands for; none, a damaged text or a value out of bounds reads as the default. */
  parse(stored: string | undefined): T;
  /** The text stored for a value; none is stored as empty text. */
  serialise(value: T): string;
  /** Whether a value may be stored at all (the calls' schemas refuse with finer reasons first). */
  accepts(value: unknown): value is T;
}

/** A rule over several items of a section: when the stored values break it, those items read as their defaults. */
export interface SectionRule<V> {
  readonly items: readonly (keyof V & string)[];
  holds(values: V): boolean;
  /** Why a change that would break the rule is refused, reported on the last of `items`. */
  readonly reason: ValidationReason;
}

/** The items of one section, and the rule they must keep together, if any. */
export interface SettingsSectionDefinition<V> {
  readonly items: { readonly [K in keyof V]: SettingItem<V[K]> };
  readonly rule?: SectionRule<V>;
}

/** The values of each section, as the station reads them. */
export interface SettingsSections {
  registration: RegistrationSettings;
  staff: StaffSettings;
  printing: PrintingSettings;
  kiosk: KioskSettings;
  sync: SyncSettings;
  backup: BackupSettings;
  memorial: MemorialSettings;
  figures: FigureTargetSettings;
  idCardReader: IdCardReaderSettings;
  aid: AidSettings;
  familyCare: FamilyCareSettings;
}

/** A section of the station settings (the settings screen's sections and those other screens change). */
export type SettingsSectionName = keyof SettingsSections;

function isWholeNumberWithin(value: unknown, bounds: Bounds): value is number {
  return typeof value === 'number' && Number.isInteger(value) && value >= bounds.min && value <= bounds.max;
}

/** A stored whole number within bounds, else the fallback (a bad value never locks a station out). */
function storedWholeNumber<F extends number | null>(stored: string | undefined, fallback: F, bounds: Bounds): number | F {
  const value = Number(stored);
  return stored !== undefined && stored.trim() !== '' && isWholeNumberWithin(value, bounds) ? value : fallback;
}

/** A whole number within bounds, stored in decimal. */
function wholeNumber(key: string, defaultValue: number, bounds: Bounds): SettingItem<number> {
  return {
    key,
    defaultValue,
    bounds,
    parse: (stored) => storedWholeNumber(stored, defaultValue, bounds),
    serialise: String,
    accepts: (value): value is number => isWholeNumberWithin(value, bounds),
  };
}

/** A whole number within bounds, or none (stored as empty text): an item with no default until staff enter it. */
function optionalWholeNumber(key: string, bounds: Bounds): SettingItem<number | null> {
  return {
    key,
    defaultValue: null,
    bounds,
    parse: (stored) => storedWholeNumber(stored, null, bounds),
    serialise: (value) => (value === null ? '' : String(value)),
    accepts: (value): value is number | null => value === null || isWholeNumberWithin(value, bounds),
  };
}

/** A number (fractions allowed) within bounds, stored in decimal. */
function decimal(key: string, defaultValue: number, bounds: Bounds): SettingItem<number> {
  const within = (value: unknown): value is number => typeof value === 'number' && Number.isFinite(value) && value >= bounds.min && value <= bounds.max;
  return {
    key,
    defaultValue,
    bounds,
    parse: (stored) => {
      const value = Number(stored);
      return stored !== undefined && within(value) ? value : defaultValue;
    },
    serialise: String,
    accepts: within,
  };
}

/** Yes or no, stored as `true` / `false`; any other stored text reads as no. */
function flag(key: string, defaultValue: boolean): SettingItem<boolean> {
  return {
    key,
    defaultValue,
    parse: (stored) => (stored === undefined ? defaultValue : stored === 'true'),
    serialise: String,
    accepts: (value): value is boolean => typeof value === 'boolean',
  };
}

/** A text without the spaces around it, or none (stored as empty text). */
function optionalText(key: string): SettingItem<string | null> {
  return {
    key,
    defaultValue: null,
    parse: (stored) => stored?.trim() || null,
    serialise: (value) => value?.trim() ?? '',
    accepts: (value): value is string | null => value === null || typeof value === 'string',
  };
}

/**
 * Days counted from an event, in increasing order without repeats, stored as `14,91,365`; at most
 * `maxCount` of them, each within bounds. A damaged text reads as the default.
 */
function dayList(key: string, defaultValue: number[], maxCount: number, bounds: Bounds): SettingItem<number[]> {
  const accepts = (value: unknown): value is number[] =>
    Array.isArray(value) &&
    value.length >= 1 &&
    value.length <= maxCount &&
    value.every((day, index) => isWholeNumberWithin(day, bounds) && (index === 0 || day > (value[index - 1] as number)));
  // No `bounds` on the item: those describe a single number, and each day of the list is checked on its own.
  return {
    key,
    defaultValue,
    parse: (stored) => {
      if (stored === undefined || stored.trim() === '') return [...defaultValue];
      const days = stored.split(',').map((part) => (/^\s*\d+\s*$/.test(part) ? Number(part) : Number.NaN));
      return accepts(days) ? days : [...defaultValue];
    },
    serialise: (value) => value.join(','),
    accepts,
  };
}

/** One of a fixed list of words; any other stored text reads as the default. */
function choice<C extends string>(key: string, choices: readonly C[], defaultValue: C): SettingItem<C> {
  const accepts = (value: unknown): value is C => typeof value === 'string' && (choices as readonly string[]).includes(value);
  return {
    key,
    defaultValue,
    parse: (stored) => (accepts(stored) ? stored : defaultValue),
    serialise: (value) => value,
    accepts,
  };
}

const registrationDefaults = defaultRegistrationSettings;
const memorialDefaults = defaultMemorialSettings;

/** The one list of the station's settings; the stored keys are unique across all sections. */
export const settingsRegistry: { readonly [S in SettingsSectionName]: SettingsSectionDefinition<SettingsSections[S]> } = {
  registration: {
    items: {
      stemCellMinAge: wholeNumber('stemCellMinAge', registrationDefaults.stemCellMinAge, settingBounds.stemCellMinAge),
      stemCellMaxAge: wholeNumber('stemCellMaxAge', registrationDefaults.stemCellMaxAge, settingBounds.stemCellMaxAge),
      coolingOffDays: wholeNumber('coolingOffDays', registrationDefaults.coolingOffDays, settingBounds.coolingOffDays),
      kioskIdleSeconds: wholeNumber('kioskIdleSeconds', registrationDefaults.kioskIdleSeconds, settingBounds.kioskIdleSeconds),
      bodyChangeNeedsNotarisation: flag('bodyChangeNeedsNotarisation', registrationDefaults.bodyChangeNeedsNotarisation),
    },
    // A maximum below the minimum would refuse every volunteer: the default range applies then.
    rule: {
      items: ['stemCellMinAge', 'stemCellMaxAge'],
      holds: (values) => values.stemCellMinAge <= values.stemCellMaxAge,
      reason: 'stem_cell_age_order',
    },
  },
  staff: {
    items: { idleLockMinutes: wholeNumber('staffIdleLockMinutes', DEFAULT_IDLE_LOCK_MINUTES, settingBounds.idleLockMinutes) },
  },
  printing: {
    items: { receiptPrinter: optionalText('receiptPrinter'), receiptPaper: choice('receiptPaper', receiptPapers, 'a4') },
  },
  kiosk: {
    items: { elderModeDefault: flag('kiosk.elderModeDefault', false) },
  },
  sync: {
    items: {
      // None: the station reports by USB only.
      endpoint: optionalText('syncEndpoint'),
      batchSize: wholeNumber('syncBatchSize', MAX_BATCH_RECORDS, { min: MIN_BATCH_RECORDS, max: MAX_BATCH_RECORDS }),
      twoPersonApproval: flag('syncTwoPersonApproval', false),
    },
  },
  backup: {
    items: {
      // None: no scheduled backups.
      folder: optionalText('backupFolder'),
      keep: wholeNumber('backupKeep', DEFAULT_BACKUP_KEEP, { min: MIN_BACKUP_KEEP, max: MAX_BACKUP_KEEP }),
      intervalHours: wholeNumber('backupIntervalHours', DEFAULT_BACKUP_INTERVAL_HOURS, { min: MIN_BACKUP_INTERVAL_HOURS, max: MAX_BACKUP_INTERVAL_HOURS }),
    },
  },
  memorial: {
    items: {
      qingmingMode: flag('memorial.qingmingMode', memorialDefaults.qingmingMode),
      visitorRetentionDays: wholeNumber('memorial.visitorRetentionDays', memorialDefaults.visitorRetentionDays, { min: MIN_RETENTION_DAYS, max: MAX_RETENTION_DAYS }),
    },
  },
  figures: {
    items: {
      // No default: the population stays unset until staff enter it.
      localPopulation: optionalWholeNumber('figures.localPopulation', { min: 1, max: MAX_LOCAL_POPULATION }),
      reachTargetPercent: decimal('figures.reachTargetPercent', DEFAULT_REACH_TARGET_PERCENT, { min: MIN_REACH_TARGET_PERCENT, max: MAX_REACH_TARGET_PERCENT }),
    },
  },
  idCardReader: {
    items: {
      // None until an administrator sets a reader up: the identity step offers typing only.
      kind: choice('idCard.readerKind', idCardReaderKinds, 'none'),
      libraryPath: optionalText('idCard.libraryPath'),
      // None: the USB ports, then the serial ports, are tried in turn.
      port: optionalWholeNumber('idCard.port', { min: 1, max: ID_CARD_USB_PORTS.max }),
      simulatorAddress: optionalText('idCard.simulatorAddress'),
    },
  },
  aid: {
    items: { minNoticeDays: wholeNumber('aid.minNoticeDays', DEFAULT_MIN_NOTICE_DAYS, settingBounds.minNoticeDays) },
  },
  familyCare: {
    items: {
      followUpOffsetsDays: dayList(
        'familyCare.followUpOffsetsDays',
        defaultFamilyCareSettings.followUpOffsetsDays,
        followUpOffsetCount.max,
        settingBounds.followUpOffsetDays,
      ),
      qingmingLeadDays: wholeNumber('familyCare.qingmingLeadDays', defaultFamilyCareSettings.qingmingLeadDays, settingBounds.qingmingLeadDays),
    },
  },
};

/** The items of a section by name, for walking them generically. */
export function sectionItems<S extends SettingsSectionName>(section: S): Array<[keyof SettingsSections[S] & string, SettingItem<unknown>]> {
  return Object.entries(settingsRegistry[section].items) as Array<[keyof SettingsSections[S] & string, SettingItem<unknown>]>;
}

/** The stored keys of a section's items. */
export function sectionKeys(section: SettingsSectionName): string[] {
  return sectionItems(section).map(([, item]) => item.key);
}

/** A section's defaults. */
export function sectionDefaults<S extends SettingsSectionName>(section: S): SettingsSections[S] {
  return Object.fromEntries(sectionItems(section).map(([name, item]) => [name, item.defaultValue])) as SettingsSections[S];
}

/**
 * A section's values from its stored texts (keyed by `station_setting.key`; a key without a row is absent):
 * each item parsed on its own, then the items of a broken rule set back to their defaults.
 */
export function parseSection<S extends SettingsSectionName>(section: S, stored: ReadonlyMap<string, string>): SettingsSections[S] {
  const values = Object.fromEntries(sectionItems(section).map(([name, item]) => [name, item.parse(stored.get(item.key))])) as SettingsSections[S];
  const rule = settingsRegistry[section].rule as SectionRule<SettingsSections[S]> | undefined;
  if (rule === undefined || rule.holds(values)) return values;
  const defaults = sectionDefaults(section);
  return { ...values, ...Object.fromEntries(rule.items.map((name) => [name, defaults[name]])) };
}
