import type { Kysely } from 'kysely';
import type { StationDatabase } from './schema';
import { migrations as bundledMigrations, type Migration } from './migrations/index';

/** Raised when the database was written by a newer Relay Station; opening it could corrupt it. */
export class DatabaseTooNewError extends Error {
  constructor(readonly unknownMigrations: string[]) {
    super(`database has migrations this version does not know: ${unknownMigrations.join(', ')}`);
    this.name = 'DatabaseTooNewError';
  }
}

export interface MigrationLevel {
  applied: string[];
  latest: string;
}

async function ensureMigrationTable(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('schema_migration')
    .ifNotExists()
    .addColumn('name', 'text', (col) => col.primaryKey())
    .addColumn('applied_at', 'text', (col) => col.notNull())
    .execute();
}

async function appliedNames(db: Kysely<any>): Promise<string[]> {
  const rows = await db.selectFrom('schema_migration').select('name').orderBy('name').execute();
  return rows.map((row) => row.name as string);
}

/**
 * Brings the database to this build's schema level. Each migration runs in its own transaction with
 * its bookkeeping row, so a crash leaves the database at a whole level, never half-way.
 */
export async function migrateToLatest(
  db: Kysely<StationDatabase>,
  migrations: ReadonlyArray<readonly [string, Migration]> = bundledMigrations,
): Promise<MigrationLevel> {
  const anyDb = db as unknown as Kysely<any>;
  await ensureMigrationTable(anyDb);
  const known = new Set(migrations.map(([name]) => name));
  const applied = await appliedNames(anyDb);
  const unknown = applied.filter((name) => !known.has(name));
  if (unknown.length > 0) throw new DatabaseTooNewError(unknown);

  for (const [name, migration] of migrations) {
    if (applied.includes(name)) continue;
    await anyDb.transaction().execute(async (trx) => {
      await migration.up(trx);
      await trx.insertInto('schema_migration').values({ name, applied_at: new Date().toISOString() }).execute();
    });
    applied.push(name);
  }
  return { applied, latest: migrations[migrations.length - 1]?.[0] ?? '' };
}

/** The level a database is at, without changing it (for `doctor`). */
export async function readMigrationLevel(db: Kysely<StationDatabase>): Promise<MigrationLevel> {
  const anyDb = db as unknown as Kysely<any>;
  await ensureMigrationTable(anyDb);
  return { applied: await appliedNames(anyDb), latest: bundledMigrations[bundledMigrations.length - 1]?.[0] ?? '' };
}
