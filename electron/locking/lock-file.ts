import { randomBytes } from 'node:crypto';
import { linkSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { hostname, uptime } from 'node:os';
import { relative } from 'node:path';

/**
 * One owner per file or folder, for the station's data folder and the hub's SQLite file alike. The lock is a
 * small file holding the holder's pid, host, program and start time. It is written to a temporary file and
 * hard-linked into place, which fails when the name exists: the lock appears complete or not at all. A lock
 * left by a process that died (same host, and its pid gone or only a zombie, or written before the machine
 * last booted) is taken over, so a crash never blocks the next start; one from another host (a shared
 * folder) cannot be judged and holds.
 */

export interface LockHolder {
  pid: number;
  host: string;
  /** What took the lock: the desktop app, the station host, a command line, a hub. */
  program: string;
  startedAt: string;
}

/** A held lock. */
export interface HeldLock {
  readonly lockFile: string;
  readonly holder: LockHolder;
  /** Removes the lock file if it is still this holder's; once. */
  release(): void;
}

/** Lock files this process holds: its own pid in a lock it does not hold is a dead process's pid reused. */
const heldHere = new Set<string>();

/** How a command line names itself in the lock when not told: the script and its command. */
export function describeThisProcess(): string {
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

/**
 * Whether a killed process has only not been reaped yet (Linux: state Z in /proc). Its pid still answers
 * signals, but it holds nothing: a process killed with SIGKILL whose parent died with it stays a zombie
 * until init reaps it, and the next start must not wait for that.
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

/** Whether the holder is certainly gone. */
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

/**
 * Takes the lock `lockFile` for `program`, or throws what `refuse` makes of the holder that keeps it (the
 * caller's own error, which names the holder to the person who tried).
 */
export function takeLockFile(lockFile: string, program: string, refuse: (holder: LockHolder, lockFile: string) => Error): HeldLock {
  const holder: LockHolder = { pid: process.pid, host: hostname(), program, startedAt: new Date().toISOString() };
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
    if (other && !isStale(other, lockFile)) throw refuse(other, lockFile);
    removeStaleLock(lockFile, existing);
  }
  const other = parseHolder(readLock(lockFile) ?? '');
  throw refuse(other ?? { pid: 0, host: '?', program: '?', startedAt: '?' }, lockFile);
}
