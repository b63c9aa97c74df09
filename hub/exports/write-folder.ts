import { closeSync, existsSync, fsyncSync, mkdirSync, openSync, renameSync, rmSync, writeSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';

/** Refused: the run's folder exists already; an earlier export's files are never overwritten. */
export class ExportFolderExistsError extends Error {
  constructor(readonly folder: string) {
    super(`${folder} exists already: an export never overwrites an earlier one`);
  }
}

/** A run's folder while its files are written: a hidden folder beside the one it becomes once complete. */
export interface RunFolder {
  /** Where the files are written (`<outDir>/.<name>.partial`). */
  aside: string;
  /** Where they end (`<outDir>/<name>`). */
  target: string;
}

/** Whether a path names a run's hidden folder: what removing a half-written run may touch, and nothing else. */
export function isPartialRunFolder(path: string): boolean {
  return /^\..+\.partial$/u.test(basename(path));
}

/** Writes a new file (never over one that exists) and fsyncs it. */
export function writeFileDurably(path: string, bytes: Buffer): void {
  const fd = openSync(path, 'wx', 0o600);
  try {
    writeSync(fd, bytes);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

function syncFolder(dir: string): void {
  const fd = openSync(dir, 'r');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

/** Makes the hidden folder a run's files are written in; refused when the run's folder exists already. */
export function openRunFolder(outDir: string, name: string): RunFolder {
  mkdirSync(outDir, { recursive: true });
  const target = join(outDir, name);
  if (existsSync(target)) throw new ExportFolderExistsError(target);
  const aside = join(outDir, `.${name}.partial`);
  mkdirSync(aside, { mode: 0o700 });
  return { aside, target };
}

/** Renames a run's complete folder into place (its files already fsynced), so a run cut short never looks complete. */
export function commitRunFolder(folder: RunFolder): string {
  syncFolder(folder.aside);
  if (existsSync(folder.target)) throw new ExportFolderExistsError(folder.target);
  renameSync(folder.aside, folder.target);
  syncFolder(dirname(folder.target));
  return folder.target;
}

/** Removes the hidden folder of a run given up, with whatever it wrote so far. */
export function discardRunFolder(aside: string): void {
  if (isPartialRunFolder(aside)) rmSync(aside, { recursive: true, force: true });
}

/**
 * Writes a run's files into `<outDir>/<name>`: first into a hidden folder beside it, each file fsynced, then
 * renamed into place, so a run cut short never looks complete. A folder of that name already there is refused.
 */
export function writeRunFolder(outDir: string, name: string, files: ReadonlyArray<readonly [fileName: string, bytes: Buffer]>): string {
  const folder = openRunFolder(outDir, name);
  try {
    for (const [fileName, bytes] of files) writeFileDurably(join(folder.aside, fileName), bytes);
    return commitRunFolder(folder);
  } catch (error) {
    discardRunFolder(folder.aside);
    throw error;
  }
}
