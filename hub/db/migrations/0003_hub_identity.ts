import { sql, type Kysely } from 'kysely';
import type { HubEngine } from '../engine';

// Frozen: once landed, never edit this file. Change the schema in a new numbered migration.

/**
 * The province this database belongs to, in one row: `hub init` writes it, and every later command reads it
 * instead of being told, so that a database is never written under another province's code.
 */
export async function up(db: Kysely<any>, engine: HubEngine): Promise<void> {
  await db.schema
    .createTable('hub_identity')
    // A constant key: the table holds one row or none.
    .addColumn('singleton', 'integer', (col) => col.primaryKey().check(sql`singleton = 1`))
    .addColumn('province_code', 'text', (col) => col.notNull().check(sql`length(province_code) = 2`))
    .addColumn('initialised_at', engine === 'postgres' ? 'timestamptz' : 'text', (col) => col.notNull())
    .execute();
}
