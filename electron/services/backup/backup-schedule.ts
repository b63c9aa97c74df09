import type { BackupService } from './backup';
import { scheduleDaily, type ScheduledJob } from '../kernel/retention-schedule';

/** How often the station looks whether a backup is due; the interval itself is a setting, read on each look. */
export const BACKUP_CHECK_MS = 10 * 60 * 1000;

/**
 * Takes the scheduled backups: at start-up and then every ten minutes the service checks whether the newest
 * backup in the folder is older than the interval. Runs never overlap, the timer never keeps the process
 * alive, and stopping waits for a backup under way.
 */
export function scheduleBackups(backup: BackupService, onError: (error: unknown) => void, checkEveryMs = BACKUP_CHECK_MS): ScheduledJob {
  const job = scheduleDaily(() => backup.takeIfDue(), onError, checkEveryMs);
  return {
    async stop() {
      await job.stop();
      await backup.idle();
    },
  };
}
