import { sql } from 'kysely';
import type { HubStore } from '../db/open';
import { countedNumber } from '../db/values';

/** Refused: a transaction that may hold a `record_version.seq` below the export's mark was still running. */
export class ExportNotSettledError extends Error {
  constructor(readonly waitedMs: number) {
    super(`transactions that may hold record versions were still running after ${waitedMs} ms: export again later`);
  }
}

/** How long to wait for transactions in flight, and how often to look. */
export interface SettleOptions {
  timeoutMs?: number;
  pollMs?: number;
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * The highest `record_version.seq` an export may read up to: no version at or below it can still appear.
 *
 * SQLite has one writer at a time, so every seq handed out is committed (or rolled back) by the time another
 * connection reads: the highest seq held is settled.
 *
 * PostgreSQL hands an identity value out at insert, not at commit, so a batch still being taken can hold a
 * seq below one already committed. The mark is the last value the identity's sequence handed out; then the
 * export waits until every transaction in flight at that moment has ended (`pg_snapshot_xip` and
 * `pg_xact_status`). A transaction taking a batch writes its batch row before its versions, so it holds a
 * transaction id before it draws a seq, and any seq at or below the mark belongs to one of those. When they
 * have not all ended within `timeoutMs`, the export is refused (`ExportNotSettledError`) rather than step
 * over a version that commits later.
 */
export async function settledSeq(store: HubStore, options: SettleOptions = {}): Promise<number> {
  if (store.engine === 'sqlite') {
    const row = await store.db.selectFrom('record_version').select((eb) => eb.fn.max('seq').as('seq')).executeTakeFirst();
    return row?.seq === null || row?.seq === undefined ? 0 : countedNumber(row.seq);
  }
  const mark = await sql<{ last: string | null }>`select pg_sequence_last_value(pg_get_serial_sequence('record_version', 'seq')::regclass) as last`.execute(store.db);
  const last = mark.rows[0]?.last ?? null;
  // Taken after the mark: every transaction that drew a seq up to the mark is finished or in this snapshot.
  const snapshot = await sql<{ snapshot: string }>`select pg_current_snapshot()::text as snapshot`.execute(store.db);
  const taken = snapshot.rows[0]!.snapshot;
  const timeoutMs = options.timeoutMs ?? 30_000;
  const pollMs = options.pollMs ?? 50;
  const started = Date.now();
  for (;;) {
    const running = await sql<{ running: string | number }>`
      select count(*) as running from pg_snapshot_xip(${taken}::pg_snapshot) as xip(id)
      where pg_xact_status(xip.id) = 'in progress'`.execute(store.db);
    if (countedNumber(running.rows[0]!.running) === 0) break;
    const waited = Date.now() - started;
    if (waited >= timeoutMs) throw new ExportNotSettledError(waited);
    await sleep(pollMs);
  }
  return last === null ? 0 : countedNumber(last);
}
