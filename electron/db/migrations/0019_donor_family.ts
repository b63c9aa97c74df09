import { sql, type Kysely } from 'kysely';

// Frozen: once landed, never edit this file. Change the schema in a new numbered migration.
export async function up(db: Kysely<any>): Promise<void> {
  // The family of a donor, opened once from the realised registration of the donation. The reason the
  // family gave for asking not to be contacted is sealed.
  await db.schema
    .createTable('donor_family')
    .addColumn('id', 'text', (col) => col.primaryKey())
    .addColumn('station_code', 'text', (col) => col.notNull())
    .addColumn('registration_id', 'text', (col) => col.notNull().unique().references('registration.id'))
    .addColumn('person_id', 'text', (col) => col.notNull().references('person.id'))
    .addColumn('programme', 'text', (col) => col.notNull())
    .addColumn('donated_on', 'text', (col) => col.notNull())
    .addColumn('preferred_channel', 'text', (col) => col.notNull())
    .addColumn('do_not_contact', 'integer', (col) => col.notNull().defaultTo(0).check(sql`do_not_contact in (0, 1)`))
    .addColumn('do_not_contact_reason', 'text')
    .addColumn('version', 'integer', (col) => col.notNull())
    .addColumn('opened_at', 'text', (col) => col.notNull())
    .addColumn('opened_by', 'text')
    .addColumn('updated_at', 'text', (col) => col.notNull())
    .execute();
  await db.schema.createIndex('donor_family_person').on('donor_family').column('person_id').execute();
  await sql`create trigger donor_family_no_delete before delete on donor_family
    begin select raise(abort, 'donor families are never deleted'); end`.execute(db);

  // The members of a family. Their name, phone and address are sealed together as one JSON value; every
  // version of it is kept in family_member_version.
  await db.schema
    .createTable('family_member')
    .addColumn('id', 'text', (col) => col.primaryKey())
    .addColumn('family_id', 'text', (col) => col.notNull().references('donor_family.id'))
    .addColumn('relation_code', 'text', (col) => col.notNull())
    .addColumn('details', 'text', (col) => col.notNull())
    .addColumn('is_executor', 'integer', (col) => col.notNull().check(sql`is_executor in (0, 1)`))
    .addColumn('consented', 'integer', (col) => col.notNull().check(sql`consented in (0, 1)`))
    .addColumn('do_not_contact', 'integer', (col) => col.notNull().check(sql`do_not_contact in (0, 1)`))
    .addColumn('version', 'integer', (col) => col.notNull())
    .addColumn('created_at', 'text', (col) => col.notNull())
    .addColumn('updated_at', 'text', (col) => col.notNull())
    .execute();
  await db.schema.createIndex('family_member_family').on('family_member').column('family_id').execute();
  await db.schema
    .createTable('family_member_version')
    .addColumn('member_id', 'text', (col) => col.notNull().references('family_member.id'))
    .addColumn('version', 'integer', (col) => col.notNull())
    .addColumn('relation_code', 'text', (col) => col.notNull())
    .addColumn('details', 'text', (col) => col.notNull())
    .addColumn('is_executor', 'integer', (col) => col.notNull())
    .addColumn('consented', 'integer', (col) => col.notNull())
    .addColumn('do_not_contact', 'integer', (col) => col.notNull())
    .addColumn('at', 'text', (col) => col.notNull())
    .addColumn('actor_id', 'text')
    .addPrimaryKeyConstraint('family_member_version_pk', ['member_id', 'version'])
    .execute();

  // A family's consents, append-only: the latest per purpose stands.
  await db.schema
    .createTable('family_consent')
    .addColumn('id', 'text', (col) => col.primaryKey())
    .addColumn('family_id', 'text', (col) => col.notNull().references('donor_family.id'))
    .addColumn('member_id', 'text', (col) => col.notNull().references('family_member.id'))
    .addColumn('purpose', 'text', (col) => col.notNull().check(sql`purpose in ('name_engraving', 'publicity', 'contact')`))
    .addColumn('granted', 'integer', (col) => col.notNull().check(sql`granted in (0, 1)`))
    .addColumn('given_on', 'text', (col) => col.notNull())
    .addColumn('text_version', 'text', (col) => col.notNull())
    .addColumn('recorded_at', 'text', (col) => col.notNull())
    .addColumn('recorded_by', 'text')
    .execute();
  await db.schema.createIndex('family_consent_family').on('family_consent').columns(['family_id', 'purpose', 'recorded_at']).execute();
  await sql`create trigger family_consent_no_delete before delete on family_consent
    begin select raise(abort, 'family consents are never deleted'); end`.execute(db);
  await sql`create trigger family_consent_no_change before update on family_consent
    begin select raise(abort, 'a recorded family consent never changes'); end`.execute(db);

  // The care plan: one row per follow-up. Planned ones (after the donation, the yearly Qingming visit)
  // are unique per family and slot, so materialising the plan again adds nothing twice.
  await db.schema
    .createTable('family_follow_up')
    .addColumn('id', 'text', (col) => col.primaryKey())
    .addColumn('family_id', 'text', (col) => col.notNull().references('donor_family.id'))
    .addColumn('kind', 'text', (col) => col.notNull().check(sql`kind in ('after_donation', 'qingming', 'next_step')`))
    .addColumn('slot', 'integer')
    .addColumn('due_on', 'text', (col) => col.notNull())
    .addColumn('state', 'text', (col) => col.notNull().check(sql`state in ('open', 'done', 'stopped')`))
    .addColumn('contact_id', 'text')
    .addColumn('created_at', 'text', (col) => col.notNull())
    .addColumn('closed_at', 'text')
    .execute();
  await sql`create unique index family_follow_up_slot on family_follow_up (family_id, kind, slot) where slot is not null`.execute(db);
  await db.schema.createIndex('family_follow_up_due').on('family_follow_up').columns(['state', 'due_on']).execute();
  await db.schema.createIndex('family_follow_up_family').on('family_follow_up').columns(['family_id', 'due_on']).execute();

  // Contacts made with a family; the needs heard and the next step are sealed.
  await db.schema
    .createTable('family_contact')
    .addColumn('id', 'text', (col) => col.primaryKey())
    .addColumn('family_id', 'text', (col) => col.notNull().references('donor_family.id'))
    .addColumn('follow_up_id', 'text', (col) => col.references('family_follow_up.id'))
    .addColumn('kind', 'text', (col) => col.notNull().check(sql`kind in ('phone_call', 'home_visit', 'festival_visit')`))
    .addColumn('contacted_on', 'text', (col) => col.notNull())
    .addColumn('member_id', 'text', (col) => col.references('family_member.id'))
    .addColumn('needs', 'text')
    .addColumn('next_step', 'text')
    .addColumn('recorded_at', 'text', (col) => col.notNull())
    .addColumn('recorded_by', 'text')
    .execute();
  await db.schema.createIndex('family_contact_family').on('family_contact').columns(['family_id', 'contacted_on']).execute();
  await db.schema.createIndex('family_contact_day').on('family_contact').column('contacted_on').execute();
  await sql`create trigger family_contact_no_delete before delete on family_contact
    begin select raise(abort, 'family contacts are never deleted'); end`.execute(db);

  // Invitations to the remembrance ceremonies: one per family, ceremony and year, each with a unique code
  // printed on the letter. A decline stops the ceremony for the family until staff re-open it.
  await db.schema
    .createTable('family_invitation')
    .addColumn('id', 'text', (col) => col.primaryKey())
    .addColumn('family_id', 'text', (col) => col.notNull().references('donor_family.id'))
    .addColumn('ceremony', 'text', (col) => col.notNull().check(sql`ceremony in ('qingming', 'life_tribute', 'university_ceremony')`))
    .addColumn('year', 'integer', (col) => col.notNull())
    .addColumn('code', 'text', (col) => col.notNull().unique())
    .addColumn('state', 'text', (col) => col.notNull().check(sql`state in ('invited', 'accepted', 'declined')`))
    .addColumn('invited_at', 'text', (col) => col.notNull())
    .addColumn('invited_by', 'text')
    .addColumn('answered_at', 'text')
    .addColumn('attended_at', 'text')
    .addColumn('attended_source', 'text', (col) => col.check(sql`attended_source in ('staff', 'kiosk')`))
    .addColumn('reopened_at', 'text')
    .addUniqueConstraint('family_invitation_once', ['family_id', 'ceremony', 'year'])
    .addCheckConstraint('family_invitation_attendance', sql`(attended_at is null) = (attended_source is null)`)
    .execute();
  await db.schema.createIndex('family_invitation_year').on('family_invitation').columns(['year', 'ceremony']).execute();

  // Each family's yearly care summary sent to the province (sync kind family_care_year): its record id and
  // the version last queued.
  await db.schema
    .createTable('family_care_year')
    .addColumn('id', 'text', (col) => col.notNull().unique())
    .addColumn('family_id', 'text', (col) => col.notNull().references('donor_family.id'))
    .addColumn('year', 'integer', (col) => col.notNull())
    .addColumn('version', 'integer', (col) => col.notNull())
    .addPrimaryKeyConstraint('family_care_year_pk', ['family_id', 'year'])
    .execute();
}
