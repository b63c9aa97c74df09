import { readFileSync } from 'node:fs';
import { MIN_PASSPHRASE_LENGTH } from '../keys/sealed-file';
import { UsageError } from './usage';

/**
 * Where the operator's passphrase for the hub's sealed keys comes from: a file (`--passphrase-file`; under
 * systemd a credential, `--passphrase-file "$CREDENTIALS_DIRECTORY/hub-passphrase"`), or the environment
 * variable RELAY_HUB_PASSPHRASE (for a pilot). Never from the command line, where `ps` would show it.
 */
export const PASSPHRASE_VARIABLE = 'RELAY_HUB_PASSPHRASE';

/** The new passphrase of `hub keys change-passphrase`, when it does not come from --new-passphrase-file. */
export const NEW_PASSPHRASE_VARIABLE = 'RELAY_HUB_NEW_PASSPHRASE';

/** The parseArgs option that names the passphrase file, for every command that opens the keys. */
export const PASSPHRASE_OPTION = { 'passphrase-file': { type: 'string' } } as const;

/**
 * The passphrase a command was given: from --passphrase-file or RELAY_HUB_PASSPHRASE, exactly one of them.
 * UsageError (exit code 2) when there is none, when both are given, or when it is shorter than 12 characters.
 */
export function passphraseFrom(values: { 'passphrase-file'?: string }, env: NodeJS.ProcessEnv): string {
  return readPassphrase(values['passphrase-file'], '--passphrase-file', env[PASSPHRASE_VARIABLE], PASSPHRASE_VARIABLE);
}

/** The new passphrase of `hub keys change-passphrase`: --new-passphrase-file or RELAY_HUB_NEW_PASSPHRASE. */
export function newPassphraseFrom(values: { 'new-passphrase-file'?: string }, env: NodeJS.ProcessEnv): string {
  return readPassphrase(values['new-passphrase-file'], '--new-passphrase-file', env[NEW_PASSPHRASE_VARIABLE], NEW_PASSPHRASE_VARIABLE);
}

function readPassphrase(file: string | undefined, option: string, variable: string | undefined, variableName: string): string {
  const fromVariable = variable === undefined || variable === '' ? undefined : variable;
  if (file !== undefined && fromVariable !== undefined) throw new UsageError(`name either ${option} or ${variableName}, not both`);
  let passphrase: string;
  if (file !== undefined) {
    try {
      // A file written by an editor or `echo` ends with a line break that is not part of the passphrase.
      passphrase = readFileSync(file, 'utf8').replace(/\r?\n$/, '');
    } catch (error) {
      throw new UsageError(`${option} ${file}: ${(error as NodeJS.ErrnoException).code ?? String(error)}`);
    }
  } else if (fromVariable !== undefined) {
    passphrase = fromVariable;
  } else {
    throw new UsageError(`the hub keys are sealed under a passphrase: give ${option} FILE or set ${variableName}`);
  }
  if ([...passphrase].length < MIN_PASSPHRASE_LENGTH) throw new UsageError(`the passphrase must have at least ${MIN_PASSPHRASE_LENGTH} characters`);
  return passphrase;
}
