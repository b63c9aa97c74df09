import { sql, type ExpressionBuilder } from 'kysely';
import type { OutboxState, SyncBatchState, SyncRecordKind } from '../../../shared/domain/sync';
import type { NewProvinceKeyRow, NewSyncBatchRow, OutboxRow, ProvinceKeyRow, SyncBatchRow, SyncBatchRowUpdate } from '../rows';
import type { StationDatabase } from '../schema';
import type { Executor } from './executor';

/** An outbox row with what it carries (the sealed payload, kept in outbox_payload). */
export type OutboxEntry = OutboxRow & { payload: string };

// ---- outbox rows on their way ----

/** Whether a row may stand in a new batch's range: never written into a batch, waiting or left out. */
export function isRangeCandidate(row: Pick<OutboxRow, 'state' | 'batch_seq'>): boolean {
  return row.batch_seq === null && (row.state === 'pending' || row.state === 'omitted');
}

/**
 * Where the next range starts (a seq to read from): the oldest row waiting for a batch, or the run of
 * left-out rows just before it, which the batch then counts. Null when no row waits.
 */
export async function nextRangeStart(db: Executor): Promise<number | null> {
  const firstPending = await db
    .selectFrom('outbox')
    .select((eb) => eb.fn.min('seq').as('seq'))
    .where('state', '=', 'pending')
    .where('batch_seq', 'is', null)
    .executeTakeFirst();
  if (firstPending?.seq == null) return null;
  const beforeLeftOut = await db
    .selectFrom('outbox')
    .select((eb) => eb.fn.max('seq').as('seq'))
    .where('seq', '<', firstPending.seq)
    .where((eb) => eb.or([eb('state', '!=', 'omitted'), eb('batch_seq', 'is not', null)]))
    .executeTakeFirst();
  // Every row between the two is a left-out one, so the range may start right after the other row.
  return (beforeLeftOut?.seq ?? 0) + 1;
}

/** A row's place on its way and the change it queues, without what it carries: enough to decide a batch's range and write its envelopes. */
export type OutboxPlace = Pick<OutboxRow, 'seq' | 'state' | 'batch_seq' | 'kind' | 'entity_id' | 'version' | 'created_at' | 'record_created_at'>;

/** Up to `limit` rows' places from `fromSeq` on, in seq order. */
export async function outboxPlacesFrom(db: Executor, fromSeq: number, limit: number): Promise<OutboxPlace[]> {
  return db
    .selectFrom('outbox')
    .select(['seq', 'state', 'batch_seq', 'kind', 'entity_id', 'version', 'created_at', 'record_created_at'])
    .where('seq', '>=', fromSeq)
    .orderBy('seq')
    .limit(limit)
    .execute();
}

/** Outbox rows with what they carry. */
function entries(db: Executor) {
  return db
    .selectFrom('outbox')
    .innerJoin('outbox_payload', 'outbox_payload.seq', 'outbox.seq')
    .selectAll('outbox')
    .select('outbox_payload.payload');
}

/**
 * What the rows between two seqs carry, oldest first, read one at a time: a batch's thousand payloads
 * then never sit in memory together. Read on their own, in the order they are stored, not joined row by row.
 */
export function payloadsBetween(db: Executor, firstSeq: number, lastSeq: number): AsyncIterableIterator<{ seq: number; payload: string }> {
  return db.selectFrom('outbox_payload').selectAll().where('seq', '>=', firstSeq).where('seq', '<=', lastSeq).orderBy('seq').stream();
}

/** Rows the province rejected for a passing cause, to be sent again unchanged. */
export async function rowsToResend(db: Executor, limit: number): Promise<OutboxEntry[]> {
  return entries(db).where('outbox.state', '=', 'resend').orderBy('outbox.seq').limit(limit).execute();
}

export async function outboxRowsBySeq(db: Executor, seqs: readonly number[]): Promise<Map<number, OutboxRow>> {
  const found = new Map<number, OutboxRow>();
  for (let start = 0; start < seqs.length; start += 500) {
    const rows = await db.selectFrom('outbox').selectAll().where('seq', 'in', seqs.slice(start, start + 500)).execute();
    for (const row of rows) found.set(row.seq, row);
  }
  return found;
}

/** Marks a batch's range written: its pending rows are in the batch, its left-out rows counted by it. One statement each. */
export async function setRangeWritten(db: Executor, firstSeq: number, lastSeq: number, batchSeq: number): Promise<void> {
  for (const [from, to] of [['pending', 'in_batch'], ['omitted', 'omitted']] as const) {
    await db
      .updateTable('outbox')
      .set({ state: to, batch_seq: batchSeq })
      .where('seq', '>=', firstSeq)
      .where('seq', '<=', lastSeq)
      .where('state', '=', from)
      .where('batch_seq', 'is', null)
      .execute();
  }
}

/** Marks rows re-sent in a batch (few, and outside its range). */
export async function setResentWritten(db: Executor, seqs: readonly number[], batchSeq: number): Promise<void> {
  for (let start = 0; start < seqs.length; start += 500) {
    await db.updateTable('outbox').set({ state: 'in_batch', batch_seq: batchSeq }).where('seq', 'in', seqs.slice(start, start + 500)).execute();
  }
}

/**
 * A batch that never left the station, or that the province refused for good: its rows wait for a new
 * batch (rows it re-sent wait to be re-sent), except those of a person who no longer consents to be
 * reported, which are left out from now on (§5.4).
 */
export async function releaseRowsOf(db: Executor, batch: Pick<SyncBatchRow, 'batch_seq' | 'first_seq' | 'last_seq'>): Promise<void> {
  let resent = db.updateTable('outbox').set({ state: 'resend' }).where('batch_seq', '=', batch.batch_seq).where('state', '=', 'in_batch');
  const { first_seq: firstSeq, last_seq: lastSeq } = batch;
  if (firstSeq !== null && lastSeq !== null) resent = resent.where((eb) => eb.or([eb('seq', '<', firstSeq), eb('seq', '>', lastSeq)]));
  await resent.execute();
  await db.updateTable('outbox').set({ state: 'pending', batch_seq: null }).where('batch_seq', '=', batch.batch_seq).where('state', '=', 'in_batch').execute();
  await db.updateTable('outbox').set({ batch_seq: null }).where('batch_seq', '=', batch.batch_seq).where('state', '=', 'omitted').execute();
  await omitWaitingRowsWithoutConsent(db, { resend: true, ...(firstSeq !== null && lastSeq !== null ? { between: { from: firstSeq, through: lastSeq } } : {}) });
}

export interface RowSettlement {
  seq: number;
  /** The batch whose acknowledgement settles the row. */
  batchSeq: number;
  state: Extract<OutboxState, 'done' | 'rejected' | 'resend'>;
  code: string | null;
  reason: string | null;
  path: string | null;
}

export async function settleRow(db: Executor, settlement: RowSettlement, at: string): Promise<void> {
  await db
    .updateTable('outbox')
    .set({
      state: settlement.state,
      batch_seq: settlement.batchSeq,
      reject_code: settlement.code,
      reject_reason: settlement.reason,
      reject_path: settlement.path,
      settled_at: at,
    })
    .where('seq', '=', settlement.seq)
    .execute();
}

export async function setRowState(db: Executor, seq: number, state: OutboxState): Promise<void> {
  await db.updateTable('outbox').set({ state }).where('seq', '=', seq).execute();
}

export async function outboxCounts(db: Executor): Promise<Partial<Record<OutboxState, number>>> {
  const rows = await db.selectFrom('outbox').select(['state', (eb) => eb.fn.countAll<number>().as('count')]).groupBy('state').execute();
  return Object.fromEntries(rows.map((row) => [row.state, Number(row.count)]));
}

export async function rejectedRows(db: Executor, limit: number): Promise<OutboxEntry[]> {
  return entries(db).where('outbox.state', '=', 'rejected').orderBy('outbox.seq', 'desc').limit(limit).execute();
}

// ---- consent to report ----

/** Rows on their way that no batch file holds: never written into one, or waiting to be re-sent. */
function waiting(eb: ExpressionBuilder<StationDatabase, 'outbox'>) {
  return eb.or([eb.and([eb('state', '=', 'pending'), eb('batch_seq', 'is', null)]), eb('state', '=', 'resend')]);
}

/** Leaves out the person's rows that no batch file holds yet (§5.4). Returns how many. */
export async function omitUnsentRowsOf(db: Executor, personId: string): Promise<number> {
  const result = await db.updateTable('outbox').set({ state: 'omitted' }).where('person_id', '=', personId).where(waiting).executeTakeFirst();
  return Number(result.numUpdatedRows);
}

/**
 * Which waiting rows to judge: never the whole queue, which may hold hundreds of thousands of rows and is
 * judged piece by piece as batches are written (a scan per batch would make writing them quadratic).
 */
export interface WaitingRowsToJudge {
  /** Every row waiting to be re-sent: few, those the province asked for or a released batch re-sent. */
  resend?: boolean;
  /** The waiting rows between two seqs, both included: the range a batch is about to carry, or carried. */
  between?: { from: number; through: number };
}

/**
 * Leaves out those of the rows to judge whose person's latest consent to report is not granted (a purpose
 * never answered counts as not given). Run on the rows a batch file is about to carry and on rows put back
 * on their way: whatever brought a row back, nothing of such a person is written into a batch.
 */
export async function omitWaitingRowsWithoutConsent(db: Executor, rows: WaitingRowsToJudge): Promise<number> {
  const { resend, between } = rows;
  if (!resend && !between) return 0;
  const result = await db
    .updateTable('outbox')
    .set({ state: 'omitted' })
    .where('person_id', 'is not', null)
    .where(waiting)
    .where((eb) =>
      eb.or([
        ...(resend ? [eb('state', '=', 'resend')] : []),
        // The state named beside the seqs lets SQLite read the range from the (state, seq) index.
        ...(between ? [eb.and([eb('state', 'in', ['pending', 'resend']), eb.between('seq', between.from, between.through)])] : []),
      ]),
    )
    .where(
      sql<boolean>`coalesce((select granted from consent
        where consent.person_id = outbox.person_id and consent.purpose = 'provincial_sync' order by consent.id desc limit 1), 0) = 0`,
    )
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}

/**
 * Per record of the person, the highest version the province may hold or still receive: what a tombstone
 * covers. That is every version a batch file carried out of the station, and every version in a batch
 * written and not taken back, which will still leave; never a version that only sat in a batch declined
 * before it left.
 */
export async function reportedVersionsOf(db: Executor, personId: string): Promise<{ kind: SyncRecordKind; entityId: string; throughVersion: number }[]> {
  const rows = await db
    .selectFrom('outbox')
    .select(['kind', 'entity_id', (eb) => eb.fn.max('version').as('version')])
    .where('person_id', '=', personId)
    .where((eb) => eb.or([eb('sent_at', 'is not', null), eb('state', '=', 'in_batch')]))
    .groupBy(['kind', 'entity_id'])
    .orderBy('kind')
    .orderBy('entity_id')
    .execute();
  return rows.map((row) => ({ kind: row.kind, entityId: row.entity_id, throughVersion: Number(row.version) }));
}

/** The first batch waiting for approval that holds rows of the person (written, never sent), or null. */
export async function firstPendingBatchHolding(db: Executor, personId: string): Promise<number | null> {
  const row = await db
    .selectFrom('outbox')
    .innerJoin('sync_batch', 'sync_batch.batch_seq', 'outbox.batch_seq')
    .select((eb) => eb.fn.min('sync_batch.batch_seq').as('seq'))
    .where('outbox.person_id', '=', personId)
    .where('outbox.state', '=', 'in_batch')
    .where('sync_batch.state', '=', 'pending_approval')
    .executeTakeFirst();
  return row?.seq ?? null;
}

// ---- batches ----

/** The highest batch number written (0 before the first); not the batch itself, whose sealed file is large. */
export async function lastBatchSeq(db: Executor): Promise<number> {
  const row = await db.selectFrom('sync_batch').select((eb) => eb.fn.max('batch_seq').as('seq')).executeTakeFirst();
  return row?.seq ?? 0;
}

export async function insertBatch(db: Executor, row: Omit<NewSyncBatchRow, 'send_attempts'>): Promise<void> {
  await db.insertInto('sync_batch').values(row).execute();
}

export async function updateBatch(db: Executor, batchSeq: number, change: Omit<SyncBatchRowUpdate, 'batch_seq' | 'batch_id' | 'send_attempts'>): Promise<void> {
  await db.updateTable('sync_batch').set(change).where('batch_seq', '=', batchSeq).execute();
}

export async function countSendAttempt(db: Executor, batchSeq: number, error: string | null): Promise<void> {
  await db
    .updateTable('sync_batch')
    .set({ send_attempts: sql`send_attempts + 1`, last_error: error })
    .where('batch_seq', '=', batchSeq)
    .execute();
}

export async function deleteBatch(db: Executor, batchSeq: number): Promise<void> {
  await db.deleteFrom('sync_batch').where('batch_seq', '=', batchSeq).execute();
}

export async function findBatchById(db: Executor, batchId: string): Promise<SyncBatchRow | undefined> {
  return db.selectFrom('sync_batch').selectAll().where('batch_id', '=', batchId).executeTakeFirst();
}

export async function batchesInStates(db: Executor, states: readonly SyncBatchState[]): Promise<SyncBatchRow[]> {
  return db.selectFrom('sync_batch').selectAll().where('state', 'in', [...states]).orderBy('batch_seq').execute();
}

export async function recentBatches(db: Executor, limit: number): Promise<SyncBatchRow[]> {
  return db.selectFrom('sync_batch').selectAll().orderBy('batch_seq', 'desc').limit(limit).execute();
}

export async function lastAcknowledgedAt(db: Executor): Promise<string | null> {
  const row = await db.selectFrom('sync_batch').select((eb) => eb.fn.max('acknowledged_at').as('at')).executeTakeFirst();
  return row?.at ?? null;
}

// ---- province keys ----

export async function provinceKeys(db: Executor): Promise<ProvinceKeyRow[]> {
  return db.selectFrom('province_key').selectAll().orderBy('imported_at').execute();
}

export async function insertProvinceKey(db: Executor, row: NewProvinceKeyRow): Promise<void> {
  await db.insertInto('province_key').values(row).onConflict((oc) => oc.column('id').doNothing()).execute();
}
