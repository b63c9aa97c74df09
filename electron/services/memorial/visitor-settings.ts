import type { Kysely } from 'kysely';
import type { CallOutput } from '../../../shared/contract/calls';
import type { MemorialSettings } from '../../../shared/domain/visitors';
import type { StationDatabase } from '../../db/schema';
import type { Actor, AuditTrail } from '../kernel/audit';
import type { Clock } from '../kernel/clock';
import type { StationSettings } from '../kernel/settings';
import { changeSettings } from '../kernel/settings-change';
import type { StationService } from '../kernel/station';

/** The memorial settings staff change from the visitor log: Qingming mode and the retention period. */
export class VisitorSettings {
  constructor(
    private readonly db: Kysely<StationDatabase>,
    private readonly clock: Clock,
    private readonly station: StationService,
    private readonly settings: StationSettings,
    private readonly audit: AuditTrail,
  ) {}

  /** What the public kiosk may know: whether Qingming mode is on. */
  async kioskOptions(): Promise<CallOutput<'memorial:kioskOptions'>> {
    const { qingmingMode } = await this.settings.memorial();
    return { qingmingMode };
  }

  async current(): Promise<MemorialSettings> {
    return this.settings.memorial();
  }

  /** Switches the peak-day kiosk on or off. */
  async setQingmingMode(enabled: boolean, actor: Actor): Promise<MemorialSettings> {
    return this.change({ qingmingMode: enabled }, actor);
  }

  /** Changes how many days sign-ins are kept; the next daily purge applies it. */
  async setRetentionDays(days: number, actor: Actor): Promise<MemorialSettings> {
    return this.change({ visitorRetentionDays: days }, actor);
  }

  /** Stores one memorial setting, audited with the value before and after; the same value changes nothing. */
  private async change(values: Partial<MemorialSettings>, actor: Actor): Promise<MemorialSettings> {
    return changeSettings({ db: this.db, clock: this.clock, station: this.station, settings: this.settings, audit: this.audit }, 'memorial', values, actor);
  }
}
