import type { Kysely } from 'kysely';
import type { HubEngine } from '../engine';

// Frozen: once landed, never edit this file. Change the schema in a new numbered migration.

/**
 * Donor-family care: a projection of the care kinds (`donor_family`, `family_care_year`, `aid_case`), one row per
 * record holding its highest version, so the care figures are grouped SQL and never open a sealed payload. The
 * payloads carry no name, phone, address, reason or note, and neither do these tables: codes, days and counts.
 * Days are YYYY-MM-DD text in China Standard Time on both engines, as the station sends them.
 */
export async function up(db: Kysely<any>, _engine: HubEngine): Promise<void> {
  // A donor's family as its latest version stands: when it was opened, the donation, do-not-contact, consents.
  await db.schema
    .createTable('care_family')
    .addColumn('province_code', 'text', (col) => col.notNull())
    .addColumn('station_code', 'text', (col) => col.notNull())
    .addColumn('family_id', 'text', (col) => col.notNull())
    .addColumn('registration_id', 'text', (col) => col.notNull())
    .addColumn('donated_on', 'text', (col) => col.notNull())
    .addColumn('opened_on', 'text', (col) => col.notNull())
    .addColumn('do_not_contact', 'integer', (col) => col.notNull())
    // Each purpose's standing consent: 1 granted, 0 refused, null when the family was never asked.
    .addColumn('consent_name_engraving', 'integer')
    .addColumn('consent_publicity', 'integer')
    .addColumn('consent_contact', 'integer')
    .addColumn('version', 'integer', (col) => col.notNull())
    .addPrimaryKeyConstraint('care_family_pk', ['province_code', 'station_code', 'family_id'])
    .addForeignKeyConstraint('care_family_station', ['province_code', 'station_code'], 'station', ['province_code', 'code'])
    .execute();

  // One family's care in one year (its own record id), counts only.
  await db.schema
    .createTable('care_family_year')
    .addColumn('province_code', 'text', (col) => col.notNull())
    .addColumn('station_code', 'text', (col) => col.notNull())
    .addColumn('record_id', 'text', (col) => col.notNull())
    .addColumn('family_id', 'text', (col) => col.notNull())
    .addColumn('year', 'integer', (col) => col.notNull())
    .addColumn('phone_calls', 'integer', (col) => col.notNull())
    .addColumn('home_visits', 'integer', (col) => col.notNull())
    .addColumn('festival_visits', 'integer', (col) => col.notNull())
    // Every contact of the year, the kinds above and any kind a later station counts.
    .addColumn('contacts', 'integer', (col) => col.notNull())
    .addColumn('follow_ups_done', 'integer', (col) => col.notNull())
    .addColumn('follow_ups_stopped', 'integer', (col) => col.notNull())
    .addColumn('invitations', 'integer', (col) => col.notNull())
    .addColumn('accepted', 'integer', (col) => col.notNull())
    .addColumn('attended', 'integer', (col) => col.notNull())
    .addColumn('version', 'integer', (col) => col.notNull())
    .addPrimaryKeyConstraint('care_family_year_pk', ['province_code', 'station_code', 'record_id'])
    .addForeignKeyConstraint('care_family_year_station', ['province_code', 'station_code'], 'station', ['province_code', 'code'])
    .execute();
  await db.schema.createIndex('care_family_year_by_year').on('care_family_year').columns(['province_code', 'year', 'station_code']).execute();

  // An aid case at its latest step: programme, state, the sum granted in fen, the notice and payment days.
  await db.schema
    .createTable('care_aid_case')
    .addColumn('province_code', 'text', (col) => col.notNull())
    .addColumn('station_code', 'text', (col) => col.notNull())
    .addColumn('case_id', 'text', (col) => col.notNull())
    .addColumn('family_id', 'text', (col) => col.notNull())
    .addColumn('programme', 'text', (col) => col.notNull())
    .addColumn('state', 'text', (col) => col.notNull())
    .addColumn('applied_on', 'text', (col) => col.notNull())
    .addColumn('amount_granted_fen', 'integer')
    .addColumn('notice_from', 'text')
    .addColumn('notice_to', 'text')
    .addColumn('paid_on', 'text')
    .addColumn('version', 'integer', (col) => col.notNull())
    .addPrimaryKeyConstraint('care_aid_case_pk', ['province_code', 'station_code', 'case_id'])
    .addForeignKeyConstraint('care_aid_case_station', ['province_code', 'station_code'], 'station', ['province_code', 'code'])
    .execute();
  await db.schema.createIndex('care_aid_case_by_applied').on('care_aid_case').columns(['province_code', 'applied_on']).execute();
  await db.schema.createIndex('care_aid_case_by_paid').on('care_aid_case').columns(['province_code', 'paid_on']).execute();
}
