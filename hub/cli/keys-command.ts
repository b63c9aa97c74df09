import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { changeKeyFolderPassphrase } from '../keys/change-passphrase';
import { newPassphraseFrom, passphraseFrom, PASSPHRASE_OPTION } from './passphrase';
import { printLine, UsageError } from './usage';

/**
 * `hub keys change-passphrase --keys KEYDIR`: the key folder re-sealed under a new passphrase
 * (--new-passphrase-file or RELAY_HUB_NEW_PASSPHRASE), the current one required (--passphrase-file or
 * RELAY_HUB_PASSPHRASE). A wrong current passphrase changes nothing (exit code 1).
 */
export async function keysCommand(args: string[]): Promise<number> {
  const [verb, ...rest] = args;
  if (verb !== 'change-passphrase') throw new UsageError(`unknown keys command: ${verb ?? '(none)'}`);
  const { values } = parseArgs({
    args: rest,
    options: { keys: { type: 'string' }, ...PASSPHRASE_OPTION, 'new-passphrase-file': { type: 'string' } },
  });
  if (values.keys === undefined) throw new UsageError('--keys is required');
  const current = passphraseFrom(values, process.env);
  const next = newPassphraseFrom(values, process.env);
  const keysDir = resolve(values.keys);
  const changed = changeKeyFolderPassphrase(keysDir, current, next);
  printLine({ keys: keysDir, passphraseChanged: true, files: changed.files, ...(changed.sealedInPlace.length > 0 ? { keysSealedInPlace: changed.sealedInPlace } : {}) });
  return 0;
}
