import i18next from 'i18next';
import { initReactI18next, useTranslation } from 'react-i18next';
import { defaultLanguage, type Language } from '../../shared/i18n/languages';
import { consoleTextsBackend } from './texts/load-texts';
import { consoleNamespaces } from './texts/namespaces';

/** The page's language and the tab's name (the console's, in the language on screen) follow the language shown. */
function reflectLanguage(language: string): void {
  document.documentElement.lang = language;
  document.title = i18next.t('console:appName', { lng: language });
}
i18next.on('languageChanged', reflectLanguage);

/**
 * The console's i18next: the station's settings (a missing text shows its key, never another language), but the
 * texts come from `texts/`, one chunk per language, so the page carries only the language on screen: Chinese
 * first, English fetched when someone switches to it. Resolves once the first language's texts are in.
 */
export const consoleTextsReady: Promise<unknown> = i18next
  .use(consoleTextsBackend)
  .use(initReactI18next)
  .init({
    lng: defaultLanguage,
    fallbackLng: false,
    // Only the language asked for: never `zh` on the way to `zh-CN`.
    load: 'currentOnly',
    ns: consoleNamespaces,
    defaultNS: 'common',
    interpolation: { escapeValue: false },
    returnNull: false,
  });

/** `useTranslation` over the console's namespaces, so `t('consoleAccounts:title')` is type-checked. */
export function useConsoleT() {
  return useTranslation(consoleNamespaces);
}

/** Shows the console in `language`; the texts on screen change once that language's chunk is in. */
export function switchConsoleLanguage(language: Language): Promise<unknown> {
  return i18next.changeLanguage(language);
}
