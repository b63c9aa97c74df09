import { STATION_CODE_PATTERN as STATION_CODE } from './station';

/**
 * The numbers a station gives out: registration numbers (`KMU01-2026-R000123`) and the serial numbers
 * printed on documents (`KMU01-2026-CERT-000045`). Both are scoped by station and year, so stations
 * number independently while offline and a number is never reused; the sequence restarts each year.
 */

/** The largest sequence number: six digits are far more than a station registers or prints in a year. */
export const MAX_SEQUENCE = 999_999;

const SEQUENCE_DIGITS = 6;

/** The parts of a registration number. */
export interface RegistrationNumber {
  stationCode: string;
  year: number;
  sequence: number;
}

/** Documents that carry a serial number. */
export const serialDocuments = [
  'receipt',
  'donor_card',
  'registration_certificate',
  'memorial_certificate',
  'honour_certificate',
  'attendance_certificate',
] as const;
/** One of the documents with a serial number. */
export type SerialDocument = (typeof serialDocuments)[number];

/**
 * The short code of each document in its serial number. Letters only, so that a serial number can
 * never be read as a registration number (`R` + six digits) or the other way round.
 */
export const serialKindCodes: Readonly<Record<SerialDocument, string>> = {
  receipt: 'RCP',
  donor_card: 'CARD',
  registration_certificate: 'CERT',
  memorial_certificate: 'MEM',
  honour_certificate: 'HON',
  attendance_certificate: 'ATT',
};

const documentByCode: ReadonlyMap<string, SerialDocument> = new Map(
  serialDocuments.map((document) => [serialKindCodes[document], document]),
);

/** The parts of a document serial number. */
export interface SerialNumber {
  stationCode: string;
  year: number;
  document: SerialDocument;
  sequence: number;
}

/**
 * `<station code>-<year>-R<6-digit sequence>`, e.g. `KMU01-2026-R000123`. Throws a RangeError for a
 * station code that is not 2–12 capital letters or digits, a year outside 1000–9999 or a sequence
 * outside 1–999999: numbers come from the station's counters, so a bad part is a programming error.
 */
export function formatRegistrationNumber(stationCode: string, year: number, sequence: number): string {
  return `${checkedStationCode(stationCode)}-${checkedYear(year)}-R${checkedSequence(sequence)}`;
}

/**
 * The parts of a registration number as a person may type or scan it: Unicode NFKC (fullwidth letters,
 * digits and dashes), spaces and invisible characters dropped, any dash accepted, lower case read as
 * upper case. Null when it is not a well-formed registration number. Never throws.
 */
export function parseRegistrationNumber(text: string): RegistrationNumber | null {
  const match = /^([A-Z0-9]{2,12})-([1-9]\d{3})-R(\d{6})$/.exec(normalizeNumberText(text));
  if (!match) return null;
  const sequence = Number(match[3]);
  if (sequence < 1) return null;
  return { stationCode: match[1] ?? '', year: Number(match[2]), sequence };
}

/**
 * `<station code>-<year>-<kind>-<6-digit sequence>`, e.g. `KMU01-2026-CERT-000045`, the kind being the
 * document's code in {@link serialKindCodes}. Throws a RangeError for a bad part, as
 * {@link formatRegistrationNumber} does, or an unknown document.
 */
export function formatSerialNumber(stationCode: string, year: number, document: SerialDocument, sequence: number): string {
  const code = (serialKindCodes as Partial<Record<string, string>>)[document];
  if (code === undefined || !(serialDocuments as readonly string[]).includes(document)) {
    throw new RangeError(`unknown document: ${String(document)}`);
  }
  return `${checkedStationCode(stationCode)}-${checkedYear(year)}-${code}-${checkedSequence(sequence)}`;
}

/** The parts of a document serial number, read as tolerantly as a registration number; null when malformed. Never throws. */
export function parseSerialNumber(text: string): SerialNumber | null {
  const match = /^([A-Z0-9]{2,12})-([1-9]\d{3})-([A-Z]{3,4})-(\d{6})$/.exec(normalizeNumberText(text));
  if (!match) return null;
  const document = documentByCode.get(match[3] ?? '');
  const sequence = Number(match[4]);
  if (document === undefined || sequence < 1) return null;
  return { stationCode: match[1] ?? '', year: Number(match[2]), document, sequence };
}

/** The tolerant reading shared by both parsers: what survives is compared against the strict pattern. */
function normalizeNumberText(text: string): string {
  if (typeof text !== 'string') return '';
  return text
    .normalize('NFKC')
    .replace(/[\p{White_Space}\p{Cf}]/gu, '')
    .replace(/[\p{Pd}\u2212]/gu, '-')
    .replace(/[a-z]/g, (letter) => letter.toUpperCase());
}

function checkedStationCode(stationCode: string): string {
  if (typeof stationCode !== 'string' || !STATION_CODE.test(stationCode)) throw new RangeError(`invalid station code: ${String(stationCode)}`);
  return stationCode;
}

function checkedYear(year: number): string {
  if (!Number.isInteger(year) || year < 1000 || year > 9999) throw new RangeError(`invalid year: ${year}`);
  return String(year);
}

function checkedSequence(sequence: number): string {
  if (!Number.isInteger(sequence) || sequence < 1 || sequence > MAX_SEQUENCE) throw new RangeError(`invalid sequence: ${sequence}`);
  return String(sequence).padStart(SEQUENCE_DIGITS, '0');
}
