import QRCode from 'qrcode';

/**
 * The verification QR code, drawn as vector squares: sharp at any printer resolution and a few hundred
 * bytes, where an embedded image would be blurred or large. Error correction M (15 %) survives a
 * crease or a smudge on a receipt and keeps the symbol small enough for a card.
 */

/** White modules around the symbol that a scanner needs to find it (ISO/IEC 18004 asks for 4). */
export const QUIET_ZONE_MODULES = 4;

/** The minimal drawing surface the QR code needs (a pdfkit document is one). */
export interface QrSurface {
  save(): this;
  restore(): this;
  rect(x: number, y: number, w: number, h: number): this;
  fill(color?: string): this;
}

/**
 * Draws the payload's symbol in a square of `size` points at (x, y), quiet zone included and painted
 * white, so the code scans on a tinted background too. Each row's runs of dark modules become one
 * rectangle, all filled in one path: fewer operators, and no hairline seams between modules.
 */
export function drawQrCode(surface: QrSurface, payload: string, x: number, y: number, size: number): void {
  const { modules } = QRCode.create(payload, { errorCorrectionLevel: 'M' });
  const count = modules.size;
  const module = size / (count + 2 * QUIET_ZONE_MODULES);
  const origin = QUIET_ZONE_MODULES * module;
  surface.save();
  surface.rect(x, y, size, size).fill('#ffffff');
  for (let row = 0; row < count; row++) {
    let column = 0;
    while (column < count) {
      if (!modules.get(row, column)) {
        column++;
        continue;
      }
      const start = column;
      while (column < count && modules.get(row, column)) column++;
      surface.rect(x + origin + start * module, y + origin + row * module, (column - start) * module, module);
    }
  }
  surface.fill('#000000');
  surface.restore();
}
