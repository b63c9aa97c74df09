import { createPrivateKey, createPublicKey, generateKeyPairSync, type KeyObject } from 'node:crypto';
import { chmodSync, existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { keyId, publicKeyToPem } from '../electron/sync/keys';

/** The province's two keys (§11): never the same bytes for signing and for encryption. */
export interface ProvinceKeys {
  signing: { privateKey: KeyObject; publicKey: KeyObject; keyId: string };
  encryption: { privateKey: KeyObject; publicKey: KeyObject; keyId: string };
  /** Every encryption private key held, the current one first: old ones decrypt files still on their way. */
  encryptionPrivateKeys: KeyObject[];
}

export const SIGNING_PRIVATE_FILE = 'province-signing.key.pem';
export const SIGNING_PUBLIC_FILE = 'province-signing.pub.pem';
export const ENCRYPTION_PRIVATE_FILE = 'province-encryption.key.pem';
export const ENCRYPTION_PUBLIC_FILE = 'province-encryption.pub.pem';
/** Retired encryption keys kept to decrypt older files: `province-encryption.<anything>.old.key.pem`. */
const RETIRED_ENCRYPTION_FILE = /^province-encryption\..+\.old\.key\.pem$/;

export interface LoadedProvinceKeys {
  keys: ProvinceKeys;
  /** True when this call made the keys (first use of the folder). */
  created: boolean;
}

/** Reads the province keys from `dir`, making both on first use (private PEMs readable by the owner only). */
export function loadOrCreateProvinceKeys(dir: string): LoadedProvinceKeys {
  const created = !existsSync(join(dir, SIGNING_PRIVATE_FILE));
  if (created) {
    writeKeyPair(dir, 'ed25519', SIGNING_PRIVATE_FILE, SIGNING_PUBLIC_FILE);
    writeKeyPair(dir, 'x25519', ENCRYPTION_PRIVATE_FILE, ENCRYPTION_PUBLIC_FILE);
  }
  const signing = readPair(join(dir, SIGNING_PRIVATE_FILE), 'ed25519');
  const encryption = readPair(join(dir, ENCRYPTION_PRIVATE_FILE), 'x25519');
  const retired = readdirSync(dir)
    .filter((name) => RETIRED_ENCRYPTION_FILE.test(name))
    .map((name) => readPair(join(dir, name), 'x25519').privateKey);
  return { keys: { signing, encryption, encryptionPrivateKeys: [encryption.privateKey, ...retired] }, created };
}

export function provinceSigningPublicPem(keys: ProvinceKeys): string {
  return publicKeyToPem(keys.signing.publicKey);
}

export function provinceEncryptionPublicPem(keys: ProvinceKeys): string {
  return publicKeyToPem(keys.encryption.publicKey);
}

function writeKeyPair(dir: string, type: 'ed25519' | 'x25519', privateFile: string, publicFile: string): void {
  const pair = type === 'ed25519' ? generateKeyPairSync('ed25519') : generateKeyPairSync('x25519');
  const privatePath = join(dir, privateFile);
  writeFileSync(privatePath, pair.privateKey.export({ type: 'pkcs8', format: 'pem' }), { mode: 0o600 });
  // The mode of writeFileSync is masked by the umask; state it again so it is exactly owner-only.
  chmodSync(privatePath, 0o600);
  writeFileSync(join(dir, publicFile), publicKeyToPem(pair.publicKey));
}

function readPair(file: string, type: 'ed25519' | 'x25519'): { privateKey: KeyObject; publicKey: KeyObject; keyId: string } {
  const privateKey = createPrivateKey(readFileSync(file));
  if (privateKey.asymmetricKeyType !== type) throw new Error(`${file}: not an ${type} private key`);
  const publicKey = createPublicKey(privateKey);
  return { privateKey, publicKey, keyId: keyId(publicKey) };
}
