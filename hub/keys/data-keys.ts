import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { generateKeyRing, parseKeyRing, serializeKeyRing, type KeyRing } from '../../electron/security/key-ring';
import { FileKeyStore } from '../../electron/security/key-store';
import { HubKeysLockedError } from './sealed-file';
import { openKeyFolder, sealedNameOf, type KeyFolder, type KeyFolderOptions } from './key-folder';

/**
 * The hub's data keys: the key ring that seals personal fields and record payloads at rest and keys the
 * blind indexes of people (the station's ring format, `electron/security/key-ring.ts`). Kept next to the
 * province keys, sealed under the operator's passphrase (`hub-data.keyring.json.sealed`), or as a clear
 * owner-only file in a folder a library caller opened without one; losing it loses every sealed value.
 */
export const DATA_KEY_FILE = 'hub-data.keyring.json';

/** The data key ring kept in `dir`, made on first use (a key folder made before the hub sealed its data gets one too). */
export function loadOrCreateHubDataKeys(dir: string, now: Date = new Date(), options: KeyFolderOptions = {}): KeyRing {
  return dataKeysIn(openKeyFolder(dir, options), { create: true, now });
}

/** The data key ring kept in `dir`; throws when it is missing, since nothing sealed could be opened without it. */
export function loadHubDataKeys(dir: string, options: KeyFolderOptions = {}): KeyRing {
  return dataKeysIn(openKeyFolder(dir, options), { create: false });
}

/** The data key ring of an opened key folder, made when missing if `create` says so. */
export function dataKeysIn(folder: KeyFolder, options: { create: boolean; now?: Date }): KeyRing {
  if (folder.sealer === null) return clearDataKeys(folder, options);
  const held = folder.read(DATA_KEY_FILE);
  if (held) {
    try {
      return parseKeyRing(held);
    } finally {
      held.fill(0);
    }
  }
  if (!options.create) throw new Error(`${join(folder.dir, sealedNameOf(DATA_KEY_FILE))}: the hub's data keys are missing`);
  const ring = generateKeyRing(options.now ?? new Date());
  const bytes = serializeKeyRing(ring);
  try {
    folder.write(DATA_KEY_FILE, bytes);
  } finally {
    bytes.fill(0);
  }
  return ring;
}

/** A folder opened without a passphrase: the station's owner-only key file, which refuses a file others can read. */
function clearDataKeys(folder: KeyFolder, options: { create: boolean; now?: Date }): KeyRing {
  const sealedPath = join(folder.dir, sealedNameOf(DATA_KEY_FILE));
  if (existsSync(sealedPath)) throw new HubKeysLockedError(sealedPath, 'passphrase_required');
  const store = new FileKeyStore(join(folder.dir, DATA_KEY_FILE));
  const held = store.load();
  if (held) return held;
  if (!options.create) throw new Error(`${store.location}: the hub's data keys are missing`);
  const ring = generateKeyRing(options.now ?? new Date());
  store.save(ring);
  return ring;
}
