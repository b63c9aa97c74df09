import type { Executor } from './executor';

export interface OutboxRow {
  kind: string;
  entityId: string;
  version: number;
  /** Sealed JSON: the repository never sees what a change carries. */
  sealedPayload: string;
  createdAt: string;
}

/** Appends one change for the provincial system; call it inside the transaction that made the change. */
export async function appendToOutbox(db: Executor, row: OutboxRow): Promise<void> {
  await db
    .insertInto('outbox')
    .values({
      kind: row.kind,
      entity_id: row.entityId,
      version: row.version,
      payload: row.sealedPayload,
      created_at: row.createdAt,
    })
    .execute();
}
