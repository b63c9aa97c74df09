import type { ValidationReason } from './reasons';

export type PhoneKind = 'mobile' | 'landline' | 'foreign';

/** The reasons a phone number can be rejected for (a subset of the validation reasons). */
export type PhoneReason = Extract<
  ValidationReason,
  | 'required'
  | 'phone_characters'
  | 'mobile_format'
  | 'landline_format'
  | 'foreign_phone_format'
  | 'phone_landline_not_allowed'
  | 'phone_foreign_not_allowed'
>;

/**
 * A valid number in its stored form: a mobile as its 11 digits (`13812345678`), a landline as area code
 * and number (`0871-65123456`, the extension apart), a foreign number in E.164 form (`+85291234567`).
 */
export type PhoneCheck =
  | { ok: true; kind: PhoneKind; value: string; extension?: string }
  | { ok: false; reason: PhoneReason };

export interface PhoneOptions {
  /** Accept a mainland landline: area code with its leading 0, then the local number. */
  allowLandline?: boolean;
  /** Accept a number outside the mainland written with + (or 00) and its country code. */
  allowForeign?: boolean;
}

/** Spaces, invisible format characters, dashes and parentheses people put between groups of digits. */
const SEPARATORS = /[\p{White_Space}\p{Cf}\p{Pd}\u2212()]/gu;
const DASHES = /[\p{Pd}\u2212]/gu;

/** An extension after an explicit marker: 转 / 分机 / ext / x / # / a comma. */
const MARKED_EXTENSION = /^(.+?)(?:转|分机|ext\.?|x|#|,)(\d{1,6})$/iu;
/** An extension as a third group: 0871-6512345-801. */
const HYPHENATED_EXTENSION = /^(\(?0\d{2,3}\)?-\d{7,8})-(\d{1,6})$/u;

const MOBILE = /^1[3-9]\d{9}$/;
/** Area codes: 010 and 020–029 have two digits after the 0, all others three; local numbers 7–8 digits. */
const LANDLINE = /^0(10|2\d|[3-9]\d{2})([2-9]\d{6,7})$/;
/** E.164: a country code that does not start with 0, at most 15 digits in all. */
const FOREIGN = /^[1-9]\d{6,14}$/;

/**
 * A mainland mobile number: NFKC, spaces, hyphens and parentheses dropped, a +86 / 0086 / 86 prefix
 * before 11 digits removed, then `1[3-9]` and nine more digits. Never throws.
 */
export function checkMobile(raw: string): PhoneCheck {
  return checkPhone(raw, { allowLandline: false, allowForeign: false });
}

/**
 * A mobile number, or (where the options allow) a landline with area code and optional extension, or a
 * foreign number with + and a country code other than 86. Never throws.
 */
export function checkPhone(raw: string, options: PhoneOptions = {}): PhoneCheck {
  const allowLandline = options.allowLandline === true;
  const allowForeign = options.allowForeign === true;
  if (typeof raw !== 'string') return fail('required');

  const compact = raw.normalize('NFKC').replace(DASHES, '-').replace(/[\p{White_Space}\p{Cf}]/gu, '');
  if (compact === '') return fail('required');
  const { main, extension } = splitExtension(compact);
  const number = main.replace(SEPARATORS, '');
  if (number === '') return fail('required');
  if (!/^\+?\d+$/.test(number)) return fail('phone_characters');

  const international = /^(?:\+|00)(\d+)$/.exec(number);
  if (international) {
    const digits = international[1] ?? '';
    if (digits.startsWith('86')) {
      const national = digits.slice(2);
      // A landline in international form drops the 0 of its area code (+86 10 …, +86 871 …).
      const asMobile = national.startsWith('1') && (national.length === 11 || !allowLandline);
      return checkNational(asMobile || national.startsWith('0') ? national : `0${national}`, extension, allowLandline);
    }
    if (!allowForeign) return fail('phone_foreign_not_allowed');
    if (extension !== undefined || !FOREIGN.test(digits)) return fail('foreign_phone_format');
    return { ok: true, kind: 'foreign', value: `+${digits}` };
  }
  if (/^86\d{11}$/.test(number)) return checkNational(number.slice(2), extension, allowLandline);
  return checkNational(number, extension, allowLandline);
}

/** A number without country code: a mobile, or a landline starting with 0. */
function checkNational(number: string, extension: string | undefined, allowLandline: boolean): PhoneCheck {
  if (number.startsWith('0')) {
    if (!allowLandline) return fail('phone_landline_not_allowed');
    const landline = LANDLINE.exec(number);
    if (!landline) return fail('landline_format');
    const value = `0${landline[1] ?? ''}-${landline[2] ?? ''}`;
    return extension === undefined ? { ok: true, kind: 'landline', value } : { ok: true, kind: 'landline', value, extension };
  }
  if (number.startsWith('1') || !allowLandline) {
    if (extension !== undefined || !MOBILE.test(number)) return fail('mobile_format');
    return { ok: true, kind: 'mobile', value: number };
  }
  return fail('landline_format');
}

function splitExtension(compact: string): { main: string; extension?: string } {
  const match = MARKED_EXTENSION.exec(compact) ?? HYPHENATED_EXTENSION.exec(compact);
  if (match?.[1] && match[2]) return { main: match[1], extension: match[2] };
  return { main: compact };
}

function fail(reason: PhoneReason): { ok: false; reason: PhoneReason } {
  return { ok: false, reason };
}
