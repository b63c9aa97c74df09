import i18next, { type TFunction } from 'i18next';
import { defaultLanguage, type Language } from './languages';
import { i18nextOptions } from './options';

/** A translator for code outside React (CLI, documents): same texts, same fallbacks as the screens. */
export async function createTranslator(language: Language = defaultLanguage): Promise<TFunction> {
  const instance = i18next.createInstance();
  await instance.init(i18nextOptions(language));
  return instance.t;
}

/** One translator per language, made on first use and kept: for services that write documents and exports. */
export class Translators {
  private readonly made = new Map<Language, Promise<TFunction>>();

  for(language: Language): Promise<TFunction> {
    let translator = this.made.get(language);
    if (!translator) {
      translator = createTranslator(language);
      this.made.set(language, translator);
    }
    return translator;
  }
}
