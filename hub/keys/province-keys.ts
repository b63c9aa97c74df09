import { createPrivateKey, createPublicKey, generateKeyPairSync, type KeyObject } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { KeyRing } from '../../electron/security/key-ring';
import { keyId, publicKeyToPem } from '../../electron/sync/keys';
import { dataKeysIn } from './data-keys';
import { openKeyFolder, sealedNameOf, type KeyFolder, type KeyFolderOptions } from './key-folder';

/**
 * The province's keys (docs/sync-protocol.md §11), kept as PEM files in one folder: an Ed25519 key that signs
 * acknowledgements and an X25519 key that stations encrypt batch files to. Never the same bytes for both.
 * The private PEMs are sealed under the operator's passphrase (`key-folder.ts`, `sealed-file.ts`); a library
 * caller that gives no passphrase gets clear owner-only files instead, and cannot open a sealed folder.
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

/** The keys read from `dir`, whether this call made them, and which clear files it sealed in place. */
export interface LoadedProvinceKeys {
  keys: ProvinceKeys;
  created: boolean;
  /** The sealed names of the clear private files found and sealed now (only with a passphrase). */
  sealedInPlace: string[];
}

/**
 * Reads the province keys from `dir`, making the folder and both key pairs on first use. With a passphrase the
 * private files are sealed (and clear ones found are sealed in place); without one they are clear owner-only
 * files, and a sealed folder is refused with HubKeysLockedError.
 */
export function loadOrCreateProvinceKeys(dir: string, options: KeyFolderOptions = {}): LoadedProvinceKeys {
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  const folder = openKeyFolder(dir, options);
  const created = !folder.has(SIGNING_PRIVATE_FILE);
  if (created) {
    writeKeyPair(folder, 'ed25519', SIGNING_PRIVATE_FILE, SIGNING_PUBLIC_FILE);
    writeKeyPair(folder, 'x25519', ENCRYPTION_PRIVATE_FILE, ENCRYPTION_PUBLIC_FILE);
  }
  dataKeysIn(folder, { create: true });
  return { keys: provinceKeysIn(folder), created, sealedInPlace: folder.sealedInPlace };
}

/** Reads the province keys from `dir`; throws when a key file is missing or holds a key of another type. */
export function loadProvinceKeys(dir: string, options: KeyFolderOptions = {}): ProvinceKeys {
  return provinceKeysIn(openKeyFolder(dir, options));
}

/** The province keys of an opened key folder. */
export function provinceKeysIn(folder: KeyFolder): ProvinceKeys {
  const signing = readPair(folder, SIGNING_PRIVATE_FILE, 'ed25519');
  const encryption = readPair(folder, ENCRYPTION_PRIVATE_FILE, 'x25519');
  const retired = folder.names(RETIRED_ENCRYPTION_FILE).map((name) => readPair(folder, name, 'x25519').privateKey);
  return { signing, encryption, encryptionPrivateKeys: [encryption.privateKey, ...retired], data: dataKeysIn(folder, { create: false }) };
}

/** The public halves as PEM, for the stations' sync settings. */
export function provincePublicPems(keys: ProvinceKeys): { signing: string; encryption: string } {
  return { signing: publicKeyToPem(keys.signing.publicKey), encryption: publicKeyToPem(keys.encryption.publicKey) };
}

function writeKeyPair(folder: KeyFolder, type: 'ed25519' | 'x25519', privateFile: string, publicFile: string): void {
  const pair = type === 'ed25519' ? generateKeyPairSync('ed25519') : generateKeyPairSync('x25519');
  const pem = Buffer.from(pair.privateKey.export({ type: 'pkcs8', format: 'pem' }));
  try {
    folder.write(privateFile, pem);
  } finally {
    pem.fill(0);
  }
  writeFileSync(join(folder.dir, publicFile), publicKeyToPem(pair.publicKey));
}

function readPair(folder: KeyFolder, privateFile: string, type: 'ed25519' | 'x25519'): KeyPair {
  const pem = folder.read(privateFile);
  const file = join(folder.dir, folder.sealer === null ? privateFile : sealedNameOf(privateFile));
  if (pem === null) throw new Error(`${file}: the province's private key is missing`);
  let privateKey: KeyObject;
  try {
    privateKey = createPrivateKey(pem);
  } finally {
    pem.fill(0);
  }
  if (privateKey.asymmetricKeyType !== type) throw new Error(`${file}: not an ${type} private key`);
  const publicKey = createPublicKey(privateKey);
  return { privateKey, publicKey, keyId: keyId(publicKey) };
}
