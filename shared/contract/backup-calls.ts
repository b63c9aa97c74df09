import { z } from 'zod';
import { anyone, call, takesBackups } from './call';
import {
  backupFileInput,
  backupInspection,
  backupSettings,
  backupStatus,
  backupTaken,
  recoveryCodeIssued,
  recoveryRestoreInput,
  recoveryRestoreStaged,
  restoreInput,
  restoreStaged,
} from '../validation/backup';

/** Backups of the station database: taken, listed, checked and restored. */
export const backupCalls = {
  /** The settings, the backups in the folder, the last run and a restore waiting for the next start. */
  'backup:status': call(z.undefined(), backupStatus, takesBackups),
  /** Takes an encrypted online backup into the configured folder now; audited. */
  'backup:now': call(z.undefined(), backupTaken, takesBackups),
  /** Folder, how many to keep and how often; audited. */
  'backup:settings': call(backupSettings, backupSettings, ['admin']),
  /** Decrypts and checks a chosen backup and says what a restore would lose; audited. */
  'backup:inspect': call(backupFileInput, backupInspection, ['admin']),
  /** Stages a checked backup to replace the database at the next start; `confirm` to lose newer unsynced work; audited. */
  'backup:restore': call(restoreInput, restoreStaged, ['admin']),
  /** Drops a staged restore before it is applied; audited. */
  'backup:cancelRestore': call(z.undefined(), backupStatus, ['admin']),
  /** A new recovery code replacing the current one (older backups keep their code); shown once; audited. */
  'backup:newRecoveryCode': call(z.undefined(), recoveryCodeIssued, ['admin']),
  /**
   * Restores a station that is not set up yet (a fresh install) from a backup and the recovery code: the key
   * ring is recovered and the database staged; both take effect when the station starts again.
   */
  'backup:restoreWithRecoveryCode': call(recoveryRestoreInput, recoveryRestoreStaged, anyone),
} as const;
