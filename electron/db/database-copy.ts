import BetterSqlite3 from 'better-sqlite3';

/**
 * SQL on whole database files other than the open station's connection: a backup's copy, a staged
 * restore, and the station's own file read from a second, read-only connection (which sees committed
 * data only). Backups and restores compare these; the station's services never write through them.
 */

/** Outbox states the province has not acknowledged (kept in step with shared/domain/backup.ts). */
const UNACKNOWLEDGED = ['pending', 'in_batch', 'resend', 'rejected'] as const;
const IN_UNACKNOWLEDGED = `(${UNACKNOWLEDGED.map((state) => `'${state}'`).join(', ')})`;

export type DatabaseFile = BetterSqlite3.Database;

/** Opens a database file that must exist; read-only unless told otherwise. */
export function openDatabaseCopy(file: string, options: { writable?: boolean } = {}): DatabaseFile {
  const sqlite = new BetterSqlite3(file, { readonly: !options.writable, fileMustExist: true });
  sqlite.pragma('busy_timeout = 5000');
  return sqlite;
}

/** Switches a copy out of WAL so that it is one self-contained file (the station's open sets WAL again). */
export function makeSelfContained(sqlite: DatabaseFile): void {
  sqlite.pragma('journal_mode = DELETE');
}

function tableExists(sqlite: DatabaseFile, table: string): boolean {
  return sqlite.prepare(`select 1 from sqlite_master where type = 'table' and name = ?`).get(table) !== undefined;
}

function columnExists(sqlite: DatabaseFile, table: string, column: string): boolean {
  return (sqlite.prepare(`select name from pragma_table_info(?)`).all(table) as { name: string }[]).some((row) => row.name === column);
}

/** `PRAGMA integrity_check` answered `ok`. A file that is no database at all also fails. */
export function passesIntegrityCheck(sqlite: DatabaseFile): boolean {
  try {
    const rows = sqlite.pragma('integrity_check') as { integrity_check: string }[];
    return rows.length === 1 && rows[0]?.integrity_check === 'ok';
  } catch {
    return false;
  }
}

/** Migrations applied in the file: its schema version. */
export function appliedMigrationCount(sqlite: DatabaseFile): number {
  if (!tableExists(sqlite, 'schema_migration')) return 0;
  return (sqlite.prepare('select count(*) as n from schema_migration').get() as { n: number }).n;
}

export function stationCodeOf(sqlite: DatabaseFile): string | null {
  if (!tableExists(sqlite, 'station')) return null;
  return (sqlite.prepare('select code from station limit 1').get() as { code: string } | undefined)?.code ?? null;
}

/** Ids of the data keys the file's sealed values were written with. */
export function dataKeyIds(sqlite: DatabaseFile): string[] {
  if (!tableExists(sqlite, 'data_key')) return [];
  return (sqlite.prepare('select id from data_key').all() as { id: string }[]).map((row) => row.id);
}

/** The outbox's highest row and how many rows the province has not acknowledged. */
export function outboxFacts(sqlite: DatabaseFile): { highestSeq: number; unacknowledged: number } {
  if (!tableExists(sqlite, 'outbox')) return { highestSeq: 0, unacknowledged: 0 };
  const highestSeq = (sqlite.prepare('select coalesce(max(seq), 0) as n from outbox').get() as { n: number }).n;
  // Before the sync migration every row waited for the province.
  const unacknowledged = columnExists(sqlite, 'outbox', 'state')
    ? (sqlite.prepare(`select count(*) as n from outbox where state in ${IN_UNACKNOWLEDGED}`).get() as { n: number }).n
    : (sqlite.prepare('select count(*) as n from outbox').get() as { n: number }).n;
  return { highestSeq, unacknowledged };
}

export function readSettingOf(sqlite: DatabaseFile, key: string): string | undefined {
  if (!tableExists(sqlite, 'station_setting')) return undefined;
  return (sqlite.prepare('select value from station_setting where key = ?').get(key) as { value: string } | undefined)?.value;
}

/** The highest batch number the file has written, or a floor carried over an earlier restore if higher. */
export function highestBatchSeq(sqlite: DatabaseFile, floorSetting: string): number {
  const written = tableExists(sqlite, 'sync_batch')
    ? (sqlite.prepare('select coalesce(max(batch_seq), 0) as n from sync_batch').get() as { n: number }).n
    : 0;
  const floor = Number(readSettingOf(sqlite, floorSetting));
  return Math.max(written, Number.isSafeInteger(floor) ? floor : 0);
}

export function writeSettingOf(sqlite: DatabaseFile, key: string, value: string, updatedAt: string): void {
  sqlite
    .prepare('insert into station_setting (key, value, updated_at) values (?, ?, ?) on conflict (key) do update set value = excluded.value, updated_at = excluded.updated_at')
    .run(key, value, updatedAt);
}

/**
 * Unacknowledged outbox rows of `current` that `other` does not hold (same kind, record and version),
 * counted per kind: the work a restore of `other` would lose. Streams the rows, so a long outbox costs
 * time, not memory.
 */
export function unsyncedRowsMissingFrom(current: DatabaseFile, other: DatabaseFile): { total: number; byKind: Record<string, number> } {
  const byKind: Record<string, number> = {};
  let total = 0;
  if (!tableExists(current, 'outbox')) return { total, byKind };
  const held = tableExists(other, 'outbox') ? other.prepare('select 1 from outbox where kind = ? and entity_id = ? and version = ?') : null;
  const rows = current.prepare(`select kind, entity_id, version from outbox where state in ${IN_UNACKNOWLEDGED}`);
  for (const row of rows.iterate() as Iterable<{ kind: string; entity_id: string; version: number }>) {
    if (held?.get(row.kind, row.entity_id, row.version) !== undefined) continue;
    total += 1;
    byKind[row.kind] = (byKind[row.kind] ?? 0) + 1;
  }
  return { total, byKind };
}
