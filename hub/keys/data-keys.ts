import { join } from 'node:path';
import { generateKeyRing, type KeyRing } from '../../electron/security/key-ring';
import { FileKeyStore } from '../../electron/security/key-store';

/**
 * The hub's data keys: the key ring that seals personal fields and record payloads at rest and keys the
 * blind indexes of people (the station's ring format, `electron/security/key-ring.ts`). Kept next to the
 * province keys as an owner-only file, written atomically; losing it loses every sealed value.
 */
export const DATA_KEY_FILE = 'hub-data.keyring.json';

/** The data key ring kept in `dir`, made on first use (a key folder made before the hub sealed its data gets one too). */
export function loadOrCreateHubDataKeys(dir: string, now: Date = new Date()): KeyRing {
  const store = new FileKeyStore(join(dir, DATA_KEY_FILE));
  const held = store.load();
  if (held) return held;
  const ring = generateKeyRing(now);
  store.save(ring);
  return ring;
}

/** The data key ring kept in `dir`; throws when it is missing, since nothing sealed could be opened without it. */
export function loadHubDataKeys(dir: string): KeyRing {
  const store = new FileKeyStore(join(dir, DATA_KEY_FILE));
  const held = store.load();
  if (!held) throw new Error(`${store.location}: the hub's data keys are missing`);
  return held;
}
