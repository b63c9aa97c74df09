import { sql, type Kysely } from 'kysely';

// Frozen: once landed, never edit this file. Change the schema in a new numbered migration.
export async function up(db: Kysely<any>): Promise<void> {
  // An account an administrator disabled cannot sign in; it is kept, not deleted, for the audit trail.
  await sql`alter table staff add column active integer not null default 1 check (active in (0, 1))`.execute(db);
  // A password or PIN an administrator reset is temporary: the person must choose a new one at the next sign-in.
  await sql`alter table staff add column must_change_password integer not null default 0 check (must_change_password in (0, 1))`.execute(db);
  await sql`alter table staff add column must_change_pin integer not null default 0 check (must_change_pin in (0, 1))`.execute(db);
}
