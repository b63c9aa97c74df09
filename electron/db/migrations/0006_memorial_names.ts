import { sql, type Kysely } from 'kysely';

// Frozen: once landed, never edit this file. Change the schema in a new numbered migration.
export async function up(db: Kysely<any>): Promise<void> {
  // The family's consent to publishing a donor's name. Who gave it (name, relation, identity document
  // already masked) is sealed as one value, as is their drawn signature and the reason of a withdrawal.
  await db.schema
    .createTable('memorial_consent')
    .addColumn('id', 'text', (col) => col.primaryKey())
    .addColumn('relative', 'text', (col) => col.notNull())
    .addColumn('signature_kind', 'text', (col) => col.notNull().check(sql`signature_kind in ('drawn', 'paper')`))
    .addColumn('signature', 'text')
    .addColumn('given_on', 'text', (col) => col.notNull())
    .addColumn('text_version', 'text', (col) => col.notNull())
    .addColumn('recorded_at', 'text', (col) => col.notNull())
    .addColumn('recorded_by', 'text')
    .addColumn('withdrawn_at', 'text')
    .addColumn('withdrawn_by', 'text')
    .addColumn('withdraw_reason', 'text')
    .addCheckConstraint('memorial_consent_signature', sql`(signature_kind = 'drawn') = (signature is not null)`)
    .execute();
  // What was consented to, and when, never changes; a withdrawal is recorded once and is final. The
  // sealed columns stay updatable so that a key rotation can re-encrypt them.
  await sql`create trigger memorial_consent_no_delete before delete on memorial_consent
    begin select raise(abort, 'memorial consents are never deleted'); end`.execute(db);
  await sql`create trigger memorial_consent_no_change
    before update of id, signature_kind, given_on, text_version, recorded_at, recorded_by on memorial_consent
    begin select raise(abort, 'a recorded memorial consent never changes'); end`.execute(db);
  await sql`create trigger memorial_consent_withdrawn_once
    before update of withdrawn_at, withdrawn_by on memorial_consent when old.withdrawn_at is not null
    begin select raise(abort, 'a memorial consent is withdrawn once'); end`.execute(db);

  // One name on the memorial wall. The published name is stored as plain text, unlike every other
  // name in this database: the family consented to its publication (it is engraved on a public wall
  // and shown in full at the kiosk), and a search by characters over 100 000 names needs it, and its
  // search keys, in indexed columns. The consent is what makes it public, so the moment the consent is
  // withdrawn the plain name and its search keys are erased (secure_delete overwrites the freed pages)
  // and the name is kept only sealed, for the entry's history.
  await db.schema
    .createTable('memorial_entry')
    .addColumn('id', 'text', (col) => col.primaryKey())
    .addColumn('station_code', 'text', (col) => col.notNull())
    .addColumn('consent_id', 'text', (col) => col.notNull().unique().references('memorial_consent.id'))
    .addColumn('state', 'text', (col) => col.notNull().check(sql`state in ('published', 'withdrawn')`))
    .addColumn('version', 'integer', (col) => col.notNull())
    .addColumn('published_name', 'text')
    .addColumn('withdrawn_name', 'text')
    .addColumn('donation_kind', 'text', (col) => col.notNull().check(sql`donation_kind in ('organ', 'cornea', 'body')`))
    .addColumn('engraving_year', 'integer', (col) => col.notNull())
    .addColumn('wall_location', 'text', (col) => col.notNull())
    .addColumn('person_id', 'text', (col) => col.references('person.id'))
    .addColumn('created_at', 'text', (col) => col.notNull())
    .addColumn('created_by', 'text')
    .addColumn('withdrawn_at', 'text')
    .addColumn('withdrawn_by', 'text')
    .addCheckConstraint(
      'memorial_entry_name_follows_consent',
      sql`(state = 'published' and published_name is not null and withdrawn_name is null)
        or (state = 'withdrawn' and published_name is null and withdrawn_name is not null)`,
    )
    .execute();
  await db.schema.createIndex('memorial_entry_created').on('memorial_entry').columns(['state', 'created_at']).execute();
  await db.schema.createIndex('memorial_entry_person').on('memorial_entry').column('person_id').execute();
  // No consent, no entry: an entry is published only on a consent that stands.
  await sql`create trigger memorial_entry_needs_consent before insert on memorial_entry
    when new.state != 'published'
      or (select withdrawn_at from memorial_consent where id = new.consent_id) is not null
    begin select raise(abort, 'a memorial entry is published only on a standing consent'); end`.execute(db);
  // The history stays: an entry is never deleted, and a withdrawn one never comes back.
  await sql`create trigger memorial_entry_no_delete before delete on memorial_entry
    begin select raise(abort, 'memorial entries are never deleted'); end`.execute(db);
  await sql`create trigger memorial_entry_withdrawn_final
    before update of state, published_name, consent_id on memorial_entry when old.state = 'withdrawn'
    begin select raise(abort, 'a withdrawn memorial entry is final'); end`.execute(db);

  // The search keys of a published name: every suffix of its characters (a search by characters is a
  // prefix of one of them), and its pinyin and pinyin initials in each reading kept for it. One key
  // space: a search is one range scan of this covering index, whatever was typed. Each key carries the
  // entry's year of engraving and pinyin sort key, so that matches are counted and ordered from the
  // index alone and only the page shown is read from memorial_entry.
  await db.schema
    .createTable('memorial_name_key')
    .addColumn('key', 'text', (col) => col.notNull())
    .addColumn('entry_id', 'text', (col) => col.notNull().references('memorial_entry.id'))
    .addColumn('engraving_year', 'integer', (col) => col.notNull())
    .addColumn('sort_key', 'text', (col) => col.notNull())
    .addPrimaryKeyConstraint('memorial_name_key_pk', ['key', 'entry_id'])
    .modifyEnd(sql`without rowid`)
    .execute();
  await db.schema.createIndex('memorial_name_key_entry').on('memorial_name_key').column('entry_id').execute();
  // Keys exist only for a published name, and leave with it when the consent is withdrawn, whoever
  // withdraws it: a withdrawn name can never be found, nor counted.
  await sql`create trigger memorial_name_key_published_only before insert on memorial_name_key
    when (select state from memorial_entry where id = new.entry_id) is not 'published'
    begin select raise(abort, 'only a published memorial name has search keys'); end`.execute(db);
  await sql`create trigger memorial_entry_withdrawn_keys after update of state on memorial_entry
    when new.state = 'withdrawn'
    begin delete from memorial_name_key where entry_id = new.id; end`.execute(db);
}
