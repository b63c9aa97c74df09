import { sql, type Kysely } from 'kysely';

// Frozen: once landed, never edit this file. Change the schema in a new numbered migration.
export async function up(db: Kysely<any>): Promise<void> {
  // Which data keys this database has been written with, by id and check value: lets the station
  // tell a missing or foreign key file from a new installation. The keys themselves never live here.
  await db.schema
    .createTable('data_key')
    .addColumn('id', 'text', (col) => col.primaryKey())
    .addColumn('check_value', 'text', (col) => col.notNull())
    .addColumn('created_at', 'text', (col) => col.notNull())
    .execute();

  await db.schema
    .createTable('staff')
    .addColumn('id', 'text', (col) => col.primaryKey())
    .addColumn('username', 'text', (col) => col.notNull().unique())
    .addColumn('display_name', 'text', (col) => col.notNull())
    .addColumn('role', 'text', (col) => col.notNull())
    .addColumn('password_hash', 'text', (col) => col.notNull())
    .addColumn('pin_hash', 'text', (col) => col.notNull())
    .addColumn('failed_attempts', 'integer', (col) => col.notNull().defaultTo(0))
    .addColumn('locked_until', 'text')
    .addColumn('created_at', 'text', (col) => col.notNull())
    .execute();

  await db.schema
    .createTable('audit_log')
    .addColumn('seq', 'integer', (col) => col.primaryKey())
    .addColumn('at', 'text', (col) => col.notNull())
    .addColumn('actor_id', 'text')
    .addColumn('actor_role', 'text', (col) => col.notNull())
    .addColumn('station_code', 'text', (col) => col.notNull())
    .addColumn('action', 'text', (col) => col.notNull())
    .addColumn('object_type', 'text')
    .addColumn('object_id', 'text')
    .addColumn('detail', 'text')
    .addColumn('prev_hash', 'text', (col) => col.notNull())
    .addColumn('hash', 'text', (col) => col.notNull())
    .execute();
  await db.schema.createIndex('audit_log_action').on('audit_log').columns(['action', 'seq']).execute();
  await db.schema.createIndex('audit_log_actor').on('audit_log').columns(['actor_id', 'seq']).execute();
  // The log is append-only: the database itself refuses to change or remove an entry.
  await sql`create trigger audit_log_no_update before update on audit_log
    begin select raise(abort, 'audit_log is append-only'); end`.execute(db);
  await sql`create trigger audit_log_no_delete before delete on audit_log
    begin select raise(abort, 'audit_log is append-only'); end`.execute(db);

  // Station-wide settings with defaults in code; a row exists only once a value was changed.
  await db.schema
    .createTable('station_setting')
    .addColumn('key', 'text', (col) => col.primaryKey())
    .addColumn('value', 'text', (col) => col.notNull())
    .addColumn('updated_at', 'text', (col) => col.notNull())
    .execute();

  // Work the station must finish once the data key is at hand. 'reseal' re-encrypts every sealed
  // column under the current key: here it seals the visitor names (and outbox payloads) that earlier
  // versions stored in plain text; a key rotation requests it too.
  await db.schema
    .createTable('maintenance_task')
    .addColumn('task', 'text', (col) => col.primaryKey())
    .addColumn('requested_at', 'text', (col) => col.notNull())
    .execute();
  await sql`insert into maintenance_task (task, requested_at) values ('reseal', ${new Date().toISOString()})`.execute(db);
}
