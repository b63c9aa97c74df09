import { sql, type Kysely } from 'kysely';
import type { HubEngine } from '../engine';

// Frozen: once landed, never edit this file. Change the schema in a new numbered migration.

/** The column types that differ between the engines, written out here so that this file never changes. */
const COLUMN_TYPES = {
  postgres: { bytes: 'bytea', moment: 'timestamptz' },
  sqlite: { bytes: 'blob', moment: 'text' },
} as const;

/**
 * Stations and their keys, the batches taken with their acknowledgements, every record version held once,
 * and the versions refused for another content, kept for review. The province code leads every key, so that
 * provinces can later share one database (partitioned by province) without rewriting an identifier.
 */
export async function up(db: Kysely<any>, engine: HubEngine): Promise<void> {
  const { bytes, moment } = COLUMN_TYPES[engine];

  await db.schema
    .createTable('station')
    .addColumn('province_code', 'text', (col) => col.notNull())
    .addColumn('code', 'text', (col) => col.notNull())
    .addColumn('kind', 'text', (col) => col.notNull())
    .addColumn('region_code', 'text', (col) => col.notNull())
    .addColumn('name', 'text', (col) => col.notNull())
    .addColumn('registered_at', moment, (col) => col.notNull())
    .addPrimaryKeyConstraint('station_pk', ['province_code', 'code'])
    .execute();

  // A key names one station: the fingerprint alone is the key of the row.
  await db.schema
    .createTable('station_key')
    .addColumn('province_code', 'text', (col) => col.notNull())
    .addColumn('key_fingerprint', 'text', (col) => col.notNull())
    .addColumn('station_code', 'text', (col) => col.notNull())
    .addColumn('public_key_spki', bytes, (col) => col.notNull())
    .addColumn('registered_at', moment, (col) => col.notNull())
    .addPrimaryKeyConstraint('station_key_pk', ['province_code', 'key_fingerprint'])
    .addForeignKeyConstraint('station_key_station', ['province_code', 'station_code'], 'station', ['province_code', 'code'])
    .execute();
  await db.schema.createIndex('station_key_by_station').on('station_key').columns(['province_code', 'station_code']).execute();

  await db.schema
    .createTable('batch')
    .addColumn('province_code', 'text', (col) => col.notNull())
    .addColumn('batch_id', 'text', (col) => col.notNull())
    .addColumn('station_code', 'text', (col) => col.notNull())
    .addColumn('batch_seq', 'integer', (col) => col.notNull())
    .addColumn('manifest_sha256', 'text', (col) => col.notNull())
    .addColumn('audit_seq', 'integer', (col) => col.notNull())
    .addColumn('audit_hash', 'text', (col) => col.notNull())
    .addColumn('received_at', moment, (col) => col.notNull())
    .addColumn('ack', bytes)
    .addPrimaryKeyConstraint('batch_pk', ['province_code', 'batch_id'])
    .addUniqueConstraint('batch_manifest_once', ['province_code', 'manifest_sha256'])
    .addForeignKeyConstraint('batch_station', ['province_code', 'station_code'], 'station', ['province_code', 'code'])
    .execute();
  await db.schema.createIndex('batch_by_station').on('batch').columns(['province_code', 'station_code', 'batch_seq']).execute();

  await db.schema
    .createTable('record_version')
    .addColumn('seq', engine === 'postgres' ? 'bigint' : 'integer', (col) =>
      engine === 'postgres' ? col.generatedAlwaysAsIdentity().primaryKey() : col.primaryKey().autoIncrement(),
    )
    .addColumn('province_code', 'text', (col) => col.notNull())
    .addColumn('station_code', 'text', (col) => col.notNull())
    .addColumn('entity_kind', 'text', (col) => col.notNull())
    .addColumn('entity_id', 'text', (col) => col.notNull())
    .addColumn('version', 'integer', (col) => col.notNull().check(sql`version >= 1`))
    .addColumn('content_sha256', 'text', (col) => col.notNull())
    .addColumn('sealed_payload', bytes)
    .addColumn('changed_at', moment, (col) => col.notNull())
    .addColumn('batch_id', 'text', (col) => col.notNull())
    .addColumn('line_seq', 'integer', (col) => col.notNull())
    .addUniqueConstraint('record_version_once', ['province_code', 'station_code', 'entity_kind', 'entity_id', 'version'])
    .addForeignKeyConstraint('record_version_station', ['province_code', 'station_code'], 'station', ['province_code', 'code'])
    .addForeignKeyConstraint('record_version_batch', ['province_code', 'batch_id'], 'batch', ['province_code', 'batch_id'])
    .execute();
  await db.schema.createIndex('record_version_by_batch').on('record_version').columns(['province_code', 'batch_id']).execute();

  // One review item per distinct refused content of a version, however often it is sent again.
  await db.schema
    .createTable('record_version_conflict')
    .addColumn('id', engine === 'postgres' ? 'bigint' : 'integer', (col) =>
      engine === 'postgres' ? col.generatedAlwaysAsIdentity().primaryKey() : col.primaryKey().autoIncrement(),
    )
    .addColumn('province_code', 'text', (col) => col.notNull())
    .addColumn('station_code', 'text', (col) => col.notNull())
    .addColumn('entity_kind', 'text', (col) => col.notNull())
    .addColumn('entity_id', 'text', (col) => col.notNull())
    .addColumn('version', 'integer', (col) => col.notNull())
    .addColumn('content_sha256', 'text', (col) => col.notNull())
    .addColumn('held_content_sha256', 'text', (col) => col.notNull())
    .addColumn('sealed_payload', bytes, (col) => col.notNull())
    .addColumn('changed_at', moment, (col) => col.notNull())
    .addColumn('batch_id', 'text', (col) => col.notNull())
    .addColumn('line_seq', 'integer', (col) => col.notNull())
    .addColumn('reviewed_at', moment)
    .addUniqueConstraint('record_version_conflict_once', ['province_code', 'station_code', 'entity_kind', 'entity_id', 'version', 'content_sha256'])
    .addForeignKeyConstraint('record_version_conflict_station', ['province_code', 'station_code'], 'station', ['province_code', 'code'])
    .addForeignKeyConstraint('record_version_conflict_batch', ['province_code', 'batch_id'], 'batch', ['province_code', 'batch_id'])
    .execute();
}
