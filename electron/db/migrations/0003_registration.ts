import { sql, type Kysely } from 'kysely';

/**
 * Tables whose rows are history: never deleted, and their facts never changed. Only the sealed
 * columns may be rewritten, because a key rotation re-encrypts them in place.
 */
async function appendOnly(db: Kysely<any>, table: string, factColumns: string[]): Promise<void> {
  await sql`create trigger ${sql.raw(`${table}_no_delete`)} before delete on ${sql.table(table)}
    begin select raise(abort, ${sql.lit(`${table} is append-only`)}); end`.execute(db);
  await sql`create trigger ${sql.raw(`${table}_no_change`)} before update of ${sql.raw(factColumns.join(', '))} on ${sql.table(table)}
    begin select raise(abort, ${sql.lit(`${table} is append-only`)}); end`.execute(db);
}

// Frozen: once landed, never edit this file. Change the schema in a new numbered migration.
export async function up(db: Kysely<any>): Promise<void> {
  // A person is stored once, found by the blind index of their document (kind + normalised number).
  // Personal fields travel sealed together as one JSON value; name and phone have blind indexes for
  // exact search. `index_key_id` names the data key the indexes were computed under, so that a key
  // rotation can recompute them.
  await db.schema
    .createTable('person')
    .addColumn('id', 'text', (col) => col.primaryKey())
    .addColumn('station_code', 'text', (col) => col.notNull())
    .addColumn('version', 'integer', (col) => col.notNull())
    .addColumn('document_kind', 'text', (col) => col.notNull())
    .addColumn('document_key', 'text', (col) => col.notNull().unique())
    .addColumn('name_key', 'text', (col) => col.notNull())
    .addColumn('phone_key', 'text', (col) => col.notNull())
    .addColumn('index_key_id', 'text', (col) => col.notNull())
    .addColumn('personal', 'text', (col) => col.notNull())
    .addColumn('created_at', 'text', (col) => col.notNull())
    .addColumn('updated_at', 'text', (col) => col.notNull())
    .execute();
  await db.schema.createIndex('person_name_key').on('person').column('name_key').execute();
  await db.schema.createIndex('person_phone_key').on('person').column('phone_key').execute();
  await sql`create trigger person_no_delete before delete on person
    begin select raise(abort, 'person records are never deleted'); end`.execute(db);

  await db.schema
    .createTable('person_version')
    .addColumn('person_id', 'text', (col) => col.notNull().references('person.id'))
    .addColumn('version', 'integer', (col) => col.notNull())
    .addColumn('at', 'text', (col) => col.notNull())
    .addColumn('actor_id', 'text')
    .addColumn('actor_role', 'text', (col) => col.notNull())
    .addColumn('personal', 'text', (col) => col.notNull())
    .addColumn('reason', 'text')
    .addPrimaryKeyConstraint('person_version_pk', ['person_id', 'version'])
    .execute();
  await appendOnly(db, 'person_version', ['person_id', 'version', 'at', 'actor_id', 'actor_role']);

  // One record per program; the choices (organ scope, stem-cell contacts, body paperwork) are sealed.
  // At most one active record per person and program: the database itself refuses a second.
  await db.schema
    .createTable('registration')
    .addColumn('id', 'text', (col) => col.primaryKey())
    .addColumn('number', 'text', (col) => col.notNull().unique())
    .addColumn('person_id', 'text', (col) => col.notNull().references('person.id'))
    .addColumn('program', 'text', (col) => col.notNull())
    .addColumn('state', 'text', (col) => col.notNull())
    .addColumn('version', 'integer', (col) => col.notNull())
    .addColumn('channel', 'text', (col) => col.notNull())
    .addColumn('details', 'text', (col) => col.notNull())
    .addColumn('stem_cell_status', 'text')
    .addColumn('sample_barcode', 'text')
    .addColumn('registered_on', 'text', (col) => col.notNull())
    .addColumn('typing_stopped', 'integer', (col) => col.notNull().defaultTo(0))
    .addColumn('created_at', 'text', (col) => col.notNull())
    .addColumn('updated_at', 'text', (col) => col.notNull())
    .execute();
  await db.schema.createIndex('registration_person').on('registration').column('person_id').execute();
  await sql`create unique index registration_one_active on registration (person_id, program) where state = 'active'`.execute(db);
  await sql`create trigger registration_no_delete before delete on registration
    begin select raise(abort, 'registrations are never deleted'); end`.execute(db);

  await db.schema
    .createTable('registration_version')
    .addColumn('registration_id', 'text', (col) => col.notNull().references('registration.id'))
    .addColumn('version', 'integer', (col) => col.notNull())
    .addColumn('event', 'text', (col) => col.notNull())
    .addColumn('state', 'text', (col) => col.notNull())
    .addColumn('at', 'text', (col) => col.notNull())
    .addColumn('actor_id', 'text')
    .addColumn('actor_role', 'text', (col) => col.notNull())
    .addColumn('details', 'text', (col) => col.notNull())
    .addColumn('stem_cell_status', 'text')
    .addColumn('note', 'text')
    .addPrimaryKeyConstraint('registration_version_pk', ['registration_id', 'version'])
    .execute();
  await appendOnly(db, 'registration_version', ['registration_id', 'version', 'event', 'state', 'at', 'actor_id', 'actor_role', 'stem_cell_status']);

  // Consent per purpose with the version of the text shown; a later row for the same purpose supersedes.
  await db.schema
    .createTable('consent')
    .addColumn('id', 'integer', (col) => col.primaryKey())
    .addColumn('person_id', 'text', (col) => col.notNull().references('person.id'))
    .addColumn('purpose', 'text', (col) => col.notNull())
    .addColumn('granted', 'integer', (col) => col.notNull())
    .addColumn('text_version', 'text', (col) => col.notNull())
    .addColumn('at', 'text', (col) => col.notNull())
    .addColumn('signature_id', 'text')
    .execute();
  await db.schema.createIndex('consent_person').on('consent').columns(['person_id', 'purpose', 'id']).execute();
  await appendOnly(db, 'consent', ['person_id', 'purpose', 'granted', 'text_version', 'at', 'signature_id']);

  await db.schema
    .createTable('signature')
    .addColumn('id', 'text', (col) => col.primaryKey())
    .addColumn('person_id', 'text', (col) => col.notNull().references('person.id'))
    .addColumn('kind', 'text', (col) => col.notNull())
    .addColumn('image', 'text')
    .addColumn('at', 'text', (col) => col.notNull())
    .execute();
  await db.schema.createIndex('signature_person').on('signature').columns(['person_id', 'at']).execute();
  await appendOnly(db, 'signature', ['id', 'person_id', 'kind', 'at']);

  await db.schema
    .createTable('refusal')
    .addColumn('id', 'text', (col) => col.primaryKey())
    .addColumn('person_id', 'text', (col) => col.notNull().references('person.id'))
    .addColumn('recorded_at', 'text', (col) => col.notNull())
    .addColumn('statement', 'text')
    .addColumn('signature_id', 'text', (col) => col.notNull())
    .addColumn('revoked_at', 'text')
    .addColumn('revoke_reason', 'text')
    .execute();
  await sql`create unique index refusal_one_standing on refusal (person_id) where revoked_at is null`.execute(db);
  await sql`create trigger refusal_no_delete before delete on refusal
    begin select raise(abort, 'refusals are never deleted'); end`.execute(db);

  await db.schema
    .createTable('follow_up')
    .addColumn('id', 'integer', (col) => col.primaryKey())
    .addColumn('registration_id', 'text', (col) => col.notNull().references('registration.id'))
    .addColumn('at', 'text', (col) => col.notNull())
    .addColumn('actor_id', 'text')
    .addColumn('outcome', 'text', (col) => col.notNull())
    .addColumn('note', 'text')
    .execute();
  await db.schema.createIndex('follow_up_registration').on('follow_up').columns(['registration_id', 'id']).execute();
  await appendOnly(db, 'follow_up', ['registration_id', 'at', 'actor_id', 'outcome']);

  // Gap-free numbers per scope (registrations, each document kind) and year, allocated inside the
  // transaction that uses them, so a number is never given twice nor lost to a rolled-back write.
  await db.schema
    .createTable('number_sequence')
    .addColumn('scope', 'text', (col) => col.notNull())
    .addColumn('year', 'integer', (col) => col.notNull())
    .addColumn('last', 'integer', (col) => col.notNull())
    .addPrimaryKeyConstraint('number_sequence_pk', ['scope', 'year'])
    .execute();
}
