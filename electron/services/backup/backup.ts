import { randomBytes } from 'node:crypto';
import { readdirSync, rmSync, statSync } from 'node:fs';
import { mkdir, readdir, rename, rm, stat, access, constants } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import type BetterSqlite3 from 'better-sqlite3';
import { SYSTEM_ACTOR_ROLE } from '../../../shared/domain/audit';
import { BATCH_SEQ_FLOOR_SETTING, type BackupProblem } from '../../../shared/domain/backup';
import type { BackupEntry, BackupInspection, BackupRun, BackupSettings, BackupStatus, PendingRestore, RecoveryRestoreStaged } from '../../../shared/validation/backup';
import {
  appliedMigrationCount,
  dataKeyIds,
  makeSelfContained,
  openDatabaseCopy,
  outboxFacts,
  passesIntegrityCheck,
  highestBatchSeq,
  stationCodeOf,
  unsyncedRowsMissingFrom,
} from '../../db/database-copy';
import { migrations } from '../../db/migrations/index';
import { deriveFileKeyFrom, type KeyRing } from '../../security/key-ring';
import type { Actor } from '../kernel/audit';
import {
  BACKUP_FILE_EXTENSION,
  BackupCorruptError,
  decryptBackup,
  encryptBackup,
  readAuthenticatedHeader,
  readBackupHeader,
  type BackupFacts,
  type BackupHeader,
  type FileKeyDeriver,
} from './backup-file';
import { cancelStagedRestore, readPendingRestore, stageRestore } from './backup-restore';
import type { BackupSettingsStore } from './backup-settings';
import { AppError } from '../kernel/errors';
import { openRecoveredRing, type RecoveryKeys } from './recovery';
import type { StationContext } from '../kernel/context';

/** HKDF info of the backup file keys: a backup key is never the key of anything else. */
const BACKUP_KEY_INFO = 'relay-station/backup-file/v1';
const HOUR_MS = 60 * 60 * 1000;
const STALE_SCRATCH_MS = 6 * HOUR_MS;
const SCHEDULER: Actor = { id: null, role: SYSTEM_ACTOR_ROLE };
/** `.backup-<hex>.sqlite` or `.restore-<hex>.sqlite`, with SQLite's side files: see scratchFile. */
const SCRATCH_FILE = /^\.(backup|restore)-[0-9a-f]{12}\.sqlite(-wal|-shm|-journal)?$/;

/** The station database file and its open connection, which the online backup reads from. */
interface DatabaseFileAccess {
  sqlite: BetterSqlite3.Database;
  databasePath: string;
}

/** `KMU01-backup-20261123T035400123Z.rsbk`, with `-2`, `-3`… should two fall in the same millisecond. */
function backupNamePattern(stationCode: string): RegExp {
  return new RegExp(`^${stationCode}-backup-\\d{8}T\\d{9}Z(-\\d+)?\\${BACKUP_FILE_EXTENSION}$`);
}

function compactTime(iso: string): string {
  return iso.replace(/[-:]/g, '').replace('.', '');
}

function entryOf(file: string, header: BackupHeader, fileBytes: number): BackupEntry {
  return {
    file,
    name: basename(file),
    createdAt: header.createdAt,
    bytes: fileBytes,
    schemaVersion: header.schemaVersion,
    stationCode: header.stationCode,
    recoverable: header.recovery !== undefined,
  };
}

/** A decrypted backup's checks and what a restore of it would lose. */
interface Evaluation {
  inspection: BackupInspection;
  /** The decrypted copy in the data folder; the caller stages or removes it. */
  copy: string;
}

/**
 * Encrypted online backups of the station database (SQLite's backup API on the open connection, so the
 * station keeps working meanwhile), the last N kept in the configured folder, and restores checked here
 * and applied at the next start (backup-restore.ts).
 */
export class BackupService {
  private files: DatabaseFileAccess | null = null;
  private running: Promise<unknown> | null = null;

  constructor(
    private readonly ctx: StationContext,
    readonly settings: BackupSettingsStore,
    private readonly recovery: RecoveryKeys,
  ) {}

  /**
   * Given by the composition root once the database file is open. Plain copies that a run cut short left in
   * the data folder are removed (they hold the station's data, sealed columns aside); recent ones may belong
   * to a run of another process on the same folder.
   */
  useDatabaseFile(sqlite: BetterSqlite3.Database, databasePath: string): void {
    this.files = { sqlite, databasePath };
    const dataDir = dirname(databasePath);
    for (const name of readdirSync(dataDir)) {
      const file = join(dataDir, name);
      if (SCRATCH_FILE.test(name) && Date.now() - statSync(file).mtimeMs > STALE_SCRATCH_MS) rmSync(file, { force: true });
    }
  }

  private get access(): DatabaseFileAccess {
    if (!this.files) throw new Error('the backup service has no database file');
    return this.files;
  }

  private readonly deriveKey: FileKeyDeriver = (keyId, salt) => this.ctx.protection.deriveFileKey(BACKUP_KEY_INFO, salt, keyId);

  /** A fresh name in the data folder (owner-only) for a plain copy of the database. */
  private scratchFile(purpose: string): string {
    return join(dirname(this.access.databasePath), `.${purpose}-${randomBytes(6).toString('hex')}.sqlite`);
  }

  async status(): Promise<BackupStatus> {
    const settings = await this.settings.read();
    const station = await this.ctx.station.get();
    let backups: BackupEntry[] = [];
    let folderReadable = settings.folder === null;
    if (settings.folder !== null && station) {
      try {
        backups = await this.backupsIn(settings.folder, station.code);
        folderReadable = true;
      } catch {
        folderReadable = false;
      }
    }
    const now = this.ctx.clock.now().getTime();
    return {
      settings,
      backups,
      folderReadable,
      lastRun: await this.settings.lastRun(),
      pendingRestore: this.pendingRestore(),
      schemaVersion: migrations.length,
      recoveryKey: await this.recovery.info(),
      backupInFuture: backups.some((entry) => Date.parse(entry.createdAt) > now),
    };
  }

  async changeSettings(next: BackupSettings, actor: Actor): Promise<BackupSettings> {
    return this.settings.change(next, actor);
  }

  /** Whether a restore waits for the next start; false before the database file is known. */
  hasPendingRestore(): boolean {
    return this.files !== null && readPendingRestore(this.files.databasePath) !== null;
  }

  private pendingRestore(): PendingRestore | null {
    const note = readPendingRestore(this.access.databasePath);
    return note ? { source: note.source, stagedAt: note.stagedAt, confirmedOverwrite: note.confirmedOverwrite } : null;
  }

  /**
   * This station's backups in a folder, newest first: recognised by name and by a header authenticated with
   * a key of this station, so a planted or foreign file is never listed, never counted by the schedule and
   * never pruned, whatever date it claims.
   */
  async backupsIn(folder: string, stationCode: string): Promise<BackupEntry[]> {
    const pattern = backupNamePattern(stationCode);
    const entries: BackupEntry[] = [];
    for (const name of await readdir(folder)) {
      if (!pattern.test(name)) continue;
      const file = join(folder, name);
      try {
        const { header, fileBytes } = await readAuthenticatedHeader(file, this.deriveKey);
        if (header.stationCode === stationCode) entries.push(entryOf(file, header, fileBytes));
      } catch {
        // Not one of ours after all (or damaged): never listed, never pruned.
      }
    }
    return entries.sort((a, b) => b.createdAt.localeCompare(a.createdAt) || b.name.localeCompare(a.name));
  }

  /**
   * Takes a backup now into `folder` (created if need be), or the configured folder, which must exist: a
   * USB stick that is not there is not silently replaced by an empty folder. Only the configured folder is
   * pruned to the last N. One backup at a time.
   */
  async take(actor: Actor, folder: string | null = null): Promise<{ backup: BackupEntry; pruned: string[] }> {
    if (this.running) throw new AppError('backup_busy');
    const run = this.takeUnguarded(actor, folder);
    this.running = run;
    try {
      const result = await run;
      await this.rememberRun({ at: result.backup.createdAt, file: result.backup.file, error: null });
      return result;
    } catch (error) {
      await this.rememberRun({ at: this.ctx.clock.now().toISOString(), file: null, error: error instanceof AppError ? error.code : 'internal' });
      throw error;
    } finally {
      this.running = null;
    }
  }

  /** Persisted, so that the schedule and the screen still know the last run after a restart. */
  private async rememberRun(run: BackupRun): Promise<void> {
    try {
      await this.settings.recordLastRun(run);
    } catch {
      // The backup itself (or its error) matters more than remembering it.
    }
  }

  private async takeUnguarded(actor: Actor, explicitFolder: string | null): Promise<{ backup: BackupEntry; pruned: string[] }> {
    const station = await this.ctx.station.require();
    const settings = await this.settings.read();
    const folder = explicitFolder ?? settings.folder;
    if (folder === null) throw new AppError('backup_folder_missing');
    await this.ensureFolder(folder, explicitFolder !== null);

    const copy = this.scratchFile('backup');
    try {
      // Pages are copied a step at a time between other work on the same connection, so registrations go on;
      // a change made meanwhile on this connection is carried into the copy, which ends consistent.
      await this.access.sqlite.backup(copy);
      const createdAt = this.ctx.clock.now().toISOString();
      const facts = this.factsOf(copy, createdAt);
      const recovery = await this.recovery.sealForBackup();
      if (recovery) facts.recovery = recovery;
      const name = await this.freeName(folder, `${station.code}-backup-${compactTime(createdAt)}`);
      const partial = join(folder, `.${name}.partial`);
      const header = await encryptBackup(copy, partial, facts, this.deriveKey);
      await rename(partial, join(folder, name));
      const file = join(folder, name);
      const fileBytes = (await stat(file)).size;
      const pruned = explicitFolder === null ? await this.prune(folder, station.code, settings.keep, file) : [];
      await this.ctx.audit.record({
        actor,
        stationCode: station.code,
        action: 'backup_take',
        objectType: 'backup',
        objectId: name,
        detail: { folder, bytes: fileBytes, schemaVersion: header.schemaVersion, outbox: header.outbox, lastBatchSeq: header.lastBatchSeq, pruned, recoveryKey: recovery?.fingerprint ?? null },
      });
      return { backup: entryOf(file, header, fileBytes), pruned };
    } finally {
      await removeCopy(copy);
    }
  }

  /** What the header states, read from the copy itself, so that it describes exactly what was saved. */
  private factsOf(copy: string, createdAt: string): BackupFacts {
    const sqlite = openDatabaseCopy(copy, { writable: true });
    try {
      makeSelfContained(sqlite);
      return {
        schemaVersion: appliedMigrationCount(sqlite),
        stationCode: stationCodeOf(sqlite) ?? '',
        createdAt,
        outbox: outboxFacts(sqlite),
        lastBatchSeq: highestBatchSeq(sqlite, BATCH_SEQ_FLOOR_SETTING),
      };
    } finally {
      sqlite.close();
    }
  }

  private async ensureFolder(folder: string, create: boolean): Promise<void> {
    try {
      if (create) await mkdir(folder, { recursive: true });
      if (!(await stat(folder)).isDirectory()) throw new Error('not a folder');
      await access(folder, constants.W_OK);
    } catch {
      throw new AppError('backup_folder_unusable');
    }
  }

  private async freeName(folder: string, stem: string): Promise<string> {
    for (let attempt = 1; ; attempt += 1) {
      const name = `${stem}${attempt === 1 ? '' : `-${attempt}`}${BACKUP_FILE_EXTENSION}`;
      try {
        await stat(join(folder, name));
      } catch {
        return name;
      }
    }
  }

  /**
   * Deletes this station's authenticated backups in the folder beyond the newest `keep`; returns their names.
   * The backup just taken and the newest by date always stay: after the clock jumped they are not the same.
   */
  private async prune(folder: string, stationCode: string, keep: number, justTaken: string): Promise<string[]> {
    const backups = await this.backupsIn(folder, stationCode);
    const kept = new Set([justTaken, backups[0]?.file]);
    for (const entry of backups) if (kept.size < keep) kept.add(entry.file);
    const old = backups.filter((entry) => !kept.has(entry.file));
    for (const entry of old) await rm(entry.file, { force: true });
    return old.map((entry) => entry.name);
  }

  /**
   * A scheduled run: takes a backup when a folder is set and the newest backup there not dated in the future
   * is older than the interval. A backup dated after the clock (the clock went back, or ran ahead when it was
   * taken) does not count, so backups never stop for as long as the clock is behind it.
   */
  async takeIfDue(): Promise<boolean> {
    if (this.running) return false;
    const settings = await this.settings.read();
    const station = await this.ctx.station.get();
    if (settings.folder === null || !station) return false;
    const now = this.ctx.clock.now().getTime();
    const notInFuture = (at: string | undefined) => (at !== undefined && Date.parse(at) <= now ? at : null);
    const lastRun = await this.settings.lastRun();
    let newest = lastRun?.file ? notInFuture(lastRun.at) : null;
    try {
      const backups = await this.backupsIn(settings.folder, station.code);
      newest = notInFuture(backups.find((entry) => notInFuture(entry.createdAt) !== null)?.createdAt) ?? newest;
    } catch {
      // An unreadable folder: the attempt below reports it.
    }
    if (newest !== null && now - Date.parse(newest) < settings.intervalHours * HOUR_MS) return false;
    await this.take(SCHEDULER);
    return true;
  }

  /** Waits for a backup under way, so that the database can close after it. */
  async idle(): Promise<void> {
    await this.running?.catch(() => undefined);
  }

  /** Decrypts and checks a backup and says what restoring it would lose; the decrypted copy is removed again. */
  async inspect(file: string, actor: Actor): Promise<BackupInspection> {
    const station = await this.ctx.station.require();
    const { inspection, copy } = await this.evaluate(file);
    await removeCopy(copy);
    await this.ctx.audit.record({
      actor,
      stationCode: station.code,
      action: 'backup_inspect',
      objectType: 'backup',
      objectId: basename(file),
      detail: { file, integrity: inspection.integrity, problems: inspection.problems, newerUnsynced: inspection.newerUnsynced.total },
    });
    return inspection;
  }

  /**
   * Stages a checked backup to replace the database at the next start. Refused while it has a problem, and
   * while it would lose unacknowledged work unless `confirm` is given; the agreement is audited with its count.
   */
  async stageRestore(file: string, confirm: boolean, actor: Actor): Promise<PendingRestore> {
    const station = await this.ctx.station.require();
    const { inspection, copy } = await this.evaluate(file);
    try {
      const problem = inspection.problems[0];
      if (problem) throw new AppError(problem);
      const lost = inspection.newerUnsynced;
      if (lost.total > 0 && !confirm) throw new AppError('backup_unsynced_work');
      const pending: PendingRestore = { source: file, stagedAt: this.ctx.clock.now().toISOString(), confirmedOverwrite: lost.total };
      stageRestore(this.access.databasePath, copy, { ...pending, stagedBy: actor, overwrittenByKind: lost.byKind });
      try {
        await this.ctx.audit.record({
          actor,
          stationCode: station.code,
          action: 'backup_restore',
          objectType: 'backup',
          objectId: basename(file),
          detail: { step: 'staged', file, createdAt: inspection.backup.createdAt, confirmed: confirm && lost.total > 0, confirmedOverwrite: lost.total, overwrittenByKind: lost.byKind },
        });
      } catch (error) {
        // Unaudited, a restore does not happen.
        cancelStagedRestore(this.access.databasePath);
        throw error;
      }
      return pending;
    } finally {
      await removeCopy(copy);
    }
  }

  /** Drops a staged restore before the next start applies it. */
  async cancelRestore(actor: Actor): Promise<BackupStatus> {
    const station = await this.ctx.station.require();
    const pending = this.pendingRestore();
    if (cancelStagedRestore(this.access.databasePath) && pending) {
      await this.ctx.audit.record({ actor, stationCode: station.code, action: 'backup_restore', objectType: 'backup', objectId: basename(pending.source), detail: { step: 'cancelled', file: pending.source } });
    }
    return this.status();
  }

  /**
   * Restores a station that is not set up (a fresh install) from a backup and the recovery code: the key
   * ring sealed in the backup is opened with the code, the backup decrypted and checked with it, the
   * database staged and the ring saved to this station's key store. Both take effect at the next start.
   * A wrong code, a damaged file or a failed check changes nothing.
   */
  async restoreWithRecoveryCode(file: string, recoveryCode: string, actor: Actor): Promise<RecoveryRestoreStaged> {
    if (await this.ctx.station.get()) throw new AppError('station_already_set_up');
    if (this.running) throw new AppError('backup_busy');
    if (this.hasPendingRestore()) throw new AppError('backup_restore_pending');
    const ring = await recoveredRingOf(file, recoveryCode);
    const copy = this.scratchFile('restore');
    try {
      let header: BackupHeader;
      try {
        header = await decryptBackup(file, copy, (keyId, salt) => deriveFileKeyFrom(ring, BACKUP_KEY_INFO, salt, keyId));
      } catch (error) {
        if (error instanceof BackupCorruptError) throw new AppError('backup_corrupt', error.message);
        throw error;
      }
      const stationCode = checkRecoveredCopy(copy, ring);
      stageRestore(this.access.databasePath, copy, { source: file, stagedAt: this.ctx.clock.now().toISOString(), confirmedOverwrite: 0, stagedBy: actor, overwrittenByKind: {} });
      try {
        this.ctx.protection.installRecoveredRing(ring);
      } catch (error) {
        // Without its ring the staged database would not open: stage nothing.
        cancelStagedRestore(this.access.databasePath);
        throw error;
      }
      return { source: file, stationCode, createdAt: header.createdAt };
    } finally {
      await removeCopy(copy);
    }
  }

  private async evaluate(file: string): Promise<Evaluation> {
    const station = await this.ctx.station.require();
    let fileBytes: number;
    try {
      fileBytes = (await stat(file)).size;
    } catch {
      throw new AppError('backup_file_not_found');
    }
    const copy = this.scratchFile('restore');
    let header: BackupHeader;
    try {
      header = await decryptBackup(file, copy, this.deriveKey);
    } catch (error) {
      if (error instanceof BackupCorruptError) throw new AppError('backup_corrupt', error.message);
      throw error;
    }
    try {
      const backup = openDatabaseCopy(copy, { writable: true });
      const current = openDatabaseCopy(this.access.databasePath);
      try {
        const integrity = passesIntegrityCheck(backup) ? 'ok' : 'failed';
        const problems: BackupProblem[] = [];
        if (integrity !== 'ok') problems.push('backup_integrity_failed');
        const ok = integrity === 'ok';
        const schemaVersion = ok ? appliedMigrationCount(backup) : header.schemaVersion;
        if (schemaVersion > migrations.length) problems.push('backup_schema_too_new');
        if ((ok ? stationCodeOf(backup) : header.stationCode) !== station.code) problems.push('backup_other_station');
        // A database none of whose data keys this ring holds (archived ones count) would not open with it.
        if (ok && !dataKeyIds(backup).some((id) => this.ctx.protection.holdsKey(id))) problems.push('backup_key_outdated');
        const newerUnsynced = ok ? unsyncedRowsMissingFrom(current, backup) : { total: 0, byKind: {} };
        return {
          copy,
          inspection: {
            backup: entryOf(file, header, fileBytes),
            appSchemaVersion: migrations.length,
            integrity,
            problems,
            outbox: header.outbox,
            lastBatchSeq: header.lastBatchSeq,
            newerUnsynced,
            currentUnacknowledged: outboxFacts(current).unacknowledged,
          },
        };
      } finally {
        backup.close();
        current.close();
      }
    } catch (error) {
      await removeCopy(copy);
      throw error;
    }
  }
}

/**
 * The key ring a backup carries, opened with the recovery code: `backup_file_not_found`, `backup_corrupt`,
 * `backup_not_recoverable` (made before the station had a recovery key) or `recovery_code_wrong` otherwise.
 * Reads the file and nothing else, so the command line can check a code before it opens any station.
 */
export async function recoveredRingOf(file: string, recoveryCode: string): Promise<KeyRing> {
  let header: BackupHeader;
  try {
    header = (await readBackupHeader(file)).header;
  } catch (error) {
    if (error instanceof BackupCorruptError) throw new AppError('backup_corrupt', error.message);
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') throw new AppError('backup_file_not_found');
    if ((error as NodeJS.ErrnoException).code === 'EISDIR') throw new AppError('backup_corrupt', 'not a file');
    throw error;
  }
  if (!header.recovery) throw new AppError('backup_not_recoverable');
  return openRecoveredRing(header.recovery, recoveryCode);
}

/** The checks of a decrypted backup restored onto a fresh install; its station code when they pass. */
function checkRecoveredCopy(copy: string, ring: KeyRing): string {
  const backup = openDatabaseCopy(copy, { writable: true });
  try {
    if (!passesIntegrityCheck(backup)) throw new AppError('backup_integrity_failed');
    if (appliedMigrationCount(backup) > migrations.length) throw new AppError('backup_schema_too_new');
    // The ring sealed in the header is the one the database was written with; anything else is a forgery.
    if (!dataKeyIds(backup).includes(ring.currentKeyId)) throw new AppError('backup_corrupt');
    const stationCode = stationCodeOf(backup);
    if (!stationCode) throw new AppError('backup_corrupt');
    return stationCode;
  } finally {
    backup.close();
  }
}

async function removeCopy(file: string): Promise<void> {
  for (const suffix of ['', '-wal', '-shm', '-journal']) await rm(file + suffix, { force: true });
}
