import { translations } from '../../shared/i18n/resources';
import { languages } from '../../shared/i18n/languages';
import { PRODUCT_NAME } from '../config/paths';
import { DatabaseTooNewError } from '../db/migrate';

export interface StartupFailure {
  title: string;
  content: string;
}

/**
 * What the error box says when the station cannot open its database. It appears before any language
 * has been chosen, so every language is shown; the technical detail and the data folder follow for
 * whoever has to fix it.
 */
export function describeStartupFailure(error: unknown, dataDir: string): StartupFailure {
  const code = error instanceof DatabaseTooNewError ? 'database_too_new' : 'internal';
  const sentences = languages.map((language) => translations[language].errors[code]);
  const detail = error instanceof Error ? error.message : String(error);
  return {
    title: PRODUCT_NAME,
    content: [...sentences, '', detail, dataDir].join('\n'),
  };
}
