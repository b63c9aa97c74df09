import { createHmac, hkdfSync, randomBytes } from 'node:crypto';

/**
 * The station's key material: the data keys that seal personal fields and the audit-chain key.
 *
 * Pure functions over an immutable-by-convention value; loading and saving live in key-store.ts.
 * Losing this ring means losing every sealed value in the database, so rotation only ever adds keys,
 * and a key is retired explicitly, after re-encryption has moved every value off it. A retired key is
 * archived, not dropped: it never seals again, but backups and values made under it still open.
 */

/** Length in bytes of every key in the ring (AES-256 / HMAC-SHA-256). */
export const KEY_BYTES = 32;

const KEY_ID_PATTERN = /^[0-9a-f]{12}$/;
const KEY_CHECK_LABEL = 'relay-station/key-check/v1';

/** One data key. The id travels inside every sealed value so the right key can be found after rotation. */
export interface DataKey {
  id: string;
  key: Buffer;
  createdAt: string;
  /** Retired by a rotation: kept only to open what was sealed under it (older backups above all). */
  archived?: true;
}

/** Everything the station needs to read and write protected data. */
export interface KeyRing {
  version: 1;
  /** HMAC key of the audit chain; never rotated, so old audit entries stay verifiable. */
  auditKey: Buffer;
  currentKeyId: string;
  /** Includes the current key; older ones stay, archived once re-encryption has moved every value off them. */
  keys: DataKey[];
}

/** The key file could not be read as a key ring; `path` names the file when the bytes came from one ('' otherwise). */
export class KeyFileInvalidError extends Error {
  constructor(
    message: string,
    readonly path: string = '',
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'KeyFileInvalidError';
  }
}

function newDataKey(now: Date, takenIds: ReadonlySet<string>): DataKey {
  // 48 random bits: a collision is unlikely, but a duplicate id would make values undecryptable, so check.
  let id: string;
  do id = randomBytes(6).toString('hex');
  while (takenIds.has(id));
  return { id, key: randomBytes(KEY_BYTES), createdAt: now.toISOString() };
}

/** A fresh ring for a new station: one data key (current) and an audit key, all from the OS CSPRNG. */
export function generateKeyRing(now: Date): KeyRing {
  const first = newDataKey(now, new Set());
  return { version: 1, auditKey: randomBytes(KEY_BYTES), currentKeyId: first.id, keys: [first] };
}

/**
 * Starts a key rotation: adds a fresh key and makes it current. Older keys stay so existing values still
 * open. Pure: the given ring is not changed, so a failed save leaves the caller's ring as it was.
 */
export function withNewCurrentKey(ring: KeyRing, now: Date): KeyRing {
  const added = newDataKey(now, new Set(ring.keys.map((k) => k.id)));
  return { ...ring, currentKeyId: added.id, keys: [...ring.keys, added] };
}

/** Keys that are neither current nor archived: left by a rotation that has not finished re-encrypting. */
export function unretiredOldKeys(ring: KeyRing): DataKey[] {
  return ring.keys.filter((k) => k.id !== ring.currentKeyId && !k.archived);
}

/**
 * Finishes a rotation by archiving keys no value uses any more: they stay in the ring so that backups
 * made under them still open, but never seal again. Refuses to archive the current key. Ids not in the
 * ring are ignored.
 */
export function withKeysArchived(ring: KeyRing, retiredIds: readonly string[]): KeyRing {
  if (retiredIds.includes(ring.currentKeyId)) {
    throw new Error(`Refusing to retire the current data key ${ring.currentKeyId}`);
  }
  const retired = new Set(retiredIds);
  return { ...ring, keys: ring.keys.map((k) => (retired.has(k.id) ? { ...k, archived: true as const } : k)) };
}

/**
 * A key for one file (a backup), derived with HKDF-SHA-256 from the data key `keyId` (the current one when
 * null), under its own `info` and the file's salt; null when the ring holds no such key. Archived keys
 * count: they exist so that older files still open.
 */
export function deriveFileKeyFrom(ring: KeyRing, info: string, salt: Buffer, keyId: string | null): { keyId: string; key: Buffer } | null {
  const id = keyId ?? ring.currentKeyId;
  const dataKey = ring.keys.find((key) => key.id === id);
  if (!dataKey) return null;
  return { keyId: id, key: Buffer.from(hkdfSync('sha256', dataKey.key, salt, info, KEY_BYTES)) };
}

/** The key new values are sealed with. Throws if the ring is inconsistent rather than sealing with a wrong key. */
export function currentKey(ring: KeyRing): DataKey {
  const key = ring.keys.find((k) => k.id === ring.currentKeyId);
  if (!key) throw new KeyFileInvalidError(`The key ring has no key with the current id ${ring.currentKeyId}`);
  return key;
}

/** The ring as JSON bytes with keys in base64. The result holds secrets: callers should zero it after writing. */
export function serializeKeyRing(ring: KeyRing): Buffer {
  const json = {
    version: ring.version,
    auditKey: ring.auditKey.toString('base64'),
    currentKeyId: ring.currentKeyId,
    keys: ring.keys.map((k) => ({ id: k.id, key: k.key.toString('base64'), createdAt: k.createdAt, ...(k.archived ? { archived: true } : {}) })),
  };
  return Buffer.from(JSON.stringify(json), 'utf8');
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Strict base64 of exactly KEY_BYTES: Buffer.from would silently skip bad characters and yield a wrong key. */
function decodeKey(value: unknown, what: string): Buffer {
  if (typeof value !== 'string' || !/^[A-Za-z0-9+/]*={0,2}$/.test(value)) {
    throw new KeyFileInvalidError(`${what} is not base64`);
  }
  const bytes = Buffer.from(value, 'base64');
  if (bytes.toString('base64') !== value) throw new KeyFileInvalidError(`${what} is not canonical base64`);
  if (bytes.length !== KEY_BYTES) throw new KeyFileInvalidError(`${what} has ${bytes.length} bytes, expected ${KEY_BYTES}`);
  return bytes;
}

/**
 * Reads bytes written by serializeKeyRing. Checks everything (shape, ids, key lengths, the current key
 * being present) so a damaged file is refused at start-up instead of producing undecryptable data later.
 */
export function parseKeyRing(bytes: Buffer): KeyRing {
  let json: unknown;
  try {
    json = JSON.parse(bytes.toString('utf8'));
  } catch (cause) {
    throw new KeyFileInvalidError('The key file is not valid JSON', '', { cause });
  }
  if (!isRecord(json)) throw new KeyFileInvalidError('The key file does not hold a key ring');
  if (json.version !== 1) throw new KeyFileInvalidError(`Unsupported key ring version ${String(json.version)}`);
  const auditKey = decodeKey(json.auditKey, 'The audit key');
  const currentKeyId = json.currentKeyId;
  if (typeof currentKeyId !== 'string' || !KEY_ID_PATTERN.test(currentKeyId)) {
    throw new KeyFileInvalidError('The current key id is missing or malformed');
  }
  if (!Array.isArray(json.keys) || json.keys.length === 0) throw new KeyFileInvalidError('The key ring has no data keys');

  const keys: DataKey[] = [];
  const seen = new Set<string>();
  for (const [index, entry] of json.keys.entries()) {
    if (!isRecord(entry)) throw new KeyFileInvalidError(`Data key #${index} is not an object`);
    const { id, createdAt } = entry;
    if (typeof id !== 'string' || !KEY_ID_PATTERN.test(id)) throw new KeyFileInvalidError(`Data key #${index} has a malformed id`);
    if (seen.has(id)) throw new KeyFileInvalidError(`Data key id ${id} appears twice`);
    seen.add(id);
    if (typeof createdAt !== 'string' || Number.isNaN(Date.parse(createdAt))) {
      throw new KeyFileInvalidError(`Data key ${id} has no valid creation time`);
    }
    if (entry.archived !== undefined && entry.archived !== true) throw new KeyFileInvalidError(`Data key ${id} has a malformed archive mark`);
    keys.push({ id, key: decodeKey(entry.key, `Data key ${id}`), createdAt, ...(entry.archived === true ? { archived: true as const } : {}) });
  }
  if (!seen.has(currentKeyId)) throw new KeyFileInvalidError(`The current key ${currentKeyId} is not in the key ring`);
  if (keys.some((k) => k.id === currentKeyId && k.archived)) throw new KeyFileInvalidError(`The current key ${currentKeyId} is archived`);
  return { version: 1, auditKey, currentKeyId, keys };
}

/**
 * hex HMAC-SHA-256(key, 'relay-station/key-check/v1'). Stored next to the data, it lets the database tell
 * "this is my key" from "someone pointed me at another station's key file" without storing the key itself.
 */
export function keyCheckValue(key: Buffer): string {
  return createHmac('sha256', key).update(KEY_CHECK_LABEL, 'utf8').digest('hex');
}
