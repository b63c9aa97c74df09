import type { TFunction } from 'i18next';
import { maskDocumentNumber } from '../../shared/domain/masking';
import { Canvas, type DocumentResult, type DrawStyle } from './canvas';
import type { FontSet } from './fonts';
import { Flow } from './flow';
import type { ReceiptModel } from './models';
import { A4, ACCENT, drawFooter, drawFrame, fitToWidth, MM, MUTED, THERMAL_WIDTH, TINT, titleTracking } from './page-style';
import { documentTranslator, formatDocumentDate, joinList } from './texts';

/**
 * The registration receipt, handed over after every registration, amendment and withdrawal: on A4
 * from an office printer, or on an 80 mm roll from a kiosk's thermal printer (as long as it needs).
 */

interface ReceiptTexts {
  station: string;
  title: string;
  rows: Array<[label: string, value: string]>;
  programsHeading: string;
  programLabel: string;
  numberLabel: string;
  choicesLabel: string;
  statement: string;
  keep: string;
  serial: string;
  issuedOn: string;
  verify: string;
  /** `选择：全部器官`, `Choices: All organs`. */
  pair(label: string, value: string): string;
}

function receiptTexts(model: ReceiptModel, t: TFunction): ReceiptTexts {
  const date = formatDocumentDate(model.issuedOn, model.language);
  const rows: ReceiptTexts['rows'] = [
    [t('documents:label.event'), t(`documents:receipt.event.${model.event}`)],
    [t('documents:label.name'), model.personName],
    [t('documents:label.document'), `${model.documentKind} ${maskDocumentNumber(model.documentNumber)}`],
  ];
  const common = {
    station: model.stationName,
    title: t('documents:receipt.title'),
    programLabel: t('documents:label.program'),
    numberLabel: t('documents:label.registrationNumber'),
    choicesLabel: t('documents:label.choices'),
    serial: t('documents:serial', { serial: model.serial }),
    issuedOn: t('documents:issuedOn', { date }),
    verify: t('documents:verify'),
    pair: (label: string, value: string) => t('documents:pair', { label, value }),
  };
  if (model.event === 'withdrawn') {
    // A withdrawal receipt attests that the registration ended: what ended and when, not how to change it.
    const withdrawnOn = formatDocumentDate(model.withdrawnOn ?? model.issuedOn, model.language);
    return {
      ...common,
      rows: [...rows, [t('documents:label.withdrawnOn'), withdrawnOn]],
      programsHeading: t('documents:receipt.withdrawal.programs'),
      statement: t('documents:receipt.withdrawal.statement', {
        programs: joinList(
          model.programs.map((entry) => entry.program),
          model.language,
        ),
        numbers: joinList(
          model.programs.map((entry) => entry.registrationNumber),
          model.language,
        ),
        date: withdrawnOn,
      }),
      keep: t('documents:receipt.withdrawal.keep'),
    };
  }
  return {
    ...common,
    rows,
    programsHeading: t('documents:label.programs'),
    statement: t('registration:statement'),
    keep: t('documents:receipt.keep'),
  };
}

function openCanvas(model: ReceiptModel, fonts: FontSet, texts: ReceiptTexts, t: TFunction): Canvas {
  return new Canvas(fonts, {
    language: model.language,
    title: `${texts.title} ${model.serial}`,
    author: model.stationName,
    subject: t('documents:receipt.subject'),
  });
}

/** The A4 receipt: framed, programs in a table, the statement in a tinted box, QR in the corner. */
export async function buildReceiptA4(model: ReceiptModel, fonts: FontSet): Promise<DocumentResult> {
  const t = await documentTranslator(model.language);
  const texts = receiptTexts(model, t);
  const canvas = openCanvas(model, fonts, texts, t);
  canvas.addPage(A4.width, A4.height);
  drawFrame(canvas, A4.width, A4.height, 28);

  const margin = 64;
  const flow = new Flow(canvas, margin, 66, A4.width - 2 * margin, true);
  const center: DrawStyle = { size: 13, weight: 'bold', color: ACCENT, align: 'center' };
  flow.text(texts.station, center).gap(4);
  const title: DrawStyle = { size: 26, weight: 'bold', align: 'center', tracking: titleTracking(model.language, 26) };
  flow.text(texts.title, fitToWidth(canvas, texts.title, flow.width, title, 18)).gap(10);
  flow.rule(ACCENT, 1).gap(18);

  const label: DrawStyle = { size: 11, weight: 'regular', color: MUTED };
  const value: DrawStyle = { size: 12, weight: 'regular' };
  const labelWidth = Math.max(...texts.rows.map(([text]) => canvas.widthOf(text, label))) + 18;
  for (const [index, [rowLabel, rowValue]] of texts.rows.entries()) {
    flow.row(rowLabel, rowValue, labelWidth, label, index === 1 ? { ...value, size: 14, weight: 'bold' } : value).gap(6);
  }
  flow.gap(14);
  flow.text(texts.programsHeading, { size: 12, weight: 'bold', color: ACCENT }).gap(6);
  programTable(flow, model, texts);
  flow.gap(22);
  statementBox(flow, texts.statement, { size: 11.5, weight: 'regular', leading: 1.6 }, 14);
  flow.gap(12);
  flow.text(texts.keep, { size: 9.5, weight: 'regular', color: MUTED });

  drawFooter(canvas, { left: margin, right: A4.width - margin, bottom: A4.height - 56 }, texts, model.qrPayload, 92);
  return canvas.finish();
}

/** Programs as a table: program, registration number, choices; a fine rule under each row. */
function programTable(flow: Flow, model: ReceiptModel, texts: ReceiptTexts): void {
  const { canvas } = flow;
  const header: DrawStyle = { size: 10, weight: 'bold', color: MUTED };
  const cell: DrawStyle = { size: 11, weight: 'regular' };
  const columns = [0.3, 0.34, 0.36].map((share) => share * flow.width);
  const lefts = columns.map((_, index) => flow.x + columns.slice(0, index).reduce((a, b) => a + b, 0));
  const row = (cells: string[], style: DrawStyle) => {
    const pad = 6;
    const heights = cells.map((text, index) => canvas.measure(text, columns[index]! - pad, style));
    const height = Math.max(...heights) + 2 * pad;
    flow.block(height, (top) => {
      cells.forEach((text, index) => canvas.text(text, { x: lefts[index]!, y: top + pad, width: columns[index]! - pad }, style));
    });
    flow.rule('#c9d6cf', 0.6);
  };
  flow.rule(ACCENT, 0.8);
  row([texts.programLabel, texts.numberLabel, texts.choicesLabel], header);
  for (const entry of model.programs) row([entry.program, entry.registrationNumber, entry.choices || '—'], cell);
}

/**
 * The statement, set apart in a tinted box: that a registration is no guarantee of donation and brings
 * no reward, or, on a withdrawal receipt, what was withdrawn and when.
 */
function statementBox(flow: Flow, statement: string, style: DrawStyle, pad: number): void {
  const { canvas } = flow;
  const height = canvas.measure(statement, flow.width - 2 * pad - 3, style) + 2 * pad;
  flow.block(height, (top) => {
    canvas.doc.save().rect(flow.x, top, flow.width, height).fill(TINT).rect(flow.x, top, 3, height).fill(ACCENT).restore();
    canvas.text(statement, { x: flow.x + pad + 3, y: top + pad, width: flow.width - 2 * pad - 3 }, style);
  });
}

/**
 * The thermal receipt: the same content in one narrow column, black only (thermal printers have no
 * colour), the QR code centred. Its content is laid out twice, once to measure the page, once to draw.
 */
export async function buildReceiptThermal(model: ReceiptModel, fonts: FontSet): Promise<DocumentResult> {
  const t = await documentTranslator(model.language);
  const texts = receiptTexts(model, t);
  const canvas = openCanvas(model, fonts, texts, t);
  const margin = 4 * MM;
  const top = 6 * MM;
  const bottom = 10 * MM;
  const content = (drawing: boolean) => {
    const flow = new Flow(canvas, margin, top, THERMAL_WIDTH - 2 * margin, drawing);
    thermalContent(flow, model, texts);
    return flow.y;
  };
  const height = content(false) + bottom;
  canvas.addPage(THERMAL_WIDTH, height);
  content(true);
  return canvas.finish();
}

function thermalContent(flow: Flow, model: ReceiptModel, texts: ReceiptTexts): void {
  const ink = '#000000';
  const center = (size: number, weight: 'regular' | 'bold'): DrawStyle => ({ size, weight, color: ink, align: 'center' });
  flow.text(texts.station, center(9.5, 'bold')).gap(2);
  const title: DrawStyle = { ...center(15, 'bold'), tracking: titleTracking(model.language, 15) };
  flow.text(texts.title, fitToWidth(flow.canvas, texts.title, flow.width, title, 11)).gap(6);
  flow.rule(ink, 0.6, 2).gap(6);

  const label: DrawStyle = { size: 8.5, weight: 'regular', color: ink };
  const value: DrawStyle = { size: 9, weight: 'regular', color: ink };
  const labelWidth = Math.max(...texts.rows.map(([text]) => flow.canvas.widthOf(text, label))) + 8;
  for (const [index, [rowLabel, rowValue]] of texts.rows.entries()) {
    flow.row(rowLabel, rowValue, labelWidth, label, index === 1 ? { ...value, size: 10.5, weight: 'bold' } : value).gap(2);
  }
  flow.gap(4).rule(ink, 0.6, 2).gap(6);
  flow.text(texts.programsHeading, { size: 9, weight: 'bold', color: ink }).gap(2);
  for (const entry of model.programs) {
    flow.text(entry.program, { size: 9, weight: 'bold', color: ink });
    flow.text(texts.pair(texts.numberLabel, entry.registrationNumber), value, 8);
    if (entry.choices) flow.text(texts.pair(texts.choicesLabel, entry.choices), value, 8);
    flow.gap(3);
  }
  flow.gap(2).rule(ink, 0.6, 2).gap(6);
  flow.text(texts.statement, { size: 8.5, weight: 'bold', color: ink, leading: 1.45 }).gap(4);
  flow.text(texts.keep, { size: 7.5, weight: 'regular', color: ink, leading: 1.4 }).gap(8);

  const qrSize = 36 * MM;
  flow.block(qrSize, (y) => flow.canvas.qr(model.qrPayload, flow.x + (flow.width - qrSize) / 2, y, qrSize));
  flow.text(texts.verify, center(7.5, 'regular')).gap(4);
  flow.text(texts.serial, center(8.5, 'regular'));
  flow.text(texts.issuedOn, center(8.5, 'regular'));
}
