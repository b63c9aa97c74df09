import { sql, type Kysely, type Transaction } from 'kysely';
import type { HubEngine } from './engine';
import { hubMigrations, type HubMigration } from './migrations/index';
import type { HubDatabase } from './schema';

/** Raised when the database was written by a newer hub; running on it could corrupt it. */
export class HubDatabaseTooNewError extends Error {
  constructor(readonly unknownMigrations: string[]) {
    super(`the hub database has migrations this version does not know: ${unknownMigrations.join(', ')}`);
    this.name = 'HubDatabaseTooNewError';
  }
}

/** Where a database stands: every migration applied, those this run applied, and this build's level. */
export interface HubMigrationLevel {
  applied: string[];
  appliedNow: string[];
  latest: string;
}

/**
 * Any fixed number works: hubs that migrate one database at the same moment (PostgreSQL) take turns on it.
 * SQLite needs none, its one writer at a time already makes them take turns.
 */
const MIGRATION_LOCK_KEY = '7233154846254301001';

async function takeMigrationLock(trx: Transaction<any>, engine: HubEngine): Promise<void> {
  if (engine === 'postgres') await sql`select pg_advisory_xact_lock(${MIGRATION_LOCK_KEY}::bigint)`.execute(trx);
}

async function appliedNames(db: Kysely<any>): Promise<string[]> {
  const rows = await db.selectFrom('hub_migration').select('name').orderBy('name').execute();
  return rows.map((row) => row.name as string);
}

/**
 * Brings the database to this build's schema level, refusing one that is ahead of it. Each migration runs in
 * its own transaction with its bookkeeping row, so a crash leaves the database at a whole level; kysely does
 * not wrap SQLite migrations in a transaction by itself, so this runner does on both engines.
 */
export async function migrateHubDatabase(
  db: Kysely<HubDatabase>,
  engine: HubEngine,
  migrations: ReadonlyArray<readonly [string, HubMigration]> = hubMigrations,
): Promise<HubMigrationLevel> {
  const anyDb = db as unknown as Kysely<any>;
  await anyDb.transaction().execute(async (trx) => {
    await takeMigrationLock(trx, engine);
    await trx.schema
      .createTable('hub_migration')
      .ifNotExists()
      .addColumn('name', 'text', (col) => col.primaryKey())
      .addColumn('applied_at', engine === 'postgres' ? 'timestamptz' : 'text', (col) => col.notNull())
      .execute();
  });
  const known = new Set(migrations.map(([name]) => name));
  const unknown = (await appliedNames(anyDb)).filter((name) => !known.has(name));
  if (unknown.length > 0) throw new HubDatabaseTooNewError(unknown);

  const appliedNow: string[] = [];
  for (const [name, migration] of migrations) {
    await anyDb.transaction().execute(async (trx) => {
      await takeMigrationLock(trx, engine);
      // Read again under the lock: another hub may have applied it meanwhile.
      const done = await trx.selectFrom('hub_migration').select('name').where('name', '=', name).executeTakeFirst();
      if (done) return;
      await migration.up(trx, engine);
      await trx.insertInto('hub_migration').values({ name, applied_at: new Date().toISOString() }).execute();
      appliedNow.push(name);
    });
  }
  return { applied: await appliedNames(anyDb), appliedNow, latest: migrations[migrations.length - 1]?.[0] ?? '' };
}
