import { execFile as execFileCallback, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { fileURLToPath } from 'node:url';
import jsQR from 'jsqr';
import { PNG } from 'pngjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TFunction } from 'i18next';
import { formatSerialNumber } from '../../shared/domain/registration-number';
import type { Language } from '../../shared/i18n/languages';
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
  primaryFontPaths,
  type DocumentHeader,
  type DocumentResult,
  type ProgramEntry,
  type ReceiptModel,
} from '../../electron/pdf/index';
import { A4, A4_LANDSCAPE, CARD } from '../../electron/pdf/page-style';
import { FONTS_DIR } from '../../scripts/copy-fonts';

/**
 * Every document, in both languages, checked the way a reader would: the text a PDF reader extracts
 * (pdftotext), the fonts it embeds (pdffonts), and the QR code read back from a rendering (pdftoppm,
 * jsQR). Page 1 of each is left in test-results/documents for a person to look at.
 */

const execFile = promisify(execFileCallback);
const ARTEFACTS = fileURLToPath(new URL('../../test-results/documents/', import.meta.url));
const cliEntry = fileURLToPath(new URL('../../electron/cli/main.ts', import.meta.url));

const RARE_NAME = '李𠮷祥';
/** Shaped like a signed payload (serial, kind, date, masked subject, signature), non-ASCII included. */
const payload = (serial: string) =>
  `RS1|${serial}|2026-05-01|李*|` + 'MEUCIQDx3k9f2Jq7Yw8n1V5cR0aL6pT4sH2uE9mB7vN3xZ1oKgIgFh8Qw2Ej5Lr9Ty4Ui7Op0As3Df6Gh1Jk4Lz7Xc0Vb2Nm'.repeat(2);

type Kind =
  | 'receipt'
  | 'receipt_thermal'
  | 'donor_card'
  | 'registration_certificate'
  | 'memorial_certificate'
  | 'honour_certificate'
  | 'attendance_certificate';

/** A part of a page in fractions of its size, x and y from the top left. */
interface Area {
  x: number;
  y: number;
  width: number;
  height: number;
}

interface Case {
  kind: Kind;
  /** The page that carries the QR code. */
  qrPage: number;
  /** The page size in points and the part of it with the QR code: only that is rendered to read it (quicker). */
  qrArea?: { page: { width: number; height: number }; area: Area };
  /** The title key in the documents namespace. */
  title: string;
  /** The text that carries the rare character. */
  name: string;
  /** The key of the closing words, when they are not the statement that a registration is an intent only. */
  closingWords?: string;
  build(header: DocumentHeader, t: TFunction, fonts: FontSet): Promise<DocumentResult>;
}

function programs(t: TFunction): ProgramEntry[] {
  return [
    { program: t('registration:program.organ'), registrationNumber: 'KMU01-2026-R000123', choices: t('registration:organScope.all') },
    { program: t('registration:program.stem_cell'), registrationNumber: 'KMU01-2026-R000124', choices: t('registration:bloodType.O-') },
  ];
}

function receipt(header: DocumentHeader, t: TFunction, personName = RARE_NAME): ReceiptModel {
  return {
    ...header,
    event: 'created',
    personName,
    documentKind: t('registration:documentKind.resident_id'),
    documentNumber: '53010219900101123X',
    programs: programs(t),
  };
}

const bottomRight: Area = { x: 0.55, y: 0.65, width: 0.45, height: 0.35 };

const cases: Case[] = [
  { kind: 'receipt', qrPage: 1, qrArea: { page: A4, area: bottomRight }, title: 'receipt.title', name: RARE_NAME, build: (h, t, f) => buildReceiptA4(receipt(h, t), f) },
  { kind: 'receipt_thermal', qrPage: 1, title: 'receipt.title', name: RARE_NAME, build: (h, t, f) => buildReceiptThermal(receipt(h, t), f) },
  {
    kind: 'donor_card',
    qrPage: 2,
    qrArea: { page: CARD, area: { x: 0.5, y: 0, width: 0.5, height: 0.7 } },
    title: 'donorCard.title',
    name: RARE_NAME,
    build: (h, t, f) => buildDonorCard({ ...h, personName: RARE_NAME, programs: programs(t) }, f),
  },
  {
    kind: 'registration_certificate',
    qrPage: 1,
    qrArea: { page: A4_LANDSCAPE, area: bottomRight },
    title: 'registrationCertificate.title',
    name: RARE_NAME,
    build: (h, t, f) => buildRegistrationCertificate({ ...h, personName: RARE_NAME, registeredOn: '2026-04-20', programs: programs(t) }, f),
  },
  {
    kind: 'memorial_certificate',
    qrPage: 1,
    qrArea: { page: A4_LANDSCAPE, area: bottomRight },
    title: 'memorialCertificate.title',
    name: RARE_NAME,
    closingWords: 'documents:memorialCertificate.closingWords',
    build: (h, t, f) => buildMemorialCertificate({ ...h, donorName: RARE_NAME, donationKind: t('registration:program.body'), donatedOn: '2026-03-02' }, f),
  },
  {
    kind: 'honour_certificate',
    qrPage: 1,
    qrArea: { page: A4_LANDSCAPE, area: bottomRight },
    title: 'honourCertificate.title',
    name: RARE_NAME,
    closingWords: 'documents:honourCertificate.closingWords',
    build: (h, t, f) => buildHonourCertificate({ ...h, donorName: RARE_NAME, donationKind: t('registration:program.organ'), donatedOn: '2026-03-02' }, f),
  },
  {
    kind: 'attendance_certificate',
    qrPage: 1,
    qrArea: { page: A4, area: bottomRight },
    title: 'attendanceCertificate.title',
    name: '𠮷祥中学',
    closingWords: 'documents:attendanceCertificate.closingWords',
    build: (h, _t, f) => buildAttendanceCertificate({ ...h, organisation: '𠮷祥中学', sessionTitle: '生命的接力', attendedOn: '2026-04-28', headCount: 42 }, f),
  },
];

const languages: Language[] = ['zh-CN', 'en'];

function header(kind: Kind, language: Language, index: number): DocumentHeader {
  const serial = formatSerialNumber('KMU01', 2026, kind === 'receipt_thermal' ? 'receipt' : kind, index + 1);
  return {
    language,
    stationName: language === 'en' ? 'Kunming Medical University Donation Station' : '昆明医科大学遗体捐献登记接收站',
    serial,
    issuedOn: '2026-05-01',
    qrPayload: payload(serial),
  };
}

/** Chinese text is compared without any whitespace (pdftotext spaces tracked titles); English with single spaces. */
function normalise(text: string, language: Language): string {
  return language === 'en' ? text.replace(/\s+/g, ' ') : text.replace(/\s+/g, '');
}

async function pdftotext(file: string): Promise<string> {
  return (await execFile('pdftotext', ['-enc', 'UTF-8', file, '-'])).stdout;
}

interface FontRow {
  name: string;
  embedded: boolean;
  subset: boolean;
}

async function pdffonts(file: string): Promise<FontRow[]> {
  const { stdout } = await execFile('pdffonts', [file]);
  return stdout
    .split('\n')
    .slice(2)
    .filter((line) => line.trim() !== '')
    .map((line) => {
      const match = /^(\S+)\s.*\s(yes|no)\s+(yes|no)\s+(yes|no)\s+\d+\s+\d+\s*$/.exec(line);
      if (!match) throw new Error(`unexpected pdffonts line: ${line}`);
      return { name: match[1]!, embedded: match[2] === 'yes', subset: match[3] === 'yes' };
    });
}

/** Renders one page, or the given area of it, to PNG; returns the file written. */
async function render(file: string, page: number, dpi: number, prefix: string, crop?: Case['qrArea']): Promise<string> {
  const options = ['-png', '-r', String(dpi), '-f', String(page), '-l', String(page), '-singlefile'];
  if (crop) {
    const pixels = (points: number) => String(Math.round((points * dpi) / 72));
    const { page: size, area } = crop;
    options.push('-gray', '-x', pixels(area.x * size.width), '-y', pixels(area.y * size.height));
    options.push('-W', pixels(area.width * size.width), '-H', pixels(area.height * size.height));
  }
  await execFile('pdftoppm', [...options, file, prefix]);
  return `${prefix}.png`;
}

function decodeQr(png: string): string | null {
  const image = PNG.sync.read(readFileSync(png));
  const code = jsQR(new Uint8ClampedArray(image.data.buffer, image.data.byteOffset, image.data.length), image.width, image.height, {
    inversionAttempts: 'dontInvert',
  });
  return code?.data ?? null;
}

let fonts: FontSet;
/** The high-resolution renderings the QR codes are read from: not worth keeping. */
let scratch: string;
const translators = new Map<Language, TFunction>();
const built = new Map<string, { header: DocumentHeader; result: DocumentResult; file: string }>();

beforeAll(async () => {
  mkdirSync(ARTEFACTS, { recursive: true });
  scratch = mkdtempSync(join(tmpdir(), 'relay-documents-'));
  fonts = await FontSet.load({ primary: primaryFontPaths(FONTS_DIR), fallback: DEBIAN_NOTO_CJK });
  for (const language of languages) translators.set(language, await createTranslator(language));
  for (const [index, testCase] of cases.entries()) {
    for (const language of languages) {
      const documentHeader = header(testCase.kind, language, index);
      const result = await testCase.build(documentHeader, translators.get(language)!, fonts);
      const file = join(ARTEFACTS, `${testCase.kind}-${language}.pdf`);
      writeFileSync(file, result.pdf);
      built.set(`${testCase.kind}-${language}`, { header: documentHeader, result, file });
    }
  }
});

afterAll(() => rmSync(scratch, { recursive: true, force: true }));

describe.each(cases)('$kind', (testCase) => {
  it.each(languages)('in %s: title, statement, serial and the rare name as text; embedded subsets; a QR code that reads back', async (language) => {
    const t = translators.get(language)!;
    const { header: documentHeader, result, file } = built.get(`${testCase.kind}-${language}`)!;
    expect(result.missing).toEqual([]);
    expect(result.pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');

    const prefix = join(ARTEFACTS, `${testCase.kind}-${language}`);
    const [text, fontRows, , qrPng] = await Promise.all([
      pdftotext(file),
      pdffonts(file),
      render(file, 1, 100, prefix),
      render(file, testCase.qrPage, 200, join(scratch, `${testCase.kind}-${language}`), testCase.qrArea),
    ]);

    const extracted = normalise(text, language);
    const closingWords = t(testCase.closingWords ?? 'registration:statement', { donor: testCase.name });
    for (const expected of [t(`documents:${testCase.title}`), closingWords, documentHeader.serial, testCase.name]) {
      expect(extracted, `${testCase.kind} ${language}: ${expected}`).toContain(normalise(expected, language));
    }

    expect(fontRows.length).toBeGreaterThan(0);
    for (const font of fontRows) {
      expect(font, font.name).toMatchObject({ embedded: true, subset: true });
      expect(font.name).toMatch(/^[A-Z]{6}\+/);
    }
    const names = fontRows.map((font) => font.name.slice(7));
    // The primary font draws the text, the fallback collection the extension-B character.
    expect(names.some((name) => name.startsWith('NotoSansSC-'))).toBe(true);
    expect(names.some((name) => name.startsWith('NotoSansCJKsc-'))).toBe(true);

    expect(decodeQr(qrPng)).toBe(documentHeader.qrPayload);
  });
});

describe('fonts and missing characters', () => {
  it('keeps an A4 receipt with a rare name under 80 KB, the fallback subset adding only a few KB', async () => {
    for (const language of languages) {
      const { header: documentHeader, result } = built.get(`receipt-${language}`)!;
      expect(result.pdf.length, language).toBeLessThan(80 * 1024);
      const common = await buildReceiptA4(receipt(documentHeader, translators.get(language)!, '王秀英'), fonts);
      expect(result.pdf.length - common.pdf.length, language).toBeLessThan(8 * 1024);
    }
  });

  it('reports a character no font has and draws a placeholder for it', async () => {
    const t = translators.get('zh-CN')!;
    const name = '王\u{10FFFD}明';
    const result = await buildReceiptA4(receipt(header('receipt', 'zh-CN', 90), t, name), fonts);
    expect(result.missing).toEqual(['U+10FFFD']);
    const file = join(ARTEFACTS, 'missing-character.pdf');
    writeFileSync(file, result.pdf);
    expect(normalise(await pdftotext(file), 'zh-CN')).toContain('王□明');
  });

  it('reports an extension-B character as missing when no fallback font is installed', async () => {
    const withoutFallback = await FontSet.load({ primary: primaryFontPaths(FONTS_DIR), fallback: null });
    const absent = await FontSet.load({
      primary: primaryFontPaths(FONTS_DIR),
      fallback: { regular: { path: join(ARTEFACTS, 'no-such-font.ttc') }, bold: { path: join(ARTEFACTS, 'no-such-font.ttc') } },
    });
    const t = translators.get('en')!;
    for (const set of [withoutFallback, absent]) {
      const result = await buildDonorCard({ ...header('donor_card', 'en', 91), personName: RARE_NAME, programs: programs(t) }, set);
      expect(result.missing).toEqual(['U+20BB7']);
    }
  });

  it('splits text into runs by the font that has each character', () => {
    expect(fonts.splitRuns('李𠮷祥 Li', 'regular')).toEqual([
      { role: 'primary', text: '李' },
      { role: 'fallback', text: '𠮷' },
      { role: 'primary', text: '祥 Li' },
    ]);
    expect(fonts.splitRuns('a\u{10FFFD}\u{10FFFD}b', 'bold')).toEqual([
      { role: 'primary', text: 'a' },
      { role: 'missing', text: '\u{10FFFD}\u{10FFFD}' },
      { role: 'primary', text: 'b' },
    ]);
  });

  it('wraps a long name without losing a character', async () => {
    const t = translators.get('en')!;
    const long = `${'Muhammadabdullahalrahmanibnsalim'.repeat(3)} ${RARE_NAME}`;
    const result = await buildDonorCard({ ...header('donor_card', 'en', 92), personName: long, programs: programs(t) }, fonts);
    const file = join(ARTEFACTS, 'long-name.pdf');
    writeFileSync(file, result.pdf);
    expect(normalise(await pdftotext(file), 'zh-CN')).toContain(long.replace(/\s+/g, ''));
  });
});

describe('print-sample', () => {
  it('writes the sample and prints one JSON line', () => {
    const out = join(ARTEFACTS, 'sample-receipt_thermal-en.pdf');
    const result = spawnSync(process.execPath, ['--import', 'tsx', cliEntry, 'print-sample', 'receipt_thermal', '--lang', 'en', '--out', out], {
      encoding: 'utf8',
      timeout: 20_000,
    });
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    const line = JSON.parse(result.stdout);
    expect(line).toEqual({ kind: 'receipt_thermal', out, bytes: readFileSync(out).length, missing: [] });
  });
});
