import type { ErrorCode } from '../../shared/contract/errors';
import { languages } from '../../shared/i18n/languages';
import { translations } from '../../shared/i18n/resources';
import { PRODUCT_NAME } from '../config/paths';
import { DatabaseTooNewError } from '../db/migrate';
import { KeyFileInvalidError } from '../security/key-ring';
import { KeyFilePermissionError } from '../security/key-store';
import { DataKeyMismatchError, DataKeyMissingError } from '../services/kernel/data-protection';
import { DataFolderPermissionError } from './data-folder';
import { DataFolderLockedError } from './data-folder-lock';

/**
 * The error code for a station that cannot open: a newer database, a missing, foreign, unreadable or
 * too widely readable key file, a data folder another program has open or that others can open. Anything
 * else is internal. The desktop app, the station host and the
 * CLI all say the same sentence for it.
 */
export function startupErrorCode(error: unknown): ErrorCode {
  if (error instanceof DatabaseTooNewError) return 'database_too_new';
  if (error instanceof DataKeyMissingError) return 'data_key_missing';
  if (error instanceof DataKeyMismatchError) return 'data_key_mismatch';
  if (error instanceof KeyFileInvalidError || error instanceof KeyFilePermissionError) return 'data_key_unreadable';
  if (error instanceof DataFolderLockedError) return 'data_folder_locked';
  if (error instanceof DataFolderPermissionError) return 'data_folder_unsafe';
  return 'internal';
}

/** What the sentence for the code names: the holder of the data folder's lock. */
export function startupErrorValues(error: unknown): Record<string, string> {
  if (error instanceof DataFolderLockedError) {
    const { holder } = error;
    return { program: holder.program, pid: String(holder.pid), host: holder.host };
  }
  return {};
}

function fillIn(sentence: string, values: Record<string, string>): string {
  return sentence.replace(/\{\{(\w+)\}\}/g, (placeholder, name: string) => values[name] ?? placeholder);
}

export interface StartupFailure {
  title: string;
  content: string;
}

/**
 * What the error box says when the station cannot open its database or its data key. It appears before any language
 * has been chosen, so every language is shown; the technical detail and the data folder follow for
 * whoever has to fix it.
 */
export function describeStartupFailure(error: unknown, dataDir: string): StartupFailure {
  const code = startupErrorCode(error);
  const values = startupErrorValues(error);
  const sentences = languages.map((language) => fillIn(translations[language].errors[code], values));
  const detail = error instanceof Error ? error.message : String(error);
  return {
    title: PRODUCT_NAME,
    content: [...sentences, '', detail, dataDir].join('\n'),
  };
}
