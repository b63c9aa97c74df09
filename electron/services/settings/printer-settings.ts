import type { Kysely } from 'kysely';
import type { StationDatabase } from '../../db/schema';
import type { Actor, AuditTrail } from '../kernel/audit';
import type { Clock } from '../kernel/clock';
import type { ReceiptPaper, StationSettings } from '../kernel/settings';
import { changeSettings } from '../kernel/settings-change';
import type { StationService } from '../kernel/station';

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
  constructor(
    private readonly db: Kysely<StationDatabase>,
    private readonly clock: Clock,
    private readonly station: StationService,
    private readonly settings: StationSettings,
    private readonly audit: AuditTrail,
  ) {}

  async view(): Promise<ReceiptPrinting> {
    return this.settings.printing();
  }

  /** Stores what changed and audits it with the values before and after (a printer's name is not personal). */
  async change(next: ReceiptPrinting, actor: Actor): Promise<ReceiptPrinting> {
    return changeSettings({ db: this.db, clock: this.clock, station: this.station, settings: this.settings, audit: this.audit }, 'printing', next, actor);
  }
}
