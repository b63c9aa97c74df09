import { sql, type Kysely } from 'kysely';
import type { HubEngine } from '../engine';

// Frozen: once landed, never edit this file. Change the schema in a new numbered migration.

/** The column types that differ between the engines, written out here so that this file never changes. */
const COLUMN_TYPES = {
  postgres: { bytes: 'bytea', moment: 'timestamptz', serial: 'bigint' },
  sqlite: { bytes: 'blob', moment: 'text', serial: 'integer' },
} as const;

/**
 * The ingest log and review decisions.
 *
 * - `ingest_event`: every upload or imported file the hub answered (taken, replayed or refused with its code),
 *   with the station and batch when known, its line counts and size, and whether it came over HTTP or from an
 *   import. Never a personal value or the batch body.
 * - `review_decision`: what the province decided about a review entry (`confirm_same` or `keep_apart`), who
 *   decided, when and why, and who undid it and when. A confirmed contact change keeps the person's fields as
 *   they were before it, sealed, so that an undo puts them back exactly.
 * - `person_review.decision`: the standing decision of an entry (null while open or once undone), which the
 *   people's step reads when the registration's next version arrives.
 */
export async function up(db: Kysely<any>, engine: HubEngine): Promise<void> {
  const { bytes, moment, serial } = COLUMN_TYPES[engine];
  const identity = (col: any) => (engine === 'postgres' ? col.generatedAlwaysAsIdentity().primaryKey() : col.primaryKey().autoIncrement());

  await db.schema
    .createTable('ingest_event')
    .addColumn('seq', serial, identity)
    .addColumn('province_code', 'text', (col) => col.notNull())
    .addColumn('via', 'text', (col) => col.notNull().check(sql`via in ('http', 'import')`))
    .addColumn('outcome', 'text', (col) => col.notNull().check(sql`outcome in ('taken', 'replayed', 'refused')`))
    .addColumn('code', 'text')
    .addColumn('station_code', 'text')
    .addColumn('batch_id', 'text')
    .addColumn('accepted', 'integer')
    .addColumn('duplicate', 'integer')
    .addColumn('rejected', 'integer')
    .addColumn('alert', 'text', (col) => col.check(sql`alert in ('audit_head_regressed')`))
    .addColumn('bytes', 'bigint', (col) => col.notNull())
    .addColumn('received_at', moment, (col) => col.notNull())
    .execute();
  // The log is read newest first, for the province or one station.
  await db.schema.createIndex('ingest_event_by_seq').on('ingest_event').columns(['province_code', 'seq']).execute();
  await db.schema.createIndex('ingest_event_by_station').on('ingest_event').columns(['province_code', 'station_code', 'seq']).execute();

  await db.schema
    .createTable('review_decision')
    .addColumn('id', serial, identity)
    .addColumn('province_code', 'text', (col) => col.notNull())
    .addColumn('review_id', serial, (col) => col.notNull())
    // The entry's record and person, kept so that the decision stays readable once the entry is gone.
    .addColumn('station_code', 'text', (col) => col.notNull())
    .addColumn('registration_id', 'text', (col) => col.notNull())
    .addColumn('record_kind', 'text', (col) => col.notNull())
    .addColumn('person_key', 'text', (col) => col.notNull())
    .addColumn('decision', 'text', (col) => col.notNull().check(sql`decision in ('confirm_same', 'keep_apart')`))
    .addColumn('reason', 'text', (col) => col.notNull())
    .addColumn('decided_by', 'text', (col) => col.notNull())
    .addColumn('decided_at', moment, (col) => col.notNull())
    .addColumn('sealed_fields_before', bytes)
    .addColumn('fields_changed_at_before', moment)
    .addColumn('fields_changed_at_set', moment)
    .addColumn('undone_by', 'text')
    .addColumn('undone_at', moment)
    .execute();
  await db.schema.createIndex('review_decision_by_review').on('review_decision').columns(['province_code', 'review_id']).execute();
  // One standing decision per entry: a second is refused by constraint, also when two are made at once.
  await db.schema
    .createIndex('review_decision_standing')
    .on('review_decision')
    .columns(['province_code', 'review_id'])
    .unique()
    .where(sql.ref('undone_at'), 'is', null)
    .execute();

  await db.schema
    .alterTable('person_review')
    .addColumn('decision', 'text', (col) => col.check(sql`decision in ('confirm_same', 'keep_apart')`))
    .execute();
}
