import { randomBytes } from 'node:crypto';
import { linkSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { hostname, uptime } from 'node:os';
import { join, relative, resolve } from 'node:path';

/**
 * One process per data folder. The desktop app, the station host and every CLI command open the station
 * through openStation, which takes this lock first and releases it on close: a second opener (another
 * process, or the same process opening the folder twice) is refused and told who holds it. Two writers on
 * one folder would otherwise re-key, restore or sync under each other.
 *
 * The lock is `station.lock`, holding the holder's pid, host, program and start time. It is written to a
 * temporary file and hard-linked into place, which fails when the name exists: the lock appears complete
 * or not at all. A lock left by a process that died (same host, pid gone, or written before the machine
 * last booted) is taken over.
 */

export const LOCK_FILE_NAME = 'station.lock';

export interface LockHolder {
  pid: number;
  host: string;
  /** What opened the folder: the desktop app, the station host, or a command line. */
  program: string;
  startedAt: string;
}

export class DataFolderLockedError extends Error {
  constructor(
    readonly holder: LockHolder,
    readonly lockFile: string,
  ) {
    super(`${holder.program} (pid ${holder.pid} on ${holder.host}, since ${holder.startedAt}) has the data folder open; lock file ${lockFile}`);
    this.name = 'DataFolderLockedError';
  }
}

export interface DataFolderLock {
  readonly holder: LockHolder;
  /** Removes the lock file if it is still this holder's; once. */
  release(): void;
}

/** Lock files this process holds: its own pid in a lock it does not hold is a dead process's pid reused. */
const heldHere = new Set<string>();

/** How the desktop app, the station host or a command line names itself in the lock when not told. */
function describeThisProcess(): string {
  if (process.versions.electron) return 'desktop app';
  const script = process.argv[1] ? relative(process.cwd(), process.argv[1]) : process.argv0;
  return [script, process.argv[2]].filter(Boolean).join(' ');
}

function parseHolder(text: string): LockHolder | null {
  try {
    const value = JSON.parse(text) as Partial<LockHolder>;
    if (!Number.isSafeInteger(value.pid) || typeof value.host !== 'string' || typeof value.program !== 'string' || typeof value.startedAt !== 'string') return null;
    return value as LockHolder;
  } catch {
    return null;
  }
}

function processIsAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to another user.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** A minute's slack: the boot time is derived from the wall clock and the uptime, both read at slightly different moments. */
const BOOT_TIME_SLACK_MS = 60_000;

/**
 * Whether the holder is certainly gone. Only a lock of this host can be judged: one from another machine
 * (a shared folder) is refused, and the message names the host.
 */
function isStale(holder: LockHolder, lockFile: string): boolean {
  if (holder.host !== hostname()) return false;
  if (holder.pid === process.pid) return !heldHere.has(lockFile);
  const bootedAt = Date.now() - uptime() * 1000;
  if (Date.parse(holder.startedAt) < bootedAt - BOOT_TIME_SLACK_MS) return true;
  return !processIsAlive(holder.pid);
}

/** Creates the lock in one step (hard link of a complete file); false when a lock is already there. */
function createLock(lockFile: string, content: string): boolean {
  const temp = `${lockFile}.${process.pid}-${randomBytes(6).toString('hex')}.tmp`;
  writeFileSync(temp, content, { mode: 0o600, flag: 'wx' });
  try {
    linkSync(temp, lockFile);
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw error;
  } finally {
    rmSync(temp, { force: true });
  }
}

function readLock(lockFile: string): string | null {
  try {
    return readFileSync(lockFile, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
}

/**
 * Moves a stale lock out of the way. The rename lets only one of several openers take it over; if the lock
 * moved aside is not the one judged stale (another opener replaced it meanwhile), it goes back.
 */
function removeStaleLock(lockFile: string, judged: string): void {
  const aside = `${lockFile}.stale-${process.pid}-${randomBytes(6).toString('hex')}`;
  try {
    renameSync(lockFile, aside);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return;
    throw error;
  }
  try {
    if (readFileSync(aside, 'utf8') !== judged) linkSync(aside, lockFile);
  } catch {
    // Another opener already holds a new lock: it stays theirs.
  } finally {
    rmSync(aside, { force: true });
  }
}

const ATTEMPTS = 5;

/** Takes the data folder's lock or throws DataFolderLockedError naming the holder. */
export function lockDataFolder(dataDir: string, program: string = describeThisProcess()): DataFolderLock {
  const lockFile = join(resolve(dataDir), LOCK_FILE_NAME);
  const holder: LockHolder = { pid: process.pid, host: hostname(), program, startedAt: new Date().toISOString() };
  const content = JSON.stringify(holder);
  for (let attempt = 0; attempt < ATTEMPTS; attempt++) {
    if (createLock(lockFile, content)) {
      heldHere.add(lockFile);
      let released = false;
      return {
        holder,
        release: () => {
          if (released) return;
          released = true;
          heldHere.delete(lockFile);
          if (readLock(lockFile) === content) rmSync(lockFile, { force: true });
        },
      };
    }
    const existing = readLock(lockFile);
    if (existing === null) continue;
    const other = parseHolder(existing);
    // A lock that is not even readable as one was not written by this program's lock step: nobody holds it.
    if (other && !isStale(other, lockFile)) throw new DataFolderLockedError(other, lockFile);
    removeStaleLock(lockFile, existing);
  }
  const other = parseHolder(readLock(lockFile) ?? '');
  throw new DataFolderLockedError(other ?? { pid: 0, host: '?', program: '?', startedAt: '?' }, lockFile);
}
