import { countedNumber, momentText } from '../values';
import type { Executor } from './executor';

/** A record version refused because another content is held under its version, kept for review. */
export interface StoredConflict {
  id: number;
  stationCode: string;
  entityKind: string;
  entityId: string;
  version: number;
  contentSha256: string;
  heldContentSha256: string;
  sealedPayload: Buffer;
  changedAt: string;
  batchId: string;
  lineSeq: number;
  reviewedAt: string | null;
}

/** The conflicts kept of one station, oldest first. */
export async function conflictsOfStation(db: Executor, provinceCode: string, stationCode: string): Promise<StoredConflict[]> {
  const rows = await db
    .selectFrom('record_version_conflict')
    .selectAll()
    .where('province_code', '=', provinceCode)
    .where('station_code', '=', stationCode)
    .orderBy('id')
    .execute();
  return rows.map((row) => ({
    id: countedNumber(row.id),
    stationCode: row.station_code,
    entityKind: row.entity_kind,
    entityId: row.entity_id,
    version: row.version,
    contentSha256: row.content_sha256,
    heldContentSha256: row.held_content_sha256,
    sealedPayload: row.sealed_payload,
    changedAt: momentText(row.changed_at),
    batchId: row.batch_id,
    lineSeq: row.line_seq,
    reviewedAt: row.reviewed_at === null ? null : momentText(row.reviewed_at),
  }));
}
