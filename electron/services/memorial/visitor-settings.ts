import type { Kysely } from 'kysely';
import type { CallOutput } from '../../../shared/contract/calls';
import { memorialSettingKeys, type MemorialSettings } from '../../../shared/domain/visitors';
import type { StationDatabase } from '../../db/schema';
import { writeSetting } from '../../db/repositories/settings';
import type { Actor, AuditTrail } from '../kernel/audit';
import type { Clock } from '../kernel/clock';
import type { StationSettings } from '../kernel/settings';
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
    return this.change('qingmingMode', enabled, actor);
  }

  /** Changes how many days sign-ins are kept; the next daily purge applies it. */
  async setRetentionDays(days: number, actor: Actor): Promise<MemorialSettings> {
    return this.change('visitorRetentionDays', days, actor);
  }

  /** Stores one setting and audits the change with the value before and after, in one transaction. */
  private async change<K extends keyof MemorialSettings>(name: K, value: MemorialSettings[K], actor: Actor): Promise<MemorialSettings> {
    const station = await this.station.require();
    const key = memorialSettingKeys[name];
    return this.db.transaction().execute(async (trx) => {
      const before = await this.settings.memorial(trx);
      if (before[name] === value) return before;
      await writeSetting(trx, key, String(value), this.clock.now().toISOString());
      await this.audit.append(trx, {
        actor,
        stationCode: station.code,
        action: 'settings_change',
        objectType: 'station',
        objectId: key,
        detail: { from: before[name], to: value },
      });
      return { ...before, [name]: value };
    });
  }
}
