import { printModes, type PrintMode, type PrintRequest } from '../../shared/contract/transport';

/**
 * The decisions of the desktop shell's printing that need no Electron: which requests from the
 * renderer are accepted and how a PDF is printed. `electron/main.ts` only applies them.
 */

/** The station's own documents stay far below this; anything larger is not one of them. */
export const MAX_PRINT_BYTES = 20 * 1024 * 1024;

/** Serial numbers and the like: no path separators, so a name can never leave the folder it is written to. */
const SAFE_FILE_NAME = /^[A-Za-z0-9][A-Za-z0-9._-]{0,99}\.pdf$/;

export interface AcceptedPrint {
  mode: PrintMode;
  fileName: string;
  pdf: Buffer;
}

/** The request as the renderer sent it, or null when it is not a PDF of the station's own making. */
export function acceptPrintRequest(raw: unknown): AcceptedPrint | null {
  if (typeof raw !== 'object' || raw === null) return null;
  const { mode, fileName, contentBase64 } = raw as Partial<Record<keyof PrintRequest, unknown>>;
  if (typeof mode !== 'string' || !(printModes as readonly string[]).includes(mode)) return null;
  if (typeof fileName !== 'string' || !SAFE_FILE_NAME.test(fileName)) return null;
  if (typeof contentBase64 !== 'string' || contentBase64.length > (MAX_PRINT_BYTES * 4) / 3 + 4) return null;
  const pdf = Buffer.from(contentBase64, 'base64');
  if (pdf.subarray(0, 5).toString('latin1') !== '%PDF-') return null;
  return { mode: mode as PrintMode, fileName, pdf };
}

/** What Electron's `webContents.print` is given. */
export interface PrintOptions {
  silent: boolean;
  printBackground: boolean;
  deviceName?: string;
}

/**
 * Silent printing goes to the configured receipt printer; without one, the person gets the system
 * dialog instead, so that a receipt is never sent to whichever printer happens to be the default.
 */
export function printOptions(mode: Exclude<PrintMode, 'save'>, receiptPrinter: string | null): PrintOptions {
  if (mode === 'silent' && receiptPrinter !== null) return { silent: true, printBackground: true, deviceName: receiptPrinter };
  return { silent: false, printBackground: true };
}
