import { join, resolve } from 'node:path';
import { describeThisProcess, takeLockFile, type HeldLock, type LockHolder } from '../locking/lock-file';

/**
 * One process per data folder. The desktop app, the station host and every CLI command open the station
 * through openStation, which takes this lock first and releases it on close: a second opener (another
 * process, or the same process opening the folder twice) is refused and told who holds it. Two writers on
 * one folder would otherwise re-key, restore or sync under each other.
 *
 * The lock is `station.lock` in the folder (`electron/locking/lock-file.ts`: a lock left by a process that
 * died is taken over).
 */

export const LOCK_FILE_NAME = 'station.lock';

export type { LockHolder };

export class DataFolderLockedError extends Error {
  constructor(
    readonly holder: LockHolder,
    readonly lockFile: string,
  ) {
    super(`${holder.program} (pid ${holder.pid} on ${holder.host}, since ${holder.startedAt}) has the data folder open; lock file ${lockFile}`);
    this.name = 'DataFolderLockedError';
  }
}

export type DataFolderLock = HeldLock;

/** Takes the data folder's lock or throws DataFolderLockedError naming the holder. */
export function lockDataFolder(dataDir: string, program: string = process.versions.electron ? 'desktop app' : describeThisProcess()): DataFolderLock {
  return takeLockFile(join(resolve(dataDir), LOCK_FILE_NAME), program, (holder, lockFile) => new DataFolderLockedError(holder, lockFile));
}
