import { describe, expect, it } from 'vitest';
import { acceptPrintRequest, isStationPdf, MAX_PRINT_BYTES, printOutcome } from '../../electron/shell/printing';

describe('print requests from the renderer', () => {
  it('accepts "print document X" for each kind of print, in each mode', () => {
    for (const source of ['document', 'receipt'] as const) {
      for (const mode of ['dialog', 'silent', 'save'] as const) {
        expect(acceptPrintRequest({ source, documentId: 'a1b2', mode })).toEqual({ source, documentId: 'a1b2', mode });
      }
    }
  });

  it('refuses PDF bytes, file names, unknown kinds and modes, and anything that is not a request', () => {
    const valid = { source: 'receipt', documentId: 'a1b2', mode: 'silent' };
    const pdf = Buffer.from('%PDF-1.7\n').toString('base64');
    expect(acceptPrintRequest({ ...valid, contentBase64: pdf })).toBeNull();
    expect(acceptPrintRequest({ ...valid, fileName: 'a.pdf' })).toBeNull();
    // The request as the renderer used to send it: the PDF itself.
    expect(acceptPrintRequest({ mode: 'silent', fileName: 'KMU01-2026-RCP-000012.pdf', contentBase64: pdf })).toBeNull();
    expect(acceptPrintRequest({ ...valid, source: 'export' })).toBeNull();
    expect(acceptPrintRequest({ ...valid, mode: 'fax' })).toBeNull();
    expect(acceptPrintRequest({ ...valid, documentId: '' })).toBeNull();
    expect(acceptPrintRequest({ ...valid, documentId: 'x'.repeat(65) })).toBeNull();
    expect(acceptPrintRequest(null)).toBeNull();
    expect(acceptPrintRequest('print me')).toBeNull();
  });
});

describe('rendered bytes', () => {
  it('are printed only when they are a PDF of a plausible size', () => {
    expect(isStationPdf(Buffer.from('%PDF-1.7\n'))).toBe(true);
    expect(isStationPdf(Buffer.from('<html>'))).toBe(false);
    expect(isStationPdf(Buffer.concat([Buffer.from('%PDF-'), Buffer.alloc(MAX_PRINT_BYTES)]))).toBe(false);
  });
});

describe('the end of a print job', () => {
  it('reads Electron\'s callback: printed, cancelled in the dialog ("Print job canceled"), or failed', () => {
    expect(printOutcome(true, '')).toBe('printed');
    expect(printOutcome(false, 'Print job canceled')).toBe('cancelled');
    expect(printOutcome(false, 'Print job failed')).toBe('failed');
    expect(printOutcome(false, 'Invalid printer settings')).toBe('failed');
  });
});
