import type { Kysely } from 'kysely';
import { setsSyncEndpoint } from '../../../shared/contract/sync-calls';
import type { SyncSettings } from '../../../shared/validation/sync';
import type { StationDatabase } from '../../db/schema';
import { writeSetting } from '../../db/repositories/settings';
import type { Actor, AuditTrail } from '../kernel/audit';
import type { Clock } from '../kernel/clock';
import { AppError } from '../kernel/errors';
import type { StationSettings } from '../kernel/settings';
import type { StationService } from '../kernel/station';

/**
 * Changes where and how the station reports; audited with the values (none of them is personal). Where the
 * batches go is an administrator's decision (like the province's keys); batch size and two-person approval
 * stay with supervisors too.
 */
export class SyncSettingsChange {
  constructor(
    private readonly db: Kysely<StationDatabase>,
    private readonly clock: Clock,
    private readonly station: StationService,
    private readonly settings: StationSettings,
    private readonly audit: AuditTrail,
  ) {}

  async change(next: SyncSettings, actor: Actor): Promise<SyncSettings> {
    const station = await this.station.require();
    const at = this.clock.now().toISOString();
    await this.db.transaction().execute(async (trx) => {
      const before = await this.settings.sync(trx);
      if (next.endpoint !== before.endpoint && !(setsSyncEndpoint as readonly string[]).includes(actor.role)) throw new AppError('sync_endpoint_admin_only');
      await writeSetting(trx, 'syncEndpoint', next.endpoint ?? '', at);
      await writeSetting(trx, 'syncBatchSize', String(next.batchSize), at);
      await writeSetting(trx, 'syncTwoPersonApproval', String(next.twoPersonApproval), at);
      await this.audit.append(trx, { actor, stationCode: station.code, action: 'settings_change', objectType: 'station_setting', objectId: 'sync', detail: { ...next } });
    });
    return this.settings.sync();
  }
}
