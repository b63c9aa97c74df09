import type { IdCardDocumentKind, IdCardFields } from '../../shared/domain/id-card';
import { checkEthnicGroupCode } from '../../shared/validation/ethnic-group';
import { checkDocument, checkDocumentAgreement, type Sex } from '../../shared/validation/identity-document';

/**
 * The 256-byte text block a second-generation card's chip holds (GA 490-2013), UCS-2 little-endian, and
 * what the station reads from it. Byte 248 carries the card's type flag: none on a resident ID, 'J' on a
 * Hong Kong, Macao or Taiwan residence permit, 'I' on the 2017 foreigner's permanent residence card, 'Y'
 * on the 2023 one. Each layout is a list of byte ranges; only the ranges the station needs are decoded:
 * the address, the issuing authority and the photo (which travels in a separate buffer) never are.
 */

/** The size of the text block every reader returns. */
export const CARD_BLOCK_BYTES = 256;

/** A field's place in the block: its first byte and its size in bytes (two per character). */
export interface ByteRange {
  readonly start: number;
  readonly size: number;
}

function range(first: number, last: number): ByteRange {
  return { start: first, size: last - first + 1 };
}

/** Where the type flag sits; the same on every card. */
export const FLAG_RANGE = range(248, 249);

/** A resident ID (and, except for the nation, a residence permit): bytes inclusive, as GA 490-2013 lists them. */
export const residentLayout = {
  name: range(0, 29),
  sex: range(30, 31),
  nation: range(32, 35),
  birthDate: range(36, 51),
  address: range(52, 121),
  number: range(122, 157),
  authority: range(158, 187),
  validFrom: range(188, 203),
  validUntil: range(204, 219),
} as const;

/** The residence permit ('J'): the resident layout, no nation, plus the pass number and the issue count. */
export const permitLayout = {
  ...residentLayout,
  passNumber: range(220, 237),
  issueCount: range(238, 241),
} as const;

/** The 2017 foreigner's permanent residence card ('I'). */
export const foreigner2017Layout = {
  latinName: range(0, 119),
  sex: range(120, 121),
  number: range(122, 151),
  nationality: range(152, 157),
  name: range(158, 187),
  validFrom: range(188, 203),
  validUntil: range(204, 219),
  birthDate: range(220, 235),
  version: range(236, 239),
  authorityCode: range(240, 247),
} as const;

/** The 2023 foreigner's permanent residence card ('Y'): the Latin name is split over two ranges. */
export const foreigner2023Layout = {
  name: range(0, 29),
  sex: range(30, 31),
  renewals: range(32, 35),
  birthDate: range(36, 51),
  latinName: range(52, 121),
  number: range(122, 157),
  validFrom: range(188, 203),
  validUntil: range(204, 219),
  latinNameRest: range(220, 241),
  country: range(242, 247),
  previousNumber: range(250, 255),
} as const;

/** The type flag of each kind; a resident ID leaves the flag blank (spaces or NULs). */
export const cardFlags = { residence_permit: 'J', foreign_permanent_2017: 'I', foreign_permanent_2023: 'Y' } as const;

/** What the written validity end of a long-term card says instead of a date. */
export const LONG_TERM = '长期';

/** Which field of the block failed its check (named in the audit trail; the value never is). */
export type CardField = 'name' | 'sex' | 'nation' | 'birthDate' | 'number' | 'validFrom' | 'validUntil';

/**
 * Why a block is refused:
 * - `block_size`: not the 256 bytes every reader returns;
 * - `card_kind_unknown`: a type flag the station does not know;
 * - `field_invalid`: a field failed its check (see `field`): a bad number, date, sex or nation.
 */
export type CardRefusal = 'block_size' | 'card_kind_unknown' | 'field_invalid';

/** What a block says: the card's fields, an expired card (by kind and end date only), or why it was refused. */
export type CardParse =
  | { outcome: 'valid'; fields: IdCardFields }
  | { outcome: 'expired'; documentKind: IdCardDocumentKind; expiredOn: string }
  | { outcome: 'refused'; refusal: CardRefusal; documentKind?: IdCardDocumentKind; field?: CardField };

/** C0 controls (NUL included) and DEL: padding and stray bytes some libraries leave, never part of a field. */
const CONTROL_CHARACTERS = /[\u0000-\u001f\u007f]/gu;
const HAS_CONTROL_CHARACTER = /[\u0000-\u001f\u007f]/u;

/** A field's text: decoded, controls removed, the spaces around it (ASCII and ideographic) trimmed. */
export function fieldText(block: Uint8Array, field: ByteRange): string {
  const bytes = Buffer.from(block.buffer, block.byteOffset + field.start, field.size);
  return bytes.toString('utf16le').replace(CONTROL_CHARACTERS, '').replace(/^[\s\u3000]+|[\s\u3000]+$/gu, '');
}

/** The raw characters of a field, padding included (for the checks that refuse a padded value). */
function rawFieldText(block: Uint8Array, field: ByteRange): string {
  return Buffer.from(block.buffer, block.byteOffset + field.start, field.size).toString('utf16le');
}

/** The kind the block's flag names, or null for a flag the station does not know. */
export function cardKindOf(block: Uint8Array): IdCardDocumentKind | null {
  const low = block[FLAG_RANGE.start] ?? 0;
  const high = block[FLAG_RANGE.start + 1] ?? 0;
  if (high !== 0) return null;
  if (low === 0 || low === 0x20) return 'resident_id';
  const flag = String.fromCharCode(low);
  for (const [kind, written] of Object.entries(cardFlags)) if (written === flag) return kind as IdCardDocumentKind;
  return null;
}

/** YYYYMMDD as YYYY-MM-DD when it is a real day, else null. */
export function cardDate(text: string): string | null {
  const match = /^(\d{4})(\d{2})(\d{2})$/.exec(text);
  if (!match) return null;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return null;
  return `${match[1]}-${match[2]}-${match[3]}`;
}

/** '1' male, '2' female (GB/T 2261.1), else null. */
function cardSex(text: string): Sex | null {
  return text === '1' ? 'male' : text === '2' ? 'female' : null;
}

/** The local calendar day of `today`, YYYY-MM-DD, the way validity is judged at the station. */
function localDay(today: Date): string {
  const pad = (value: number) => String(value).padStart(2, '0');
  return `${today.getFullYear()}-${pad(today.getMonth() + 1)}-${pad(today.getDate())}`;
}

type Checked<T> = { ok: true; value: T } | { ok: false; field: CardField };

function refuse(kind: IdCardDocumentKind, field: CardField): CardParse {
  return { outcome: 'refused', refusal: 'field_invalid', documentKind: kind, field };
}

/** The fields every card has, in the ranges its layout gives. */
interface CommonRanges {
  sex: ByteRange;
  birthDate: ByteRange;
  number: ByteRange;
  validFrom: ByteRange;
  validUntil: ByteRange;
}

interface CommonFields {
  documentNumber: string;
  sex: Sex;
  birthDate: string;
  validUntil: string | null;
}

/**
 * Number, sex, birth date and validity, checked against each other: the number by the station's own
 * document rules (GB 11643 check character and the kind's prefix), the sex and birth date agreeing with
 * what the number carries. A number with padding inside its range (a NUL or a space before its end) is
 * refused, not trimmed into a shorter number.
 */
function checkCommon(block: Uint8Array, kind: IdCardDocumentKind, ranges: CommonRanges, today: Date): Checked<CommonFields> {
  const rawNumber = rawFieldText(block, ranges.number).replace(/[\s\u0000]+$/u, '');
  if (HAS_CONTROL_CHARACTER.test(rawNumber) || /\s/u.test(rawNumber)) return { ok: false, field: 'number' };
  const document = checkDocument(kind, rawNumber, { today });
  if (!document.ok) return { ok: false, field: 'number' };
  const sex = cardSex(fieldText(block, ranges.sex));
  if (sex === null) return { ok: false, field: 'sex' };
  const birthDate = cardDate(fieldText(block, ranges.birthDate));
  if (birthDate === null || birthDate > localDay(today)) return { ok: false, field: 'birthDate' };
  const agreement = checkDocumentAgreement(document, { birthDate, sex });
  if (!agreement.ok) return { ok: false, field: agreement.reason === 'id_sex_mismatch' ? 'sex' : 'birthDate' };
  if (kind === 'foreign_permanent_2017' && document.normalized.slice(7, 13) !== birthDate.replace(/-/g, '').slice(2)) {
    return { ok: false, field: 'birthDate' };
  }
  if (cardDate(fieldText(block, ranges.validFrom)) === null) return { ok: false, field: 'validFrom' };
  const untilText = fieldText(block, ranges.validUntil);
  const validUntil = untilText === LONG_TERM ? null : cardDate(untilText);
  if (validUntil === null && untilText !== LONG_TERM) return { ok: false, field: 'validUntil' };
  return { ok: true, value: { documentNumber: document.normalized, sex, birthDate, validUntil } };
}

/**
 * Reads a card's text block into the fields a registration needs, checking each. Never throws: a block of
 * the wrong size, an unknown flag or a field that fails its check gives a refusal naming the field; a card
 * past its validity gives `expired` with its kind and end date only.
 */
export function parseCardBlock(block: Uint8Array, today: Date): CardParse {
  try {
    if (!(block instanceof Uint8Array) || block.length !== CARD_BLOCK_BYTES) return { outcome: 'refused', refusal: 'block_size' };
    const kind = cardKindOf(block);
    if (kind === null) return { outcome: 'refused', refusal: 'card_kind_unknown' };
    const layout =
      kind === 'foreign_permanent_2017' ? foreigner2017Layout : kind === 'foreign_permanent_2023' ? foreigner2023Layout : residentLayout;
    const common = checkCommon(block, kind, layout, today);
    if (!common.ok) return refuse(kind, common.field);
    const names = namesOf(block, kind);
    if (names.name === '') return refuse(kind, 'name');
    let ethnicGroup: string | null = null;
    if (kind === 'resident_id') {
      const nation = nationOf(block);
      if (!nation.ok) return refuse(kind, 'nation');
      ethnicGroup = nation.value;
    }
    const { validUntil } = common.value;
    if (validUntil !== null && validUntil < localDay(today)) return { outcome: 'expired', documentKind: kind, expiredOn: validUntil };
    return { outcome: 'valid', fields: { documentKind: kind, ...common.value, ...names, ethnicGroup } };
  } catch {
    return { outcome: 'refused', refusal: 'block_size' };
  }
}

/** The name in Chinese characters (or, on a foreigner's card without one, in Latin letters) and the Latin name. */
function namesOf(block: Uint8Array, kind: IdCardDocumentKind): { name: string; latinName: string | null } {
  switch (kind) {
    case 'foreign_permanent_2017': {
      const latinName = fieldText(block, foreigner2017Layout.latinName);
      return { name: fieldText(block, foreigner2017Layout.name) || latinName, latinName: latinName || null };
    }
    case 'foreign_permanent_2023': {
      // The Latin name runs on from the first range into the second when it is longer than 35 characters.
      const joined = Buffer.concat([rangeBytes(block, foreigner2023Layout.latinName), rangeBytes(block, foreigner2023Layout.latinNameRest)]);
      const latinName = fieldText(joined, { start: 0, size: joined.length });
      return { name: fieldText(block, foreigner2023Layout.name) || latinName, latinName: latinName || null };
    }
    default:
      return { name: fieldText(block, residentLayout.name), latinName: null };
  }
}

function rangeBytes(block: Uint8Array, field: ByteRange): Buffer {
  return Buffer.from(block.subarray(field.start, field.start + field.size));
}

/** The nation code of a resident ID: one of the 56 groups, or 97 (其他) / 98 (外国血统中国籍人士), which the list does not hold (null). */
function nationOf(block: Uint8Array): Checked<string | null> {
  const code = fieldText(block, residentLayout.nation);
  if (code === '97' || code === '98') return { ok: true, value: null };
  if (!/^\d{2}$/.test(code)) return { ok: false, field: 'nation' };
  const check = checkEthnicGroupCode(code);
  return check.ok && check.value !== null ? { ok: true, value: check.value } : { ok: false, field: 'nation' };
}

/** Overwrites a buffer the card's data passed through, so nothing of it stays in memory after use. */
export function wipe(buffer: Uint8Array | null | undefined): void {
  buffer?.fill(0);
}
