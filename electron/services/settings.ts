import type { Kysely } from 'kysely';
import { defaultRegistrationSettings, type RegistrationSettings } from '../../shared/domain/registration';
import { DEFAULT_IDLE_LOCK_MINUTES } from '../../shared/domain/roles';
import {
  defaultMemorialSettings,
  MAX_RETENTION_DAYS,
  memorialSettingKeys,
  MIN_RETENTION_DAYS,
  type MemorialSettings,
} from '../../shared/domain/visitors';
import type { StationDatabase } from '../db/schema';
import type { Executor } from '../db/repositories/executor';
import { readSetting, readSettings } from '../db/repositories/settings';
import { MAX_BATCH_RECORDS, MIN_BATCH_RECORDS } from '../../shared/domain/sync';
import type { SyncSettings } from '../../shared/validation/sync';

export type ReceiptPaper = 'a4' | 'thermal';

/** A stored whole number within bounds, else the default (a bad value never locks a station out). */
function wholeNumber(stored: string | undefined, fallback: number, min: number, max: number): number {
  const value = Number(stored);
  return stored !== undefined && Number.isInteger(value) && value >= min && value <= max ? value : fallback;
}

/**
 * The configurable items of the station, each with its default. The settings screen (a later change)
 * goes through here and clears the cache.
 */
export class StationSettings {
  private idleLockMinutesCache: number | undefined;

  constructor(private readonly db: Kysely<StationDatabase>) {}

  /** Where and how the station reports to the province: endpoint (or none: USB only), batch size, two-person approval. */
  async sync(db: Executor = this.db): Promise<SyncSettings> {
    const stored = await readSettings(db, ['syncEndpoint', 'syncBatchSize', 'syncTwoPersonApproval']);
    return {
      endpoint: stored.get('syncEndpoint')?.trim() || null,
      batchSize: wholeNumber(stored.get('syncBatchSize'), MAX_BATCH_RECORDS, MIN_BATCH_RECORDS, MAX_BATCH_RECORDS),
      twoPersonApproval: stored.get('syncTwoPersonApproval') === 'true',
    };
  }

  /** Minutes without activity after which a staff screen locks. Read on every call, so cached. */
  async idleLockMinutes(): Promise<number> {
    if (this.idleLockMinutesCache === undefined) {
      const stored = Number(await readSetting(this.db, 'staffIdleLockMinutes'));
      this.idleLockMinutesCache = Number.isInteger(stored) && stored > 0 ? stored : DEFAULT_IDLE_LOCK_MINUTES;
    }
    return this.idleLockMinutesCache;
  }

  /**
   * The printer kiosk receipts go to without a dialog (its name as the operating system lists it), or
   * null: then every print shows the system dialog.
   */
  async receiptPrinter(db: Executor = this.db): Promise<string | null> {
    const stored = (await readSetting(db, 'receiptPrinter'))?.trim();
    return stored ? stored : null;
  }

  /** The paper the receipt printer takes: A4 sheets, or an 80 mm thermal roll. */
  async receiptPaper(db: Executor = this.db): Promise<ReceiptPaper> {
    return (await readSetting(db, 'receiptPaper')) === 'thermal' ? 'thermal' : 'a4';
  }

  /**
   * Age range of stem-cell volunteers, cooling-off, kiosk idle time, notarisation rule. Pass the
   * transaction when inside one: the database has a single connection, which the transaction holds.
   */
  async registration(db: Executor = this.db): Promise<RegistrationSettings> {
    const stored = await readSettings(db, Object.keys(defaultRegistrationSettings));
    const defaults = defaultRegistrationSettings;
    const minAge = wholeNumber(stored.get('stemCellMinAge'), defaults.stemCellMinAge, 18, 60);
    return {
      stemCellMinAge: minAge,
      stemCellMaxAge: wholeNumber(stored.get('stemCellMaxAge'), defaults.stemCellMaxAge, minAge, 65),
      coolingOffDays: wholeNumber(stored.get('coolingOffDays'), defaults.coolingOffDays, 0, 90),
      kioskIdleSeconds: wholeNumber(stored.get('kioskIdleSeconds'), defaults.kioskIdleSeconds, 20, 3600),
      bodyChangeNeedsNotarisation: (stored.get('bodyChangeNeedsNotarisation') ?? String(defaults.bodyChangeNeedsNotarisation)) === 'true',
    };
  }

  /** Qingming mode of the memorial kiosk and how long visitor sign-ins are kept. */
  async memorial(db: Executor = this.db): Promise<MemorialSettings> {
    const stored = await readSettings(db, Object.values(memorialSettingKeys));
    const defaults = defaultMemorialSettings;
    return {
      qingmingMode: (stored.get(memorialSettingKeys.qingmingMode) ?? String(defaults.qingmingMode)) === 'true',
      visitorRetentionDays: wholeNumber(
        stored.get(memorialSettingKeys.visitorRetentionDays),
        defaults.visitorRetentionDays,
        MIN_RETENTION_DAYS,
        MAX_RETENTION_DAYS,
      ),
    };
  }
}
