import i18next from 'i18next';
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
const screenNamespaces = ['common', 'setup', 'memorial', 'staff', 'audit', 'errors', 'validation', 'registration', 'kiosk', 'records', 'documentDesk', 'nameList', 'nameListDesk', 'sessions', 'sessionKiosk', 'figures', 'dashboard', 'sync', 'settings', 'backup'] as const;

/** `useTranslation` over every screen namespace, so `t('memorial:signIn.title')` is type-checked. */
export function useT() {
  return useTranslation(screenNamespaces);
}
