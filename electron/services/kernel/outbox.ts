import type { SyncRecordKind } from '../../../shared/domain/sync';
import type { Executor } from '../../db/repositories/executor';
import { appendToOutbox, recordFirstQueuedAt } from '../../db/repositories/outbox';
import type { DataProtection } from './data-protection';

export interface SyncChange {
  kind: SyncRecordKind;
  entityId: string;
  version: number;
  /** The record as the provincial system receives it, personal fields in plain text: sealed before storing. */
  payload: unknown;
  createdAt: string;
  /** For registration and person records: whose consent to report governs the row (docs/sync-protocol.md §5.4). */
  personId?: string;
  /** When the record's first version was made; by default the time of its earliest queued version, or this one. */
  recordCreatedAt?: string;
}

/** Queues a change for the provincial system, sealed, inside the transaction that made it. */
export async function queueForSync(trx: Executor, protection: DataProtection, change: SyncChange): Promise<void> {
  const recordCreatedAt = change.recordCreatedAt ?? (await recordFirstQueuedAt(trx, change.kind, change.entityId)) ?? change.createdAt;
  await appendToOutbox(trx, {
    kind: change.kind,
    entityId: change.entityId,
    version: change.version,
    sealedPayload: protection.seal(JSON.stringify(change.payload), 'outbox.payload'),
    createdAt: change.createdAt,
    personId: change.personId ?? null,
    recordCreatedAt,
  });
}
