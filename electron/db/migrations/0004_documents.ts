import { sql, type Kysely } from 'kysely';

/**
 * Rows whose named columns never change once written. A copy of the helper in 0003 rather than an
 * import: a landed migration must keep doing exactly what it did, whatever happens to other files.
 */
async function immutable(db: Kysely<any>, table: string, columns: string[], message: string): Promise<void> {
  await sql`create trigger ${sql.raw(`${table}_no_delete`)} before delete on ${sql.table(table)}
    begin select raise(abort, ${sql.lit(message)}); end`.execute(db);
  await sql`create trigger ${sql.raw(`${table}_no_change`)} before update of ${sql.raw(columns.join(', '))} on ${sql.table(table)}
    begin select raise(abort, ${sql.lit(message)}); end`.execute(db);
}

// Frozen: once landed, never edit this file. Change the schema in a new numbered migration.
export async function up(db: Kysely<any>): Promise<void> {
  // The station's Ed25519 key for the QR codes on its documents, created on first need. The private key
  // is sealed under the data key (so it travels with the database and its key file, and a key rotation
  // re-encrypts it); the id is the public key's fingerprint.
  await db.schema
    .createTable('signing_key')
    .addColumn('id', 'text', (col) => col.primaryKey())
    .addColumn('public_key', 'text', (col) => col.notNull().unique())
    .addColumn('private_key', 'text', (col) => col.notNull())
    .addColumn('created_at', 'text', (col) => col.notNull())
    .execute();
  // Documents already signed with a key must stay verifiable: the key is never deleted nor swapped.
  await immutable(db, 'signing_key', ['id', 'public_key', 'created_at'], 'signing keys are never changed or deleted');

  // One row per printed document with a serial number, and where it stands in the closed loop. What
  // was issued (serial, kind, subject, payload, by whom, when) never changes; the state columns do.
  // The void reason, the recipient and their signature are sealed.
  await db.schema
    .createTable('document')
    .addColumn('id', 'text', (col) => col.primaryKey())
    .addColumn('serial', 'text', (col) => col.notNull().unique())
    .addColumn('kind', 'text', (col) => col.notNull())
    .addColumn('subject_type', 'text', (col) => col.notNull())
    .addColumn('subject_id', 'text', (col) => col.notNull())
    .addColumn('person_id', 'text', (col) => col.references('person.id'))
    .addColumn('language', 'text', (col) => col.notNull())
    .addColumn('state', 'text', (col) => col.notNull())
    .addColumn('issued_at', 'text', (col) => col.notNull())
    .addColumn('issued_by', 'text')
    .addColumn('payload', 'text', (col) => col.notNull())
    .addColumn('replaces_id', 'text', (col) => col.references('document.id'))
    .addColumn('replaced_by_id', 'text', (col) => col.references('document.id'))
    .addColumn('voided_at', 'text')
    .addColumn('voided_by', 'text')
    .addColumn('void_reason', 'text')
    .addColumn('handed_over_at', 'text')
    .addColumn('handed_over_by', 'text')
    .addColumn('recipient', 'text')
    .addColumn('recipient_signature', 'text')
    .execute();
  await db.schema.createIndex('document_state').on('document').columns(['state', 'issued_at']).execute();
  await db.schema.createIndex('document_subject').on('document').columns(['subject_type', 'subject_id']).execute();
  await db.schema.createIndex('document_person').on('document').column('person_id').execute();
  // A copy is replaced at most once: a second re-issue of the same copy is refused by the database too.
  await sql`create unique index document_one_replacement on document (replaces_id) where replaces_id is not null`.execute(db);
  await immutable(
    db,
    'document',
    ['id', 'serial', 'kind', 'subject_type', 'subject_id', 'person_id', 'language', 'issued_at', 'issued_by', 'payload', 'replaces_id'],
    'issued documents are never changed or deleted',
  );

  // The history of each document: issued, printed (each time), handed over, voided. Append-only.
  await db.schema
    .createTable('document_event')
    .addColumn('document_id', 'text', (col) => col.notNull().references('document.id'))
    .addColumn('seq', 'integer', (col) => col.notNull())
    .addColumn('event', 'text', (col) => col.notNull())
    .addColumn('at', 'text', (col) => col.notNull())
    .addColumn('actor_id', 'text')
    .addColumn('actor_role', 'text', (col) => col.notNull())
    .addPrimaryKeyConstraint('document_event_pk', ['document_id', 'seq'])
    .execute();
  await immutable(db, 'document_event', ['document_id', 'seq', 'event', 'at', 'actor_id', 'actor_role'], 'document_event is append-only');
}
