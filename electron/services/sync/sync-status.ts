import type { Kysely } from 'kysely';
import { outboxStates, type OutboxState, type SyncBatchState } from '../../../shared/domain/sync';
import type { SyncBatchView, SyncStatus } from '../../../shared/validation/sync';
import type { StationDatabase } from '../../db/schema';
import { firstSigningKey } from '../../db/repositories/signing-keys';
import { lastAcknowledgedAt, outboxCounts, recentBatches, type BatchRow } from '../../db/repositories/sync';
import type { ProvinceKeys } from './province-keys';
import type { StationSettings } from '../kernel/settings';
import type { SyncTransfer } from './sync-transfer';

const RECENT_BATCHES = 50;

/** What the staff screen shows of sync: counts, progress, the last success, settings, keys and the batches. */
export class SyncStatusView {
  constructor(
    private readonly db: Kysely<StationDatabase>,
    private readonly settings: StationSettings,
    private readonly provinceKeys: ProvinceKeys,
    private readonly transfer: SyncTransfer,
  ) {}

  async status(): Promise<SyncStatus> {
    const counts = await outboxCounts(this.db);
    const outbox = Object.fromEntries(outboxStates.map((state) => [state, counts[state] ?? 0])) as Record<OutboxState, number>;
    const { activity, sending, lastRun } = this.transfer.progress();
    return {
      outbox,
      lastAcknowledgedAt: await lastAcknowledgedAt(this.db),
      settings: await this.settings.sync(),
      provinceKeys: await this.provinceKeys.list(),
      stationKeyId: (await firstSigningKey(this.db))?.id ?? null,
      activity,
      sending,
      lastRun,
    };
  }

  async batches(): Promise<SyncBatchView[]> {
    return (await recentBatches(this.db, RECENT_BATCHES)).map(batchView);
  }
}

export function batchView(row: BatchRow): SyncBatchView {
  return {
    batchId: row.batch_id,
    batchSeq: row.batch_seq,
    state: row.state as SyncBatchState,
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
