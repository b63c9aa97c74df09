import { randomBytes, scrypt, timingSafeEqual } from 'node:crypto';

/**
 * Hashing of staff passwords and PINs with scrypt. The stored string carries its own parameters, so they
 * can be raised later without invalidating existing hashes.
 */

/** scrypt cost parameters: N (CPU/memory cost, a power of two), r (block size), p (parallelism). */
export interface ScryptParams {
  N: number;
  r: number;
  p: number;
}

/** About 16 MiB and tens of milliseconds per hash: slow enough for offline guessing, fast enough for a kiosk login. */
export const DEFAULT_SCRYPT: ScryptParams = Object.freeze({ N: 16384, r: 8, p: 1 });

const SALT_BYTES = 16;
const HASH_BYTES = 32;
// Limits for parameters read back from storage: a forged stored value must not make verification
// allocate gigabytes or run for minutes.
const MAX_N = 2 ** 20;
const MAX_R = 32;
const MAX_P = 16;
const MAX_MEMORY = 256 * 1024 * 1024;
const BASE64_PATTERN = /^[A-Za-z0-9+/]+={0,2}$/;

function validParams({ N, r, p }: ScryptParams): boolean {
  return (
    Number.isSafeInteger(N) && N > 1 && N <= MAX_N && (N & (N - 1)) === 0 &&
    Number.isSafeInteger(r) && r >= 1 && r <= MAX_R &&
    Number.isSafeInteger(p) && p >= 1 && p <= MAX_P &&
    128 * N * r <= MAX_MEMORY
  );
}

/** Node's default maxmem (32 MiB) is just short of N=16384, r=8; allow what the parameters need plus headroom. */
function maxmemFor({ N, r, p }: ScryptParams): number {
  return 128 * N * r + 128 * r * p + 16 * 1024 * 1024;
}

/** scrypt of the secret (NFC-normalised) under `salt`: `length` bytes of key material. */
export function deriveKey(secret: string, salt: Buffer, params: ScryptParams, length: number): Promise<Buffer> {
  // NFC so the same PIN or password typed through different input methods (composed or decomposed) matches.
  const input = Buffer.from(secret.normalize('NFC'), 'utf8');
  return new Promise((resolve, reject) => {
    scrypt(input, salt, length, { N: params.N, r: params.r, p: params.p, maxmem: maxmemFor(params) }, (error, key) => {
      input.fill(0);
      if (error) reject(error);
      else resolve(key);
    });
  });
}

/** Strict base64 so a damaged stored value is treated as malformed, not silently decoded to something else. */
function decodeBase64(text: string): Buffer | null {
  if (!BASE64_PATTERN.test(text)) return null;
  const bytes = Buffer.from(text, 'base64');
  return bytes.toString('base64') === text ? bytes : null;
}

function parseInteger(text: string): number {
  return /^[1-9][0-9]{0,9}$/.test(text) ? Number(text) : Number.NaN;
}

/** 'scrypt$<N>$<r>$<p>$<salt b64>$<hash b64>' with a fresh 16-byte salt, so equal secrets never share a hash. */
export async function hashSecret(secret: string, params: ScryptParams = DEFAULT_SCRYPT): Promise<string> {
  if (!validParams(params)) throw new RangeError(`Unsupported scrypt parameters N=${params.N} r=${params.r} p=${params.p}`);
  const salt = randomBytes(SALT_BYTES);
  const hash = await deriveKey(secret, salt, params, HASH_BYTES);
  return ['scrypt', params.N, params.r, params.p, salt.toString('base64'), hash.toString('base64')].join('$');
}

/**
 * Whether the secret matches a value from hashSecret, using the parameters stored with it. A malformed stored
 * value yields false rather than an error, so a damaged account row locks that account instead of crashing login.
 */
export async function verifySecret(secret: string, stored: string): Promise<boolean> {
  const parts = stored.split('$');
  if (parts.length !== 6 || parts[0] !== 'scrypt') return false;
  const [, nText, rText, pText, saltText, hashText] = parts as [string, string, string, string, string, string];
  const params = { N: parseInteger(nText), r: parseInteger(rText), p: parseInteger(pText) };
  if (!validParams(params)) return false;
  const salt = decodeBase64(saltText);
  const expected = decodeBase64(hashText);
  if (!salt || salt.length < SALT_BYTES || !expected || expected.length !== HASH_BYTES) return false;
  const actual = await deriveKey(secret, salt, params, HASH_BYTES);
  // Constant time, so response timing does not reveal how much of a guess was right.
  return timingSafeEqual(actual, expected);
}
