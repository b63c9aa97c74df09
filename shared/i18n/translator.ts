import i18next, { type TFunction } from 'i18next';
import { defaultLanguage, type Language } from './languages';
import { namespaces, translations } from './resources';

/** A translator for code outside React (CLI, documents): same texts, same fallbacks as the screens. */
export async function createTranslator(language: Language = defaultLanguage): Promise<TFunction> {
  const instance = i18next.createInstance();
  await instance.init({
    lng: language,
    fallbackLng: false,
    ns: namespaces,
    defaultNS: 'common',
    resources: translations,
    interpolation: { escapeValue: false },
    returnNull: false,
  });
  return instance.t;
}
