import { sql, type Kysely } from 'kysely';

// Frozen: once landed, never edit this file. Change the schema in a new numbered migration.
export async function up(db: Kysely<any>): Promise<void> {
  // Names are now indexed lower-cased, so staff find a Latin name in whatever case they type it. Every
  // person's blind indexes are marked stale and the key maintenance that runs when the station opens
  // rebuilds them (the same pass that follows a key rotation), in batches, before any call is served.
  await sql`update person set index_key_id = ''`.execute(db);
  await sql`insert into maintenance_task (task, requested_at) values ('reseal', ${new Date().toISOString()})
    on conflict (task) do nothing`.execute(db);
}
