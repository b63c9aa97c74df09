import { sql, type Kysely } from 'kysely';

// Frozen: once landed, never edit this file. Change the schema in a new numbered migration.
export async function up(db: Kysely<any>): Promise<void> {
  // The version of the registration a receipt attests, fixed at issue: a receipt prints the change it
  // was issued for, whatever happens to the record later (null for documents about a person or session).
  await db.schema.alterTable('document').addColumn('subject_version', 'integer').execute();
  await sql`create trigger document_subject_version_no_change before update of subject_version on document
    begin select raise(abort, 'what a document attests cannot be changed'); end`.execute(db);
}
