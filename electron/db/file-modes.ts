import { chmodSync } from 'node:fs';

/**
 * Owner-only modes for the database and every plain copy of it (backup scratch copies, a staged restore, the
 * file kept aside by a restore): their unsealed columns (programs, states, dates, the audit trail, PIN hashes)
 * are for the account the station runs under only. Windows has no POSIX modes; the profile's ACLs protect it.
 */

const IS_POSIX = process.platform !== 'win32';

/** SQLite's side files next to a database: they hold pages of it too. */
export const SQLITE_SIDE_FILES = ['-wal', '-shm', '-journal'] as const;

/** chmod 600 when the file exists. */
export function makeOwnerOnly(file: string): void {
  if (!IS_POSIX) return;
  try {
    chmodSync(file, 0o600);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
}

/** chmod 600 on a database file and those of its side files that exist. */
export function makeDatabaseOwnerOnly(file: string): void {
  for (const suffix of ['', ...SQLITE_SIDE_FILES]) makeOwnerOnly(file + suffix);
}
