import { printSources, type PrintedDocument, type PrintOutcome, type PrintSource, type StationPrinter } from '../../shared/contract/transport';
import { ApiError, call, resultData } from './client';
import { blobUrl, saveDownload, type StationFile } from './files';
import { whileWorking } from './work-in-progress';

declare global {
  interface Window {
    /** Present in the desktop app, put there by the preload. */
    stationPrinter?: StationPrinter;
  }
}

/** `print`: with the system dialog; `silent`: on the configured receipt printer, without one; `save`: to a file. */
export type PdfAction = 'print' | 'silent' | 'save';

/** Opens the PDF in a new tab, whose viewer prints it, or saves it as a download. */
function presentInBrowser(pdf: StationFile, action: PdfAction): PrintOutcome {
  if (action !== 'save' && window.open(blobUrl(pdf), '_blank')) return 'opened';
  // Saved when asked, and when a blocked pop-up would otherwise lose the print.
  saveDownload(pdf);
  return 'saved';
}

/**
 * Prints or saves one document; the station records each rendering as a print. The desktop app asks
 * its main process, which renders the document itself and prints it (the system dialog, or silently on
 * the receipt printer) or saves it: the page never hands it a PDF. In a browser on the station host the
 * document is rendered through its call and opens in a new tab, or is saved as a download.
 */
export async function printDocument(source: PrintSource, documentId: string, action: PdfAction): Promise<PrintedDocument> {
  const printer = window.stationPrinter;
  if (printer) {
    let reply: unknown;
    try {
      // A print under way holds the kiosk's idle wipe until the printer answers.
      reply = await whileWorking(printer.print({ source, documentId, mode: action === 'print' ? 'dialog' : action }));
    } catch {
      throw new ApiError('unavailable');
    }
    return resultData(printSources[source], reply) as PrintedDocument;
  }
  const pdf = await call(printSources[source], { documentId });
  return { outcome: presentInBrowser({ ...pdf, mediaType: 'application/pdf' }, action), missing: pdf.missing };
}
