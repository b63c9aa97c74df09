import type { Actor } from '../kernel/audit';
import type { StationContext } from '../kernel/context';
import type { ReceiptPaper } from '../kernel/settings';
import { changeSettings } from '../kernel/settings-change';

export interface ReceiptPrinting {
  /** The printer's name as the operating system lists it; null: none (staff print with the dialog, a kiosk prints no receipts). */
  receiptPrinter: string | null;
  receiptPaper: ReceiptPaper;
}

/**
 * The kiosk's receipt printer as the command line sees it: the settings screen's printing section, read
 * by the shell and the kiosk, changed by the station's administrator.
 */
export class PrinterSettings {
  constructor(private readonly ctx: StationContext) {}

  async view(): Promise<ReceiptPrinting> {
    return this.ctx.settings.printing();
  }

  /** Stores what changed and audits it with the values before and after (a printer's name is not personal). */
  async change(next: ReceiptPrinting, actor: Actor): Promise<ReceiptPrinting> {
    return changeSettings(this.ctx, 'printing', next, actor);
  }
}
