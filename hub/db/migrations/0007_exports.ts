import type { Kysely } from 'kysely';
import type { HubEngine } from '../engine';

// Frozen: once landed, never edit this file. Change the schema in a new numbered migration.

/** The column types that differ between the engines, written out here so that this file never changes. */
const COLUMN_TYPES = {
  postgres: { moment: 'timestamptz', seq: 'bigint' },
  sqlite: { moment: 'text', seq: 'integer' },
} as const;

/**
 * The exports to the national platforms: each run with its cursor over `record_version.seq` (the next run of
 * a platform starts at the highest `to` recorded), its counts and the hash of its signed manifest; and every
 * registration a platform has received, so that a consent withdrawal that erased the record still reaches
 * that platform as a withdrawal event.
 */
export async function up(db: Kysely<any>, engine: HubEngine): Promise<void> {
  const { moment, seq } = COLUMN_TYPES[engine];

  // One export run: what it covered (seq from, exclusive, to, inclusive), what it wrote and who ran it.
  await db.schema
    .createTable('export_run')
    .addColumn('province_code', 'text', (col) => col.notNull())
    .addColumn('id', 'text', (col) => col.notNull())
    .addColumn('platform', 'text', (col) => col.notNull())
    .addColumn('map_version', 'text', (col) => col.notNull())
    .addColumn('cursor_from', seq, (col) => col.notNull())
    .addColumn('cursor_to', seq, (col) => col.notNull())
    .addColumn('counts', 'text', (col) => col.notNull())
    .addColumn('manifest_sha256', 'text', (col) => col.notNull())
    .addColumn('folder', 'text', (col) => col.notNull())
    .addColumn('created_at', moment, (col) => col.notNull())
    .addColumn('created_by', 'text', (col) => col.notNull())
    .addPrimaryKeyConstraint('export_run_pk', ['province_code', 'id'])
    .execute();
  await db.schema.createIndex('export_run_by_platform').on('export_run').columns(['province_code', 'platform', 'cursor_to']).execute();

  // A registration a platform received in a run: its number (no personal field), the file it went to and the first run's seq.
  await db.schema
    .createTable('export_subject')
    .addColumn('province_code', 'text', (col) => col.notNull())
    .addColumn('platform', 'text', (col) => col.notNull())
    .addColumn('station_code', 'text', (col) => col.notNull())
    .addColumn('entity_id', 'text', (col) => col.notNull())
    .addColumn('registration_number', 'text', (col) => col.notNull())
    .addColumn('program', 'text', (col) => col.notNull())
    .addColumn('first_seq', seq, (col) => col.notNull())
    .addColumn('run_id', 'text', (col) => col.notNull())
    .addPrimaryKeyConstraint('export_subject_pk', ['province_code', 'platform', 'station_code', 'entity_id'])
    .execute();
}
