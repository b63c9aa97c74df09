import { createCipheriv, createDecipheriv, randomBytes, scryptSync } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { writeOwnerOnlyFileAtomically } from '../../electron/security/durable-files';

/**
 * One private key file sealed under the operator's passphrase, so that a copy of the key folder (a backup, a
 * stolen disk) holds no key. The file is a small JSON envelope: the format, the scrypt parameters and salt the
 * sealing key was derived with, and the AES-256-GCM nonce, ciphertext and tag. The file's own name is the
 * associated data, so a sealed file renamed into another's place does not open.
 *
 * The passphrase is stretched once per start (`PassphraseSealer`): every file of a folder shares the salt, and
 * each is sealed with a nonce of its own.
 */

/** The envelope's format; a later format is refused rather than guessed at. */
export const SEALED_FILE_FORMAT = 1;

/** A passphrase shorter than this is refused when keys are sealed. */
export const MIN_PASSPHRASE_LENGTH = 12;

/** scrypt's cost parameters (RFC 7914): N the CPU/memory cost, r the block size, p the parallelism. */
export interface ScryptParameters {
  N: number;
  r: number;
  p: number;
}

/** About 128 MiB and a few tenths of a second per derivation: paid once per start, and by every guess. */
export const DEFAULT_SCRYPT: ScryptParameters = { N: 2 ** 17, r: 8, p: 1 };

/**
 * Bounds on what an envelope may ask for: a lower cost than the smallest is not sealing, and a file altered to
 * ask for a huge one must not exhaust the machine before its tag is even checked.
 */
const SCRYPT_BOUNDS = { minLogN: 14, maxLogN: 20, maxR: 16, maxP: 4 };

const KEY_BYTES = 32;
const SALT_BYTES = 16;
const NONCE_BYTES = 12;
const TAG_BYTES = 16;

interface SealedEnvelope {
  format: typeof SEALED_FILE_FORMAT;
  kdf: { name: 'scrypt'; N: number; r: number; p: number; salt: string };
  cipher: 'aes-256-gcm';
  nonce: string;
  ciphertext: string;
  tag: string;
}

/** Why the keys could not be opened. */
export type HubKeysLockedReason = 'passphrase_required' | 'wrong_passphrase_or_altered' | 'damaged';

/**
 * The hub's private keys cannot be opened: a sealed folder opened without a passphrase, a wrong passphrase, a
 * file that was altered (the two look the same to AES-GCM, by design), or a file that is not an envelope.
 */
export class HubKeysLockedError extends Error {
  constructor(
    readonly file: string,
    readonly reason: HubKeysLockedReason,
  ) {
    super(`${file}: ${LOCKED_MESSAGES[reason]}`);
    this.name = 'HubKeysLockedError';
  }
}

const LOCKED_MESSAGES: Record<HubKeysLockedReason, string> = {
  passphrase_required: 'the hub keys are sealed; give the passphrase (--passphrase-file FILE or RELAY_HUB_PASSPHRASE)',
  wrong_passphrase_or_altered: 'the passphrase is wrong, or the file was altered; the hub keys stay locked',
  damaged: 'not a sealed hub key file (damaged, or of a format this build does not know); the hub keys stay locked',
};

/** A passphrase too short to seal keys under. */
export class WeakPassphraseError extends Error {
  constructor() {
    super(`the passphrase must have at least ${MIN_PASSPHRASE_LENGTH} characters`);
    this.name = 'WeakPassphraseError';
  }
}

/** Throws WeakPassphraseError for a passphrase shorter than MIN_PASSPHRASE_LENGTH characters. */
export function requireStrongPassphrase(passphrase: string): void {
  if ([...passphrase].length < MIN_PASSPHRASE_LENGTH) throw new WeakPassphraseError();
}

interface DerivedKey {
  salt: Buffer;
  parameters: ScryptParameters;
  key: Buffer;
}

/**
 * Seals and opens key files under one passphrase. The key is derived once per salt and kept: opening a folder
 * sealed under one salt costs one derivation, and files sealed afterwards reuse that salt (a folder made new
 * gets a fresh one).
 */
export class PassphraseSealer {
  readonly #passphrase: Buffer;
  readonly #parameters: ScryptParameters;
  readonly #derived = new Map<string, DerivedKey>();
  #sealingKey: DerivedKey | null = null;
  /** How many times the passphrase was stretched: once per start when a folder shares its salt. */
  derivations = 0;

  constructor(passphrase: string, options: { scrypt?: ScryptParameters } = {}) {
    this.#passphrase = Buffer.from(passphrase.normalize('NFC'), 'utf8');
    this.#parameters = options.scrypt ?? DEFAULT_SCRYPT;
    checkParameters(this.#parameters, 'the scrypt parameters');
  }

  /** The envelope of `clear` for the file called `fileName` (its base name is the associated data). */
  seal(fileName: string, clear: Buffer): Buffer {
    const derived = (this.#sealingKey ??= this.#derive(randomBytes(SALT_BYTES), this.#parameters));
    const nonce = randomBytes(NONCE_BYTES);
    const cipher = createCipheriv('aes-256-gcm', derived.key, nonce);
    cipher.setAAD(associatedData(fileName));
    const ciphertext = Buffer.concat([cipher.update(clear), cipher.final()]);
    const envelope: SealedEnvelope = {
      format: SEALED_FILE_FORMAT,
      kdf: { name: 'scrypt', ...derived.parameters, salt: derived.salt.toString('base64') },
      cipher: 'aes-256-gcm',
      nonce: nonce.toString('base64'),
      ciphertext: ciphertext.toString('base64'),
      tag: cipher.getAuthTag().toString('base64'),
    };
    return Buffer.from(`${JSON.stringify(envelope)}\n`, 'utf8');
  }

  /** The clear bytes of the envelope read from `file`; HubKeysLockedError when it does not open. */
  open(file: string, sealed: Buffer): Buffer {
    const envelope = parseEnvelope(file, sealed);
    const { N, r, p } = envelope.kdf;
    const derived = this.#derive(envelope.salt, { N, r, p });
    try {
      const decipher = createDecipheriv('aes-256-gcm', derived.key, envelope.nonce);
      decipher.setAAD(associatedData(file));
      decipher.setAuthTag(envelope.tag);
      const clear = Buffer.concat([decipher.update(envelope.ciphertext), decipher.final()]);
      // Files sealed later in this run join the folder's salt rather than start another.
      this.#sealingKey ??= derived;
      return clear;
    } catch {
      throw new HubKeysLockedError(file, 'wrong_passphrase_or_altered');
    }
  }

  #derive(salt: Buffer, parameters: ScryptParameters): DerivedKey {
    const id = `${salt.toString('base64')}/${parameters.N}/${parameters.r}/${parameters.p}`;
    const held = this.#derived.get(id);
    if (held) return held;
    const key = scryptSync(this.#passphrase, salt, KEY_BYTES, { ...parameters, maxmem: 128 * parameters.N * parameters.r * (parameters.p + 1) + 32 * 1024 * 1024 });
    this.derivations++;
    const derived = { salt, parameters, key };
    this.#derived.set(id, derived);
    return derived;
  }
}

function associatedData(file: string): Buffer {
  return Buffer.from(`relay-hub/sealed-key-file/v1:${basename(file)}`, 'utf8');
}

function checkParameters(parameters: ScryptParameters, what: string): void {
  const { N, r, p } = parameters;
  const logN = Math.log2(N);
  const valid =
    Number.isInteger(logN) &&
    logN >= SCRYPT_BOUNDS.minLogN &&
    logN <= SCRYPT_BOUNDS.maxLogN &&
    Number.isInteger(r) &&
    r >= 1 &&
    r <= SCRYPT_BOUNDS.maxR &&
    Number.isInteger(p) &&
    p >= 1 &&
    p <= SCRYPT_BOUNDS.maxP;
  if (!valid) throw new RangeError(`${what} are out of bounds: N a power of two from 2^${SCRYPT_BOUNDS.minLogN} to 2^${SCRYPT_BOUNDS.maxLogN}, r ≤ ${SCRYPT_BOUNDS.maxR}, p ≤ ${SCRYPT_BOUNDS.maxP}`);
}

interface ParsedEnvelope {
  kdf: ScryptParameters;
  salt: Buffer;
  nonce: Buffer;
  ciphertext: Buffer;
  tag: Buffer;
}

function parseEnvelope(file: string, sealed: Buffer): ParsedEnvelope {
  const damaged = () => new HubKeysLockedError(file, 'damaged');
  let json: unknown;
  try {
    json = JSON.parse(sealed.toString('utf8'));
  } catch {
    throw damaged();
  }
  const envelope = json as Partial<SealedEnvelope> | null;
  if (typeof envelope !== 'object' || envelope === null || envelope.format !== SEALED_FILE_FORMAT || envelope.cipher !== 'aes-256-gcm') throw damaged();
  const kdf = envelope.kdf;
  if (typeof kdf !== 'object' || kdf === null || kdf.name !== 'scrypt') throw damaged();
  const parameters = { N: kdf.N, r: kdf.r, p: kdf.p };
  try {
    checkParameters(parameters, 'the envelope’s scrypt parameters');
  } catch {
    throw damaged();
  }
  const salt = base64Field(kdf.salt, SALT_BYTES);
  const nonce = base64Field(envelope.nonce, NONCE_BYTES);
  const tag = base64Field(envelope.tag, TAG_BYTES);
  const ciphertext = base64Field(envelope.ciphertext, null);
  if (salt === null || nonce === null || tag === null || ciphertext === null) throw damaged();
  return { kdf: parameters, salt, nonce, ciphertext, tag };
}

/** Strict base64 of the expected length (any when null); null for anything else. */
function base64Field(value: unknown, bytes: number | null): Buffer | null {
  if (typeof value !== 'string' || !/^[A-Za-z0-9+/]*={0,2}$/.test(value)) return null;
  const decoded = Buffer.from(value, 'base64');
  if (decoded.toString('base64') !== value) return null;
  if (bytes !== null && decoded.length !== bytes) return null;
  return decoded;
}

/** Reads and opens the sealed file at `path`. */
export function openSealedFile(sealer: PassphraseSealer, path: string): Buffer {
  return sealer.open(path, readFileSync(path));
}

/** Seals `clear` for `path` and writes it atomically, owner-only. */
export function writeSealedFile(sealer: PassphraseSealer, path: string, clear: Buffer): void {
  writeOwnerOnlyFileAtomically(path, sealer.seal(path, clear));
}
