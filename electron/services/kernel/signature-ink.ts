import { inflateSync } from 'node:zlib';
import { PNG } from 'pngjs';
import { hasEnoughInk, type RgbaImage } from '../../../shared/domain/signature-ink';
import { AppError } from './errors';

/**
 * The station's own check of a drawn signature (the pad checks too, but a client can be bypassed): the
 * PNG is decoded and refused with `signature_too_little` when its ink is a tap or a dash rather than a
 * name (shared/domain/signature-ink.ts says how ink is measured), or `validation_failed` when it is not
 * a PNG at all. The data URL's form and length are checked by the schema before this runs.
 *
 * The image's declared size is read from its header before anything is inflated: a small file may claim
 * a huge image (a decompression bomb), and no signature pad is larger than this.
 */
const MAX_SIGNATURE_SIDE = 4096;
const MAX_SIGNATURE_PIXELS = 4096 * 2048;
const DATA_URL_PREFIX = 'data:image/png;base64,';
/** The PNG colour type of 8-bit red, green, blue and alpha: what a canvas writes. */
const RGBA = 6;

/** `path` names the image in the call's input, for the rare image that passes the schema but is no PNG. */
export function assertEnoughInk(dataUrl: string, path: string): void {
  const bytes = Buffer.from(dataUrl.startsWith(DATA_URL_PREFIX) ? dataUrl.slice(DATA_URL_PREFIX.length) : '', 'base64');
  const image = decodeSignature(bytes);
  if (image === null) throw new AppError('validation_failed', 'invalid input', [{ path, reason: 'signature_invalid' }]);
  if (!hasEnoughInk(image)) throw new AppError('signature_too_little');
}

/** The decoded RGBA image, or null when the bytes are not a PNG of a signature's size. */
export function decodeSignature(bytes: Buffer): RgbaImage | null {
  // The IHDR chunk comes first: 8 bytes of signature, 8 of chunk length and type, then width and height.
  if (bytes.length < 24 || bytes.toString('latin1', 12, 16) !== 'IHDR') return null;
  const width = bytes.readUInt32BE(16);
  const height = bytes.readUInt32BE(20);
  if (width === 0 || height === 0 || width > MAX_SIGNATURE_SIDE || height > MAX_SIGNATURE_SIDE || width * height > MAX_SIGNATURE_PIXELS) return null;
  try {
    return decodeCanvasPng(bytes, width, height) ?? PNG.sync.read(bytes);
  } catch {
    return null;
  }
}

/**
 * The common case read directly: 8-bit RGBA without interlacing, which is what every signature pad's canvas
 * writes. pngjs takes about 2 ms for a 600×200 pad, most of a registration's time; this takes a fraction of
 * that (one native inflate, bounded to the image's size, and the five row filters). Any other form of PNG
 * answers undefined and goes to pngjs.
 */
export function decodeCanvasPng(bytes: Buffer, width: number, height: number): RgbaImage | undefined {
  const bitDepth = bytes[24];
  const colourType = bytes[25];
  const interlace = bytes[28];
  if (bitDepth !== 8 || colourType !== RGBA || interlace !== 0) return undefined;
  const compressed: Buffer[] = [];
  for (let at = 8; at + 8 <= bytes.length; ) {
    const length = bytes.readUInt32BE(at);
    const type = bytes.toString('latin1', at + 4, at + 8);
    if (type === 'IDAT') compressed.push(bytes.subarray(at + 8, at + 8 + length));
    if (type === 'IEND') break;
    at += 12 + length;
  }
  const stride = width * 4;
  const raw = inflateSync(Buffer.concat(compressed), { maxOutputLength: height * (stride + 1) });
  if (raw.length !== height * (stride + 1)) return undefined;
  const data = new Uint8Array(height * stride);
  for (let y = 0; y < height; y += 1) {
    const filter = raw[y * (stride + 1)]!;
    if (filter > 4) return undefined;
    unfilterRow(filter, raw.subarray(y * (stride + 1) + 1, (y + 1) * (stride + 1)), data.subarray(y * stride, (y + 1) * stride), y > 0 ? data.subarray((y - 1) * stride, y * stride) : null);
  }
  return { width, height, data };
}

/** Undoes one row's filter (PNG §9.2) into `out`, from the row above (`above`, null on the first row). */
function unfilterRow(filter: number, line: Uint8Array, out: Uint8Array, above: Uint8Array | null): void {
  const length = line.length;
  if (filter === 0 || (filter === 2 && above === null)) {
    out.set(line);
  } else if (filter === 1 || (filter === 3 && above === null) || (filter === 4 && above === null)) {
    // Without a row above, average and Paeth reduce to "left" (average halves it).
    const halve = filter === 3;
    for (let x = 0; x < length; x += 1) {
      const left = x >= 4 ? out[x - 4]! : 0;
      out[x] = (line[x]! + (halve ? left >> 1 : left)) & 0xff;
    }
  } else if (filter === 2) {
    for (let x = 0; x < length; x += 1) out[x] = (line[x]! + above![x]!) & 0xff;
  } else if (filter === 3) {
    for (let x = 0; x < length; x += 1) out[x] = (line[x]! + (((x >= 4 ? out[x - 4]! : 0) + above![x]!) >> 1)) & 0xff;
  } else {
    for (let x = 0; x < length; x += 1) {
      const left = x >= 4 ? out[x - 4]! : 0;
      const aboveLeft = x >= 4 ? above![x - 4]! : 0;
      out[x] = (line[x]! + paeth(left, above![x]!, aboveLeft)) & 0xff;
    }
  }
}

function paeth(left: number, above: number, aboveLeft: number): number {
  const estimate = left + above - aboveLeft;
  const toLeft = Math.abs(estimate - left);
  const toAbove = Math.abs(estimate - above);
  const toAboveLeft = Math.abs(estimate - aboveLeft);
  if (toLeft <= toAbove && toLeft <= toAboveLeft) return left;
  return toAbove <= toAboveLeft ? above : aboveLeft;
}
