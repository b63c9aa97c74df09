import PDFDocument from 'pdfkit';
import type { TFunction } from 'i18next';
import { buildReceiptA4, DEBIAN_NOTO_CJK, FontSet, primaryFontPaths, type ReceiptModel } from '../electron/pdf/index';
import { A4, ACCENT, TINT } from '../electron/pdf/page-style';
import { createTranslator } from '../shared/i18n/translator';
import { copyFonts, FONTS_DIR } from '../scripts/copy-fonts';
import { interleave, latency, type Latency } from './registration';

/**
 * The A4 registration receipt end to end (model → PDF bytes: translated texts, layout with per-character
 * font choice, Noto Sans SC subset embedded, vector QR code) against the floor underneath it: the same
 * page drawn with pdfkit's built-in Helvetica (a standard-14 font, nothing embedded, Latin text only)
 * and no QR code, in the same run. A third side prints a name with an extension-B character, which
 * brings in a subset of the Noto Sans CJK fallback. Fonts are loaded once before measuring, as a
 * running station does; loading them, and the first documents after, are reported apart.
 */

export interface ReceiptBenchOptions {
  /** Timed receipts per side. */
  samples: number;
  /** Untimed receipts per side first. */
  warmup: number;
}

export interface ReceiptSide {
  latency: Latency;
  bytes: number;
}

export interface ReceiptBenchResult {
  oneTime: {
    /** Reading and parsing the primary fonts (regular and bold). */
    primaryLoadMs: number;
    /** The first receipt after loading: fontkit parses its tables lazily, the code is not yet optimised. */
    firstReceiptMs: number;
    /** Reading the fallback collections, on the first character that needs them (regular, bold). */
    fallbackLoadMs: { regular: number; bold: number };
  };
  receipt: ReceiptSide;
  rareName: ReceiptSide;
  baseline: ReceiptSide;
}

const PAYLOAD = `RS1|KMU01-2026-RCP-000123|2026-05-01|王*|${'MEUCIQDx3k9f2Jq7Yw8n1V5cR0aL6pT4sH2uE9mB7vN3xZ1oKgIgFh8Qw2E'.repeat(2)}`;

function receiptModel(t: TFunction, personName: string): ReceiptModel {
  return {
    language: 'zh-CN',
    stationName: '昆明医科大学遗体捐献登记接收站',
    serial: 'KMU01-2026-RCP-000123',
    issuedOn: '2026-05-01',
    qrPayload: PAYLOAD,
    event: 'created',
    personName,
    documentKind: t('registration:documentKind.resident_id'),
    documentNumber: '53010219900101123X',
    programs: [
      { program: t('registration:program.organ'), registrationNumber: 'KMU01-2026-R000123', choices: t('registration:organScope.all') },
      { program: t('registration:program.cornea'), registrationNumber: 'KMU01-2026-R000124', choices: '' },
      { program: t('registration:program.stem_cell'), registrationNumber: 'KMU01-2026-R000125', choices: t('registration:bloodType.A+') },
    ],
  };
}

/** The baseline: the receipt's page (frame, title, rows, table, statement box, footer) in Helvetica, no QR code. */
function helveticaReceipt(t: TFunction): Promise<Buffer> {
  const doc = new PDFDocument({ size: [A4.width, A4.height], margin: 0 });
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve) => doc.on('end', () => resolve(Buffer.concat(chunks))));
  const margin = 64;
  const width = A4.width - 2 * margin;
  doc.lineWidth(1.6).strokeColor(ACCENT).rect(28, 28, A4.width - 56, A4.height - 56).stroke();
  doc.lineWidth(0.5).rect(33, 33, A4.width - 66, A4.height - 66).stroke();
  doc.font('Helvetica-Bold').fontSize(13).fillColor(ACCENT).text('Kunming Medical University Donation Station', margin, 66, { width, align: 'center' });
  doc.fontSize(26).fillColor('#1a1a1a').text(t('documents:receipt.title'), { width, align: 'center' });
  doc.moveTo(margin, doc.y + 8).lineTo(margin + width, doc.y + 8).stroke();
  let y = doc.y + 26;
  const rows: Array<[string, string]> = [
    [t('documents:label.event'), t('documents:receipt.event.created')],
    [t('documents:label.name'), 'Wang Xiuying'],
    [t('documents:label.document'), `${t('registration:documentKind.resident_id')} 530102********123X`],
  ];
  for (const [label, value] of rows) {
    doc.font('Helvetica').fontSize(11).fillColor('#5b5b5b').text(label, margin, y, { width: 110 });
    doc.fontSize(12).fillColor('#1a1a1a').text(value, margin + 110, y, { width: width - 110 });
    y = doc.y + 6;
  }
  y += 14;
  doc.font('Helvetica-Bold').fontSize(12).fillColor(ACCENT).text(t('documents:label.programs'), margin, y);
  y = doc.y + 6;
  const table = [
    [t('documents:label.program'), t('documents:label.registrationNumber'), t('documents:label.choices')],
    [t('registration:program.organ'), 'KMU01-2026-R000123', t('registration:organScope.all')],
    [t('registration:program.cornea'), 'KMU01-2026-R000124', '-'],
    [t('registration:program.stem_cell'), 'KMU01-2026-R000125', t('registration:bloodType.A+')],
  ];
  for (const [index, cells] of table.entries()) {
    doc.font(index === 0 ? 'Helvetica-Bold' : 'Helvetica').fontSize(index === 0 ? 10 : 11).fillColor('#1a1a1a');
    cells.forEach((cell, column) => doc.text(cell, margin + column * (width / 3), y + 6, { width: width / 3 - 6 }));
    y += 30;
    doc.lineWidth(0.6).strokeColor('#c9d6cf').moveTo(margin, y).lineTo(margin + width, y).stroke();
  }
  y += 22;
  doc.rect(margin, y, width, 54).fill(TINT).rect(margin, y, 3, 54).fill(ACCENT);
  doc.font('Helvetica').fontSize(11.5).fillColor('#1a1a1a').text(t('registration:statement'), margin + 17, y + 14, { width: width - 31 });
  doc.fontSize(9.5).fillColor('#5b5b5b').text(t('documents:receipt.keep'), margin, y + 66, { width });
  doc.fontSize(10).text(t('documents:serial', { serial: 'KMU01-2026-RCP-000123' }), margin, A4.height - 84);
  doc.text(t('documents:issuedOn', { date: '1 May 2026' }), margin, A4.height - 70);
  doc.end();
  return done;
}

function elapsedMs(started: bigint): number {
  return Number(process.hrtime.bigint() - started) / 1e6;
}

export async function benchReceipt(options: ReceiptBenchOptions): Promise<ReceiptBenchResult> {
  copyFonts();
  const zh = await createTranslator('zh-CN');
  const en = await createTranslator('en');

  let started = process.hrtime.bigint();
  const fonts = await FontSet.load({ primary: primaryFontPaths(FONTS_DIR), fallback: DEBIAN_NOTO_CJK });
  const primaryLoadMs = elapsedMs(started);
  started = process.hrtime.bigint();
  await buildReceiptA4(receiptModel(zh, '王秀英'), fonts);
  const firstReceiptMs = elapsedMs(started);
  const fallbackLoadMs = { regular: 0, bold: 0 };
  for (const weight of ['regular', 'bold'] as const) {
    started = process.hrtime.bigint();
    fonts.splitRuns('𠮷', weight);
    fallbackLoadMs[weight] = elapsedMs(started);
  }

  const bytes = [0, 0, 0];
  const sides = [
    async () => (bytes[0] = (await buildReceiptA4(receiptModel(zh, '王秀英'), fonts)).pdf.length),
    async () => (bytes[1] = (await buildReceiptA4(receiptModel(zh, '李𠮷祥'), fonts)).pdf.length),
    async () => (bytes[2] = (await helveticaReceipt(en)).length),
  ];
  const timings = await interleave(sides, options.samples, options.warmup);
  const side = (index: number): ReceiptSide => ({ latency: latency(timings[index]!), bytes: bytes[index]! });
  return {
    oneTime: { primaryLoadMs, firstReceiptMs, fallbackLoadMs },
    receipt: side(0),
    rareName: side(1),
    baseline: side(2),
  };
}
