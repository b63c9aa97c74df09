import { closeSync, openSync } from 'node:fs';
import BetterSqlite3 from 'better-sqlite3';
import { Kysely, SqliteDialect } from 'kysely';
import { makeDatabaseOwnerOnly } from './file-modes';
import type { StationDatabase } from './schema';

export interface DatabaseConnection {
  sqlite: BetterSqlite3.Database;
  db: Kysely<StationDatabase>;
  close(): Promise<void>;
}

/**
 * Opens (or creates) the station database. WAL with synchronous=FULL means a transaction that has
 * returned survives a power cut; foreign keys are off by default in SQLite, so they are switched on.
 */
export function openDatabaseFile(file: string): DatabaseConnection {
  // Owner-only before SQLite opens it: SQLite gives the -wal and -shm files it creates the database's mode.
  closeSync(openSync(file, 'a', 0o600));
  makeDatabaseOwnerOnly(file);
  const sqlite = new BetterSqlite3(file);
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('synchronous = FULL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('busy_timeout = 5000');
  // Overwrite deleted content with zeros, so a replaced plain-text value does not linger in free pages.
  sqlite.pragma('secure_delete = ON');
  makeDatabaseOwnerOnly(file);
  const db = new Kysely<StationDatabase>({ dialect: new SqliteDialect({ database: sqlite }) });
  return {
    sqlite,
    db,
    // Kysely's destroy closes the better-sqlite3 handle too.
    close: () => db.destroy(),
  };
}
