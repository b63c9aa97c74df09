import { closeSync, existsSync, fsyncSync, mkdirSync, openSync, renameSync, rmSync, writeSync } from 'node:fs';
import { join } from 'node:path';

/** Refused: the run's folder exists already; an earlier export's files are never overwritten. */
export class ExportFolderExistsError extends Error {
  constructor(readonly folder: string) {
    super(`${folder} exists already: an export never overwrites an earlier one`);
  }
}

function writeDurably(path: string, bytes: Buffer): void {
  // `wx`: a file of the same name is never overwritten.
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

/**
 * Writes a run's files into `<outDir>/<name>`: first into a hidden folder beside it, each file fsynced, then
 * renamed into place, so a run cut short never looks complete. A folder of that name already there is refused.
 */
export function writeRunFolder(outDir: string, name: string, files: ReadonlyArray<readonly [fileName: string, bytes: Buffer]>): string {
  mkdirSync(outDir, { recursive: true });
  const target = join(outDir, name);
  if (existsSync(target)) throw new ExportFolderExistsError(target);
  const aside = join(outDir, `.${name}.partial`);
  mkdirSync(aside, { mode: 0o700 });
  try {
    for (const [fileName, bytes] of files) writeDurably(join(aside, fileName), bytes);
    syncFolder(aside);
    if (existsSync(target)) throw new ExportFolderExistsError(target);
    renameSync(aside, target);
    syncFolder(outDir);
  } catch (error) {
    rmSync(aside, { recursive: true, force: true });
    throw error;
  }
  return target;
}
