import type { Kysely } from 'kysely';
import {
  BACKUP_LAST_RUN_SETTING,
  backupSettingKeys,
  DEFAULT_BACKUP_INTERVAL_HOURS,
  DEFAULT_BACKUP_KEEP,
  MAX_BACKUP_INTERVAL_HOURS,
  MAX_BACKUP_KEEP,
  MIN_BACKUP_INTERVAL_HOURS,
  MIN_BACKUP_KEEP,
} from '../../../shared/domain/backup';
import { storedWholeNumber } from '../../../shared/domain/settings';
import { backupRun, type BackupRun, type BackupSettings } from '../../../shared/validation/backup';
import type { StationDatabase } from '../../db/schema';
import type { Executor } from '../../db/repositories/executor';
import { readSetting, readSettings, writeSetting } from '../../db/repositories/settings';
import type { Actor, AuditTrail } from '../kernel/audit';
import { requireUsableBackupFolder } from './backup-folder';
import type { Clock } from '../kernel/clock';
import type { StationService } from '../kernel/station';

/** Where backups go, how many are kept and how often they are taken; changes are audited with their values. */
export class BackupSettingsStore {
  constructor(
    private readonly db: Kysely<StationDatabase>,
    private readonly clock: Clock,
    private readonly station: StationService,
    private readonly audit: AuditTrail,
  ) {}

  async read(db: Executor = this.db): Promise<BackupSettings> {
    const stored = await readSettings(db, Object.values(backupSettingKeys));
    return {
      folder: stored.get(backupSettingKeys.folder)?.trim() || null,
      // A damaged value falls back to the default: it never stops the backups.
      keep: storedWholeNumber(stored.get(backupSettingKeys.keep), DEFAULT_BACKUP_KEEP, { min: MIN_BACKUP_KEEP, max: MAX_BACKUP_KEEP }),
      intervalHours: storedWholeNumber(stored.get(backupSettingKeys.intervalHours), DEFAULT_BACKUP_INTERVAL_HOURS, { min: MIN_BACKUP_INTERVAL_HOURS, max: MAX_BACKUP_INTERVAL_HOURS }),
    };
  }

  /** The last run, kept across restarts so the schedule and the screen know it; null when none or damaged. */
  async lastRun(): Promise<BackupRun | null> {
    try {
      const parsed = backupRun.safeParse(JSON.parse((await readSetting(this.db, BACKUP_LAST_RUN_SETTING)) ?? 'null'));
      return parsed.success ? parsed.data : null;
    } catch {
      return null;
    }
  }

  async recordLastRun(run: BackupRun): Promise<void> {
    await writeSetting(this.db, BACKUP_LAST_RUN_SETTING, JSON.stringify(run), this.clock.now().toISOString());
  }

  /** Saves new settings; a folder that cannot take backups is refused now rather than at the next backup. */
  async change(next: BackupSettings, actor: Actor): Promise<BackupSettings> {
    const station = await this.station.require();
    if (next.folder !== null) await requireUsableBackupFolder(next.folder);
    const at = this.clock.now().toISOString();
    await this.db.transaction().execute(async (trx) => {
      await writeSetting(trx, backupSettingKeys.folder, next.folder ?? '', at);
      await writeSetting(trx, backupSettingKeys.keep, String(next.keep), at);
      await writeSetting(trx, backupSettingKeys.intervalHours, String(next.intervalHours), at);
      await this.audit.append(trx, { actor, stationCode: station.code, action: 'settings_change', objectType: 'station_setting', objectId: 'backup', detail: { ...next } });
    });
    return this.read();
  }
}
