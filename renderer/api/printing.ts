import type { PrintOutcome, StationPrinter } from '../../shared/contract/transport';
import { blobUrl, saveDownload } from './files';

declare global {
  interface Window {
    /** Present in the desktop app, put there by the preload. */
    stationPrinter?: StationPrinter;
  }
}

/** A PDF the station rendered, as a call returns it. */
export interface RenderedPdf {
  fileName: string;
  contentBase64: string;
}

/** `print`: with the system dialog; `silent`: on the configured receipt printer, without one; `save`: to a file. */
export type PdfAction = 'print' | 'silent' | 'save';

function asFile(pdf: RenderedPdf) {
  return { ...pdf, mediaType: 'application/pdf' };
}

/**
 * Prints or saves a PDF. The desktop app prints through Electron (the system dialog, or silently on the
 * receipt printer) and saves through its save dialog; in a browser on the station host the PDF opens in
 * a new tab, whose viewer prints it, and is saved as a download.
 */
export async function presentPdf(pdf: RenderedPdf, action: PdfAction): Promise<PrintOutcome> {
  const printer = window.stationPrinter;
  if (printer) {
    const mode = action === 'print' ? 'dialog' : action;
    return printer.print({ mode, fileName: pdf.fileName, contentBase64: pdf.contentBase64 });
  }
  if (action === 'save') {
    saveDownload(asFile(pdf));
    return 'saved';
  }
  const tab = window.open(blobUrl(asFile(pdf)), '_blank');
  if (tab) return 'opened';
  // A blocked pop-up must not lose the print: the PDF is downloaded instead.
  saveDownload(asFile(pdf));
  return 'saved';
}
