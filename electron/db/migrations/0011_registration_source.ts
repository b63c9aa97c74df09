import type { Kysely } from 'kysely';

// Frozen: once landed, never edit this file. Change the schema in a new numbered migration.
export async function up(db: Kysely<any>): Promise<void> {
  // How the person heard of donation, asked once at registration: null when not asked or not answered,
  // else session | campaign | media | friend | other. For a session, which one: the figures count the
  // registrations each session led to, hence the index.
  await db.schema.alterTable('registration').addColumn('heard_from', 'text').execute();
  await db.schema
    .alterTable('registration')
    .addColumn('heard_from_session_id', 'text', (col) => col.references('education_session.id'))
    .execute();
  await db.schema.createIndex('registration_heard_from_session').on('registration').column('heard_from_session_id').execute();
}
