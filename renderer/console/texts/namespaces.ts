/**
 * Every namespace the console shows, keys written `ns:key`: its own, and the station's few that the shared
 * components it uses read (`common` for the language switch, `sync` for refusal reasons, `figures` for the
 * target badge, `records` for the action forms' cancel). A screen with texts of its own adds its namespace here
 * and in both `texts/<language>.ts` files (and in `shared/i18n/resources.ts`, which the type checks read).
 */
export const consoleNamespaces = [
  'console',
  'consoleErrors',
  'consoleAccounts',
  'consoleAudit',
  'consoleStations',
  'consoleIngest',
  'consoleReview',
  'consoleFigures',
  'consoleExports',
  'common',
  'sync',
  'figures',
  'records',
] as const;

/** A namespace the console shows. */
export type ConsoleNamespace = (typeof consoleNamespaces)[number];

/**
 * The console's texts in one language, every namespace present. The keys are checked against the Chinese texts
 * where they are read (`useConsoleT`); a language may word a key differently, e.g. with plural forms.
 */
export type ConsoleTexts = Record<ConsoleNamespace, Record<string, unknown>>;
