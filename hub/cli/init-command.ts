import { parseArgs } from 'node:util';
import { initialiseHub } from '../operations/initialise-hub';
import { ProvinceMismatchError } from '../operations/province-identity';
import { databaseOption, printLine, provinceOption, UsageError } from './usage';

/**
 * `hub init`: the database created or migrated, the province's keys made when the folder has none, and the
 * province recorded in the database, so that later commands need no --province. A database of another
 * province is refused (exit code 1). Administrator accounts are made by the console, not here.
 */
export async function initCommand(args: string[]): Promise<number> {
  const { values } = parseArgs({
    args,
    options: { province: { type: 'string' }, keys: { type: 'string' }, db: { type: 'string' }, postgres: { type: 'string' } },
  });
  const provinceCode = provinceOption(values.province);
  if (values.keys === undefined) throw new UsageError('--keys is required');
  const database = databaseOption(values);
  try {
    const done = await initialiseHub({ provinceCode, keysDir: values.keys, database });
    printLine({
      province: done.provinceCode,
      provinceRecorded: done.provinceRecorded,
      keysCreated: done.keysCreated,
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
