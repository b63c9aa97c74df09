import { sql, type Kysely } from 'kysely';
import type { HubEngine } from '../engine';

// Frozen: once landed, never edit this file. Change the schema in a new numbered migration.

/**
 * The stem-cell pipeline and re-contact consent, kept on each registration as its latest version carries
 * them, and review entries about contact changes as well as registrations.
 *
 * - `person_registration.stem_cell_status`: the payload's `stemCellStatus`; null for other programs.
 * - `person_registration.follow_up_consent`: the person's `follow_up_contact` consent in the latest version,
 *   1 granted, 0 refused, null when the version carries none.
 * - `person_review.record_kind`: what the entry is about, `registration` (a registration naming a held
 *   document with another name or birth date) or `person` (a contact change naming another name or birth
 *   date than other stations hold); `registration_id` holds that record's entity id.
 *
 * Registrations held before this migration are not filled here: their facts sit only in the sealed payloads,
 * which a migration cannot open (the data key ring lives outside the database). Their columns stay null, the
 * figures count them as `unknown`, and the next version of each registration fills them. Every review entry
 * held before this migration is about a registration, so the column's default is right for them.
 */
export async function up(db: Kysely<any>, _engine: HubEngine): Promise<void> {
  // One column per statement: SQLite's ALTER TABLE adds one at a time.
  await db.schema.alterTable('person_registration').addColumn('stem_cell_status', 'text').execute();
  await db.schema
    .alterTable('person_registration')
    .addColumn('follow_up_consent', 'integer', (col) => col.check(sql`follow_up_consent in (0, 1)`))
    .execute();
  await db.schema
    .alterTable('person_review')
    .addColumn('record_kind', 'text', (col) => col.notNull().defaultTo('registration').check(sql`record_kind in ('registration', 'person')`))
    .execute();

  // The stem-cell figures read only the program's rows, now or made in a period: a partial index keeps them
  // apart from the province's other registrations.
  await db.schema
    .createIndex('person_registration_stem_cell')
    .on('person_registration')
    .columns(['province_code', 'registered_at'])
    .where(sql.ref('program'), '=', sql.lit('stem_cell'))
    .execute();
}
