import { outboxStates, type OutboxState } from '../../../shared/domain/sync';
import type { SyncBatchView, SyncStatus } from '../../../shared/validation/sync';
import { firstSigningKey } from '../../db/repositories/signing-keys';
import { lastAcknowledgedAt, outboxCounts, recentBatches } from '../../db/repositories/sync';
import type { SyncBatchRow } from '../../db/rows';
import type { ProvinceKeys } from './province-keys';
import type { SyncTransfer } from './sync-transfer';
import type { StationContext } from '../kernel/context';

const RECENT_BATCHES = 50;

/** What the staff screen shows of sync: counts, progress, the last success, settings, keys and the batches. */
export class SyncStatusView {
  constructor(
    private readonly ctx: StationContext,
    private readonly provinceKeys: ProvinceKeys,
    private readonly transfer: SyncTransfer,
  ) {}

  async status(): Promise<SyncStatus> {
    const counts = await outboxCounts(this.ctx.db);
    const outbox = Object.fromEntries(outboxStates.map((state) => [state, counts[state] ?? 0])) as Record<OutboxState, number>;
    const { activity, sending, lastRun } = this.transfer.progress();
    return {
      outbox,
      lastAcknowledgedAt: await lastAcknowledgedAt(this.ctx.db),
      settings: await this.ctx.settings.sync(),
      provinceKeys: await this.provinceKeys.list(),
      stationKeyId: (await firstSigningKey(this.ctx.db))?.id ?? null,
      activity,
      sending,
      lastRun,
    };
  }

  async batches(): Promise<SyncBatchView[]> {
    return (await recentBatches(this.ctx.db, RECENT_BATCHES)).map(batchView);
  }
}

export function batchView(row: SyncBatchRow): SyncBatchView {
  return {
    batchId: row.batch_id,
    batchSeq: row.batch_seq,
    state: row.state,
    firstSeq: row.first_seq,
    lastSeq: row.last_seq,
    recordCount: row.record_count,
    omittedCount: row.omitted_count,
    resentCount: row.resent_count,
    kindCounts: JSON.parse(row.kind_counts) as Record<string, number>,
    createdAt: row.created_at,
    createdBy: row.created_by,
    approvedAt: row.approved_at,
    sentAt: row.sent_at,
    sentVia: row.sent_via as 'usb' | 'http' | null,
    sendAttempts: row.send_attempts,
    lastError: row.last_error,
    acknowledgedAt: row.acknowledged_at,
    accepted: row.accepted_count,
    duplicate: row.duplicate_count,
    rejected: row.rejected_count,
  };
}
