/** Simplified Chinese first: it is the default everywhere; English is complete. */
export const languages = ['zh-CN', 'en'] as const;
export type Language = (typeof languages)[number];
export const defaultLanguage: Language = 'zh-CN';

export function isLanguage(value: unknown): value is Language {
  return typeof value === 'string' && (languages as readonly string[]).includes(value);
}

/** The language a screen is showing, as one the station prints in (the default for anything else). */
export function asLanguage(value: unknown): Language {
  return isLanguage(value) ? value : defaultLanguage;
}
