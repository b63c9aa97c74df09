import { sql, type Kysely } from 'kysely';

// Frozen: once landed, never edit this file. Change the schema in a new numbered migration.
export async function up(db: Kysely<any>): Promise<void> {
  // Where each outbox row stands on its way to the province (docs/sync-protocol.md §8.3), the batch it
  // was last written into, the person whose consent to report governs it, and the province's answer.
  await db.schema.alterTable('outbox').addColumn('state', 'text', (col) => col.notNull().defaultTo('pending')).execute();
  await db.schema.alterTable('outbox').addColumn('batch_seq', 'integer').execute();
  await db.schema.alterTable('outbox').addColumn('person_id', 'text').execute();
  await db.schema.alterTable('outbox').addColumn('record_created_at', 'text').execute();
  await db.schema.alterTable('outbox').addColumn('reject_code', 'text').execute();
  await db.schema.alterTable('outbox').addColumn('reject_reason', 'text').execute();
  await db.schema.alterTable('outbox').addColumn('reject_path', 'text').execute();
  await db.schema.alterTable('outbox').addColumn('settled_at', 'text').execute();
  await sql`update outbox set person_id = (select person_id from registration where registration.id = outbox.entity_id)
    where kind = 'registration'`.execute(db);
  await sql`update outbox set person_id = entity_id where kind = 'person'`.execute(db);
  await sql`update outbox set record_created_at = (select min(o2.created_at) from outbox o2
    where o2.kind = outbox.kind and o2.entity_id = outbox.entity_id)`.execute(db);
  await db.schema.createIndex('outbox_state_seq').on('outbox').columns(['state', 'seq']).execute();
  await db.schema.createIndex('outbox_batch').on('outbox').column('batch_seq').execute();
  await sql`create index outbox_person on outbox (person_id) where person_id is not null`.execute(db);
  // What a row carries never changes once queued: the province may hold it already (§5.1).
  await sql`create trigger outbox_payload_no_change before update of kind, entity_id, version, created_at on outbox
    begin select raise(abort, 'a queued change cannot be rewritten'); end`.execute(db);

  // The batches the station wrote. The file is kept (sealed: it holds personal data) until the province
  // acknowledges it, so that a retry sends the same bytes; a declined batch's row is deleted, its number reused.
  await db.schema
    .createTable('sync_batch')
    .addColumn('batch_seq', 'integer', (col) => col.primaryKey())
    .addColumn('batch_id', 'text', (col) => col.notNull().unique())
    .addColumn('state', 'text', (col) => col.notNull())
    .addColumn('first_seq', 'integer')
    .addColumn('last_seq', 'integer')
    .addColumn('record_count', 'integer', (col) => col.notNull())
    .addColumn('omitted_count', 'integer', (col) => col.notNull())
    .addColumn('resent_count', 'integer', (col) => col.notNull())
    .addColumn('kind_counts', 'text', (col) => col.notNull())
    .addColumn('manifest', 'text', (col) => col.notNull())
    .addColumn('manifest_sha256', 'text', (col) => col.notNull())
    .addColumn('file', 'text')
    .addColumn('file_bytes', 'integer', (col) => col.notNull())
    .addColumn('created_at', 'text', (col) => col.notNull())
    .addColumn('created_by', 'text')
    .addColumn('approved_at', 'text')
    .addColumn('approved_by', 'text')
    .addColumn('sent_at', 'text')
    .addColumn('sent_via', 'text')
    .addColumn('send_attempts', 'integer', (col) => col.notNull().defaultTo(0))
    .addColumn('last_error', 'text')
    .addColumn('acknowledged_at', 'text')
    .addColumn('accepted_count', 'integer')
    .addColumn('duplicate_count', 'integer')
    .addColumn('rejected_count', 'integer')
    .addColumn('ack', 'text')
    .execute();
  await db.schema.createIndex('sync_batch_state').on('sync_batch').column('state').execute();

  // The province's public keys, imported by an administrator after a fingerprint check on the phone.
  await db.schema
    .createTable('province_key')
    .addColumn('id', 'text', (col) => col.primaryKey())
    .addColumn('use', 'text', (col) => col.notNull())
    .addColumn('pem', 'text', (col) => col.notNull())
    .addColumn('imported_at', 'text', (col) => col.notNull())
    .addColumn('imported_by', 'text')
    .addColumn('retired_at', 'text')
    .execute();
}
