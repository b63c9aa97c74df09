import { describe, expect, it } from 'vitest';
import { decidePrint } from '../../electron/shell/print-policy';
import { printModes } from '../../shared/contract/transport';
import { roles } from '../../shared/domain/roles';

const PRINTER = 'EPSON TM-T82III';

describe('the print policy', () => {
  it('at a kiosk (kiosk mode, or the anonymous kiosk session anywhere) allows only a silent print on the receipt printer', () => {
    const kiosks = [
      ...roles.map((callerRole) => ({ kioskMode: true, callerRole })),
      { kioskMode: false, callerRole: 'kiosk' as const },
    ];
    for (const kiosk of kiosks) {
      expect(decidePrint({ ...kiosk, mode: 'silent', receiptPrinter: PRINTER })).toEqual({
        action: 'print',
        options: { silent: true, printBackground: true, deviceName: PRINTER },
      });
      // Never a dialog: no print dialog, no save dialog, with or without a printer.
      expect(decidePrint({ ...kiosk, mode: 'dialog', receiptPrinter: PRINTER })).toEqual({ action: 'refuse', outcome: 'failed' });
      expect(decidePrint({ ...kiosk, mode: 'save', receiptPrinter: PRINTER })).toEqual({ action: 'refuse', outcome: 'failed' });
      for (const mode of printModes) {
        expect(decidePrint({ ...kiosk, mode, receiptPrinter: null })).toEqual({ action: 'refuse', outcome: 'no_printer' });
      }
    }
  });

  it('at a staff desk prints with the dialog, saves, and prints silently only on the receipt printer (never the default one)', () => {
    const desk = { kioskMode: false, callerRole: 'registrar' as const };
    expect(decidePrint({ ...desk, mode: 'dialog', receiptPrinter: null })).toEqual({ action: 'print', options: { silent: false, printBackground: true } });
    expect(decidePrint({ ...desk, mode: 'dialog', receiptPrinter: PRINTER })).toEqual({ action: 'print', options: { silent: false, printBackground: true } });
    expect(decidePrint({ ...desk, mode: 'save', receiptPrinter: null })).toEqual({ action: 'save' });
    expect(decidePrint({ ...desk, mode: 'silent', receiptPrinter: null })).toEqual({ action: 'refuse', outcome: 'no_printer' });
    expect(decidePrint({ ...desk, mode: 'silent', receiptPrinter: PRINTER }).action).toBe('print');
  });
});
