import { describe, expect, it } from 'vitest';
import { isErrorCode } from '../../shared/contract/errors';
import { translations } from '../../shared/i18n/resources';
import { validationReasons } from '../../shared/validation/reasons';

/**
 * Texts that mention staff and need no staff wording, each with the reason. Any other text that mentions
 * staff speaks to a visitor ("ask staff") and must have a staff wording under `staff.<key>` for staff screens.
 */
const SAME_FOR_STAFF: Record<'errors' | 'validation', Record<string, string>> = {
  errors: {
    see_staff: 'kiosk only: the station answers it to the public kiosk alone, never to a signed-in caller',
    not_signed_in: 'speaks to whoever is at the screen; staff meet it when their session has ended, and it fits them',
    approval_needs_second_person: 'met only on the staff sync screen, and already written for staff',
    aid_four_eyes: 'met only on the staff aid screen, and already written for staff',
  },
  validation: {
    idle_lock_minutes_range: 'a staff setting, already written for staff',
  },
};

/** Wording that sends the reader to staff: right for a visitor, wrong for the staff member reading it. */
const ADDRESSES_A_VISITOR = {
  'zh-CN': /请.{0,8}工作人员|工作人员处|工作人员会|由工作人员/u,
  en: /ask staff|see a member of staff|staff must|staff will/iu,
} as const;

type Texts = Record<string, unknown>;

function generalTexts(file: Texts): Array<[string, string]> {
  return Object.entries(file).filter((entry): entry is [string, string] => typeof entry[1] === 'string');
}

function staffTexts(file: Texts): Record<string, string> {
  return (file.staff ?? {}) as Record<string, string>;
}

describe('staff wording of error and validation texts', () => {
  for (const namespace of ['errors', 'validation'] as const) {
    it(`${namespace}: every text mentioning staff has a staff wording in both languages, or is listed with a reason`, () => {
      const mentioningStaff = generalTexts(translations['zh-CN'][namespace]).filter(([, text]) => text.includes('工作人员'));
      expect(mentioningStaff.length).toBeGreaterThan(0);
      for (const [key] of mentioningStaff) {
        if (key in SAME_FOR_STAFF[namespace]) continue;
        expect(staffTexts(translations['zh-CN'][namespace])[key], `zh-CN ${namespace}:staff.${key}`).toMatch(/\S/u);
        expect(staffTexts(translations.en[namespace])[key], `en ${namespace}:staff.${key}`).toMatch(/\S/u);
      }
    });

    it(`${namespace}: staff wordings belong to a real code or reason and do not send the reader to staff`, () => {
      const known = (key: string) => (namespace === 'errors' ? isErrorCode(key) : (validationReasons as readonly string[]).includes(key));
      for (const language of ['zh-CN', 'en'] as const) {
        const wordings = Object.entries(staffTexts(translations[language][namespace]));
        for (const [key, text] of wordings) {
          expect(known(key), `${language} ${namespace}:staff.${key}`).toBe(true);
          expect(text, `${language} ${namespace}:staff.${key}`).not.toMatch(ADDRESSES_A_VISITOR[language]);
          // The general text it replaces is the one that does.
          expect(translations[language][namespace][key as never], `${language} ${namespace}:${key}`).toMatch(ADDRESSES_A_VISITOR[language]);
        }
      }
    });
  }

  it('lists only texts that exist and mention staff', () => {
    for (const namespace of ['errors', 'validation'] as const) {
      for (const key of Object.keys(SAME_FOR_STAFF[namespace])) {
        expect(translations['zh-CN'][namespace][key as never], `${namespace}:${key}`).toContain('工作人员');
      }
    }
  });
});
