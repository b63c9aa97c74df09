import type { Kysely } from 'kysely';
import type { HubEngine } from '../engine';

// Frozen: once landed, never edit this file. Change the schema in a new numbered migration.

/** The column types that differ between the engines, written out here so that this file never changes. */
const COLUMN_TYPES = {
  postgres: { moment: 'timestamptz', seq: 'bigint' },
  sqlite: { moment: 'text', seq: 'integer' },
} as const;

/**
 * An export run's progress, kept while it runs and after: a row is written when a run starts (`running`),
 * its work done is updated page by page, and it ends `finished`, `failed` or — when the hub stopped under it
 * and found it still running at its next start — `interrupted`. The run's files are written in a hidden folder
 * (`partial_folder`) until they are complete, so an interrupted run's half-written files can be found and
 * removed; its cursor never advanced, since only a finished run is recorded in `export_run`.
 */
export async function up(db: Kysely<any>, engine: HubEngine): Promise<void> {
  const { moment, seq } = COLUMN_TYPES[engine];
  await db.schema
    .createTable('export_progress')
    .addColumn('province_code', 'text', (col) => col.notNull())
    .addColumn('run_id', 'text', (col) => col.notNull())
    .addColumn('platform', 'text', (col) => col.notNull())
    .addColumn('state', 'text', (col) => col.notNull())
    // `hub` for a run the console started, `cli <host> <pid>` for one run at the command line.
    .addColumn('runner', 'text', (col) => col.notNull())
    .addColumn('cursor_from', seq, (col) => col.notNull())
    .addColumn('cursor_to', seq, (col) => col.notNull())
    .addColumn('done', seq, (col) => col.notNull())
    .addColumn('total', seq, (col) => col.notNull())
    .addColumn('partial_folder', 'text', (col) => col.notNull())
    .addColumn('failure', 'text')
    .addColumn('started_at', moment, (col) => col.notNull())
    .addColumn('updated_at', moment, (col) => col.notNull())
    .addColumn('created_by', 'text', (col) => col.notNull())
    .addPrimaryKeyConstraint('export_progress_pk', ['province_code', 'run_id'])
    .execute();
  await db.schema.createIndex('export_progress_by_state').on('export_progress').columns(['province_code', 'state', 'started_at']).execute();
}
