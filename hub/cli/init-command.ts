import { parseArgs } from 'node:util';
import { initialiseHub } from '../operations/initialise-hub';
import { ProvinceMismatchError } from '../operations/province-identity';
import { passphraseFrom, PASSPHRASE_OPTION } from './passphrase';
import { databaseOption, printLine, provinceOption, UsageError } from './usage';

/**
 * `hub init`: the database created or migrated, the province's keys made when the folder has none and sealed
 * under the operator's passphrase (--passphrase-file or RELAY_HUB_PASSPHRASE; refused without one), and the
 * province recorded in the database, so that later commands need no --province. A database of another
 * province is refused (exit code 1). Administrator accounts are made by the console, not here.
 */
export async function initCommand(args: string[]): Promise<number> {
  const { values } = parseArgs({
    args,
    options: { province: { type: 'string' }, keys: { type: 'string' }, db: { type: 'string' }, postgres: { type: 'string' }, ...PASSPHRASE_OPTION },
  });
  const provinceCode = provinceOption(values.province);
  if (values.keys === undefined) throw new UsageError('--keys is required');
  const database = databaseOption(values);
  const passphrase = passphraseFrom(values, process.env);
  try {
    const done = await initialiseHub({ provinceCode, keysDir: values.keys, database, passphrase });
    printLine({
      province: done.provinceCode,
      provinceRecorded: done.provinceRecorded,
      keysCreated: done.keysCreated,
      ...(done.keysSealedInPlace.length > 0 ? { keysSealedInPlace: done.keysSealedInPlace } : {}),
      provinceSigningKeyId: done.signingKeyId,
      provinceEncryptionKeyId: done.encryptionKeyId,
      provinceSigningPublicKey: done.signingPublicKeyFile,
      provinceEncryptionPublicKey: done.encryptionPublicKeyFile,
      migrations: done.migrations,
    });
    return 0;
  } catch (error) {
    if (!(error instanceof ProvinceMismatchError)) throw error;
    printLine({ refused: 'province_mismatch', recordedProvince: error.recordedProvince, givenProvince: error.givenProvince });
    return 1;
  }
}
