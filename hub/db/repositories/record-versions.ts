import { countedNumber, momentText } from '../values';
import type { Executor } from './executor';

/** One record of a station: its kind and entity id (docs/sync-protocol.md §5.1). */
export interface RecordName {
  provinceCode: string;
  stationCode: string;
  entityKind: string;
  entityId: string;
}

/** A record version as the hub holds it. */
export interface StoredRecordVersion {
  seq: number;
  version: number;
  contentSha256: string;
  sealedPayload: Buffer | null;
  changedAt: string;
  batchId: string;
  lineSeq: number;
}

/** The versions held of one record, lowest first. */
export async function recordVersionsOf(db: Executor, record: RecordName): Promise<StoredRecordVersion[]> {
  const rows = await db
    .selectFrom('record_version')
    .select(['seq', 'version', 'content_sha256', 'sealed_payload', 'changed_at', 'batch_id', 'line_seq'])
    .where('province_code', '=', record.provinceCode)
    .where('station_code', '=', record.stationCode)
    .where('entity_kind', '=', record.entityKind)
    .where('entity_id', '=', record.entityId)
    .orderBy('version')
    .execute();
  return rows.map((row) => ({
    seq: countedNumber(row.seq),
    version: row.version,
    contentSha256: row.content_sha256,
    sealedPayload: row.sealed_payload,
    changedAt: momentText(row.changed_at),
    batchId: row.batch_id,
    lineSeq: row.line_seq,
  }));
}

/** How many record versions the hub holds of one station. */
export async function countRecordVersions(db: Executor, provinceCode: string, stationCode: string): Promise<number> {
  const row = await db
    .selectFrom('record_version')
    .select((eb) => eb.fn.countAll().as('count'))
    .where('province_code', '=', provinceCode)
    .where('station_code', '=', stationCode)
    .executeTakeFirstOrThrow();
  return countedNumber(row.count);
}
