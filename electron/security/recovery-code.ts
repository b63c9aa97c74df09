import { createPublicKey, createPrivateKey, randomBytes, type KeyObject } from 'node:crypto';
import { foldFullwidthAscii } from '../../shared/validation/fullwidth';
import { deriveKey, type ScryptParams } from './secrets';

/**
 * The station's recovery code: a random secret the administrator writes down at setup, from which an
 * X25519 key pair is derived (scrypt under a stored salt). The station keeps only the public half; every
 * backup seals its key ring to it, so a backup and the code rebuild the station on a new machine.
 */

/** Crockford's base32: no I, L, O or U, so a code read aloud or copied by hand has no look-alikes. */
const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
const CODE_CHARACTERS = 25;
const GROUP = 5;
/** 32 MiB and about a tenth of a second per try: cheap once at a restore, costly for guessing (125 bits anyway). */
export const RECOVERY_SCRYPT: ScryptParams = Object.freeze({ N: 2 ** 15, r: 8, p: 1 });
export const RECOVERY_SALT_BYTES = 16;
/** PKCS#8 DER of an X25519 private key before its 32 raw bytes (RFC 8410). */
const X25519_PKCS8_PREFIX = Buffer.from('302e020100300506032b656e04220420', 'hex');

/** A new code: 25 characters (125 random bits) in five groups, e.g. `7QK2M-…`. */
export function newRecoveryCode(): string {
  const bytes = randomBytes(CODE_CHARACTERS);
  // 256 is a multiple of 32, so the low five bits of each byte are uniform.
  const characters = Array.from(bytes, (byte) => ALPHABET[byte & 31]).join('');
  bytes.fill(0);
  return characters.match(new RegExp(`.{${GROUP}}`, 'g'))!.join('-');
}

/**
 * The code as typed, in canonical form: case, width, spaces and dashes do not matter, and O, I, L read as
 * 0, 1, 1 (Crockford). Null when it cannot be a recovery code at all.
 */
export function canonicalRecoveryCode(typed: string): string | null {
  if (typed.length > 200) return null;
  const cleaned = foldFullwidthAscii(typed)
    .toUpperCase()
    .replace(/[\s-]/g, '')
    .replace(/O/g, '0')
    .replace(/[IL]/g, '1');
  if (cleaned.length !== CODE_CHARACTERS || [...cleaned].some((c) => !ALPHABET.includes(c))) return null;
  return cleaned.match(new RegExp(`.{${GROUP}}`, 'g'))!.join('-');
}

/** The key pair the code stands for under `salt`. The code must be canonical (canonicalRecoveryCode). */
export async function recoveryKeyPair(canonicalCode: string, salt: Buffer): Promise<{ privateKey: KeyObject; publicKey: KeyObject }> {
  const seed = await deriveKey(canonicalCode, salt, RECOVERY_SCRYPT, 32);
  try {
    const privateKey = createPrivateKey({ key: Buffer.concat([X25519_PKCS8_PREFIX, seed]), format: 'der', type: 'pkcs8' });
    return { privateKey, publicKey: createPublicKey(privateKey) };
  } finally {
    seed.fill(0);
  }
}
