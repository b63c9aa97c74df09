import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { KeyFolder, PASSPHRASE_CHANGE_MARKER, RESEALED_SUFFIX, SEALED_SUFFIX, settlePassphraseChange } from './key-folder';
import { provinceKeysIn } from './province-keys';
import { writeOwnerOnlyFileAtomically } from '../../electron/security/durable-files';
import { openSealedFile, PassphraseSealer, requireStrongPassphrase } from './sealed-file';

/** What a passphrase change did. */
export interface PassphraseChanged {
  /** The sealed files now under the new passphrase. */
  files: string[];
  /** Clear private files found and sealed (under the old passphrase first) before the change. */
  sealedInPlace: string[];
}

/**
 * Re-seals every private file of the key folder under a new passphrase; the current one is required. Every key
 * is opened first, so a wrong passphrase changes nothing. The new files are written beside the old ones and made
 * durable, then a commit marker is written, then each replaces its old file by rename: a crash before the marker
 * leaves the old passphrase in force, one after it is finished at the next opening (`settlePassphraseChange`).
 */
export function changeKeyFolderPassphrase(dir: string, current: string | PassphraseSealer, next: string | PassphraseSealer): PassphraseChanged {
  if (typeof next === 'string') requireStrongPassphrase(next);
  settlePassphraseChange(dir);
  const currentSealer = typeof current === 'string' ? new PassphraseSealer(current) : current;
  const nextSealer = typeof next === 'string' ? new PassphraseSealer(next) : next;
  const folder = new KeyFolder(dir, currentSealer);
  provinceKeysIn(folder);

  const files = readdirSync(dir)
    .filter((name) => name.endsWith(SEALED_SUFFIX))
    .sort();
  for (const name of files) {
    const path = join(dir, name);
    const clear = openSealedFile(currentSealer, path);
    try {
      // Sealed for its final name: the name is the associated data.
      writeOwnerOnlyFileAtomically(`${path}${RESEALED_SUFFIX}`, nextSealer.seal(path, clear));
    } finally {
      clear.fill(0);
    }
  }
  writeOwnerOnlyFileAtomically(join(dir, PASSPHRASE_CHANGE_MARKER), Buffer.from(`${JSON.stringify({ files })}\n`, 'utf8'));
  settlePassphraseChange(dir);
  return { files, sealedInPlace: folder.sealedInPlace };
}
