import { PNG } from 'pngjs';
import { hasEnoughInk } from '../../shared/domain/signature-ink';
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

/** `path` names the image in the call's input, for the rare image that passes the schema but is no PNG. */
export function assertEnoughInk(dataUrl: string, path: string): void {
  const bytes = Buffer.from(dataUrl.startsWith(DATA_URL_PREFIX) ? dataUrl.slice(DATA_URL_PREFIX.length) : '', 'base64');
  const image = decodeSignature(bytes);
  if (image === null) throw new AppError('validation_failed', 'invalid input', [{ path, reason: 'signature_invalid' }]);
  if (!hasEnoughInk(image)) throw new AppError('signature_too_little');
}

/** The decoded RGBA image, or null when the bytes are not a PNG of a signature's size. */
function decodeSignature(bytes: Buffer): PNG | null {
  // The IHDR chunk comes first: 8 bytes of signature, 8 of chunk length and type, then width and height.
  if (bytes.length < 24 || bytes.toString('latin1', 12, 16) !== 'IHDR') return null;
  const width = bytes.readUInt32BE(16);
  const height = bytes.readUInt32BE(20);
  if (width === 0 || height === 0 || width > MAX_SIGNATURE_SIDE || height > MAX_SIGNATURE_SIDE || width * height > MAX_SIGNATURE_PIXELS) return null;
  try {
    return PNG.sync.read(bytes);
  } catch {
    return null;
  }
}
