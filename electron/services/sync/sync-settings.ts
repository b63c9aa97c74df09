import { setsSyncEndpoint } from '../../../shared/contract/sync-calls';
import type { SyncSettings } from '../../../shared/validation/sync';
import type { Actor } from '../kernel/audit';
import type { StationContext } from '../kernel/context';
import { AppError } from '../kernel/errors';
import { changeSettings } from '../kernel/settings-change';

/**
 * Changes where and how the station reports; audited with the values before and after (none of them is
 * personal). Where the batches go is an administrator's decision (like the province's keys); batch size and
 * two-person approval stay with supervisors too.
 */
export class SyncSettingsChange {
  constructor(private readonly ctx: StationContext) {}

  async change(next: SyncSettings, actor: Actor): Promise<SyncSettings> {
    return changeSettings(this.ctx, 'sync', next, actor, {
      check: (before, after) => {
        if (after.endpoint !== before.endpoint && !(setsSyncEndpoint as readonly string[]).includes(actor.role)) throw new AppError('sync_endpoint_admin_only');
      },
    });
  }
}
