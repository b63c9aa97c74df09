import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { CONSOLE_MIN_PASSWORD_LENGTH } from '../../shared/console/roles';
import { consoleRole, consoleUsername } from '../../shared/console/values';
import { consoleAuditKey } from '../console/audit-trail';
import { addAccountAsOperator } from '../console/operator';
import { openHubDatabase } from '../db/open';
import { loadHubDataKeys } from '../keys/data-keys';
import { provinceOfDatabase } from '../operations/province-identity';
import { passphraseFrom, PASSPHRASE_OPTION } from './passphrase';
import { databaseOption, printLine, provinceOption, UsageError } from './usage';

/** Where `hub init --admin` reads the administrator's password when no --admin-password-file is named. */
export const ADMIN_PASSWORD_VARIABLE = 'RELAY_HUB_ADMIN_PASSWORD';
/** Where `hub account add` reads the new account's password when no --password-file is named. */
export const ACCOUNT_PASSWORD_VARIABLE = 'RELAY_HUB_ACCOUNT_PASSWORD';

/**
 * A console account's first password: from a file (its final line break ignored) or an environment variable,
 * exactly one of them, never from the command line where `ps` would show it; 12 characters or more.
 */
export function consolePasswordFrom(file: string | undefined, option: string, variable: string | undefined, variableName: string): string {
  const fromVariable = variable === undefined || variable === '' ? undefined : variable;
  if (file !== undefined && fromVariable !== undefined) throw new UsageError(`name either ${option} or ${variableName}, not both`);
  let password: string;
  if (file !== undefined) {
    try {
      password = readFileSync(file, 'utf8').replace(/\r?\n$/, '');
    } catch (error) {
      throw new UsageError(`${option} ${file}: ${(error as NodeJS.ErrnoException).code ?? String(error)}`);
    }
  } else if (fromVariable !== undefined) {
    password = fromVariable;
  } else {
    throw new UsageError(`the account's password: give ${option} FILE or set ${variableName}`);
  }
  if ([...password.normalize('NFC')].length < CONSOLE_MIN_PASSWORD_LENGTH) throw new UsageError(`a console password must have at least ${CONSOLE_MIN_PASSWORD_LENGTH} characters`);
  return password;
}

/** A username as the console takes it (lower case, 3 to 32 of a-z 0-9 . _ -), or a usage error. */
export function usernameOption(value: string | undefined, option: string): string {
  const parsed = consoleUsername.safeParse(value ?? '');
  if (!parsed.success) throw new UsageError(`${option} wants 3 to 32 letters, digits, dots, dashes or underscores`);
  return parsed.data;
}

/**
 * `hub account add --username NAME --role ROLE [--display-name NAME]`: a console account made by the operator,
 * audited; its owner must replace the password at the first sign-in. A username held already is refused
 * (exit code 1) and nothing changes. The audit chain's key comes from the hub's keys, hence --keys and the passphrase.
 */
export async function accountCommand(args: string[]): Promise<number> {
  const [verb, ...rest] = args;
  if (verb !== 'add') throw new UsageError(`unknown account command: ${verb ?? '(none)'}`);
  const { values } = parseArgs({
    args: rest,
    options: {
      username: { type: 'string' },
      role: { type: 'string' },
      'display-name': { type: 'string' },
      'password-file': { type: 'string' },
      keys: { type: 'string' },
      db: { type: 'string' },
      postgres: { type: 'string' },
      province: { type: 'string' },
      ...PASSPHRASE_OPTION,
    },
  });
  const username = usernameOption(values.username, '--username');
  const role = consoleRole.safeParse(values.role);
  if (!role.success) throw new UsageError('--role wants administrator, analyst, reviewer or auditor');
  if (values.keys === undefined) throw new UsageError('--keys is required');
  const database = databaseOption(values);
  const givenProvince = values.province === undefined ? undefined : provinceOption(values.province);
  const password = consolePasswordFrom(values['password-file'], '--password-file', process.env[ACCOUNT_PASSWORD_VARIABLE], ACCOUNT_PASSWORD_VARIABLE);
  const displayName = (values['display-name'] ?? username).trim().slice(0, 64) || username;
  const ring = loadHubDataKeys(resolve(values.keys), { passphrase: passphraseFrom(values, process.env) });
  const hub = await openHubDatabase(database);
  try {
    const provinceCode = await provinceOfDatabase(hub.db, givenProvince);
    const { created, account } = await addAccountAsOperator(hub, provinceCode, consoleAuditKey(ring), { username, displayName, role: role.data, password });
    if (!created) {
      printLine({ refused: 'username_taken', username });
      return 1;
    }
    printLine({ province: provinceCode, accountAdded: account.username, accountId: account.id, role: account.role, mustChangePassword: true });
    return 0;
  } finally {
    await hub.close();
  }
}
