import type { TFunction } from 'i18next';
import type { Language } from '../../shared/i18n/languages';
import { createTranslator } from '../../shared/i18n/translator';

/**
 * The wording of documents comes from the `documents` namespace (and `registration:statement`, the
 * same sentence the registration screens show), in the document's language. A translator is made once
 * per language and kept: the texts are fixed, and a station prints many documents.
 */

const translators = new Map<Language, Promise<TFunction>>();

export function documentTranslator(language: Language): Promise<TFunction> {
  let translator = translators.get(language);
  if (!translator) {
    translator = createTranslator(language);
    translators.set(language, translator);
  }
  return translator;
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/**
 * A calendar date (`2026-05-01`) as documents print it: `2026年5月1日`, `1 May 2026`. Dates are passed
 * as calendar dates, not instants, so that a document issued late in the evening never shows the next
 * day; formatting in UTC keeps the day as given.
 */
export function formatDocumentDate(isoDate: string, language: Language): string {
  const match = ISO_DATE.exec(isoDate);
  if (!match) throw new RangeError(`not a calendar date (YYYY-MM-DD): ${isoDate}`);
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) throw new RangeError(`no such date: ${isoDate}`);
  const locale = language === 'en' ? 'en-GB' : 'zh-CN';
  return new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeZone: 'UTC' }).format(date);
}

/** How a list of items reads in a sentence: `器官捐献、角膜捐献`, `organ donation, cornea donation`. */
export function joinList(items: readonly string[], language: Language): string {
  return items.join(language === 'en' ? ', ' : '、');
}
