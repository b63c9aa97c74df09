import type { Executor } from './executor';

/** A record a consent tombstone names, through which version it is erased. */
export interface ErasedRecord {
  provinceCode: string;
  stationCode: string;
  entityKind: string;
  entityId: string;
  throughVersion: number;
}

/** Entity ids per look-up of erasures. */
const IDS_PER_LOOKUP = 500;

/** The key `erasuresOf` answers under: a record's kind and entity id. */
export function erasureKey(entityKind: string, entityId: string): string {
  return `${entityKind}\u0000${entityId}`;
}

/**
 * Keeps that a record is erased through a version, so that versions arriving later (batches may cross) are
 * erased as they land. A later tombstone only ever raises the version. Runs under the station's lock.
 */
export async function keepErasure(db: Executor, record: ErasedRecord, tombstoneId: string, at: string): Promise<void> {
  const held = await db
    .selectFrom('record_erasure')
    .select('through_version')
    .where('province_code', '=', record.provinceCode)
    .where('station_code', '=', record.stationCode)
    .where('entity_kind', '=', record.entityKind)
    .where('entity_id', '=', record.entityId)
    .executeTakeFirst();
  if (held && held.through_version >= record.throughVersion) return;
  await db
    .insertInto('record_erasure')
    .values({
      province_code: record.provinceCode,
      station_code: record.stationCode,
      entity_kind: record.entityKind,
      entity_id: record.entityId,
      through_version: record.throughVersion,
      tombstone_id: tombstoneId,
      erased_at: at,
    })
    .onConflict((oc) =>
      oc.columns(['province_code', 'station_code', 'entity_kind', 'entity_id']).doUpdateSet({ through_version: record.throughVersion, tombstone_id: tombstoneId, erased_at: at }),
    )
    .execute();
}

/** Through which version each of these records of a station is erased, by kind and entity id. */
export async function erasuresOf(
  db: Executor,
  provinceCode: string,
  stationCode: string,
  records: ReadonlyArray<{ entityKind: string; entityId: string }>,
): Promise<Map<string, number>> {
  const erased = new Map<string, number>();
  const ids = [...new Set(records.map((record) => record.entityId))];
  for (let start = 0; start < ids.length; start += IDS_PER_LOOKUP) {
    const rows = await db
      .selectFrom('record_erasure')
      .select(['entity_kind', 'entity_id', 'through_version'])
      .where('province_code', '=', provinceCode)
      .where('station_code', '=', stationCode)
      .where('entity_id', 'in', ids.slice(start, start + IDS_PER_LOOKUP))
      .execute();
    for (const row of rows) erased.set(erasureKey(row.entity_kind, row.entity_id), row.through_version);
  }
  return erased;
}

/**
 * Erases the payloads of a record's versions through a version: each row and its content hash stay (a
 * replay is still a duplicate), the payload becomes null; refused contents kept for review are dropped,
 * since their payload is all they hold.
 */
export async function erasePayloads(db: Executor, record: ErasedRecord): Promise<void> {
  await db
    .updateTable('record_version')
    .set({ sealed_payload: null })
    .where('province_code', '=', record.provinceCode)
    .where('station_code', '=', record.stationCode)
    .where('entity_kind', '=', record.entityKind)
    .where('entity_id', '=', record.entityId)
    .where('version', '<=', record.throughVersion)
    .where('sealed_payload', 'is not', null)
    .execute();
  await db
    .deleteFrom('record_version_conflict')
    .where('province_code', '=', record.provinceCode)
    .where('station_code', '=', record.stationCode)
    .where('entity_kind', '=', record.entityKind)
    .where('entity_id', '=', record.entityId)
    .where('version', '<=', record.throughVersion)
    .execute();
}
