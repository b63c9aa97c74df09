import i18next, { type CustomTypeOptions } from 'i18next';
import { initReactI18next, useTranslation } from 'react-i18next';
import { defaultLanguage, type Language } from '../../shared/i18n/languages';
import { i18nextOptions } from '../../shared/i18n/options';

void i18next.use(initReactI18next).init({ ...i18nextOptions(defaultLanguage), initAsync: false });

/** The page's language and its title (the window's and the tab's name) follow the language on screen. */
function reflectLanguage(language: string): void {
  document.documentElement.lang = language;
  document.title = i18next.t('common:appName', { lng: language });
}
reflectLanguage(defaultLanguage);
i18next.on('languageChanged', reflectLanguage);

export function switchLanguage(language: Language): void {
  void i18next.changeLanguage(language);
}

export default i18next;

/** Namespaces the screens use; keys from the others are written `ns:key`. */
const screenNamespaces = ['common', 'setup', 'memorial', 'staff', 'audit', 'errors', 'validation', 'registration', 'kiosk', 'records', 'documentDesk', 'nameList', 'nameListDesk', 'aid', 'aidDesk', 'sessions', 'sessionKiosk', 'figures', 'dashboard', 'sync', 'settings', 'backup', 'elder', 'idCard', 'family', 'familyDesk'] as const;

/** `useTranslation` over every screen namespace, so `t('memorial:signIn.title')` is type-checked. */
export function useT() {
  return useTranslation(screenNamespaces);
}

type ScreenNamespace = (typeof screenNamespaces)[number];
type ScreenTexts = Pick<CustomTypeOptions['resources'], ScreenNamespace>;

/**
 * `namespace:section` of every screen text section that holds all of `Keys`, e.g. `documentDesk:void` for
 * `'title' | 'submit'`: a component that reads the same keys for many screens takes the section, and a
 * section missing one of them fails to compile.
 */
export type LocaleSection<Keys extends string> = {
  [Namespace in ScreenNamespace]: {
    [Section in keyof ScreenTexts[Namespace] & string]: ScreenTexts[Namespace][Section] extends Record<Keys, string> ? `${Namespace}:${Section}` : never;
  }[keyof ScreenTexts[Namespace] & string];
}[ScreenNamespace];
