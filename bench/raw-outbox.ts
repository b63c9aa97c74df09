import type BetterSqlite3 from 'better-sqlite3';

/** One change queued for the provincial system, as a benchmark's raw side or bulk fill writes it. */
export interface RawOutboxEntry {
  kind: string;
  entityId: string;
  version: number;
  /** The payload as stored: sealed on the station's side, plain text on a baseline. */
  payload: string;
  createdAt: string;
  personId?: string | null;
  recordCreatedAt?: string | null;
}

/**
 * The outbox written with prepared statements, in the shape of `appendToOutbox` (db/repositories/outbox.ts):
 * the row, then its payload in `outbox_payload` (migration 0013). Benchmark baselines and bulk fills share
 * it, so the next change to the outbox's shape is made here once.
 */
export function rawOutboxWriter(sqlite: BetterSqlite3.Database): (entry: RawOutboxEntry) => void {
  const insertRow = sqlite.prepare(
    `insert into outbox (kind, entity_id, version, created_at, person_id, record_created_at) values (?, ?, ?, ?, ?, ?)`,
  );
  const insertPayload = sqlite.prepare('insert into outbox_payload (seq, payload) values (?, ?)');
  return (entry) => {
    const queued = insertRow.run(entry.kind, entry.entityId, entry.version, entry.createdAt, entry.personId ?? null, entry.recordCreatedAt ?? null);
    insertPayload.run(queued.lastInsertRowid, entry.payload);
  };
}
