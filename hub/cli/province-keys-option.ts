import { resolve } from 'node:path';
import { ENCRYPTION_PUBLIC_FILE, loadOrCreateProvinceKeys, SIGNING_PUBLIC_FILE, type ProvinceKeys } from '../keys/province-keys';
import { passphraseFrom } from './passphrase';
import { printLine } from './usage';

/**
 * The province's keys for a command that takes batches (`serve`, `import`): opened from --keys with the
 * operator's passphrase, made on first use. One JSON line says when they were made (with the public keys'
 * files, to hand to the stations) or sealed in place.
 */
export function provinceKeysOf(keysOption: string, values: { 'passphrase-file'?: string }, env: NodeJS.ProcessEnv): ProvinceKeys {
  const passphrase = passphraseFrom(values, env);
  const keysDir = resolve(keysOption);
  const { keys, created, sealedInPlace } = loadOrCreateProvinceKeys(keysDir, { passphrase });
  if (sealedInPlace.length > 0) printLine({ keysSealedInPlace: sealedInPlace });
  if (created) {
    printLine({
      keysCreated: true,
      provinceSigningKeyId: keys.signing.keyId,
      provinceEncryptionKeyId: keys.encryption.keyId,
      provinceSigningPublicKey: resolve(keysDir, SIGNING_PUBLIC_FILE),
      provinceEncryptionPublicKey: resolve(keysDir, ENCRYPTION_PUBLIC_FILE),
    });
  }
  return keys;
}
