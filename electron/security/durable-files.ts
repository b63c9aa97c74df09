import { randomBytes } from 'node:crypto';
import { closeSync, fsyncSync, mkdirSync, openSync, renameSync, unlinkSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';

/**
 * Makes renames and removals in `dir` durable. Best effort: not every platform can fsync a directory
 * (Windows cannot), and the data itself was fsynced before; only the directory entry's durability is at stake.
 */
export function fsyncDirectory(dir: string): void {
  let fd: number | undefined;
  try {
    fd = openSync(dir, 'r');
    fsyncSync(fd);
  } catch {
    // See above: nothing more can be done here.
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

/**
 * Writes an owner-only file atomically: a temporary file in the same folder (so the rename is atomic), created
 * 0600 from the start (a umask can only remove bits, so the bytes are never briefly readable by others; 'wx'
 * never follows or reuses something already at the temporary path), fsynced, renamed into place, and the folder
 * fsynced. A crash or a full disk leaves the old file or the new one, never half of one. A missing folder is
 * created 0700; an existing folder is the operator's choice.
 */
export function writeOwnerOnlyFileAtomically(path: string, bytes: Buffer): void {
  const dir = dirname(path);
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  const temp = join(dir, `.${basename(path)}.${randomBytes(6).toString('hex')}.tmp`);
  const fd = openSync(temp, 'wx', 0o600);
  let renamed = false;
  try {
    try {
      writeFileSync(fd, bytes);
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    renameSync(temp, path);
    renamed = true;
  } finally {
    if (!renamed) {
      try {
        unlinkSync(temp);
      } catch {
        // Nothing more to clean up; the original error matters more.
      }
    }
  }
  fsyncDirectory(dir);
}
