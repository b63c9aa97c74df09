import { BACKUP_LAST_RUN_SETTING } from '../../../shared/domain/backup';
import { backupRun, type BackupRun, type BackupSettings } from '../../../shared/validation/backup';
import type { Executor } from '../../db/repositories/executor';
import { readSetting, writeSetting } from '../../db/repositories/settings';
import type { Actor } from '../kernel/audit';
import type { StationContext } from '../kernel/context';
import { requireUsableBackupFolder } from './backup-folder';
import { changeSettings } from '../kernel/settings-change';

/** Where backups go, how many are kept and how often they are taken; changes are audited with the values before and after. */
export class BackupSettingsStore {
  constructor(private readonly ctx: StationContext) {}

  /** The backup section of the station settings; a damaged value reads as its default: it never stops the backups. */
  async read(db: Executor = this.ctx.db): Promise<BackupSettings> {
    return this.ctx.settings.read('backup', db);
  }

  /** The last run, kept across restarts so the schedule and the screen know it; null when none or damaged. */
  async lastRun(): Promise<BackupRun | null> {
    try {
      const parsed = backupRun.safeParse(JSON.parse((await readSetting(this.ctx.db, BACKUP_LAST_RUN_SETTING)) ?? 'null'));
      return parsed.success ? parsed.data : null;
    } catch {
      return null;
    }
  }

  async recordLastRun(run: BackupRun): Promise<void> {
    await writeSetting(this.ctx.db, BACKUP_LAST_RUN_SETTING, JSON.stringify(run), this.ctx.clock.now().toISOString());
  }

  /** Saves new settings; a folder that cannot take backups is refused now rather than at the next backup. */
  async change(next: BackupSettings, actor: Actor): Promise<BackupSettings> {
    await this.ctx.station.require();
    if (next.folder !== null) await requireUsableBackupFolder(next.folder);
    return changeSettings(this.ctx, 'backup', next, actor);
  }
}
