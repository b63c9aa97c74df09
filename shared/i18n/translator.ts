import i18next, { type TFunction } from 'i18next';
import { defaultLanguage, type Language } from './languages';
import { i18nextOptions } from './options';

/** A translator for code outside React (CLI, documents): same texts, same fallbacks as the screens. */
export async function createTranslator(language: Language = defaultLanguage): Promise<TFunction> {
  const instance = i18next.createInstance();
  await instance.init(i18nextOptions(language));
  return instance.t;
}
