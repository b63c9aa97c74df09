import { createCipheriv, createDecipheriv, createHmac, hkdfSync, randomFillSync } from 'node:crypto';
import { currentKey, type KeyRing } from './key-ring';

/**
 * Column-level encryption of personal data (names, ID numbers, phones, addresses) and blind indexes for
 * exact lookups on them. A copied database file alone then reveals neither the values nor, without the
 * key, which rows share a value.
 */

const FORMAT_VERSION = 'v1';
const ENCRYPTION_INFO = 'relay-station/field-encryption/v1';
const BLIND_INDEX_INFO = 'relay-station/blind-index/v1';
const NONCE_BYTES = 12;
const TAG_BYTES = 16;
const KEY_ID_PATTERN = /^[0-9a-f]{12}$/;
/** Nonces drawn from the system's random source at a time: one call per this many sealed values. */
const NONCES_PER_DRAW = 1024;

/** Why a value could not be opened; the message never contains the value or key material. */
export type SealedValueFailure = 'malformed' | 'unknown_key' | 'authentication_failed' | 'invalid_input';

/** A sealed value could not be opened (malformed, unknown key id, or failed authentication), or a value could not be sealed. */
export class SealedValueError extends Error {
  constructor(
    message: string,
    readonly reason: SealedValueFailure = 'malformed',
  ) {
    super(message);
    this.name = 'SealedValueError';
  }
}

interface SubKeys {
  encryption: Buffer;
  blindIndex: Buffer;
}

interface ParsedSealed {
  keyId: string;
  nonce: Buffer;
  body: Buffer;
}

const BASE64URL_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';

/**
 * Strict base64url: Buffer.from ignores stray characters, which would hide tampering behind a confusing
 * auth failure. Canonical too (what encoding the bytes gives back): no impossible length, and the bits
 * of the last character past the final whole byte are zero. Checked without a regular expression or a
 * re-encoding, because the sync writer opens a value per outbox row: Node's decoder also reads the
 * standard alphabet ('+', '/') and stops at '=', which are refused here; any other stray character is
 * skipped by it and so shows as a byte short of what the length promises.
 */
function decodeBase64Url(text: string): Buffer | null {
  const leftover = text.length % 4;
  if (text.length === 0 || leftover === 1) return null;
  if (text.includes('+') || text.includes('/') || text.includes('=')) return null;
  const bytes = Buffer.from(text, 'base64url');
  if (bytes.length !== Math.floor((text.length * 3) / 4)) return null;
  if (leftover !== 0) {
    const lastValue = BASE64URL_ALPHABET.indexOf(text.charAt(text.length - 1));
    const unusedBits = leftover === 2 ? 0b1111 : 0b11;
    if ((lastValue & unusedBits) !== 0) return null;
  }
  return bytes;
}

function parseSealed(value: string): ParsedSealed | null {
  const parts = value.split('.');
  if (parts.length !== 4) return null;
  const [version, keyId, nonceText, bodyText] = parts as [string, string, string, string];
  if (version !== FORMAT_VERSION || !KEY_ID_PATTERN.test(keyId)) return null;
  const nonce = decodeBase64Url(nonceText);
  const body = decodeBase64Url(bodyText);
  if (!nonce || nonce.length !== NONCE_BYTES || !body || body.length < TAG_BYTES) return null;
  return { keyId, nonce, body };
}

/**
 * UTF-8 bytes of a string that must round-trip exactly. Buffer.from would turn an unpaired surrogate into
 * U+FFFD, so the value opened later would differ from the one sealed: refuse instead of losing data silently.
 */
function strictUtf8(text: string, what: string): Buffer {
  // String.prototype.isWellFormed (ES2024, native in Node 20) is false exactly when a surrogate is unpaired.
  if (!(text as unknown as WellFormedCheck).isWellFormed()) {
    throw new SealedValueError(`${what} contains an unpaired surrogate and cannot be stored exactly`, 'invalid_input');
  }
  return Buffer.from(text, 'utf8');
}

/** ES2024's String.prototype.isWellFormed, which the ES2023 library types do not declare yet. */
interface WellFormedCheck {
  isWellFormed(): boolean;
}

/**
 * Fresh random 96-bit GCM nonces, drawn from the system's CSPRNG a block at a time: one randomFillSync per
 * NONCES_PER_DRAW values instead of one per value. Every nonce is still independent random bytes, never derived
 * from a counter, a key or a value, and each 12-byte slice is handed out once and never again: a block is
 * consumed front to back, and when it is used up a new buffer is drawn rather than the old one refilled, so a
 * slice already handed out never changes under its caller. Random nonces are what GCM's bound on values per key
 * assumes (2^32 with a collision chance below 2^-32); drawing them in blocks changes neither their randomness nor
 * their count. A copied process does not share the block: Node starts child processes fresh, and each worker
 * thread holds its own ciphers. Nonces are not secret (each sealed value carries its own), so a block waiting in
 * memory reveals nothing.
 */
class NonceSource {
  private block = Buffer.alloc(0);
  private next = 0;

  take(): Buffer {
    if (this.next === this.block.length) {
      this.block = randomFillSync(Buffer.allocUnsafe(NONCE_BYTES * NONCES_PER_DRAW));
      this.next = 0;
    }
    const nonce = this.block.subarray(this.next, this.next + NONCE_BYTES);
    this.next += NONCE_BYTES;
    return nonce;
  }
}

function requireContext(context: string): Buffer {
  if (context.length === 0) throw new SealedValueError('A sealing context is required', 'invalid_input');
  return strictUtf8(context, 'The context');
}

function deriveSubKey(key: Buffer, info: string): Buffer {
  return Buffer.from(hkdfSync('sha256', key, Buffer.alloc(0), info, 32));
}

/** Seals and opens field values with the data keys of one key ring. */
export class FieldCipher {
  private readonly keys = new Map<string, Buffer>();
  private readonly subKeys = new Map<string, SubKeys>();
  private readonly currentId: string;
  private readonly keyOrder: string[];
  private readonly nonces = new NonceSource();

  constructor(ring: KeyRing) {
    // Fails now on an inconsistent ring instead of at the first write.
    this.currentId = currentKey(ring).id;
    for (const dataKey of ring.keys) this.keys.set(dataKey.id, Buffer.from(dataKey.key));
    this.keyOrder = [this.currentId, ...ring.keys.map((k) => k.id).filter((id) => id !== this.currentId)];
  }

  /** The key id new values are sealed under; values carrying another id are due for re-encryption. */
  get currentKeyId(): string {
    return this.currentId;
  }

  /**
   * Separate subkeys per purpose (HKDF): the blind index must not reveal anything about the encryption key,
   * and reusing one key for AES-GCM and HMAC would tie their security together. Cached per key id.
   */
  private subKeysFor(keyId: string): SubKeys | null {
    const cached = this.subKeys.get(keyId);
    if (cached) return cached;
    const key = this.keys.get(keyId);
    if (!key) return null;
    const derived = { encryption: deriveSubKey(key, ENCRYPTION_INFO), blindIndex: deriveSubKey(key, BLIND_INDEX_INFO) };
    this.subKeys.set(keyId, derived);
    return derived;
  }

  private currentSubKeys(): SubKeys {
    const subKeys = this.subKeysFor(this.currentId);
    if (!subKeys) throw new Error('The current data key is missing'); // unreachable: checked in the constructor
    return subKeys;
  }

  /**
   * AES-256-GCM, fresh 12-byte nonce per value, `context` (e.g. 'visitor_sign_in.visitor_name') as additional
   * authenticated data so a sealed value cannot be moved to another column.
   * Format: 'v1.<keyId>.<nonce base64url>.<ciphertext+tag base64url>'.
   */
  seal(plaintext: string, context: string): string {
    const aad = requireContext(context);
    const plain = strictUtf8(plaintext, 'The value');
    // A random 96-bit nonce per value; a repeated nonce under one key would break GCM, so never derive or reuse it.
    const nonce = this.nonces.take();
    const cipher = createCipheriv('aes-256-gcm', this.currentSubKeys().encryption, nonce, { authTagLength: TAG_BYTES });
    cipher.setAAD(aad);
    const body = Buffer.concat([cipher.update(plain), cipher.final(), cipher.getAuthTag()]);
    plain.fill(0);
    return `${FORMAT_VERSION}.${this.currentId}.${nonce.toString('base64url')}.${body.toString('base64url')}`;
  }

  /** The plaintext of a value sealed for the same context; throws SealedValueError rather than return anything unauthenticated. */
  open(sealed: string, context: string): string {
    const plain = this.openBytes(sealed, context);
    const text = plain.toString('utf8');
    plain.fill(0);
    return text;
  }

  /**
   * The plaintext's UTF-8 bytes, for a caller that writes them out as they are (the sync writer); it
   * should zero them once copied.
   */
  openBytes(sealed: string, context: string): Buffer {
    const aad = requireContext(context);
    const parsed = parseSealed(sealed);
    if (!parsed) throw new SealedValueError('The value is not a sealed value', 'malformed');
    const subKeys = this.subKeysFor(parsed.keyId);
    if (!subKeys) throw new SealedValueError(`The value was sealed with key ${parsed.keyId}, which is not in the key ring`, 'unknown_key');
    const ciphertext = parsed.body.subarray(0, parsed.body.length - TAG_BYTES);
    const tag = parsed.body.subarray(parsed.body.length - TAG_BYTES);
    try {
      const decipher = createDecipheriv('aes-256-gcm', subKeys.encryption, parsed.nonce, { authTagLength: TAG_BYTES });
      decipher.setAAD(aad);
      decipher.setAuthTag(tag);
      const plain = decipher.update(ciphertext);
      // GCM's final() adds no bytes; it checks the tag.
      decipher.final();
      return plain;
    } catch {
      throw new SealedValueError('The sealed value failed authentication (tampered, or sealed for another context)', 'authentication_failed');
    }
  }

  /** Whether the value has the sealed format (no key is checked): tells sealed columns from legacy plaintext. */
  static isSealed(value: string): boolean {
    return parseSealed(value) !== null;
  }

  /** The key id a sealed value names, or null for anything not in the format; finds values left on an old key. */
  static keyIdOf(value: string): string | null {
    return parseSealed(value)?.keyId ?? null;
  }

  /**
   * Blind index for exact lookups: HMAC-SHA-256 under a key derived separately from the data key, over
   * `kind` + NUL + the already-normalised value; base64url. `kind` keeps equal values of different kinds
   * (a phone and an ID number) from sharing an index; it may not contain NUL, which keeps the input unambiguous.
   */
  blindIndex(kind: string, normalisedValue: string): string {
    return this.indexUnder(this.currentSubKeys(), kind, normalisedValue);
  }

  /** The blind index under every key in the ring (current first), for lookups while a rotation is half done. */
  blindIndexCandidates(kind: string, normalisedValue: string): string[] {
    return this.keyOrder.map((id) => {
      const subKeys = this.subKeysFor(id);
      if (!subKeys) throw new Error(`Data key ${id} is missing`); // unreachable: keyOrder comes from the ring
      return this.indexUnder(subKeys, kind, normalisedValue);
    });
  }

  private indexUnder(subKeys: SubKeys, kind: string, normalisedValue: string): string {
    if (kind.length === 0 || kind.includes('\0')) {
      throw new SealedValueError('A blind index kind must be non-empty and contain no NUL character', 'invalid_input');
    }
    const input = Buffer.concat([strictUtf8(kind, 'The kind'), Buffer.from([0]), strictUtf8(normalisedValue, 'The value')]);
    const index = createHmac('sha256', subKeys.blindIndex).update(input).digest('base64url');
    input.fill(0);
    return index;
  }
}
