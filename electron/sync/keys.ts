import { createHash, createPrivateKey, createPublicKey, sign, verify, type KeyObject } from 'node:crypto';

/**
 * The keys of the sync protocol (§11): the station's and the province's Ed25519 signing keys and the
 * province's X25519 encryption key, named by their fingerprint (§3).
 */

export type SyncKeyType = 'ed25519' | 'x25519';

const SIGNATURE_BYTES = 64;

// DER prefixes that turn 32 raw bytes into PKCS#8 (private) or SubjectPublicKeyInfo (public) (RFC 8410).
const PKCS8_PREFIX: Record<SyncKeyType, Buffer> = {
  ed25519: Buffer.from('302e020100300506032b657004220420', 'hex'),
  x25519: Buffer.from('302e020100300506032b656e04220420', 'hex'),
};
const SPKI_PREFIX: Record<SyncKeyType, Buffer> = {
  ed25519: Buffer.from('302a300506032b6570032100', 'hex'),
  x25519: Buffer.from('302a300506032b656e032100', 'hex'),
};

/** The key id (fingerprint): SHA-256 of the public key's SPKI DER, hex. */
export function keyId(publicKey: KeyObject): string {
  return createHash('sha256').update(publicKey.export({ type: 'spki', format: 'der' })).digest('hex');
}

/**
 * A public key from the PEM file the other side handed over. Throws Error('key_invalid') for anything
 * else, including a private key: deriving its public half would hide that a secret was handed around.
 */
export function publicKeyFromPem(pem: string, type: SyncKeyType): KeyObject {
  let key: KeyObject;
  try {
    if (!pem.includes('-----BEGIN PUBLIC KEY-----') || pem.includes('PRIVATE KEY')) throw new Error('not a public key');
    key = createPublicKey({ key: pem, format: 'pem' });
  } catch {
    throw new Error('key_invalid');
  }
  if (key.type !== 'public' || key.asymmetricKeyType !== type) throw new Error('key_invalid');
  return key;
}

export function publicKeyToPem(key: KeyObject): string {
  return key.export({ type: 'spki', format: 'pem' }).toString();
}

/** Pure Ed25519 (RFC 8032): no pre-hash, no context. */
export function signBytes(bytes: Buffer, privateKey: KeyObject): Buffer {
  return sign(null, bytes, privateKey);
}

/** Never throws: a key of another type or a signature of the wrong length simply does not verify. */
export function verifyBytes(bytes: Buffer, signature: Buffer, publicKey: KeyObject): boolean {
  if (signature.length !== SIGNATURE_BYTES || publicKey.asymmetricKeyType !== 'ed25519') return false;
  try {
    return verify(null, bytes, publicKey, signature);
  } catch {
    return false;
  }
}

/** The 32 raw bytes of an X25519 or Ed25519 public key (RFC 7748 / 8032), the last bytes of its SPKI DER. */
export function rawPublicKey(key: KeyObject): Buffer {
  const publicKey = key.type === 'private' ? createPublicKey(key) : key;
  const der = publicKey.export({ type: 'spki', format: 'der' });
  return der.subarray(der.length - 32);
}

export function publicKeyFromRaw(raw: Buffer, type: SyncKeyType): KeyObject {
  return createPublicKey({ key: Buffer.concat([SPKI_PREFIX[type], raw]), format: 'der', type: 'spki' });
}

export function privateKeyFromSeed(seed: Buffer, type: SyncKeyType): KeyObject {
  if (seed.length !== 32) throw new RangeError('a private key seed is 32 bytes');
  return createPrivateKey({ key: Buffer.concat([PKCS8_PREFIX[type], seed]), format: 'der', type: 'pkcs8' });
}

/**
 * Deterministic keys from a text (the private key is SHA-256 of the ASCII text), as in the worked
 * example (§15). For tests and examples only: anyone who knows the text holds the key.
 */
export function exampleKeyPair(text: string, type: SyncKeyType): { privateKey: KeyObject; publicKey: KeyObject } {
  const privateKey = privateKeyFromSeed(createHash('sha256').update(text, 'ascii').digest(), type);
  return { privateKey, publicKey: createPublicKey(privateKey) };
}
