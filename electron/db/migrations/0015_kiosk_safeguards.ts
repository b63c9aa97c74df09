import { sql, type Kysely } from 'kysely';

// Frozen: once landed, never edit this file. Change the schema in a new numbered migration.
export async function up(db: Kysely<any>): Promise<void> {
  // A new phone typed at the public kiosk for a person already on file: never applied by the kiosk,
  // held until a staff member who has seen the person confirms or discards it.
  await sql`create table kiosk_held_change (
    id text primary key,
    person_id text not null references person (id),
    phone text not null,
    held_at text not null,
    state text not null check (state in ('pending', 'confirmed', 'discarded')),
    decided_at text,
    decided_by text references staff (id)
  )`.execute(db);
  await sql`create index kiosk_held_change_person on kiosk_held_change (person_id, state)`.execute(db);

  // The kiosk window or tab that registered, for each receipt issued at the kiosk: only that caller
  // may print it there. A hash of the transport's key, never the key itself.
  await sql`create table kiosk_receipt_session (
    document_id text primary key references document (id),
    session_hash text not null
  )`.execute(db);
}
