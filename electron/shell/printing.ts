import { z } from 'zod';
import { printModes, printSources, type PrintOutcome, type PrintRequest, type PrintSource } from '../../shared/contract/transport';
import { documentPdfInput } from '../../shared/validation/documents';

/**
 * The decisions of the desktop shell's printing that need no Electron: which requests from the
 * renderer are accepted and what a print job's end means. `electron/main.ts` only applies them.
 */

/** The station's own documents stay far below this; anything larger is not one of them. */
export const MAX_PRINT_BYTES = 20 * 1024 * 1024;

/**
 * Exactly a document's id, the kind of print and the mode: an unknown key is refused rather than
 * ignored, so a page that still sends PDF bytes (or anything else) learns that it cannot.
 */
const printRequest = z.strictObject({
  source: z.enum(Object.keys(printSources) as [PrintSource, ...PrintSource[]]),
  documentId: documentPdfInput.shape.documentId,
  mode: z.enum(printModes),
});

/** The request as the renderer sent it, or null when it is anything but "print document X". */
export function acceptPrintRequest(raw: unknown): PrintRequest | null {
  const parsed = printRequest.safeParse(raw);
  return parsed.success ? parsed.data : null;
}

/** Whether rendered bytes are a PDF the station could have made, before they reach a printer or a file. */
export function isStationPdf(pdf: Buffer): boolean {
  return pdf.length <= MAX_PRINT_BYTES && pdf.subarray(0, 5).toString('latin1') === '%PDF-';
}

/** Electron reports a dialog closed without printing as "Print job canceled" (its spelling). */
const CANCELLED_REASON = /cancel/i;

/** The outcome of `webContents.print`'s callback. */
export function printOutcome(success: boolean, failureReason: string): PrintOutcome {
  if (success) return 'printed';
  return CANCELLED_REASON.test(failureReason) ? 'cancelled' : 'failed';
}
