import 'i18next';
import type { translations } from '../../shared/i18n/resources';

// Typed keys: `t('memorial:signIn.title')` fails to compile when the key is not in the Chinese texts.
declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'common';
    resources: (typeof translations)['zh-CN'];
  }
}
