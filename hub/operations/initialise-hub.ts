import { resolve } from 'node:path';
import { openHubDatabase, type HubDatabaseOptions } from '../db/open';
import { ENCRYPTION_PUBLIC_FILE, loadOrCreateProvinceKeys, SIGNING_PUBLIC_FILE } from '../keys/province-keys';
import { requireStrongPassphrase } from '../keys/sealed-file';
import { countConsoleAccounts } from '../console/accounts';
import { consoleAuditKey } from '../console/audit-trail';
import { addAccountAsOperator, type OperatorAccount } from '../console/operator';
import { recordedProvince, recordProvince, ProvinceMismatchError } from './province-identity';

/** What `hub init` asks for: the province, where its keys live, and the database. */
export interface InitialiseHubOptions {
  provinceCode: string;
  keysDir: string;
  database: HubDatabaseOptions;
  /**
   * The passphrase the private keys are sealed under (`hub/keys/sealed-file.ts`); `hub init` always gives one.
   * Without it the keys are clear owner-only files, for a library caller such as a test.
   */
  passphrase?: string;
  /** The console's first administrator (`--admin`), made when no account has its username; must change the password at first sign-in. */
  administrator?: Omit<OperatorAccount, 'role'>;
  now?: () => Date;
}

/** What `hub init` did; running it again on an initialised hub of the same province changes nothing. */
export interface InitialisedHub {
  provinceCode: string;
  /** Whether the province's key pairs were made now (false: they were in the folder already). */
  keysCreated: boolean;
  /** Clear private key files found in the folder and sealed now, by their sealed names. */
  keysSealedInPlace: string[];
  /** Whether the province was recorded in the database now (false: it was recorded before). */
  provinceRecorded: boolean;
  signingKeyId: string;
  encryptionKeyId: string;
  /** The public PEMs the stations' sync settings take. */
  signingPublicKeyFile: string;
  encryptionPublicKeyFile: string;
  /** The migrations the database holds once opened: this build's schema level. */
  migrations: string[];
  /** The administrator asked for: whether it was made now (false: the username was held already). */
  administrator: { username: string; created: boolean } | null;
  /** The console's accounts once done: none means nobody can sign in to the console yet. */
  consoleAccounts: number;
}

/**
 * Sets up a hub: creates or migrates its database, refuses a database of another province before anything
 * is made, makes the province's keys when the folder has none (sealed under the passphrase; clear files found
 * are sealed in place), records the province in the database so
 * that later commands read it instead of being told, and makes the console's first administrator when asked.
 */
export async function initialiseHub(options: InitialiseHubOptions): Promise<InitialisedHub> {
  const now = options.now ?? (() => new Date());
  if (options.passphrase !== undefined) requireStrongPassphrase(options.passphrase);
  const hub = await openHubDatabase(options.database);
  try {
    const held = await recordedProvince(hub.db);
    if (held !== null && held !== options.provinceCode) throw new ProvinceMismatchError(held, options.provinceCode);
    const keysDir = resolve(options.keysDir);
    const { keys, created, sealedInPlace } = loadOrCreateProvinceKeys(keysDir, options.passphrase === undefined ? {} : { passphrase: options.passphrase });
    const { recorded } = await recordProvince(hub.db, options.provinceCode, now().toISOString());
    const administrator = options.administrator
      ? await addAccountAsOperator(hub, options.provinceCode, consoleAuditKey(keys.data), { ...options.administrator, role: 'administrator' }, now())
      : null;
    const consoleAccounts = await countConsoleAccounts(hub.db, options.provinceCode);
    const migrations = await hub.db.selectFrom('hub_migration').select('name').orderBy('name').execute();
    return {
      provinceCode: options.provinceCode,
      keysCreated: created,
      keysSealedInPlace: sealedInPlace,
      provinceRecorded: recorded,
      signingKeyId: keys.signing.keyId,
      encryptionKeyId: keys.encryption.keyId,
      signingPublicKeyFile: resolve(keysDir, SIGNING_PUBLIC_FILE),
      encryptionPublicKeyFile: resolve(keysDir, ENCRYPTION_PUBLIC_FILE),
      migrations: migrations.map((row) => row.name),
      administrator: administrator === null ? null : { username: administrator.account.username, created: administrator.created },
      consoleAccounts,
    };
  } finally {
    await hub.close();
  }
}
