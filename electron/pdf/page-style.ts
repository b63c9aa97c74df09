import type { Language } from '../../shared/i18n/languages';
import type { Canvas, DrawStyle } from './canvas';

/**
 * What makes the documents look like one station's official papers: page sizes, the colours, the
 * double frame, spaced-out Chinese titles and the footer with serial number, date and QR code.
 */

/** Points per millimetre (PDF units are 1/72 inch). */
export const MM = 72 / 25.4;

export const A4 = { width: 595.28, height: 841.89 } as const;
export const A4_LANDSCAPE = { width: A4.height, height: A4.width } as const;
/** An ID-1 card (ISO/IEC 7810), the size of a bank card: 85.6 × 54 mm. */
export const CARD = { width: 85.6 * MM, height: 54 * MM } as const;
/** 80 mm thermal paper; the page is as long as its content. */
export const THERMAL_WIDTH = 80 * MM;

/** Deep green, the colour of the donation ribbon; dark enough to print well in grey. */
export const ACCENT = '#1d5c45';
export const MUTED = '#5b5b5b';
export const TINT = '#eef4f0';

/**
 * Chinese titles are set with space between the characters, as official certificates are; English
 * titles are not (letter-spaced English reads as a mistake).
 */
export function titleTracking(language: Language, size: number): number {
  return language === 'en' ? 0 : size * 0.3;
}

/**
 * The style of a one-line text (a title, a name) made smaller, down to `minSize`, until it fits the
 * width; tracking shrinks with it. Below `minSize` the text wraps instead of turning unreadable.
 */
export function fitToWidth(canvas: Canvas, text: string, width: number, style: DrawStyle, minSize: number): DrawStyle {
  const measured = canvas.widthOf(text, style);
  if (measured <= width) return style;
  const scale = Math.max(minSize / style.size, (width / measured) * 0.98);
  return { ...style, size: style.size * scale, tracking: style.tracking === undefined ? undefined : style.tracking * scale };
}

/** A Chinese paragraph starts two full-width spaces in; an English one does not. */
export function paragraphIndent(language: Language): string {
  return language === 'en' ? '' : '\u3000\u3000';
}

/** A heavy outer rule and a fine inner one, with small corner marks: the frame of a certificate. */
export function drawFrame(canvas: Canvas, width: number, height: number, inset: number, weight = 1.6): void {
  const { doc } = canvas;
  const inner = inset + weight * 3;
  doc.save().strokeColor(ACCENT);
  doc.lineWidth(weight).rect(inset, inset, width - 2 * inset, height - 2 * inset).stroke();
  doc.lineWidth(weight / 3).rect(inner, inner, width - 2 * inner, height - 2 * inner).stroke();
  const mark = inset * 0.6;
  const corners: Array<[number, number, number, number]> = [
    [inner, inner, 1, 1],
    [width - inner, inner, -1, 1],
    [inner, height - inner, 1, -1],
    [width - inner, height - inner, -1, -1],
  ];
  doc.lineWidth(weight / 2);
  for (const [x, y, dx, dy] of corners) {
    const offset = weight * 2;
    doc.moveTo(x + dx * offset, y + dy * (offset + mark)).lineTo(x + dx * offset, y + dy * offset).lineTo(x + dx * (offset + mark), y + dy * offset).stroke();
  }
  doc.restore();
}

export interface FooterTexts {
  serial: string;
  issuedOn: string;
  verify: string;
}

/**
 * The footer every A4 document shares: serial number and date at the bottom left, the QR code in the
 * bottom-right corner with its caption under it. Returns the top of the footer, where the body must end.
 */
export function drawFooter(
  canvas: Canvas,
  area: { left: number; right: number; bottom: number },
  texts: FooterTexts,
  qrPayload: string,
  qrSize: number,
): number {
  const caption: DrawStyle = { size: 8, weight: 'regular', color: MUTED, align: 'center', leading: 1.3 };
  const captionHeight = canvas.measure(texts.verify, qrSize, caption);
  const qrTop = area.bottom - captionHeight - qrSize;
  const qrLeft = area.right - qrSize;
  canvas.qr(qrPayload, qrLeft, qrTop, qrSize);
  canvas.text(texts.verify, { x: qrLeft, y: area.bottom - captionHeight, width: qrSize }, caption);

  const line: DrawStyle = { size: 10, weight: 'regular', color: MUTED, leading: 1.4 };
  const textWidth = qrLeft - area.left - 12;
  const lines = [texts.serial, texts.issuedOn];
  const height = lines.reduce((total, text) => total + canvas.measure(text, textWidth, line), 0);
  let y = area.bottom - height;
  for (const text of lines) y += canvas.text(text, { x: area.left, y, width: textWidth }, line);
  return qrTop;
}
