import { sql, type Kysely } from 'kysely';

// Frozen: once landed, never edit this file. Change the schema in a new numbered migration.
export async function up(db: Kysely<any>): Promise<void> {
  // The public name list's search keys now read rare variants such as 𠮷 as their common character
  // (吉), so pinyin initials find them. Keys are made in code, not in SQL, so this only asks for them
  // to be made again: the station rebuilds every published entry's keys when it next opens.
  await sql`insert into maintenance_task (task, requested_at) values ('name_keys', ${new Date().toISOString()})
    on conflict (task) do nothing`.execute(db);
}
