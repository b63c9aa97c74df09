import type { Kysely } from 'kysely';
import type { HubEngine } from '../engine';

// Frozen: once landed, never edit this file. Change the schema in a new numbered migration.

/** The column types that differ between the engines, written out here so that this file never changes. */
const COLUMN_TYPES = {
  postgres: { bytes: 'bytea', moment: 'timestamptz' },
  sqlite: { bytes: 'blob', moment: 'text' },
} as const;

/**
 * People across the province: one person per identity document, keyed by a blind index, with their personal
 * fields sealed; each station's registration linked to its person; the review list of documents seen with
 * another name or birth date; and the records consent tombstones erased, so that versions arriving after
 * their tombstone are erased as they land.
 */
export async function up(db: Kysely<any>, engine: HubEngine): Promise<void> {
  const { bytes, moment } = COLUMN_TYPES[engine];

  await db.schema
    .createTable('person')
    .addColumn('province_code', 'text', (col) => col.notNull())
    .addColumn('person_key', 'text', (col) => col.notNull())
    .addColumn('sealed_fields', bytes, (col) => col.notNull())
    .addColumn('created_at', moment, (col) => col.notNull())
    .addColumn('updated_at', moment, (col) => col.notNull())
    .addPrimaryKeyConstraint('person_pk', ['province_code', 'person_key'])
    .execute();

  // A registration waiting for review has no person (person_key null): it is never merged by guess.
  await db.schema
    .createTable('person_registration')
    .addColumn('province_code', 'text', (col) => col.notNull())
    .addColumn('station_code', 'text', (col) => col.notNull())
    .addColumn('registration_id', 'text', (col) => col.notNull())
    .addColumn('person_key', 'text')
    .addColumn('station_person_id', 'text', (col) => col.notNull())
    .addColumn('program', 'text', (col) => col.notNull())
    .addColumn('state', 'text', (col) => col.notNull())
    .addColumn('latest_version', 'integer', (col) => col.notNull())
    .addColumn('registered_at', moment, (col) => col.notNull())
    .addColumn('state_changed_at', moment, (col) => col.notNull())
    .addPrimaryKeyConstraint('person_registration_pk', ['province_code', 'station_code', 'registration_id'])
    .addForeignKeyConstraint('person_registration_station', ['province_code', 'station_code'], 'station', ['province_code', 'code'])
    .addForeignKeyConstraint('person_registration_person', ['province_code', 'person_key'], 'person', ['province_code', 'person_key'])
    .execute();
  await db.schema.createIndex('person_registration_by_person').on('person_registration').columns(['province_code', 'person_key']).execute();

  // One review entry per registration that named a held document with another name or birth date.
  await db.schema
    .createTable('person_review')
    .addColumn('id', engine === 'postgres' ? 'bigint' : 'integer', (col) =>
      engine === 'postgres' ? col.generatedAlwaysAsIdentity().primaryKey() : col.primaryKey().autoIncrement(),
    )
    .addColumn('province_code', 'text', (col) => col.notNull())
    .addColumn('person_key', 'text', (col) => col.notNull())
    .addColumn('station_code', 'text', (col) => col.notNull())
    .addColumn('registration_id', 'text', (col) => col.notNull())
    .addColumn('held_station_codes', 'text', (col) => col.notNull())
    .addColumn('sealed_held', bytes, (col) => col.notNull())
    .addColumn('sealed_seen', bytes, (col) => col.notNull())
    .addColumn('seen_at', moment, (col) => col.notNull())
    .addColumn('reviewed_at', moment)
    .addUniqueConstraint('person_review_once', ['province_code', 'station_code', 'registration_id'])
    .addForeignKeyConstraint('person_review_person', ['province_code', 'person_key'], 'person', ['province_code', 'person_key'])
    .addForeignKeyConstraint('person_review_station', ['province_code', 'station_code'], 'station', ['province_code', 'code'])
    .execute();
  await db.schema.createIndex('person_review_by_person').on('person_review').columns(['province_code', 'person_key']).execute();

  await db.schema
    .createTable('record_erasure')
    .addColumn('province_code', 'text', (col) => col.notNull())
    .addColumn('station_code', 'text', (col) => col.notNull())
    .addColumn('entity_kind', 'text', (col) => col.notNull())
    .addColumn('entity_id', 'text', (col) => col.notNull())
    .addColumn('through_version', 'integer', (col) => col.notNull())
    .addColumn('tombstone_id', 'text', (col) => col.notNull())
    .addColumn('erased_at', moment, (col) => col.notNull())
    .addPrimaryKeyConstraint('record_erasure_pk', ['province_code', 'station_code', 'entity_kind', 'entity_id'])
    .addForeignKeyConstraint('record_erasure_station', ['province_code', 'station_code'], 'station', ['province_code', 'code'])
    .execute();
}
