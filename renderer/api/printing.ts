import type { PrintOutcome, StationPrinter } from '../../shared/contract/transport';

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

function pdfUrl(pdf: RenderedPdf): string {
  const bytes = Uint8Array.from(atob(pdf.contentBase64), (character) => character.charCodeAt(0));
  const url = URL.createObjectURL(new Blob([bytes], { type: 'application/pdf' }));
  // Kept a while for the browser's PDF viewer and slow downloads, then released.
  setTimeout(() => URL.revokeObjectURL(url), 5 * 60_000);
  return url;
}

function download(pdf: RenderedPdf): void {
  const link = document.createElement('a');
  link.href = pdfUrl(pdf);
  link.download = pdf.fileName;
  link.click();
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
    download(pdf);
    return 'saved';
  }
  const tab = window.open(pdfUrl(pdf), '_blank');
  if (tab) return 'opened';
  // A blocked pop-up must not lose the print: the PDF is downloaded instead.
  download(pdf);
  return 'saved';
}
