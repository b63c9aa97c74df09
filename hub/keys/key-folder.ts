import { existsSync, readdirSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { fsyncDirectory, writeOwnerOnlyFileAtomically } from '../../electron/security/durable-files';
import { HubKeysLockedError, PassphraseSealer, writeSealedFile, openSealedFile } from './sealed-file';

/**
 * The hub's key folder: which form its private files take, and the moves between forms. A private file is kept
 * either clear (`<name>`, owner-only: what a library caller such as a test makes without a passphrase) or
 * sealed under the operator's passphrase (`<name>.sealed`, `sealed-file.ts`). Public keys stay clear.
 *
 * Opened with a passphrase, a folder still holding clear private files is sealed in place: each sealed file is
 * written and made durable before its clear file is removed, so a crash never loses a key, and the next start
 * removes a clear file whose sealed copy is already there: never both copies for long.
 */

/** The suffix of a sealed private file: `province-signing.key.pem.sealed`. */
export const SEALED_SUFFIX = '.sealed';

/** Written once every re-sealed file is durable: from then on a passphrase change is finished, not undone. */
export const PASSPHRASE_CHANGE_MARKER = 'passphrase-change.committed';

/** A re-sealed file waiting to replace `<name>.sealed`. */
export const RESEALED_SUFFIX = '.resealed';

/** How a key folder is opened: with the operator's passphrase (or a sealer already made from it), or clear. */
export interface KeyFolderOptions {
  passphrase?: string | PassphraseSealer;
}

/** The sealed name of a private file. */
export function sealedNameOf(clearName: string): string {
  return `${clearName}${SEALED_SUFFIX}`;
}

/** A key folder opened clear (sealer null) or under a passphrase. */
export class KeyFolder {
  /** The clear private files this opening sealed in place, by their sealed names. */
  readonly sealedInPlace: string[] = [];

  constructor(
    readonly dir: string,
    readonly sealer: PassphraseSealer | null,
  ) {}

  /** Whether the folder holds this private file in either form. */
  has(clearName: string): boolean {
    return existsSync(join(this.dir, clearName)) || existsSync(join(this.dir, sealedNameOf(clearName)));
  }

  /**
   * The private file's clear bytes, or null when the folder holds it in neither form. Opened with a passphrase,
   * a clear file is sealed in place; opened clear, a sealed file is refused (`passphrase_required`).
   */
  read(clearName: string): Buffer | null {
    const clearPath = join(this.dir, clearName);
    const sealedPath = join(this.dir, sealedNameOf(clearName));
    const sealedHeld = existsSync(sealedPath);
    if (this.sealer === null) {
      if (sealedHeld) throw new HubKeysLockedError(sealedPath, 'passphrase_required');
      return existsSync(clearPath) ? readFileSync(clearPath) : null;
    }
    if (sealedHeld) {
      const clear = openSealedFile(this.sealer, sealedPath);
      // A sealing in place cut short after its sealed file was made durable: the clear copy goes now.
      if (existsSync(clearPath)) this.#removeClear(clearPath);
      return clear;
    }
    if (!existsSync(clearPath)) return null;
    const clear = readFileSync(clearPath);
    writeSealedFile(this.sealer, sealedPath, clear);
    this.#removeClear(clearPath);
    this.sealedInPlace.push(sealedNameOf(clearName));
    return clear;
  }

  /** Writes the private file in the folder's form, atomically and owner-only. */
  write(clearName: string, clear: Buffer): void {
    if (this.sealer === null) writeOwnerOnlyFileAtomically(join(this.dir, clearName), clear);
    else writeSealedFile(this.sealer, join(this.dir, sealedNameOf(clearName)), clear);
  }

  /** The clear names of the private files held whose name matches `pattern` (either form), sorted. */
  names(pattern: RegExp): string[] {
    const names = new Set<string>();
    for (const name of readdirSync(this.dir)) {
      const clearName = name.endsWith(SEALED_SUFFIX) ? name.slice(0, -SEALED_SUFFIX.length) : name;
      if (pattern.test(clearName)) names.add(clearName);
    }
    return [...names].sort();
  }

  #removeClear(path: string): void {
    rmSync(path, { force: true });
    fsyncDirectory(this.dir);
  }
}

/**
 * Opens a key folder: a passphrase change cut short is settled first (finished when it had committed, its
 * leftovers removed when it had not), so the folder holds one passphrase's files only.
 */
export function openKeyFolder(dir: string, options: KeyFolderOptions = {}): KeyFolder {
  settlePassphraseChange(dir);
  const { passphrase } = options;
  const sealer = passphrase === undefined ? null : typeof passphrase === 'string' ? new PassphraseSealer(passphrase) : passphrase;
  return new KeyFolder(dir, sealer);
}

/**
 * Finishes or forgets a passphrase change that did not end: with the commit marker present every re-sealed file
 * is durable, so each replaces its old file; without it the old files are all still in place and the re-sealed
 * ones are removed.
 */
export function settlePassphraseChange(dir: string): void {
  if (!existsSync(dir)) return;
  const marker = join(dir, PASSPHRASE_CHANGE_MARKER);
  const committed = existsSync(marker);
  const resealed = readdirSync(dir).filter((name) => name.endsWith(RESEALED_SUFFIX));
  if (!committed && resealed.length === 0) return;
  for (const name of resealed) {
    const path = join(dir, name);
    if (committed) renameSync(path, path.slice(0, -RESEALED_SUFFIX.length));
    else rmSync(path, { force: true });
  }
  fsyncDirectory(dir);
  if (committed) {
    rmSync(marker, { force: true });
    fsyncDirectory(dir);
  }
}
