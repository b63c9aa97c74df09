import { sql, type Kysely } from 'kysely';

// Frozen: once landed, never edit this file. Change the schema in a new numbered migration.
export async function up(db: Kysely<any>): Promise<void> {
  // How the visitor is related to a donor (a choice from a list) and the group they came with (sealed:
  // a family group is often named after a person).
  await db.schema.alterTable('visitor_sign_in').addColumn('relation', 'text').execute();
  await db.schema.alterTable('visitor_sign_in').addColumn('group_name', 'text').execute();

  // A visitor's message for the public wall, waiting for staff. It carries what the wall shows (text,
  // masked name, relation, time) so that an approved message outlives the retention purge of its
  // sign-in: the link is then cleared by the database instead of the message being lost.
  // visitor_sign_in keeps no append-only trigger: the daily retention purge is the one delete it sees.
  await db.schema
    .createTable('visitor_message')
    .addColumn('id', 'text', (col) => col.primaryKey())
    .addColumn('sign_in_id', 'text', (col) => col.unique().references('visitor_sign_in.id').onDelete('set null'))
    .addColumn('station_code', 'text', (col) => col.notNull())
    .addColumn('written_at', 'text', (col) => col.notNull())
    .addColumn('body', 'text', (col) => col.notNull())
    .addColumn('author_masked', 'text')
    .addColumn('relation', 'text')
    .addColumn('state', 'text', (col) => col.notNull().check(sql`state in ('pending', 'approved', 'rejected')`))
    .addColumn('version', 'integer', (col) => col.notNull())
    .addColumn('decided_at', 'text')
    .addColumn('decided_by', 'text', (col) => col.references('staff.id'))
    .addColumn('reject_reason', 'text')
    .execute();
  // The wall and the moderation list read one state, newest first.
  await db.schema.createIndex('visitor_message_state_written').on('visitor_message').columns(['state', 'written_at']).execute();
  await db.schema.createIndex('visitor_message_written').on('visitor_message').column('written_at').execute();

  // A decision is final: the database refuses to move a message out of approved or rejected.
  await sql`create trigger visitor_message_decision_final before update of state on visitor_message
    when old.state != 'pending' and new.state != old.state
    begin select raise(abort, 'a message decision is final'); end`.execute(db);
}
