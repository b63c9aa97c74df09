import { createCipheriv, createDecipheriv, createPublicKey, diffieHellman, generateKeyPairSync, hkdfSync, randomBytes, type DecipherGCM, type KeyObject } from 'node:crypto';
import { keyId, publicKeyFromRaw, rawPublicKey } from './keys';
import { SyncProtocolError } from './protocol-error';

/**
 * A batch file encrypted to the province's X25519 key for removable media (§7, `.rse`):
 * `RSE1` | 0x01 | recipient key id (32) | ephemeral public key (32) | nonce (12) | AES-256-GCM ciphertext | tag (16).
 * The whole 81-byte header is the associated data, so none of it can be swapped without failing the tag.
 */

const MAGIC = Buffer.from('RSE1', 'ascii');
const SCHEME = 0x01;
const HEADER_BYTES = 81;
const NONCE_BYTES = 12;
const TAG_BYTES = 16;
const HKDF_INFO = Buffer.from('relay-station batch encryption v1', 'ascii');
/** What encryption adds to a batch file: the header and the tag. */
export const ENCRYPTION_OVERHEAD_BYTES = HEADER_BYTES + TAG_BYTES;

export function isEncryptedBatch(file: Buffer): boolean {
  return file.length >= MAGIC.length && file.subarray(0, MAGIC.length).equals(MAGIC);
}

/** Z = X25519(private, public), 32 bytes (§7). */
export function sharedSecret(privateKey: KeyObject, publicKey: KeyObject): Buffer {
  return diffieHellman({ privateKey, publicKey });
}

/** K = HKDF-SHA-256(Z, salt = ephemeral public ‖ recipient public (raw), info, 32 bytes) (§7). */
export function deriveFileKey(sharedSecretZ: Buffer, ephemeralPublicRaw: Buffer, recipientPublicRaw: Buffer): Buffer {
  const salt = Buffer.concat([ephemeralPublicRaw, recipientPublicRaw]);
  return Buffer.from(hkdfSync('sha256', sharedSecretZ, salt, HKDF_INFO, 32));
}

/** Encrypts afresh each time (new ephemeral key and nonce); `fixed` reproduces a file, for the worked example. */
export function encryptForProvince(
  plain: Buffer,
  provinceKey: KeyObject,
  fixed?: { ephemeralPrivateKey: KeyObject; nonce: Buffer },
): Buffer {
  if (provinceKey.type !== 'public' || provinceKey.asymmetricKeyType !== 'x25519') throw new TypeError('the province encryption key is an X25519 public key');
  const ephemeral = fixed?.ephemeralPrivateKey ?? generateKeyPairSync('x25519').privateKey;
  const nonce = fixed?.nonce ?? randomBytes(NONCE_BYTES);
  if (nonce.length !== NONCE_BYTES) throw new RangeError('the nonce is 12 bytes');
  const ephemeralRaw = rawPublicKey(createPublicKey(ephemeral));
  const key = deriveFileKey(sharedSecret(ephemeral, provinceKey), ephemeralRaw, rawPublicKey(provinceKey));
  const header = Buffer.concat([MAGIC, Buffer.of(SCHEME), Buffer.from(keyId(provinceKey), 'hex'), ephemeralRaw, nonce]);
  const cipher = createCipheriv('aes-256-gcm', key, nonce, { authTagLength: TAG_BYTES });
  cipher.setAAD(header);
  const ciphertext = Buffer.concat([cipher.update(plain), cipher.final()]);
  return Buffer.concat([header, ciphertext, cipher.getAuthTag()]);
}

/** The recipient key id in an RSE1 header (hex), or throws malformed_container. */
export function recipientKeyIdOf(file: Buffer): string {
  return readHeader(file).recipientKeyId;
}

/**
 * Decrypts with the private key whose public key id the header names. Nothing of the plaintext is
 * returned before the tag has verified.
 */
export function decryptFromStation(file: Buffer, privateKeys: ReadonlyArray<KeyObject>): Buffer {
  if (file.length < HEADER_BYTES + TAG_BYTES) throw new SyncProtocolError('malformed_container', 'not an RSE1 file of scheme 1');
  const decipher = decipherFor(file, privateKeys);
  try {
    decipher.setAuthTag(file.subarray(file.length - TAG_BYTES));
    return Buffer.concat([decipher.update(file.subarray(HEADER_BYTES, file.length - TAG_BYTES)), decipher.final()]);
  } catch (error) {
    throw decryptionFailed(error);
  }
}

/**
 * The first plaintext bytes of a file still arriving (`prefix`, of a file of `fileLength` bytes in all),
 * not yet authenticated by the tag: only for reading the signed manifest early, whose own signature
 * vouches for it. Empty until the 81-byte header is in.
 */
export function decryptPrefix(prefix: Buffer, fileLength: number, privateKeys: ReadonlyArray<KeyObject>): Buffer {
  if (prefix.length < HEADER_BYTES) return Buffer.alloc(0);
  if (fileLength < HEADER_BYTES + TAG_BYTES) throw new SyncProtocolError('malformed_container', 'not an RSE1 file of scheme 1');
  const ciphertextEnd = Math.min(prefix.length, fileLength - TAG_BYTES);
  // AES-GCM is a stream cipher underneath: each ciphertext byte gives its plaintext byte at once.
  return decipherFor(prefix, privateKeys).update(prefix.subarray(HEADER_BYTES, ciphertextEnd));
}

/** The decipher of a file from its header, keyed with the private key the header names. */
function decipherFor(file: Buffer, privateKeys: ReadonlyArray<KeyObject>): DecipherGCM {
  const { header, recipientKeyId, ephemeralRaw, nonce } = readHeader(file);
  const recipient = privateKeys.find((candidate) => keyId(createPublicKey(candidate)) === recipientKeyId);
  if (!recipient) throw new SyncProtocolError('recipient_key_unknown', `no private key for ${recipientKeyId}`);
  try {
    const z = sharedSecret(recipient, publicKeyFromRaw(ephemeralRaw, 'x25519'));
    // A low-order ephemeral key gives an all-zero secret anyone could compute (RFC 7748 §6.1). OpenSSL
    // refuses it already; §7 requires the check whatever the library does.
    if (z.every((byte) => byte === 0)) throw new Error('all-zero shared secret');
    const key = deriveFileKey(z, ephemeralRaw, rawPublicKey(recipient));
    const decipher = createDecipheriv('aes-256-gcm', key, nonce, { authTagLength: TAG_BYTES });
    decipher.setAAD(header);
    return decipher;
  } catch (error) {
    throw decryptionFailed(error);
  }
}

function decryptionFailed(error: unknown): SyncProtocolError {
  return new SyncProtocolError('decryption_failed', `cannot decrypt: ${error instanceof Error ? error.message : String(error)}`);
}

function readHeader(file: Buffer): { header: Buffer; recipientKeyId: string; ephemeralRaw: Buffer; nonce: Buffer } {
  if (!isEncryptedBatch(file) || file.length < HEADER_BYTES || file[4] !== SCHEME) {
    throw new SyncProtocolError('malformed_container', 'not an RSE1 file of scheme 1');
  }
  return {
    header: file.subarray(0, HEADER_BYTES),
    recipientKeyId: file.subarray(5, 37).toString('hex'),
    ephemeralRaw: file.subarray(37, 69),
    nonce: file.subarray(69, HEADER_BYTES),
  };
}
