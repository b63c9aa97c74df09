import type { Kysely } from 'kysely';

// Frozen: once landed, never edit this file. Change the schema in a new numbered migration.
export async function up(db: Kysely<any>): Promise<void> {
  // The day a registration's donation took place (a calendar date), null until it is realised. The
  // certificates given to the family after a donation print it.
  await db.schema.alterTable('registration').addColumn('realised_on', 'text').execute();
}
