import i18next from 'i18next';
import { useTranslation } from 'react-i18next';
import '../i18n/index';

/**
 * Namespaces the console's screens use; keys are written `ns:key`. A screen with texts of its own adds its
 * namespace here (registered in `shared/i18n/resources.ts`, zh-CN first).
 */
const consoleNamespaces = ['console', 'consoleErrors', 'consoleAccounts', 'consoleAudit', 'consoleStations', 'consoleIngest', 'consoleReview', 'consoleFigures', 'consoleExports', 'common', 'sync'] as const;

/** `useTranslation` over the console's namespaces, so `t('consoleAccounts:title')` is type-checked. */
export function useConsoleT() {
  return useTranslation(consoleNamespaces);
}

/** The tab's name is the console's, in the language on screen (the station's shell names the station). */
function nameTheTab(language: string): void {
  document.title = i18next.t('console:appName', { lng: language });
}
nameTheTab(i18next.language);
i18next.on('languageChanged', nameTheTab);
