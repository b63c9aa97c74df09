import { existsSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { basename } from 'node:path';
import { SYSTEM_ACTOR_ROLE } from '../../../shared/domain/audit';
import { BATCH_FLOOR_UNCONFIRMED_SETTING, BATCH_SEQ_FLOOR_SETTING } from '../../../shared/domain/backup';
import { pendingRestore, type PendingRestore } from '../../../shared/validation/backup';
import {
  highestBatchSeq,
  numberSequenceHighs,
  openDatabaseCopy,
  raiseNumberSequences,
  readSettingOf,
  stationCodeOf,
  unsyncedRowsMissingFrom,
  writeSettingOf,
} from '../../db/database-copy';
import { makeDatabaseOwnerOnly, SQLITE_SIDE_FILES } from '../../db/file-modes';
import type { Actor, AuditTrail } from '../kernel/audit';

/**
 * A restore in two steps. The running station checks a backup and stages it next to the database
 * (`station.sqlite.restore`, with what was agreed in `station.sqlite.restore.json`); at the next start,
 * before the database opens, the current file is moved aside and the staged one takes its place. The file
 * kept aside goes back if the restored one cannot be opened and migrated, so a bad restore never leaves the
 * station without its database.
 */

/** Written by the staging step; read when the restore is applied and recorded in the restored audit trail. */
export interface StagedRestoreNote extends PendingRestore {
  stagedBy: Actor;
  /** Work the current database had that the backup lacks, by kind, when it was staged. */
  overwrittenByKind: Record<string, number>;
}

export function stagedRestorePath(databasePath: string): string {
  return `${databasePath}.restore`;
}

function notePath(databasePath: string): string {
  return `${databasePath}.restore.json`;
}

/** The restore waiting for the next start, or null. */
export function readPendingRestore(databasePath: string): StagedRestoreNote | null {
  if (!existsSync(stagedRestorePath(databasePath))) return null;
  try {
    const raw = JSON.parse(readFileSync(notePath(databasePath), 'utf8')) as StagedRestoreNote;
    const parsed = pendingRestore.safeParse(raw);
    if (!parsed.success) throw new Error('invalid note');
    return { ...parsed.data, stagedBy: raw.stagedBy ?? { id: null, role: SYSTEM_ACTOR_ROLE }, overwrittenByKind: raw.overwrittenByKind ?? {} };
  } catch {
    // A staged file without its note: nobody agreed to lose anything.
    return { source: '', stagedAt: '', confirmedOverwrite: 0, stagedBy: { id: null, role: SYSTEM_ACTOR_ROLE }, overwrittenByKind: {} };
  }
}

/**
 * Makes `checkedCopy` (a decrypted, checked backup in the data folder) the restore applied at the next
 * start. The note is written first and the rename is the commit point: a crash in between stages nothing.
 */
export function stageRestore(databasePath: string, checkedCopy: string, note: StagedRestoreNote): void {
  writeFileSync(notePath(databasePath), JSON.stringify(note), { mode: 0o600 });
  makeDatabaseOwnerOnly(checkedCopy);
  renameSync(checkedCopy, stagedRestorePath(databasePath));
}

/** Drops a staged restore; true when there was one. */
export function cancelStagedRestore(databasePath: string): boolean {
  const staged = existsSync(stagedRestorePath(databasePath));
  for (const file of [stagedRestorePath(databasePath), notePath(databasePath)]) rmSync(file, { force: true });
  for (const suffix of SQLITE_SIDE_FILES) rmSync(stagedRestorePath(databasePath) + suffix, { force: true });
  return staged;
}

/** Moves a database with its side files; the moved files are owner-only, whatever mode an older version left. */
function moveWithSideFiles(from: string, to: string): void {
  renameSync(from, to);
  for (const suffix of SQLITE_SIDE_FILES) if (existsSync(from + suffix)) renameSync(from + suffix, to + suffix);
  makeDatabaseOwnerOnly(to);
}

function removeWithSideFiles(file: string): void {
  for (const suffix of ['', ...SQLITE_SIDE_FILES]) rmSync(file + suffix, { force: true });
}

/** What the start-up does with a staged restore it found. */
export type RestoreOutcome =
  | { kind: 'applied'; note: StagedRestoreNote; keptAside: string | null; batchSeqFloor: number; batchFloorUnconfirmed: boolean }
  /** More unacknowledged work appeared after staging than was agreed to: the restore was dropped. */
  | { kind: 'abandoned'; note: StagedRestoreNote; unsynced: number };

export interface StartupRestore {
  outcome: RestoreOutcome;
  /** The restored database could not be opened: puts the file kept aside back. */
  rollBack(): void;
  /** Records the outcome in the audit trail of the database that opened. */
  record(audit: AuditTrail, stationCode: string): Promise<void>;
}

function timestampForName(now: Date): string {
  return now.toISOString().replace(/[-:]/g, '').replace('.', '');
}

/**
 * Called before the database opens. Puts a staged restore in place: the current file (and its WAL) moves to
 * `station.sqlite.before-restore-<time>`, the staged file takes its name, with the highest batch number that
 * ever left the current database carried over (`syncBatchSeqFloor`), and the highest registration number
 * and document serial of each scope and year, so none is issued a second time. Returns null when nothing is
 * staged.
 */
export function applyStagedRestore(databasePath: string, now: Date = new Date()): StartupRestore | null {
  const staged = stagedRestorePath(databasePath);
  if (!existsSync(staged)) {
    rmSync(notePath(databasePath), { force: true });
    return null;
  }
  const note = readPendingRestore(databasePath) as StagedRestoreNote;
  const hasCurrent = existsSync(databasePath);
  let batchSeqFloor = 0;
  let batchFloorUnconfirmed = true;
  let issuedNumbers: ReturnType<typeof numberSequenceHighs> = [];

  let restored: ReturnType<typeof openDatabaseCopy> | null = null;
  try {
    restored = openDatabaseCopy(staged, { writable: true });
    if (hasCurrent) {
      const current = openDatabaseCopy(databasePath, { writable: true });
      try {
        // Work written between staging and this start was not part of what the person agreed to lose.
        const unsynced = unsyncedRowsMissingFrom(current, restored).total;
        if (unsynced > note.confirmedOverwrite) {
          restored.close();
          current.close();
          cancelStagedRestore(databasePath);
          return { outcome: { kind: 'abandoned', note, unsynced }, rollBack: () => undefined, record: recordOutcome({ kind: 'abandoned', note, unsynced }) };
        }
        batchSeqFloor = highestBatchSeq(current, BATCH_SEQ_FLOOR_SETTING);
        issuedNumbers = numberSequenceHighs(current);
        // Only this station's own database (itself sure of its batches) knows every batch that left it.
        batchFloorUnconfirmed = stationCodeOf(current) !== stationCodeOf(restored) || Boolean(readSettingOf(current, BATCH_FLOOR_UNCONFIRMED_SETTING));
      } finally {
        if (current.open) current.close();
      }
    }
    batchSeqFloor = Math.max(batchSeqFloor, highestBatchSeq(restored, BATCH_SEQ_FLOOR_SETTING));
    if (batchSeqFloor > 0) writeSettingOf(restored, BATCH_SEQ_FLOOR_SETTING, String(batchSeqFloor), now.toISOString());
    // Batches sent after the backup are unknown here: none is written until the province's last one is learnt (sync-batch-floor.ts).
    if (batchFloorUnconfirmed) writeSettingOf(restored, BATCH_FLOOR_UNCONFIRMED_SETTING, now.toISOString(), now.toISOString());
    raiseNumberSequences(restored, issuedNumbers);
  } catch (error) {
    // The staged file cannot even be read: drop it, so the next start opens the current database as before.
    restored?.close();
    cancelStagedRestore(databasePath);
    throw error;
  } finally {
    if (restored?.open) restored.close();
  }

  const keptAside = hasCurrent ? `${databasePath}.before-restore-${timestampForName(now)}` : null;
  if (keptAside) moveWithSideFiles(databasePath, keptAside);
  moveWithSideFiles(staged, databasePath);
  rmSync(notePath(databasePath), { force: true });
  const outcome: RestoreOutcome = { kind: 'applied', note, keptAside: keptAside ? basename(keptAside) : null, batchSeqFloor, batchFloorUnconfirmed };
  return {
    outcome,
    rollBack: () => {
      removeWithSideFiles(databasePath);
      if (keptAside) moveWithSideFiles(keptAside, databasePath);
    },
    record: recordOutcome(outcome),
  };
}

function recordOutcome(outcome: RestoreOutcome): (audit: AuditTrail, stationCode: string) => Promise<void> {
  return (audit, stationCode) =>
    audit.record({
      actor: outcome.note.stagedBy,
      stationCode,
      action: 'backup_restore',
      objectType: 'backup',
      objectId: outcome.note.source,
      detail:
        outcome.kind === 'applied'
          ? {
              step: 'applied',
              stagedAt: outcome.note.stagedAt,
              confirmedOverwrite: outcome.note.confirmedOverwrite,
              overwrittenByKind: outcome.note.overwrittenByKind,
              keptAside: outcome.keptAside,
              batchSeqFloor: outcome.batchSeqFloor,
              batchFloorUnconfirmed: outcome.batchFloorUnconfirmed,
            }
          : { step: 'abandoned', reason: 'backup_unsynced_work', unsynced: outcome.unsynced, confirmedOverwrite: outcome.note.confirmedOverwrite },
    });
}
