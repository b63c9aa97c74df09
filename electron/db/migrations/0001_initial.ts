import { sql, type Kysely } from 'kysely';

// Frozen: once landed, never edit this file. Change the schema in a new numbered migration.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('station')
    .addColumn('id', 'integer', (col) => col.primaryKey().check(sql`id = 1`))
    .addColumn('code', 'text', (col) => col.notNull())
    .addColumn('name', 'text', (col) => col.notNull())
    .addColumn('kind', 'text', (col) => col.notNull())
    .addColumn('region_code', 'text', (col) => col.notNull())
    .addColumn('created_at', 'text', (col) => col.notNull())
    .execute();

  await db.schema
    .createTable('visitor_sign_in')
    .addColumn('id', 'text', (col) => col.primaryKey())
    .addColumn('station_code', 'text', (col) => col.notNull())
    .addColumn('visited_at', 'text', (col) => col.notNull())
    .addColumn('party_size', 'integer', (col) => col.notNull())
    .addColumn('purpose', 'text', (col) => col.notNull())
    .addColumn('visitor_name', 'text')
    .addColumn('version', 'integer', (col) => col.notNull())
    .execute();
  await db.schema.createIndex('visitor_sign_in_visited_at').on('visitor_sign_in').column('visited_at').execute();

  // Every change other systems must learn about, in commit order; sync turns it into batches.
  await db.schema
    .createTable('outbox')
    .addColumn('seq', 'integer', (col) => col.primaryKey().autoIncrement())
    .addColumn('kind', 'text', (col) => col.notNull())
    .addColumn('entity_id', 'text', (col) => col.notNull())
    .addColumn('version', 'integer', (col) => col.notNull())
    .addColumn('payload', 'text', (col) => col.notNull())
    .addColumn('created_at', 'text', (col) => col.notNull())
    .execute();
  await db.schema
    .createIndex('outbox_entity_version')
    .on('outbox')
    .columns(['kind', 'entity_id', 'version'])
    .unique()
    .execute();
}
