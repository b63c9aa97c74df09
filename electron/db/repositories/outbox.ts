import type { SyncRecordKind } from '../../../shared/domain/sync';
import type { Executor } from './executor';

/** One change to queue for the provincial system. */
export interface ChangeToQueue {
  kind: SyncRecordKind;
  entityId: string;
  version: number;
  /** Sealed JSON: the repository never sees what a change carries. */
  sealedPayload: string;
  createdAt: string;
  /** The person whose consent to report governs the row, for registration and person records. */
  personId: string | null;
  recordCreatedAt: string;
}

/** Appends one change for the provincial system; call it inside the transaction that made the change. */
export async function appendToOutbox(db: Executor, row: ChangeToQueue): Promise<void> {
  const queued = await db
    .insertInto('outbox')
    .values({
      kind: row.kind,
      entity_id: row.entityId,
      version: row.version,
      created_at: row.createdAt,
      person_id: row.personId,
      record_created_at: row.recordCreatedAt,
      batch_seq: null,
      reject_code: null,
      reject_reason: null,
      reject_path: null,
      settled_at: null,
    })
    .returning('seq')
    .executeTakeFirstOrThrow();
  await db.insertInto('outbox_payload').values({ seq: queued.seq, payload: row.sealedPayload }).execute();
}

/** When the record's earliest queued version was made, or null when none of its versions was queued. */
export async function recordFirstQueuedAt(db: Executor, kind: SyncRecordKind, entityId: string): Promise<string | null> {
  const row = await db
    .selectFrom('outbox')
    .select('record_created_at')
    .where('kind', '=', kind)
    .where('entity_id', '=', entityId)
    .orderBy('version')
    .limit(1)
    .executeTakeFirst();
  return row?.record_created_at ?? null;
}
