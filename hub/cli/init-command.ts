import { parseArgs } from 'node:util';
import { initialiseHub } from '../operations/initialise-hub';
import { ProvinceMismatchError } from '../operations/province-identity';
import { ADMIN_PASSWORD_VARIABLE, consolePasswordFrom, usernameOption } from './account-command';
import { passphraseFrom, PASSPHRASE_OPTION } from './passphrase';
import { databaseOption, printLine, provinceOption, UsageError } from './usage';

/**
 * `hub init`: the database created or migrated, the province's keys made when the folder has none and sealed
 * under the operator's passphrase (--passphrase-file or RELAY_HUB_PASSPHRASE; refused without one), and the
 * province recorded in the database, so that later commands need no --province. A database of another
 * province is refused (exit code 1). With `--admin USERNAME` the console's first administrator is made, its
 * password from --admin-password-file or RELAY_HUB_ADMIN_PASSWORD (to be replaced at the first sign-in); without
 * one, the line says when the console has no account yet.
 */
export async function initCommand(args: string[]): Promise<number> {
  const { values } = parseArgs({
    args,
    options: {
      province: { type: 'string' },
      keys: { type: 'string' },
      db: { type: 'string' },
      postgres: { type: 'string' },
      admin: { type: 'string' },
      'admin-name': { type: 'string' },
      'admin-password-file': { type: 'string' },
      ...PASSPHRASE_OPTION,
    },
  });
  const provinceCode = provinceOption(values.province);
  if (values.keys === undefined) throw new UsageError('--keys is required');
  const database = databaseOption(values);
  const passphrase = passphraseFrom(values, process.env);
  const administrator =
    values.admin === undefined
      ? undefined
      : {
          username: usernameOption(values.admin, '--admin'),
          displayName: (values['admin-name'] ?? values.admin).trim().slice(0, 64) || values.admin,
          password: consolePasswordFrom(values['admin-password-file'], '--admin-password-file', process.env[ADMIN_PASSWORD_VARIABLE], ADMIN_PASSWORD_VARIABLE),
        };
  if (administrator === undefined && values['admin-password-file'] !== undefined) throw new UsageError('--admin-password-file goes with --admin USERNAME');
  try {
    const done = await initialiseHub({ provinceCode, keysDir: values.keys, database, passphrase, administrator });
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
      ...(done.administrator ? { consoleAdministrator: done.administrator.username, consoleAdministratorCreated: done.administrator.created } : {}),
      consoleAccounts: done.consoleAccounts,
      ...(done.consoleAccounts === 0 ? { console: 'no console account exists yet: run hub init again with --admin USERNAME, or hub account add' } : {}),
    });
    return 0;
  } catch (error) {
    if (!(error instanceof ProvinceMismatchError)) throw error;
    printLine({ refused: 'province_mismatch', recordedProvince: error.recordedProvince, givenProvince: error.givenProvince });
    return 1;
  }
}
