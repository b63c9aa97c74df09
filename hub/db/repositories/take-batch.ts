import type { Transaction } from 'kysely';
import type { HubStore } from '../open';
import type { HubDatabase } from '../schema';
import { batchById, batchByManifest } from './batches';
import { lockStation } from './station-lock';

/** One line of a batch to store: a record version, its content digest and its payload sealed for rest. */
export interface IncomingRecordVersion {
  /** The station's outbox seq of the line. */
  lineSeq: number;
  entityKind: string;
  entityId: string;
  version: number;
  /** SHA-256 of the canonical payload, hex (docs/sync-protocol.md §5.2). */
  contentSha256: string;
  sealedPayload: Buffer;
  changedAt: string;
}

/** What became of one line: stored now, held already with the same content, or refused for another content. */
export type RecordStatus = 'accepted' | 'duplicate' | 'conflict';

export interface RecordOutcome {
  lineSeq: number;
  entityKind: string;
  entityId: string;
  version: number;
  status: RecordStatus;
}

/** A batch whose manifest verified, with the lines to store. */
export interface IncomingBatch {
  provinceCode: string;
  stationCode: string;
  batchId: string;
  batchSeq: number;
  manifestSha256: string;
  auditHead: { seq: number; hash: string };
  receivedAt: string;
  records: IncomingRecordVersion[];
  /**
   * Signs the acknowledgement from the outcome of every line, in the batch's order. Called inside the
   * transaction, so the batch, its versions and its acknowledgement are stored together or not at all.
   */
  acknowledge(outcomes: RecordOutcome[]): Buffer;
  /**
   * Applies what the lines mean beyond their versions (people, erasures) once they are stored, in the same
   * transaction and before the acknowledgement is signed, from the outcome of every line in the batch's order.
   */
  afterStore?(trx: Transaction<HubDatabase>, outcomes: RecordOutcome[]): Promise<void>;
}

export type TakenBatch =
  /** Taken now: each line's outcome and the acknowledgement stored for it. */
  | { outcome: 'applied'; records: RecordOutcome[]; ack: Buffer }
  /** Taken before with the same manifest: the acknowledgement stored then, byte for byte. */
  | { outcome: 'replayed'; ack: Buffer }
  /** The batch id (or the manifest) was taken with another manifest: nothing stored. */
  | { outcome: 'conflict'; heldManifestSha256: string };

/** Rows per multi-row statement: far below the bind limits (SQLite 32 766, PostgreSQL 65 535). */
const ROWS_PER_STATEMENT = 500;
/** Record names per look-up of held versions (three binds each). */
const NAMES_PER_LOOKUP = 300;

type Trx = Transaction<HubDatabase>;

function versionKey(record: { entityKind: string; entityId: string; version: number }): string {
  return `${record.entityKind}\u0000${record.entityId}\u0000${record.version}`;
}

function inChunks<T>(items: readonly T[], size: number): T[][] {
  const chunks: T[][] = [];
  for (let start = 0; start < items.length; start += size) chunks.push(items.slice(start, start + size));
  return chunks;
}

/**
 * Takes a batch exactly once, by constraint and never by looking first. In one transaction, under the
 * station's lock: the batch row is inserted with ON CONFLICT DO NOTHING (batch id and manifest hash are
 * unique), and when nothing was inserted what is there decides: the same manifest replays the stored
 * acknowledgement, another is a conflict. Then every record version is inserted with ON CONFLICT (station,
 * entity, version) DO NOTHING, and each one not inserted is compared with what is held: the same content
 * hash is a duplicate, another is a conflict kept for review; a held version is never overwritten.
 */
export async function takeBatch(hub: HubStore, batch: IncomingBatch): Promise<TakenBatch> {
  return hub.db.transaction().execute(async (trx) => {
    await lockStation(trx, hub.engine, batch.provinceCode, batch.stationCode);
    const inserted = await trx
      .insertInto('batch')
      .values({
        province_code: batch.provinceCode,
        batch_id: batch.batchId,
        station_code: batch.stationCode,
        batch_seq: batch.batchSeq,
        manifest_sha256: batch.manifestSha256,
        audit_seq: batch.auditHead.seq,
        audit_hash: batch.auditHead.hash,
        received_at: batch.receivedAt,
        ack: null,
      })
      .onConflict((oc) => oc.doNothing())
      .returning('batch_id')
      .executeTakeFirst();
    if (!inserted) return answerForTakenBatch(trx, batch);

    const records = await storeRecordVersions(trx, batch);
    if (batch.afterStore) await batch.afterStore(trx, records);
    const ack = batch.acknowledge(records);
    await trx.updateTable('batch').set({ ack }).where('province_code', '=', batch.provinceCode).where('batch_id', '=', batch.batchId).execute();
    return { outcome: 'applied', records, ack };
  });
}

/** The answer for a batch whose row was there already, under its id or under its manifest's hash. */
async function answerForTakenBatch(trx: Trx, batch: IncomingBatch): Promise<TakenBatch> {
  const held = (await batchById(trx, batch.provinceCode, batch.batchId)) ?? (await batchByManifest(trx, batch.provinceCode, batch.manifestSha256));
  if (!held) throw new Error(`batch ${batch.batchId} was neither stored nor found`);
  if (held.batchId !== batch.batchId || held.manifestSha256 !== batch.manifestSha256) return { outcome: 'conflict', heldManifestSha256: held.manifestSha256 };
  if (!held.ack) throw new Error(`batch ${batch.batchId} is stored without its acknowledgement`);
  return { outcome: 'replayed', ack: held.ack };
}

/**
 * Stores the batch's record versions and judges every line. A version named twice in the batch is judged
 * as if the lines came one after the other: the first may be stored, the others compare with it.
 */
async function storeRecordVersions(trx: Trx, batch: IncomingBatch): Promise<RecordOutcome[]> {
  // Each line's version key, computed once: the judging below looks every line up several times.
  const keys = batch.records.map(versionKey);
  const firstLineOf = new Map<string, IncomingRecordVersion>();
  batch.records.forEach((record, index) => {
    const key = keys[index] as string;
    if (!firstLineOf.has(key)) firstLineOf.set(key, record);
  });
  const candidates = [...firstLineOf.values()];

  let insertedCount = 0;
  for (const chunk of inChunks(candidates, ROWS_PER_STATEMENT)) {
    const inserted = await trx
      .insertInto('record_version')
      .values(
        chunk.map((record) => ({
          province_code: batch.provinceCode,
          station_code: batch.stationCode,
          entity_kind: record.entityKind,
          entity_id: record.entityId,
          version: record.version,
          content_sha256: record.contentSha256,
          sealed_payload: record.sealedPayload,
          changed_at: record.changedAt,
          batch_id: batch.batchId,
          line_seq: record.lineSeq,
        })),
      )
      .onConflict((oc) => oc.columns(['province_code', 'station_code', 'entity_kind', 'entity_id', 'version']).doNothing())
      .executeTakeFirst();
    insertedCount += Number(inserted.numInsertedOrUpdatedRows ?? 0n);
  }
  const stored = insertedCount === candidates.length ? new Set(firstLineOf.keys()) : await versionsStoredBy(trx, batch);

  const heldContent = new Map<string, string>();
  const heldBefore: IncomingRecordVersion[] = [];
  for (const [key, record] of firstLineOf) {
    if (stored.has(key)) heldContent.set(key, record.contentSha256);
    else heldBefore.push(record);
  }
  for (const [key, contentSha256] of await heldContentOf(trx, batch, heldBefore)) heldContent.set(key, contentSha256);

  const outcomes: RecordOutcome[] = [];
  const conflicts: Array<{ record: IncomingRecordVersion; held: string }> = [];
  batch.records.forEach((record, index) => {
    const key = keys[index] as string;
    const held = heldContent.get(key);
    if (held === undefined) throw new Error(`record version ${key} was neither stored nor found`);
    const status: RecordStatus =
      firstLineOf.get(key) === record && stored.has(key) ? 'accepted' : held === record.contentSha256 ? 'duplicate' : 'conflict';
    if (status === 'conflict') conflicts.push({ record, held });
    outcomes.push({ lineSeq: record.lineSeq, entityKind: record.entityKind, entityId: record.entityId, version: record.version, status });
  });
  await keepConflicts(trx, batch, conflicts);
  return outcomes;
}

/**
 * The versions this batch stored, by version key: the rows naming it. The batch row was inserted in this
 * transaction and every record version names its batch (a foreign key), so no row named it before. Asked only
 * when some line was held already: counting the inserted rows settles the usual batch of new versions without
 * sending a row back for each.
 */
async function versionsStoredBy(trx: Trx, batch: IncomingBatch): Promise<Set<string>> {
  const rows = await trx
    .selectFrom('record_version')
    .select(['entity_kind', 'entity_id', 'version'])
    .where('province_code', '=', batch.provinceCode)
    .where('batch_id', '=', batch.batchId)
    .execute();
  return new Set(rows.map((row) => versionKey({ entityKind: row.entity_kind, entityId: row.entity_id, version: row.version })));
}

/** The content hash held for each of these record versions, by version key. */
async function heldContentOf(trx: Trx, batch: IncomingBatch, records: IncomingRecordVersion[]): Promise<Map<string, string>> {
  const held = new Map<string, string>();
  for (const chunk of inChunks(records, NAMES_PER_LOOKUP)) {
    const rows = await trx
      .selectFrom('record_version')
      .select(['entity_kind', 'entity_id', 'version', 'content_sha256'])
      .where('province_code', '=', batch.provinceCode)
      .where('station_code', '=', batch.stationCode)
      .where((eb) =>
        eb.or(chunk.map((record) => eb.and([eb('entity_kind', '=', record.entityKind), eb('entity_id', '=', record.entityId), eb('version', '=', record.version)]))),
      )
      .execute();
    for (const row of rows) held.set(versionKey({ entityKind: row.entity_kind, entityId: row.entity_id, version: row.version }), row.content_sha256);
  }
  return held;
}

/** Keeps each refused content once for review; the same content refused again adds nothing. */
async function keepConflicts(trx: Trx, batch: IncomingBatch, conflicts: Array<{ record: IncomingRecordVersion; held: string }>): Promise<void> {
  for (const chunk of inChunks(conflicts, ROWS_PER_STATEMENT)) {
    await trx
      .insertInto('record_version_conflict')
      .values(
        chunk.map(({ record, held }) => ({
          province_code: batch.provinceCode,
          station_code: batch.stationCode,
          entity_kind: record.entityKind,
          entity_id: record.entityId,
          version: record.version,
          content_sha256: record.contentSha256,
          held_content_sha256: held,
          sealed_payload: record.sealedPayload,
          changed_at: record.changedAt,
          batch_id: batch.batchId,
          line_seq: record.lineSeq,
        })),
      )
      .onConflict((oc) => oc.columns(['province_code', 'station_code', 'entity_kind', 'entity_id', 'version', 'content_sha256']).doNothing())
      .execute();
  }
}
