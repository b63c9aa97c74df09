import type { StationContext } from '../kernel/context';
import { BackupService } from './backup';
import { BackupSettingsStore } from './backup-settings';
import { RecoveryKeys } from './recovery';

/** Backups of the station's database and the recovery key that opens them without the station. */
export interface BackupServices {
  backup: BackupService;
  recovery: RecoveryKeys;
}

/** The backup area on one station. */
export function createBackupServices(ctx: StationContext): BackupServices {
  const recovery = new RecoveryKeys(ctx);
  return { backup: new BackupService(ctx, new BackupSettingsStore(ctx), recovery), recovery };
}
