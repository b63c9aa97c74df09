import type { Kysely } from 'kysely';
import type { HubEngine } from '../engine';

// Frozen: once landed, never edit this file. Change the schema in a new numbered migration.

/**
 * Indexes that keep the figures quick at a province's scale (a million registrations; `bench/hub-console.ts`).
 * The figures join each table to `station` for its prefecture, and both engines then read the big table station
 * by station: each index starts with (province, station) and carries every column the figures read, so a year's
 * rows are a range of the index and the table itself is never visited.
 *
 * - `person_registration_by_station_registered`: registrations made in a period, with what they are counted by.
 * - `person_registration_withdrawn`: withdrawals by the moment they were made, a small share of the rows.
 * - `person_registration_stem_cell_status`: the stem-cell pipeline, at its status and re-contact consent now.
 * - `activity_visit_by_station_moment`: visits in a period with their party sizes.
 */
export async function up(db: Kysely<any>, _engine: HubEngine): Promise<void> {
  await db.schema
    .createIndex('person_registration_by_station_registered')
    .on('person_registration')
    .columns(['province_code', 'station_code', 'registered_at', 'program', 'state', 'person_key'])
    .execute();
  await db.schema
    .createIndex('person_registration_withdrawn')
    .on('person_registration')
    .columns(['province_code', 'state', 'state_changed_at', 'station_code', 'program'])
    .execute();
  await db.schema
    .createIndex('person_registration_stem_cell_status')
    .on('person_registration')
    .columns(['province_code', 'station_code', 'program', 'state', 'stem_cell_status', 'follow_up_consent', 'registered_at'])
    .execute();
  await db.schema
    .createIndex('activity_visit_by_station_moment')
    .on('activity_visit')
    .columns(['province_code', 'station_code', 'visited_at', 'party_size'])
    .execute();
}
