import { randomBytes } from 'node:crypto';
import { linkSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { hostname, uptime } from 'node:os';
import { relative, resolve } from 'node:path';

/**
 * One hub per SQLite file. openHubDatabase takes this lock before SQLite opens the file and releases it on
 * close: a second hub on the same file (another process, or this one opening it twice) is refused and told
 * who holds it. SQLite's own locking would let two hubs interleave their batches, each with its own idea of
 * what it has migrated and acknowledged; one owner per file rules that out. PostgreSQL needs no such file:
 * the server serialises its clients, and the hub's advisory locks (per station, and for migrations) make
 * several hubs on one database take turns where it matters.
 *
 * The lock is `<database>.lock` beside the file, holding the holder's pid, host, program and start time. It
 * is written to a temporary file and hard-linked into place, which fails when the name exists: the lock
 * appears complete or not at all. A lock left by a hub that died (same host and pid gone or a zombie, or
 * written before the machine last booted) is taken over, so a crash never blocks the next start.
 */

export interface HubLockHolder {
  pid: number;
  host: string;
  /** The command that opened the database (`hub/cli/main.ts serve`, a test, a benchmark). */
  program: string;
  startedAt: string;
}

/** Raised when another hub holds the database file. */
export class HubDatabaseLockedError extends Error {
  constructor(
    readonly holder: HubLockHolder,
    readonly lockFile: string,
  ) {
    super(`another hub has this database open: ${holder.program} (pid ${holder.pid} on ${holder.host}, since ${holder.startedAt}); lock file ${lockFile}`);
    this.name = 'HubDatabaseLockedError';
  }
}

/** A held lock on a database file. */
export interface HubDatabaseLock {
  readonly lockFile: string;
  readonly holder: HubLockHolder;
  /** Removes the lock file if it is still this holder's; once. */
  release(): void;
}

/** The lock file of a SQLite database file. */
export function lockFileOf(databaseFile: string): string {
  return `${resolve(databaseFile)}.lock`;
}

/** Lock files this process holds: its own pid in a lock it does not hold is a dead process's pid reused. */
const heldHere = new Set<string>();

function describeThisProcess(): string {
  const script = process.argv[1] ? relative(process.cwd(), process.argv[1]) : process.argv0;
  return [script, process.argv[2]].filter(Boolean).join(' ');
}

function parseHolder(text: string): HubLockHolder | null {
  try {
    const value = JSON.parse(text) as Partial<HubLockHolder>;
    if (!Number.isSafeInteger(value.pid) || typeof value.host !== 'string' || typeof value.program !== 'string' || typeof value.startedAt !== 'string') return null;
    return value as HubLockHolder;
  } catch {
    return null;
  }
}

/**
 * Whether a killed process has only not been reaped yet (Linux: state Z in /proc). Its pid still answers
 * signals, but it holds nothing: a hub killed with SIGKILL whose parent died with it stays a zombie until
 * init reaps it, and the next start must not wait for that.
 */
function isZombie(pid: number): boolean {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // The state follows the command name, which is in parentheses and may itself hold spaces or parentheses.
    return stat.slice(stat.lastIndexOf(')') + 2).startsWith('Z');
  } catch {
    return false;
  }
}

function processIsAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch (error) {
    // EPERM: the process exists but belongs to another user.
    if ((error as NodeJS.ErrnoException).code !== 'EPERM') return false;
  }
  return !isZombie(pid);
}

/** A minute's slack: the boot time is derived from the wall clock and the uptime, read at slightly different moments. */
const BOOT_TIME_SLACK_MS = 60_000;

/** Whether the holder is certainly gone. A lock of another host (a shared folder) cannot be judged and holds. */
function isStale(holder: HubLockHolder, lockFile: string): boolean {
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

/** Takes the lock of a SQLite database file or throws HubDatabaseLockedError naming the holder. */
export function lockDatabaseFile(databaseFile: string, program: string = describeThisProcess()): HubDatabaseLock {
  const lockFile = lockFileOf(databaseFile);
  const holder: HubLockHolder = { pid: process.pid, host: hostname(), program, startedAt: new Date().toISOString() };
  const content = JSON.stringify(holder);
  for (let attempt = 0; attempt < ATTEMPTS; attempt++) {
    if (createLock(lockFile, content)) {
      heldHere.add(lockFile);
      let released = false;
      return {
        lockFile,
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
    // A file that does not read as a lock was not written by this step: nobody holds it.
    if (other && !isStale(other, lockFile)) throw new HubDatabaseLockedError(other, lockFile);
    removeStaleLock(lockFile, existing);
  }
  const other = parseHolder(readLock(lockFile) ?? '');
  throw new HubDatabaseLockedError(other ?? { pid: 0, host: '?', program: '?', startedAt: '?' }, lockFile);
}
