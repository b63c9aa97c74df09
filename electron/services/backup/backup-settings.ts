import type { Kysely } from 'kysely';
import { BACKUP_LAST_RUN_SETTING } from '../../../shared/domain/backup';
import { backupRun, type BackupRun, type BackupSettings } from '../../../shared/validation/backup';
import type { StationDatabase } from '../../db/schema';
import type { Executor } from '../../db/repositories/executor';
import { readSetting, writeSetting } from '../../db/repositories/settings';
import type { Actor, AuditTrail } from '../kernel/audit';
import { requireUsableBackupFolder } from './backup-folder';
import type { Clock } from '../kernel/clock';
import { StationSettings } from '../kernel/settings';
import { changeSettings } from '../kernel/settings-change';
import type { StationService } from '../kernel/station';

/** Where backups go, how many are kept and how often they are taken; changes are audited with the values before and after. */
export class BackupSettingsStore {
  /** A reader of its own: no backup setting is cached, so no other reader needs telling of a change. */
  private readonly settings: StationSettings;

  constructor(
    private readonly db: Kysely<StationDatabase>,
    private readonly clock: Clock,
    private readonly station: StationService,
    private readonly audit: AuditTrail,
  ) {
    this.settings = new StationSettings(db);
  }

  /** The backup section of the station settings; a damaged value reads as its default: it never stops the backups. */
  async read(db: Executor = this.db): Promise<BackupSettings> {
    return this.settings.read('backup', db);
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
    await this.station.require();
    if (next.folder !== null) await requireUsableBackupFolder(next.folder);
    return changeSettings({ db: this.db, clock: this.clock, station: this.station, settings: this.settings, audit: this.audit }, 'backup', next, actor);
  }
}
