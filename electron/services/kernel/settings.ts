import type { Kysely } from 'kysely';
import { defaultRegistrationSettings, type RegistrationSettings } from '../../../shared/domain/registration';
import {
  defaultSectionValues,
  settingBounds,
  storedWholeNumber,
  type PrintingSettings,
  type ReceiptPaper,
  type StaffSettings,
} from '../../../shared/domain/settings';
import {
  defaultMemorialSettings,
  MAX_RETENTION_DAYS,
  memorialSettingKeys,
  MIN_RETENTION_DAYS,
  type MemorialSettings,
} from '../../../shared/domain/visitors';
import type { StationDatabase } from '../../db/schema';
import type { Executor } from '../../db/repositories/executor';
import { readSetting, readSettings } from '../../db/repositories/settings';
import { MAX_BATCH_RECORDS, MIN_BATCH_RECORDS } from '../../../shared/domain/sync';
import type { SyncSettings } from '../../../shared/validation/sync';

export type { ReceiptPaper } from '../../../shared/domain/settings';

/** Where each setting of the settings screen's sections is stored (`station_setting.key`). */
export const settingKeys = {
  registration: {
    stemCellMinAge: 'stemCellMinAge',
    stemCellMaxAge: 'stemCellMaxAge',
    coolingOffDays: 'coolingOffDays',
    kioskIdleSeconds: 'kioskIdleSeconds',
    bodyChangeNeedsNotarisation: 'bodyChangeNeedsNotarisation',
  },
  staff: { idleLockMinutes: 'staffIdleLockMinutes' },
  printing: { receiptPrinter: 'receiptPrinter', receiptPaper: 'receiptPaper' },
} as const;

/**
 * The configurable items of the station, each with its default. Whoever changes one calls
 * `forgetCached()` after the change is committed.
 */
export class StationSettings {
  private idleLockMinutesCache: number | undefined;

  constructor(private readonly db: Kysely<StationDatabase>) {}

  /** Where and how the station reports to the province: endpoint (or none: USB only), batch size, two-person approval. */
  async sync(db: Executor = this.db): Promise<SyncSettings> {
    const stored = await readSettings(db, ['syncEndpoint', 'syncBatchSize', 'syncTwoPersonApproval']);
    return {
      endpoint: stored.get('syncEndpoint')?.trim() || null,
      batchSize: storedWholeNumber(stored.get('syncBatchSize'), MAX_BATCH_RECORDS, { min: MIN_BATCH_RECORDS, max: MAX_BATCH_RECORDS }),
      twoPersonApproval: stored.get('syncTwoPersonApproval') === 'true',
    };
  }

  /** Minutes without activity after which a staff screen locks. Read on every call, so cached. */
  async idleLockMinutes(): Promise<number> {
    if (this.idleLockMinutesCache === undefined) {
      this.idleLockMinutesCache = (await this.staff()).idleLockMinutes;
    }
    return this.idleLockMinutesCache;
  }

  /** The staff section as stored, bypassing the cache; pass the transaction when inside one. */
  async staff(db: Executor = this.db): Promise<StaffSettings> {
    const stored = await readSetting(db, settingKeys.staff.idleLockMinutes);
    return { idleLockMinutes: storedWholeNumber(stored, defaultSectionValues.staff.idleLockMinutes, settingBounds.idleLockMinutes) };
  }

  /** Drops the cached values, so that the next read sees a change just committed. */
  forgetCached(): void {
    this.idleLockMinutesCache = undefined;
  }

  /** The receipt printer and its paper. */
  async printing(db: Executor = this.db): Promise<PrintingSettings> {
    return { receiptPrinter: await this.receiptPrinter(db), receiptPaper: await this.receiptPaper(db) };
  }

  /**
   * The printer kiosk receipts go to without a dialog (its name as the operating system lists it), or
   * null: then every print shows the system dialog.
   */
  async receiptPrinter(db: Executor = this.db): Promise<string | null> {
    const stored = (await readSetting(db, settingKeys.printing.receiptPrinter))?.trim();
    return stored ? stored : null;
  }

  /** The paper the receipt printer takes: A4 sheets, or an 80 mm thermal roll. */
  async receiptPaper(db: Executor = this.db): Promise<ReceiptPaper> {
    return (await readSetting(db, settingKeys.printing.receiptPaper)) === 'thermal' ? 'thermal' : 'a4';
  }

  /**
   * Age range of stem-cell volunteers, cooling-off, kiosk idle time, notarisation rule. Pass the
   * transaction when inside one: the database has a single connection, which the transaction holds.
   */
  async registration(db: Executor = this.db): Promise<RegistrationSettings> {
    const keys = settingKeys.registration;
    const stored = await readSettings(db, Object.values(keys));
    const defaults = defaultRegistrationSettings;
    const bounds = settingBounds;
    const minAge = storedWholeNumber(stored.get(keys.stemCellMinAge), defaults.stemCellMinAge, bounds.stemCellMinAge);
    // A stored maximum below the minimum would refuse every volunteer: the default range applies then.
    const maxAge = storedWholeNumber(stored.get(keys.stemCellMaxAge), defaults.stemCellMaxAge, bounds.stemCellMaxAge);
    const ordered = minAge <= maxAge;
    return {
      stemCellMinAge: ordered ? minAge : defaults.stemCellMinAge,
      stemCellMaxAge: ordered ? maxAge : defaults.stemCellMaxAge,
      coolingOffDays: storedWholeNumber(stored.get(keys.coolingOffDays), defaults.coolingOffDays, bounds.coolingOffDays),
      kioskIdleSeconds: storedWholeNumber(stored.get(keys.kioskIdleSeconds), defaults.kioskIdleSeconds, bounds.kioskIdleSeconds),
      bodyChangeNeedsNotarisation: (stored.get(keys.bodyChangeNeedsNotarisation) ?? String(defaults.bodyChangeNeedsNotarisation)) === 'true',
    };
  }

  /** Qingming mode of the memorial kiosk and how long visitor sign-ins are kept. */
  async memorial(db: Executor = this.db): Promise<MemorialSettings> {
    const stored = await readSettings(db, Object.values(memorialSettingKeys));
    const defaults = defaultMemorialSettings;
    return {
      qingmingMode: (stored.get(memorialSettingKeys.qingmingMode) ?? String(defaults.qingmingMode)) === 'true',
      visitorRetentionDays: storedWholeNumber(stored.get(memorialSettingKeys.visitorRetentionDays), defaults.visitorRetentionDays, {
        min: MIN_RETENTION_DAYS,
        max: MAX_RETENTION_DAYS,
      }),
    };
  }
}
