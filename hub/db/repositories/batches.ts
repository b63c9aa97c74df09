import { momentText } from '../values';
import type { Executor } from './executor';

/** A batch the hub took, with the acknowledgement it answered. */
export interface StoredBatch {
  provinceCode: string;
  batchId: string;
  stationCode: string;
  batchSeq: number;
  manifestSha256: string;
  auditHead: { seq: number; hash: string };
  receivedAt: string;
  /** Null only inside the transaction that takes the batch, before its acknowledgement is signed. */
  ack: Buffer | null;
}

const BATCH_COLUMNS = ['province_code', 'batch_id', 'station_code', 'batch_seq', 'manifest_sha256', 'audit_seq', 'audit_hash', 'received_at', 'ack'] as const;

type BatchRow = {
  province_code: string;
  batch_id: string;
  station_code: string;
  batch_seq: number;
  manifest_sha256: string;
  audit_seq: number;
  audit_hash: string;
  received_at: Date | string;
  ack: Buffer | null;
};

function batchFromRow(row: BatchRow): StoredBatch {
  return {
    provinceCode: row.province_code,
    batchId: row.batch_id,
    stationCode: row.station_code,
    batchSeq: row.batch_seq,
    manifestSha256: row.manifest_sha256,
    auditHead: { seq: row.audit_seq, hash: row.audit_hash },
    receivedAt: momentText(row.received_at),
    ack: row.ack,
  };
}

/** The batch with this id, or null when the hub never took it. */
export async function batchById(db: Executor, provinceCode: string, batchId: string): Promise<StoredBatch | null> {
  const row = await db.selectFrom('batch').select(BATCH_COLUMNS).where('province_code', '=', provinceCode).where('batch_id', '=', batchId).executeTakeFirst();
  return row ? batchFromRow(row) : null;
}

/** The batch whose manifest has this SHA-256, or null. */
export async function batchByManifest(db: Executor, provinceCode: string, manifestSha256: string): Promise<StoredBatch | null> {
  const row = await db
    .selectFrom('batch')
    .select(BATCH_COLUMNS)
    .where('province_code', '=', provinceCode)
    .where('manifest_sha256', '=', manifestSha256)
    .executeTakeFirst();
  return row ? batchFromRow(row) : null;
}

/** The batches taken from one station, by batchSeq. */
export async function batchesOfStation(db: Executor, provinceCode: string, stationCode: string): Promise<StoredBatch[]> {
  const rows = await db
    .selectFrom('batch')
    .select(BATCH_COLUMNS)
    .where('province_code', '=', provinceCode)
    .where('station_code', '=', stationCode)
    .orderBy('batch_seq')
    .execute();
  return rows.map(batchFromRow);
}

/**
 * Another batch of the same station than `batchId`: the one taken just before it (the highest batchSeq below
 * its own), else the one with the highest batchSeq. Null when the station has no other batch.
 */
export async function earlierBatchOf(db: Executor, provinceCode: string, stationCode: string, batchId: string): Promise<StoredBatch | null> {
  const ofStation = db
    .selectFrom('batch')
    .select(BATCH_COLUMNS)
    .where('province_code', '=', provinceCode)
    .where('station_code', '=', stationCode)
    .where('batch_id', '<>', batchId)
    .orderBy('batch_seq', 'desc')
    .limit(1);
  const own = await batchById(db, provinceCode, batchId);
  const before = own ? await ofStation.where('batch_seq', '<', own.batchSeq).executeTakeFirst() : undefined;
  const row = before ?? (await ofStation.executeTakeFirst());
  return row ? batchFromRow(row) : null;
}

/**
 * Whether this batch's audit head goes back against the station's other batches (docs/sync-protocol.md §8.4):
 * a batch with a smaller batchSeq holds a higher audit seq, or one with a larger batchSeq a lower one. Batches
 * arrive out of order, so they are compared by batchSeq, never by arrival. It means the station's audit log
 * lost entries, or the station was restored from a backup: an alert for the province, never a refusal.
 */
export async function auditHeadRegressed(db: Executor, provinceCode: string, stationCode: string, batchSeq: number, auditSeq: number): Promise<boolean> {
  const row = await db
    .selectFrom('batch')
    .select('batch_id')
    .where('province_code', '=', provinceCode)
    .where('station_code', '=', stationCode)
    .where((eb) =>
      eb.or([
        eb.and([eb('batch_seq', '<', batchSeq), eb('audit_seq', '>', auditSeq)]),
        eb.and([eb('batch_seq', '>', batchSeq), eb('audit_seq', '<', auditSeq)]),
      ]),
    )
    .limit(1)
    .executeTakeFirst();
  return row !== undefined;
}
