/*
 * What the console's build gives the station's components in place of `renderer/i18n/index.ts`
 * (vite.console.config.ts points every import of it here): the same exports, over the console's i18next, so
 * the language switch, the date formats and the badges the console borrows work without the station's module,
 * which would bring every text of the product in both languages into the page.
 */
import i18next from 'i18next';
import { useTranslation } from 'react-i18next';
import type * as stationI18n from '../i18n/index';
import { switchConsoleLanguage } from './i18n';
import { consoleNamespaces, type ConsoleNamespace } from './texts/namespaces';

export type { LocaleSection } from '../i18n/index';

/** The station's `switchLanguage`: the console fetches the language's texts, then shows them. */
export const switchLanguage: typeof stationI18n.switchLanguage = (language) => {
  void switchConsoleLanguage(language);
};

/** The console's namespaces with `common` first: the station's components write its keys without a prefix. */
const commonFirst: ConsoleNamespace[] = ['common', ...consoleNamespaces.filter((namespace) => namespace !== 'common')];

/**
 * The station's `useT`, reading the console's namespaces: the station's list names namespaces the console never
 * loads, and asking for them would suspend the screen while i18next tried to fetch them.
 */
function useStationComponentT() {
  return useTranslation(commonFirst);
}
export const useT = useStationComponentT as unknown as typeof stationI18n.useT;

export default i18next;

// The station's module and this one export the same names: one added there fails to compile here.
void ({ switchLanguage, useT, default: i18next } satisfies Record<keyof typeof stationI18n, unknown>);
