import BetterSqlite3 from 'better-sqlite3';
import type { AuditAction } from '../../shared/domain/audit';
import { makeDatabaseOwnerOnly } from './file-modes';

/**
 * SQL on whole database files other than the open station's connection: a backup's copy, a staged
 * restore, and the station's own file read from a second, read-only connection (which sees committed
 * data only). Backups and restores compare these; the station's services never write through them.
 */

/** Outbox states the province has not acknowledged (kept in step with shared/domain/backup.ts). */
const UNACKNOWLEDGED = ['pending', 'in_batch', 'resend', 'rejected'] as const;
const IN_UNACKNOWLEDGED = `(${UNACKNOWLEDGED.map((state) => `'${state}'`).join(', ')})`;

export type DatabaseFile = BetterSqlite3.Database;

/** Opens a database file that must exist; read-only unless told otherwise. A copy opened to be written is made owner-only. */
export function openDatabaseCopy(file: string, options: { writable?: boolean } = {}): DatabaseFile {
  if (options.writable) makeDatabaseOwnerOnly(file);
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
 * Audit actions that change no record a restore could lose: reading, sessions, sync bookkeeping (a
 * restored outbox is simply sent again, and the batch numbers are carried over), backups themselves, and
 * the visitor purge (a restore brings back, it does not lose).
 */
const ACTIONS_THAT_CHANGE_NO_RECORD: readonly AuditAction[] = [
  'view',
  'view_unmasked',
  'export',
  'login',
  'login_failed',
  'logout',
  'lock',
  'unlock',
  'unlock_failed',
  'account_locked',
  'batch_write',
  'batch_approve',
  'batch_decline',
  'batch_send',
  'ack_import',
  'backup_take',
  'backup_inspect',
  'backup_restore',
  'retention_purge',
  // A card read and an unlock of its fields leave no record of their own: the registration they lead to does.
  'id_card_read',
  'id_card_unlock',
  // Reading a family's page changes nothing.
  'family_view',
];
const CHANGES_NO_RECORD = `(${ACTIONS_THAT_CHANGE_NO_RECORD.map((action) => `'${action}'`).join(', ')})`;

function auditHead(sqlite: DatabaseFile): number {
  return (sqlite.prepare('select coalesce(max(seq), 0) as n from audit_log').get() as { n: number }).n;
}

/**
 * The last audit entry both files hold: the chain is hashed, so when the entries at one `seq` agree, all
 * before it do too, and a binary search finds where the files went apart (a backup of this station is a
 * prefix of its chain, unless an earlier restore forked it).
 */
function sharedAuditHead(current: DatabaseFile, other: DatabaseFile): number {
  const hashAt = (sqlite: DatabaseFile, seq: number) => (sqlite.prepare('select hash from audit_log where seq = ?').get(seq) as { hash: string } | undefined)?.hash;
  let agreed = 0;
  let high = Math.min(auditHead(current), auditHead(other));
  while (agreed < high) {
    const middle = Math.ceil((agreed + high) / 2);
    const hash = hashAt(current, middle);
    if (hash !== undefined && hash === hashAt(other, middle)) agreed = middle;
    else high = middle - 1;
  }
  return agreed;
}

/**
 * The work a restore of `other` would lose: the audited changes `current` made after the last audit entry
 * the two share, counted per kind of record (the audit entry's object type). It counts what never goes to
 * the province too (registrations without consent to report, consent withdrawals, follow-up notes, document
 * prints and hand-overs, messages awaiting moderation), not only unacknowledged outbox rows.
 */
export function unsyncedRowsMissingFrom(current: DatabaseFile, other: DatabaseFile): { total: number; byKind: Record<string, number> } {
  const byKind: Record<string, number> = {};
  let total = 0;
  if (!tableExists(current, 'audit_log')) return { total, byKind };
  const shared = tableExists(other, 'audit_log') ? sharedAuditHead(current, other) : 0;
  const rows = current
    .prepare(`select coalesce(object_type, action) as kind, count(*) as n from audit_log where seq > ? and action not in ${CHANGES_NO_RECORD} group by 1 order by 1`)
    .all(shared) as { kind: string; n: number }[];
  for (const row of rows) {
    total += row.n;
    byKind[row.kind] = row.n;
  }
  return { total, byKind };
}

/** The highest number issued per scope and year (registration numbers, document serials). */
export function numberSequenceHighs(sqlite: DatabaseFile): { scope: string; year: number; last: number }[] {
  if (!tableExists(sqlite, 'number_sequence')) return [];
  return sqlite.prepare('select scope, year, last from number_sequence').all() as { scope: string; year: number; last: number }[];
}

/** Raises `sqlite`'s number sequences to at least these highs, so no number is issued twice. */
export function raiseNumberSequences(sqlite: DatabaseFile, highs: { scope: string; year: number; last: number }[]): void {
  if (highs.length === 0) return;
  const raise = sqlite.prepare(
    'insert into number_sequence (scope, year, last) values (?, ?, ?) on conflict (scope, year) do update set last = max(number_sequence.last, excluded.last)',
  );
  sqlite.transaction(() => {
    for (const high of highs) raise.run(high.scope, high.year, high.last);
  })();
}
