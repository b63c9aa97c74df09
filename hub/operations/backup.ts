import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, renameSync, rmSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import { promisify } from 'node:util';
import BetterSqlite3 from 'better-sqlite3';
import type pg from 'pg';
import type { HubDatabaseOptions } from '../db/open';

/** A backup written: the engine it came from, the file and its size. */
export interface HubBackup {
  engine: 'sqlite' | 'postgres';
  file: string;
  bytes: number;
}

/** Raised when the backup cannot start: the target exists, or the source is not a hub database. */
export class HubBackupRefusedError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'HubBackupRefusedError';
  }
}

export interface HubBackupOptions {
  /** The pg_dump program; `pg_dump` on the PATH by default. Its major version must be at least the server's. */
  pgDump?: string;
}

/**
 * Backs the hub's database up into `outFile`, written aside and renamed into place so that a backup that
 * failed half-way never looks complete; an existing file is never overwritten.
 *
 * - SQLite: SQLite's online backup API, from a read-only connection of its own. The hub's lock is not taken,
 *   so a running hub keeps serving; every page is copied in one step, which reads one consistent snapshot.
 *   The result is a SQLite file the hub opens as it is.
 * - PostgreSQL: `pg_dump --format=custom` of the whole database, connected with the PG* environment made
 *   from the hub's connection (the password never on the command line). Restore with `pg_restore --dbname`.
 */
export async function backupHubDatabase(database: HubDatabaseOptions, outFile: string, options: HubBackupOptions = {}): Promise<HubBackup> {
  const target = resolve(outFile);
  if (existsSync(target)) throw new HubBackupRefusedError(`${target} exists: a backup never overwrites a file`);
  const partial = `${target}.${randomBytes(6).toString('hex')}.partial`;
  try {
    if (database.engine === 'sqlite') await backupSqlite(database.file, partial);
    else await dumpPostgres(database.connection, partial, options.pgDump ?? 'pg_dump');
    renameSync(partial, target);
  } finally {
    rmSync(partial, { force: true });
  }
  return { engine: database.engine, file: target, bytes: statSync(target).size };
}

async function backupSqlite(file: string, partial: string): Promise<void> {
  if (!existsSync(file)) throw new HubBackupRefusedError(`${file}: no such database file`);
  const source = new BetterSqlite3(file, { readonly: true, fileMustExist: true });
  try {
    const isHub = source.prepare(`select 1 from sqlite_master where type = 'table' and name = 'hub_migration'`).get();
    if (!isHub) throw new HubBackupRefusedError(`${file}: not a hub database`);
    // The first step only counts the pages; the answer makes the next step copy them all at once.
    await source.backup(partial, { progress: () => 0x7fffffff });
  } finally {
    source.close();
  }
}

/** The PG* environment of a connection: libpq reads the same settings pg's pool was given. */
export function postgresEnvironment(connection: pg.PoolConfig): { env: Record<string, string>; dbname: string | null } {
  const env: Record<string, string> = {};
  let dbname: string | null = null;
  if (connection.connectionString !== undefined) {
    const url = new URL(connection.connectionString);
    if (url.password) env.PGPASSWORD = decodeURIComponent(url.password);
    url.password = '';
    dbname = url.toString();
  }
  if (connection.host !== undefined) env.PGHOST = connection.host;
  if (connection.port !== undefined) env.PGPORT = String(connection.port);
  if (connection.user !== undefined) env.PGUSER = connection.user;
  if (typeof connection.password === 'string') env.PGPASSWORD = connection.password;
  if (connection.database !== undefined) env.PGDATABASE = connection.database;
  return { env, dbname };
}

async function dumpPostgres(connection: pg.PoolConfig, partial: string, pgDump: string): Promise<void> {
  const { env, dbname } = postgresEnvironment(connection);
  const args = ['--format=custom', '--no-owner', `--file=${partial}`, ...(dbname === null ? [] : [`--dbname=${dbname}`])];
  try {
    await promisify(execFile)(pgDump, args, { env: { ...process.env, ...env }, encoding: 'utf8', maxBuffer: 16 * 1024 * 1024 });
  } catch (error) {
    const { stderr, code } = error as { stderr?: string; code?: string | number };
    if (code === 'ENOENT') throw new HubBackupRefusedError(`${pgDump} not found: install PostgreSQL's client programs (Debian: postgresql-client)`);
    throw new Error(`pg_dump failed: ${stderr?.trim() || String(error)}`, { cause: error });
  }
}
