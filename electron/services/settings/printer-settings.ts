import type { Kysely } from 'kysely';
import type { StationDatabase } from '../../db/schema';
import { writeSetting } from '../../db/repositories/settings';
import type { Actor, AuditTrail } from '../kernel/audit';
import type { Clock } from '../kernel/clock';
import type { ReceiptPaper, StationSettings } from '../kernel/settings';
import type { StationService } from '../kernel/station';

export interface ReceiptPrinting {
  /** The printer's name as the operating system lists it; null: none (staff print with the dialog, a kiosk prints no receipts). */
  receiptPrinter: string | null;
  receiptPaper: ReceiptPaper;
}

/** The kiosk's receipt printer: read by the shell and the kiosk, changed by the station's administrator. */
export class PrinterSettings {
  constructor(
    private readonly db: Kysely<StationDatabase>,
    private readonly clock: Clock,
    private readonly station: StationService,
    private readonly settings: StationSettings,
    private readonly audit: AuditTrail,
  ) {}

  async view(): Promise<ReceiptPrinting> {
    return { receiptPrinter: await this.settings.receiptPrinter(), receiptPaper: await this.settings.receiptPaper() };
  }

  /** Stores both values and audits the change (with the values: a printer's name is not personal). */
  async change(next: ReceiptPrinting, actor: Actor): Promise<ReceiptPrinting> {
    const station = await this.station.require();
    const at = this.clock.now().toISOString();
    await this.db.transaction().execute(async (trx) => {
      await writeSetting(trx, 'receiptPrinter', next.receiptPrinter?.trim() ?? '', at);
      await writeSetting(trx, 'receiptPaper', next.receiptPaper, at);
      await this.audit.append(trx, { actor, stationCode: station.code, action: 'settings_change', objectType: 'station_setting', objectId: 'receiptPrinter', detail: { ...next } });
    });
    return this.view();
  }
}
