import { provinces } from '../reference/regions';
import type { ValidationReason } from './reasons';

/**
 * The identity documents a registrant can present, with the rule each number is checked against.
 *
 * - `resident_id`: 居民身份证 (GB 11643-1999). 6-digit address code whose first two digits are a
 *   mainland province (11–65), 8-digit birth date, 3-digit sequence (odd = male), ISO 7064 MOD 11-2
 *   check character (digit or X).
 * - `residence_permit`: 港澳台居民居住证. As the resident ID, with address code 810000 (Hong Kong),
 *   820000 (Macao) or 830000 (Taiwan).
 * - `foreign_permanent_2023`: 外国人永久居留身份证, 2023 edition. `9`, 2-digit province of issue,
 *   3-digit ISO 3166 numeric nationality, 8-digit birth date, 3-digit sequence (odd = male), MOD 11-2
 *   check character.
 * - `foreign_permanent_2017`: 外国人永久居留身份证, 2017 edition. 3 letters (ISO 3166 alpha-3
 *   nationality), then 12 digits: 4-digit place of application, 6-digit birth date YYMMDD, 2 more
 *   digits. Checked for format and date only.
 * - `passport`: a passport of any country. 5–17 letters and digits, at least one of them a digit.
 * - `hk_macao_travel_permit`: 港澳居民来往内地通行证 (回乡证). `H` (Hong Kong) or `M` (Macao) and the
 *   8-digit lifelong number, optionally followed by the 2-digit issue count older permits print with it.
 * - `taiwan_travel_permit`: 台湾居民来往大陆通行证 (台胞证). The 8-digit lifelong number, or 10 digits
 *   on older permits (lifelong number and 2-digit issue count).
 *
 * Sources of the shapes: GB 11643-1999 for the resident ID and the check character; the 2018 residence
 * permit rules; the National Immigration Administration's machine-readable rules of the 2023 permanent
 * residence card (18 characters, leading `9`, MOD 11-2, replacing the 15-character 3 letters + 12 digits
 * form); the Ministry of Public Security's 2010 number rules of the permit for Hong Kong and Macao
 * residents (H/M + 8-digit lifelong number + 2-digit issue count); the 2008 change of the Taiwan
 * residents' permit to a lifelong 8-digit number (earlier numbers add a 2-digit issue count). Passport
 * numbers differ by country: ICAO 9303 gives the number 9 characters in the machine-readable zone and
 * lets longer numbers run on, Chinese passports use 9 (E + 8 digits, or E + letter + 7 digits), so the
 * rule here is deliberately loose.
 *
 * The permit mainland residents use to travel to Hong Kong and Macao (往来港澳通行证, C + 8 characters)
 * is not a kind: its holders are mainland residents and register with their resident ID.
 */
export const documentKinds = [
  'resident_id',
  'residence_permit',
  'foreign_permanent_2023',
  'foreign_permanent_2017',
  'passport',
  'hk_macao_travel_permit',
  'taiwan_travel_permit',
] as const;

export type DocumentKind = (typeof documentKinds)[number];

/** Kinds issued to foreign nationals. */
export const foreignDocumentKinds: readonly DocumentKind[] = ['foreign_permanent_2023', 'foreign_permanent_2017'];

export type Sex = 'male' | 'female';

/** Where the holder of a residence permit or travel permit lives. */
export type HomeRegion = 'hong_kong' | 'macao' | 'taiwan';

/** The reasons a document number can be rejected for (a subset of the validation reasons). */
export type DocumentReason = Extract<ValidationReason, 'required' | `id_${string}`>;

/** Documents whose number carries the holder's birth date and sex; for the others both are typed from the document. */
const KINDS_CARRYING_BIRTH: readonly DocumentKind[] = ['resident_id', 'residence_permit', 'foreign_permanent_2023'];

/** Whether the number of this kind of document carries the birth date and sex (and a valid one always yields both). */
export function numberCarriesBirthDate(kind: DocumentKind): boolean {
  return KINDS_CARRYING_BIRTH.includes(kind);
}

/** What a valid number says about its holder; which fields are present depends on the kind. */
export interface DocumentDetails {
  kind: DocumentKind;
  /** The number as it is stored: normalised (see {@link normalizeDocumentNumber}). */
  normalized: string;
  /** YYYY-MM-DD, for the kinds that carry a full birth date. */
  birthDate?: string;
  sex?: Sex;
  /** Two-digit province code: the address of a resident ID, the place of issue of a 2023 card. */
  provinceCode?: string;
  /** ISO 3166 nationality: numeric on a 2023 card, alpha-3 on a 2017 card. */
  nationality?: string;
  homeRegion?: HomeRegion;
}

export type DocumentCheck = ({ ok: true } & DocumentDetails) | { ok: false; reason: DocumentReason };

export interface DocumentCheckOptions {
  /** The day birth dates are compared with; defaults to now. The local calendar date is used. */
  today?: Date;
}

/** Mainland province-level codes (11–65); 71, 81 and 82 (Taiwan, Hong Kong, Macao) are not among them. */
const MAINLAND_PROVINCE_CODES: ReadonlySet<string> = new Set(
  provinces.map((province) => province.code).filter((code) => /^\d{2}$/.test(code) && Number(code) >= 11 && Number(code) <= 65),
);

const RESIDENCE_PERMIT_PREFIXES: ReadonlyMap<string, HomeRegion> = new Map([
  ['810000', 'hong_kong'],
  ['820000', 'macao'],
  ['830000', 'taiwan'],
]);

/** ISO 7064 MOD 11-2 weights of the 17 digits, and the check character for each remainder. */
const CHECK_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2] as const;
const CHECK_CHARACTERS = '10X98765432';

const EARLIEST_BIRTH_YEAR = 1900;

/**
 * Spaces, invisible format characters and dashes people type or paste between groups of a number:
 * every Unicode white space, format characters (zero-width space, BOM, …), every dash punctuation and
 * the minus sign.
 */
const SEPARATORS = /[\p{White_Space}\p{Cf}\p{Pd}\u2212]/gu;

/**
 * The number as it is checked and stored: Unicode NFKC (fullwidth digits and letters become ASCII),
 * separators dropped (which also trims), ASCII letters upper-cased (so a lower-case x becomes X and a
 * passport number reads as printed).
 */
export function normalizeDocumentNumber(raw: string): string {
  if (typeof raw !== 'string') return '';
  return raw
    .normalize('NFKC')
    .replace(SEPARATORS, '')
    .replace(/[a-z]/g, (letter) => letter.toUpperCase());
}

export function isDocumentKind(value: unknown): value is DocumentKind {
  return typeof value === 'string' && (documentKinds as readonly string[]).includes(value);
}

/**
 * The ISO 7064 MOD 11-2 check character of 17 digits (GB 11643, also used by residence permits and
 * 2023 permanent residence cards), or null when the input is not 17 digits.
 */
export function checkCharacter(first17: string): string | null {
  if (!/^\d{17}$/.test(first17)) return null;
  let sum = 0;
  for (let index = 0; index < 17; index += 1) {
    sum += Number(first17.charCodeAt(index) - 48) * (CHECK_WEIGHTS[index] ?? 0);
  }
  return CHECK_CHARACTERS.charAt(sum % 11);
}

/**
 * Checks a document number of the given kind and derives what it says about the holder. Never throws:
 * any string gives a result.
 */
export function checkDocument(kind: DocumentKind, raw: string, options: DocumentCheckOptions = {}): DocumentCheck {
  if (!isDocumentKind(kind)) return fail('id_kind');
  if (typeof raw !== 'string') return fail('required');
  const number = normalizeDocumentNumber(raw);
  if (number === '') return fail('required');
  const today = localDate(options.today);
  switch (kind) {
    case 'resident_id':
      return checkResidentId(number, today);
    case 'residence_permit':
      return checkResidencePermit(number, today);
    case 'foreign_permanent_2023':
      return checkForeignPermanent2023(number, today);
    case 'foreign_permanent_2017':
      return checkForeignPermanent2017(number, today);
    case 'passport':
      return checkPassport(number);
    case 'hk_macao_travel_permit':
      return checkHkMacaoTravelPermit(number);
    case 'taiwan_travel_permit':
      return checkTaiwanTravelPermit(number);
  }
}

/**
 * The most likely kind of a number from its shape alone, or null when the shape does not say
 * (a passport and a travel permit can look alike). 18 characters beginning 81/82/83 are a residence
 * permit, beginning 9 a 2023 permanent residence card, otherwise a resident ID; 15 digits are an old
 * resident ID (so the check names the 18-digit form); 3 letters + 12 digits a 2017 permanent residence card.
 */
export function detectDocumentKind(raw: string): DocumentKind | null {
  if (typeof raw !== 'string') return null;
  const number = normalizeDocumentNumber(raw);
  if (/^\d{17}[\dX]$/.test(number)) {
    if (/^8[123]/.test(number)) return 'residence_permit';
    if (number.startsWith('9')) return 'foreign_permanent_2023';
    return 'resident_id';
  }
  if (/^\d{15}$/.test(number)) return 'resident_id';
  if (/^[A-Z]{3}\d{12}$/.test(number)) return 'foreign_permanent_2017';
  return null;
}

/** What was typed or read from the card, to compare with what the number says. */
export interface TypedHolderDetails {
  birthDate?: string | null;
  sex?: Sex | null;
}

/**
 * Birth date and sex derived from the number must agree with what was typed or read from the card.
 * Details the number does not carry, or that were not given, are not compared.
 */
export function checkDocumentAgreement(
  details: DocumentDetails,
  typed: TypedHolderDetails,
): { ok: true } | { ok: false; reason: DocumentReason } {
  if (details.birthDate !== undefined && typed.birthDate && typed.birthDate !== details.birthDate) {
    return fail('id_birth_date_mismatch');
  }
  if (details.sex !== undefined && typed.sex && typed.sex !== details.sex) return fail('id_sex_mismatch');
  return { ok: true };
}

function fail(reason: DocumentReason): { ok: false; reason: DocumentReason } {
  return { ok: false, reason };
}

/** Common checks of the three 18-character kinds: characters, length, shape. */
function eighteenCharacterShape(number: string): DocumentReason | null {
  if (!/^[0-9X]+$/.test(number)) return 'id_characters';
  if (number.length !== 18) return 'id_length';
  if (!/^\d{17}[\dX]$/.test(number)) return 'id_characters';
  return null;
}

function checkResidentId(number: string, today: string): DocumentCheck {
  if (/^\d{15}$/.test(number)) return fail('id_legacy_15_digit');
  const shape = eighteenCharacterShape(number);
  if (shape) return fail(shape);
  const provinceCode = number.slice(0, 2);
  if (!MAINLAND_PROVINCE_CODES.has(provinceCode)) return fail('id_region');
  const birth = checkBirthDate(number.slice(6, 14), today);
  if (!birth.ok) return birth;
  if (checkCharacter(number.slice(0, 17)) !== number.charAt(17)) return fail('id_check_character');
  return { ok: true, kind: 'resident_id', normalized: number, birthDate: birth.value, sex: sexOf(number), provinceCode };
}

function checkResidencePermit(number: string, today: string): DocumentCheck {
  const shape = eighteenCharacterShape(number);
  if (shape) return fail(shape);
  const homeRegion = RESIDENCE_PERMIT_PREFIXES.get(number.slice(0, 6));
  if (!homeRegion) return fail('id_prefix');
  const birth = checkBirthDate(number.slice(6, 14), today);
  if (!birth.ok) return birth;
  if (checkCharacter(number.slice(0, 17)) !== number.charAt(17)) return fail('id_check_character');
  return { ok: true, kind: 'residence_permit', normalized: number, birthDate: birth.value, sex: sexOf(number), homeRegion };
}

function checkForeignPermanent2023(number: string, today: string): DocumentCheck {
  const shape = eighteenCharacterShape(number);
  if (shape) return fail(shape);
  if (!number.startsWith('9')) return fail('id_prefix');
  const provinceCode = number.slice(1, 3);
  if (!MAINLAND_PROVINCE_CODES.has(provinceCode)) return fail('id_region');
  const nationality = number.slice(3, 6);
  if (!isPlausibleNationality(nationality)) return fail('id_nationality');
  const birth = checkBirthDate(number.slice(6, 14), today);
  if (!birth.ok) return birth;
  if (checkCharacter(number.slice(0, 17)) !== number.charAt(17)) return fail('id_check_character');
  return {
    ok: true,
    kind: 'foreign_permanent_2023',
    normalized: number,
    birthDate: birth.value,
    sex: sexOf(number),
    provinceCode,
    nationality,
  };
}

/**
 * ISO 3166-1 numeric codes run from 004 (Afghanistan) to 894 (Zambia); 156 is China, whose nationals
 * do not hold a foreigner's card. A sanity check, not a list of assigned codes.
 */
function isPlausibleNationality(code: string): boolean {
  const value = Number(code);
  return value >= 4 && value <= 894 && value !== 156;
}

/**
 * 2017 card: 3 letters + 12 digits; the birth date is characters 8–13 as YYMMDD. The century is not
 * written, so the date is accepted when it is a real day in 19YY or 20YY (and not in the future); it is
 * not derived, and neither is sex.
 */
function checkForeignPermanent2017(number: string, today: string): DocumentCheck {
  if (!/^[A-Z0-9]+$/.test(number)) return fail('id_characters');
  if (!/^[A-Z]{3}\d{12}$/.test(number)) return fail('id_format_foreign_2017');
  const yymmdd = number.slice(7, 13);
  const in1900s = checkBirthDate(`19${yymmdd}`, today);
  const in2000s = checkBirthDate(`20${yymmdd}`, today);
  if (!in1900s.ok && !in2000s.ok) return in1900s;
  return { ok: true, kind: 'foreign_permanent_2017', normalized: number, nationality: number.slice(0, 3) };
}

function checkPassport(number: string): DocumentCheck {
  if (!/^[A-Z0-9]+$/.test(number)) return fail('id_characters');
  if (number.length < 5 || number.length > 17 || !/\d/.test(number)) return fail('id_format_passport');
  return { ok: true, kind: 'passport', normalized: number };
}

function checkHkMacaoTravelPermit(number: string): DocumentCheck {
  if (!/^[A-Z0-9]+$/.test(number)) return fail('id_characters');
  if (!/^[HM]\d{8}(?:\d{2})?$/.test(number)) return fail('id_format_hk_macao_permit');
  return {
    ok: true,
    kind: 'hk_macao_travel_permit',
    normalized: number,
    homeRegion: number.startsWith('H') ? 'hong_kong' : 'macao',
  };
}

function checkTaiwanTravelPermit(number: string): DocumentCheck {
  if (!/^[A-Z0-9]+$/.test(number)) return fail('id_characters');
  if (!/^\d{8}(?:\d{2})?$/.test(number)) return fail('id_format_taiwan_permit');
  return { ok: true, kind: 'taiwan_travel_permit', normalized: number, homeRegion: 'taiwan' };
}

/** The 17th character: odd for men, even for women. */
function sexOf(number: string): Sex {
  return Number(number.charAt(16)) % 2 === 1 ? 'male' : 'female';
}

type BirthCheck = { ok: true; value: string } | { ok: false; reason: DocumentReason };

/** YYYYMMDD: a real day, in 1900 or later, not after today (YYYY-MM-DD). */
function checkBirthDate(yyyymmdd: string, today: string): BirthCheck {
  if (!/^\d{8}$/.test(yyyymmdd)) return fail('id_birth_date');
  const year = Number(yyyymmdd.slice(0, 4));
  const month = Number(yyyymmdd.slice(4, 6));
  const day = Number(yyyymmdd.slice(6, 8));
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return fail('id_birth_date');
  if (year < EARLIEST_BIRTH_YEAR) return fail('id_birth_date_too_early');
  const value = `${yyyymmdd.slice(0, 4)}-${yyyymmdd.slice(4, 6)}-${yyyymmdd.slice(6, 8)}`;
  if (value > today) return fail('id_birth_date_future');
  return { ok: true, value };
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

/** The local calendar date of `date` (now when absent or invalid) as YYYY-MM-DD. */
function localDate(date: Date | undefined): string {
  const moment = date instanceof Date && !Number.isNaN(date.getTime()) ? date : new Date();
  const year = String(moment.getFullYear()).padStart(4, '0');
  const month = String(moment.getMonth() + 1).padStart(2, '0');
  const day = String(moment.getDate()).padStart(2, '0');
  return `${year}-${month}-${day}`;
}

/** Why a typed birth date is refused: said of the date itself, since it is not read from a number. */
export type TypedBirthDateReason = Extract<ValidationReason, 'birth_date_invalid' | 'birth_date_future' | 'birth_date_too_early'>;

/** The reasons of a birth date read from a number, as said of a typed one. */
const TYPED_BIRTH_DATE_REASONS: Partial<Record<DocumentReason, TypedBirthDateReason>> = {
  id_birth_date_future: 'birth_date_future',
  id_birth_date_too_early: 'birth_date_too_early',
};

/**
 * A birth date typed from a document that does not carry one in its number (passports, travel
 * permits): `YYYY-MM-DD`, a real date, not before 1900 and not in the future. The same rules as a date
 * in a number, but its refusals do not speak of a number. Never throws.
 */
export function checkTypedBirthDate(
  value: string,
  options: DocumentCheckOptions = {},
): { ok: true; value: string } | { ok: false; reason: TypedBirthDateReason } {
  if (typeof value !== 'string') return { ok: false, reason: 'birth_date_invalid' };
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value.normalize('NFKC').trim());
  if (!match) return { ok: false, reason: 'birth_date_invalid' };
  const checked = checkBirthDate(`${match[1]}${match[2]}${match[3]}`, localDate(options.today));
  return checked.ok ? checked : { ok: false, reason: TYPED_BIRTH_DATE_REASONS[checked.reason] ?? 'birth_date_invalid' };
}
