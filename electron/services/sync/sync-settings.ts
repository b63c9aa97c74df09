import type { Kysely } from 'kysely';
import { setsSyncEndpoint } from '../../../shared/contract/sync-calls';
import type { SyncSettings } from '../../../shared/validation/sync';
import type { StationDatabase } from '../../db/schema';
import type { Actor, AuditTrail } from '../kernel/audit';
import type { Clock } from '../kernel/clock';
import { AppError } from '../kernel/errors';
import type { StationSettings } from '../kernel/settings';
import { changeSettings } from '../kernel/settings-change';
import type { StationService } from '../kernel/station';

/**
 * Changes where and how the station reports; audited with the values before and after (none of them is
 * personal). Where the batches go is an administrator's decision (like the province's keys); batch size and
 * two-person approval stay with supervisors too.
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
    const context = { db: this.db, clock: this.clock, station: this.station, settings: this.settings, audit: this.audit };
    return changeSettings(context, 'sync', next, actor, {
      check: (before, after) => {
        if (after.endpoint !== before.endpoint && !(setsSyncEndpoint as readonly string[]).includes(actor.role)) throw new AppError('sync_endpoint_admin_only');
      },
    });
  }
}
