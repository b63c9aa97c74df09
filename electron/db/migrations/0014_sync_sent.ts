import { sql, type Kysely } from 'kysely';

// Frozen: once landed, never edit this file. Change the schema in a new numbered migration.
export async function up(db: Kysely<any>): Promise<void> {
  // When a batch file holding the row first left the station (sent or exported): from then on the province
  // may hold it, whatever becomes of the batch (declined never, refused perhaps wrongly, §5.4). Set once,
  // never cleared; a withdrawal's tombstone names exactly these versions.
  await db.schema.alterTable('outbox').addColumn('sent_at', 'text').execute();

  // Rows already on their way count as possibly at the province when a batch that left holds them or held
  // them: its range (a refused batch released its rows) or a re-send in it. Rows left out by a batch never
  // left with it, unless the province answered for them (settled) or a refused batch that left had them
  // before they were left out.
  await sql`update outbox set sent_at = (
      select min(b.sent_at) from sync_batch b
      where b.sent_at is not null and (b.batch_seq = outbox.batch_seq or outbox.seq between b.first_seq and b.last_seq)
    )
    where state != 'omitted' or settled_at is not null or exists (
      select 1 from sync_batch b where b.state = 'refused' and b.sent_at is not null and outbox.seq between b.first_seq and b.last_seq
    )`.execute(db);

  // Every transport marks a batch sent before its bytes leave; the rows it carries are flagged in the same
  // statement, so no transport can forget them.
  await sql`create trigger outbox_sent_with_batch after update of sent_at on sync_batch
    when new.sent_at is not null begin
      update outbox set sent_at = new.sent_at where batch_seq = new.batch_seq and state = 'in_batch' and sent_at is null;
    end`.execute(db);
}
