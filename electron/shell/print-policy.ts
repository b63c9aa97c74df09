import type { PrintMode } from '../../shared/contract/transport';
import type { Role } from '../../shared/domain/roles';

/** What Electron's `webContents.print` is given. */
export interface PrintOptions {
  silent: boolean;
  printBackground: boolean;
  deviceName?: string;
}

export interface PrintPolicyInput {
  mode: PrintMode;
  /** The app runs as a public kiosk (`shouldRunAsKiosk`). */
  kioskMode: boolean;
  /** The role of the session of the window that asks. */
  callerRole: Role;
  /** The configured receipt printer, as the operating system names it; null: none. */
  receiptPrinter: string | null;
}

/** Print with these options, save through the save dialog, or answer at once without rendering anything. */
export type PrintDecision =
  | { action: 'print'; options: PrintOptions }
  | { action: 'save' }
  | { action: 'refuse'; outcome: 'failed' | 'no_printer' };

/**
 * Whether and how a print may go ahead. A system dialog at a public kiosk is a way out of it (print
 * dialog → "print to PDF" → a file browser → programs run as the kiosk's user), so in kiosk mode, and
 * for the anonymous kiosk session wherever it runs, only a silent print to the configured receipt
 * printer is allowed. Anywhere, "silent" goes to that printer or nowhere: never to whichever printer
 * happens to be the default, and never through a dialog instead.
 */
export function decidePrint(input: PrintPolicyInput): PrintDecision {
  const publicKiosk = input.kioskMode || input.callerRole === 'kiosk';
  if (input.mode === 'silent' || publicKiosk) {
    if (input.receiptPrinter === null) return { action: 'refuse', outcome: 'no_printer' };
    if (input.mode !== 'silent') return { action: 'refuse', outcome: 'failed' };
    return { action: 'print', options: { silent: true, printBackground: true, deviceName: input.receiptPrinter } };
  }
  if (input.mode === 'save') return { action: 'save' };
  return { action: 'print', options: { silent: false, printBackground: true } };
}
