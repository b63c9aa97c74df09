import { describe, expect, it } from 'vitest';
import { acceptPrintRequest, MAX_PRINT_BYTES, printOptions } from '../../electron/shell/printing';

const pdfBase64 = Buffer.from('%PDF-1.7\n% a receipt\n').toString('base64');

describe('print requests from the renderer', () => {
  it('accepts a PDF with a serial as its file name, in each mode', () => {
    for (const mode of ['dialog', 'silent', 'save'] as const) {
      const accepted = acceptPrintRequest({ mode, fileName: 'KMU01-2026-RCP-000012.pdf', contentBase64: pdfBase64 });
      expect(accepted?.mode).toBe(mode);
      expect(accepted?.pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    }
  });

  it('refuses names that could leave the folder, other files, unknown modes and oversized content', () => {
    const valid = { mode: 'dialog', fileName: 'receipt.pdf', contentBase64: pdfBase64 };
    expect(acceptPrintRequest(valid)).not.toBeNull();
    for (const fileName of ['../receipt.pdf', 'a/b.pdf', 'a\\b.pdf', '.hidden.pdf', 'receipt.exe', 'receipt', '', 7]) {
      expect(acceptPrintRequest({ ...valid, fileName })).toBeNull();
    }
    expect(acceptPrintRequest({ ...valid, mode: 'fax' })).toBeNull();
    expect(acceptPrintRequest({ ...valid, contentBase64: Buffer.from('<html>').toString('base64') })).toBeNull();
    expect(acceptPrintRequest({ ...valid, contentBase64: 'A'.repeat(Math.ceil((MAX_PRINT_BYTES * 4) / 3) + 8) })).toBeNull();
    expect(acceptPrintRequest(null)).toBeNull();
    expect(acceptPrintRequest('print me')).toBeNull();
  });
});

describe('print options', () => {
  it('prints silently only on the configured receipt printer, else shows the dialog', () => {
    expect(printOptions('silent', 'EPSON TM-T82')).toEqual({ silent: true, printBackground: true, deviceName: 'EPSON TM-T82' });
    expect(printOptions('silent', null)).toEqual({ silent: false, printBackground: true });
    expect(printOptions('dialog', 'EPSON TM-T82')).toEqual({ silent: false, printBackground: true });
  });
});
