import type { BackendModule, ReadCallback } from 'i18next';
import { isLanguage, type Language } from '../../../shared/i18n/languages';
import type { ConsoleTexts } from './namespaces';

/** Each language's texts as a chunk of its own: the browser fetches one only when that language is asked for. */
const textLoaders: Record<Language, () => Promise<{ consoleTexts: ConsoleTexts }>> = {
  'zh-CN': () => import('./zh-CN'),
  en: () => import('./en'),
};

/**
 * The i18next backend of the console: a namespace of a language is read from that language's chunk (fetched
 * once, then kept by the browser's module cache). A language or namespace the console does not have is an
 * error, so i18next shows keys and the tests catch it.
 */
export const consoleTextsBackend: BackendModule = {
  type: 'backend',
  callbackApi: true,
  init() {},
  read(language: string, namespace: string, callback: ReadCallback) {
    if (!isLanguage(language)) {
      callback(new Error(`the console has no texts in ${language}`), false);
      return;
    }
    textLoaders[language]().then(
      ({ consoleTexts }) => {
        const texts = (consoleTexts as Record<string, ConsoleTexts[keyof ConsoleTexts] | undefined>)[namespace];
        if (texts) callback(null, texts);
        else callback(new Error(`the console has no texts in namespace ${namespace}`), false);
      },
      (failure: unknown) => callback(failure instanceof Error ? failure : new Error(String(failure)), false),
    );
  },
};
