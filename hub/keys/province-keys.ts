import { createPrivateKey, createPublicKey, generateKeyPairSync, type KeyObject } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { KeyRing } from '../../electron/security/key-ring';
import { keyId, publicKeyToPem } from '../../electron/sync/keys';
import { loadHubDataKeys, loadOrCreateHubDataKeys } from './data-keys';

/**
 * The province's keys (docs/sync-protocol.md §11), kept as PEM files in one folder: an Ed25519 key that signs
 * acknowledgements and an X25519 key that stations encrypt batch files to. Never the same bytes for both.
 * The private PEMs are readable by their owner only; they are not yet sealed at rest.
 */
export interface ProvinceKeys {
  signing: KeyPair;
  encryption: KeyPair;
  /** Every encryption private key held, the current one first: retired ones decrypt files still on their way. */
  encryptionPrivateKeys: KeyObject[];
  /** The key ring that seals what the hub keeps at rest and keys its people (`data-keys.ts`). */
  data: KeyRing;
}

export interface KeyPair {
  privateKey: KeyObject;
  publicKey: KeyObject;
  /** SHA-256 of the public key's SubjectPublicKeyInfo DER, hex (§3). */
  keyId: string;
}

export const SIGNING_PRIVATE_FILE = 'province-signing.key.pem';
export const SIGNING_PUBLIC_FILE = 'province-signing.pub.pem';
export const ENCRYPTION_PRIVATE_FILE = 'province-encryption.key.pem';
export const ENCRYPTION_PUBLIC_FILE = 'province-encryption.pub.pem';
/** Retired encryption keys kept to decrypt older files: `province-encryption.<anything>.old.key.pem`. */
const RETIRED_ENCRYPTION_FILE = /^province-encryption\..+\.old\.key\.pem$/;

/** The keys read from `dir`, and whether this call made them. */
export interface LoadedProvinceKeys {
  keys: ProvinceKeys;
  created: boolean;
}

/** Reads the province keys from `dir`, making the folder and both key pairs on first use. */
export function loadOrCreateProvinceKeys(dir: string): LoadedProvinceKeys {
  const created = !existsSync(join(dir, SIGNING_PRIVATE_FILE));
  if (created) {
    mkdirSync(dir, { recursive: true, mode: 0o700 });
    writeKeyPair(dir, 'ed25519', SIGNING_PRIVATE_FILE, SIGNING_PUBLIC_FILE);
    writeKeyPair(dir, 'x25519', ENCRYPTION_PRIVATE_FILE, ENCRYPTION_PUBLIC_FILE);
  }
  loadOrCreateHubDataKeys(dir);
  return { keys: loadProvinceKeys(dir), created };
}

/** Reads the province keys from `dir`; throws when a key file is missing or holds a key of another type. */
export function loadProvinceKeys(dir: string): ProvinceKeys {
  const signing = readPair(join(dir, SIGNING_PRIVATE_FILE), 'ed25519');
  const encryption = readPair(join(dir, ENCRYPTION_PRIVATE_FILE), 'x25519');
  const retired = readdirSync(dir)
    .filter((name) => RETIRED_ENCRYPTION_FILE.test(name))
    .sort()
    .map((name) => readPair(join(dir, name), 'x25519').privateKey);
  return { signing, encryption, encryptionPrivateKeys: [encryption.privateKey, ...retired], data: loadHubDataKeys(dir) };
}

/** The public halves as PEM, for the stations' sync settings. */
export function provincePublicPems(keys: ProvinceKeys): { signing: string; encryption: string } {
  return { signing: publicKeyToPem(keys.signing.publicKey), encryption: publicKeyToPem(keys.encryption.publicKey) };
}

function writeKeyPair(dir: string, type: 'ed25519' | 'x25519', privateFile: string, publicFile: string): void {
  const pair = type === 'ed25519' ? generateKeyPairSync('ed25519') : generateKeyPairSync('x25519');
  const privatePath = join(dir, privateFile);
  writeFileSync(privatePath, pair.privateKey.export({ type: 'pkcs8', format: 'pem' }), { mode: 0o600 });
  // The mode of writeFileSync is masked by the umask; state it again so it is exactly owner-only.
  chmodSync(privatePath, 0o600);
  writeFileSync(join(dir, publicFile), publicKeyToPem(pair.publicKey));
}

function readPair(file: string, type: 'ed25519' | 'x25519'): KeyPair {
  const privateKey = createPrivateKey(readFileSync(file));
  if (privateKey.asymmetricKeyType !== type) throw new Error(`${file}: not an ${type} private key`);
  const publicKey = createPublicKey(privateKey);
  return { privateKey, publicKey, keyId: keyId(publicKey) };
}
