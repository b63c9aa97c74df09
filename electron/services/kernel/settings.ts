import type { Kysely } from 'kysely';
import type { RegistrationSettings } from '../../../shared/domain/registration';
import type { PrintingSettings, ReceiptPaper, StaffSettings } from '../../../shared/domain/settings';
import { parseSection, sectionKeys, type SettingsSectionName, type SettingsSections } from '../../../shared/domain/settings-registry';
import type { MemorialSettings } from '../../../shared/domain/visitors';
import type { SyncSettings } from '../../../shared/validation/sync';
import type { StationDatabase } from '../../db/schema';
import type { Executor } from '../../db/repositories/executor';
import { readSettings } from '../../db/repositories/settings';

export type { ReceiptPaper } from '../../../shared/domain/settings';

/** A section's values as stored, read through the settings registry; pass the transaction when inside one. */
export async function readSettingsSection<S extends SettingsSectionName>(db: Executor, section: S): Promise<SettingsSections[S]> {
  return parseSection(section, await readSettings(db, sectionKeys(section)));
}

/**
 * The configurable items of the station, each with its default (`settingsRegistry`). Pass the transaction
 * when inside one: the database has a single connection, which the transaction holds. Whoever changes a
 * setting calls `forgetCached()` after the change is committed.
 */
export class StationSettings {
  private idleLockMinutesCache: number | undefined;

  constructor(private readonly db: Kysely<StationDatabase>) {}

  /** Any section as stored, bypassing the cache. */
  async read<S extends SettingsSectionName>(section: S, db: Executor = this.db): Promise<SettingsSections[S]> {
    return readSettingsSection(db, section);
  }

  /** Where and how the station reports to the province: endpoint (or none: USB only), batch size, two-person approval. */
  async sync(db: Executor = this.db): Promise<SyncSettings> {
    return this.read('sync', db);
  }

  /** Minutes without activity after which a staff screen locks. Read on every call, so cached. */
  async idleLockMinutes(): Promise<number> {
    if (this.idleLockMinutesCache === undefined) {
      this.idleLockMinutesCache = (await this.staff()).idleLockMinutes;
    }
    return this.idleLockMinutesCache;
  }

  /** The staff section as stored, bypassing the cache. */
  async staff(db: Executor = this.db): Promise<StaffSettings> {
    return this.read('staff', db);
  }

  /** Drops the cached values, so that the next read sees a change just committed. */
  forgetCached(): void {
    this.idleLockMinutesCache = undefined;
  }

  /** The receipt printer and its paper. */
  async printing(db: Executor = this.db): Promise<PrintingSettings> {
    return this.read('printing', db);
  }

  /**
   * The printer kiosk receipts go to without a dialog (its name as the operating system lists it), or
   * null: then every print shows the system dialog.
   */
  async receiptPrinter(db: Executor = this.db): Promise<string | null> {
    return (await this.printing(db)).receiptPrinter;
  }

  /** The paper the receipt printer takes: A4 sheets, or an 80 mm thermal roll. */
  async receiptPaper(db: Executor = this.db): Promise<ReceiptPaper> {
    return (await this.printing(db)).receiptPaper;
  }

  /** Age range of stem-cell volunteers, cooling-off, kiosk idle time, notarisation rule. */
  async registration(db: Executor = this.db): Promise<RegistrationSettings> {
    return this.read('registration', db);
  }

  /** Qingming mode of the memorial kiosk and how long visitor sign-ins are kept. */
  async memorial(db: Executor = this.db): Promise<MemorialSettings> {
    return this.read('memorial', db);
  }
}
