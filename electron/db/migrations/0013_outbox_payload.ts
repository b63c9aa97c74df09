import { sql, type Kysely } from 'kysely';

// Frozen: once landed, never edit this file. Change the schema in a new numbered migration.
export async function up(db: Kysely<any>): Promise<void> {
  // What a queued change carries moves to a table of its own, apart from where the row stands: writing
  // a batch marks a thousand rows, and with each row's sealed payload (about 1.4 KB) beside its state that
  // rewrote a page for every two rows. The state's pages are now narrow; the payload is written once.
  await sql`create table outbox_payload (
    seq integer primary key references outbox (seq) on delete cascade,
    payload text not null
  )`.execute(db);
  await sql`insert into outbox_payload (seq, payload) select seq, payload from outbox`.execute(db);
  await sql`alter table outbox drop column payload`.execute(db);
}
