import type { InitOptions } from 'i18next';
import type { Language } from './languages';
import { namespaces, translations } from './resources';

/** The i18next settings every part of the product uses: screens, CLI and documents alike. */
export function i18nextOptions(language: Language): InitOptions {
  return {
    lng: language,
    // A missing text shows its key rather than another language: tests catch it, users never see a mix.
    fallbackLng: false,
    ns: namespaces,
    defaultNS: 'common',
    resources: translations,
    interpolation: { escapeValue: false },
    returnNull: false,
  };
}
