import type { Executor } from './executor';

export interface OutboxEntry {
  kind: string;
  entityId: string;
  version: number;
  payload: unknown;
  createdAt: string;
}

/** Appends one change for the provincial system; call it inside the transaction that made the change. */
export async function appendToOutbox(db: Executor, entry: OutboxEntry): Promise<void> {
  await db
    .insertInto('outbox')
    .values({
      kind: entry.kind,
      entity_id: entry.entityId,
      version: entry.version,
      payload: JSON.stringify(entry.payload),
      created_at: entry.createdAt,
    })
    .execute();
}
