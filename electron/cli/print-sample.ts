import { existsSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { TFunction } from 'i18next';
import type { Language } from '../../shared/i18n/languages';
import { formatRegistrationNumber, formatSerialNumber, type SerialDocument } from '../../shared/domain/registration-number';
import { createTranslator } from '../../shared/i18n/translator';
import {
  buildAttendanceCertificate,
  buildDonorCard,
  buildHonourCertificate,
  buildMemorialCertificate,
  buildReceiptA4,
  buildReceiptThermal,
  buildRegistrationCertificate,
  DEBIAN_NOTO_CJK,
  FontSet,
  PRIMARY_FONT_FILES,
  primaryFontPaths,
  sourceFontsDir,
  type DocumentHeader,
  type DocumentResult,
  type ProgramEntry,
} from '../pdf/index';

/**
 * `print-sample <kind>`: each document drawn with made-up data, to check a layout or a printer without
 * a station. The person's name has a character outside the basic plane (𠮷) on purpose, and the QR
 * code carries a payload that says it is a sample and is not signed: it never verifies.
 */

export const sampleKinds = [
  'receipt',
  'receipt_thermal',
  'donor_card',
  'registration_certificate',
  'memorial_certificate',
  'honour_certificate',
  'attendance_certificate',
] as const;
export type SampleKind = (typeof sampleKinds)[number];

export function isSampleKind(value: unknown): value is SampleKind {
  return typeof value === 'string' && (sampleKinds as readonly string[]).includes(value);
}

export const SAMPLE_NAME = '李𠮷祥';
const SAMPLE_STATION_CODE = 'DEMO01';
const SAMPLE_YEAR = 2026;

/** The CLI runs from the source tree (tsx), where `npm run fonts` or the build put the fonts. */
export const SOURCE_FONTS_DIR = sourceFontsDir();

export function fontsPresent(fontsDir: string): boolean {
  return Object.values(PRIMARY_FONT_FILES).every((file) => existsSync(join(fontsDir, file)));
}

/** The QR payload of every sample: plainly not a signed document. */
export function samplePayload(serial: string): string {
  return `RELAY-STATION-SAMPLE NOT-SIGNED ${serial}`;
}

function serialDocument(kind: SampleKind): SerialDocument {
  return kind === 'receipt_thermal' ? 'receipt' : kind;
}

function header(kind: SampleKind, language: Language, t: TFunction): DocumentHeader {
  const serial = formatSerialNumber(SAMPLE_STATION_CODE, SAMPLE_YEAR, serialDocument(kind), 1);
  return { language, stationName: t('cli:sampleStation'), serial, issuedOn: `${SAMPLE_YEAR}-05-01`, qrPayload: samplePayload(serial) };
}

function samplePrograms(t: TFunction): ProgramEntry[] {
  const number = (sequence: number) => formatRegistrationNumber(SAMPLE_STATION_CODE, SAMPLE_YEAR, sequence);
  return [
    { program: t('registration:program.organ'), registrationNumber: number(123), choices: t('registration:organScope.all') },
    { program: t('registration:program.cornea'), registrationNumber: number(124), choices: '' },
    { program: t('registration:program.stem_cell'), registrationNumber: number(125), choices: t('registration:bloodType.A+') },
  ];
}

/** Draws one sample document in the given language. */
export async function renderSample(kind: SampleKind, language: Language, fonts: FontSet): Promise<DocumentResult> {
  const t = await createTranslator(language);
  const base = header(kind, language, t);
  const person = { personName: SAMPLE_NAME, programs: samplePrograms(t) };
  const receipt = {
    ...base,
    ...person,
    event: 'created' as const,
    documentKind: t('registration:documentKind.resident_id'),
    documentNumber: '11010519491231002X',
  };
  const donation = { ...base, donorName: SAMPLE_NAME, donatedOn: `${SAMPLE_YEAR}-03-02` };
  switch (kind) {
    case 'receipt':
      return buildReceiptA4(receipt, fonts);
    case 'receipt_thermal':
      return buildReceiptThermal(receipt, fonts);
    case 'donor_card':
      return buildDonorCard({ ...base, ...person }, fonts);
    case 'registration_certificate':
      return buildRegistrationCertificate({ ...base, ...person, registeredOn: `${SAMPLE_YEAR}-04-20` }, fonts);
    case 'memorial_certificate':
      return buildMemorialCertificate({ ...donation, donationKind: t('cli:sampleDonationKind.body') }, fonts);
    case 'honour_certificate':
      return buildHonourCertificate({ ...donation, donationKind: t('cli:sampleDonationKind.organ') }, fonts);
    case 'attendance_certificate':
      return buildAttendanceCertificate(
        { ...base, organisation: t('cli:sampleOrganisation', { name: SAMPLE_NAME }), sessionTitle: t('cli:sampleSession'), attendedOn: `${SAMPLE_YEAR}-04-28`, headCount: 42 },
        fonts,
      );
  }
}

/** Renders a sample into a file; what the command prints as its JSON line. */
export async function printSample(
  kind: SampleKind,
  language: Language,
  out: string,
  fontsDir: string,
): Promise<{ kind: SampleKind; out: string; bytes: number; missing: string[] }> {
  const fonts = await FontSet.load({ primary: primaryFontPaths(fontsDir), fallback: DEBIAN_NOTO_CJK });
  const { pdf, missing } = await renderSample(kind, language, fonts);
  await writeFile(out, pdf);
  return { kind, out, bytes: pdf.length, missing };
}
