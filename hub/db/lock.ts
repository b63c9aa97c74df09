import { resolve } from 'node:path';
import { describeThisProcess, takeLockFile, type HeldLock, type LockHolder } from '../../electron/locking/lock-file';

/**
 * One hub per SQLite file. openHubDatabase takes this lock before SQLite opens the file and releases it on
 * close: a second hub on the same file (another process, or this one opening it twice) is refused and told
 * who holds it. SQLite's own locking would let two hubs interleave their batches, each with its own idea of
 * what it has migrated and acknowledged; one owner per file rules that out. PostgreSQL needs no such file:
 * the server serialises its clients, and the hub's advisory locks (per station, and for migrations) make
 * several hubs on one database take turns where it matters.
 *
 * The lock is `<database>.lock` beside the file (`electron/locking/lock-file.ts`: a lock left by a hub that
 * died is taken over, so a crash never blocks the next start).
 */

/** Raised when another hub holds the database file. */
export class HubDatabaseLockedError extends Error {
  constructor(
    readonly holder: LockHolder,
    readonly lockFile: string,
  ) {
    super(`another hub has this database open: ${holder.program} (pid ${holder.pid} on ${holder.host}, since ${holder.startedAt}); lock file ${lockFile}`);
    this.name = 'HubDatabaseLockedError';
  }
}

/** The lock file of a SQLite database file. */
export function lockFileOf(databaseFile: string): string {
  return `${resolve(databaseFile)}.lock`;
}

/** Takes the lock of a SQLite database file or throws HubDatabaseLockedError naming the holder. */
export function lockDatabaseFile(databaseFile: string, program: string = describeThisProcess()): HeldLock {
  return takeLockFile(lockFileOf(databaseFile), program, (holder, lockFile) => new HubDatabaseLockedError(holder, lockFile));
}
