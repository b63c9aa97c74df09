import { z } from 'zod';
import {
  backupProblems,
  MAX_BACKUP_INTERVAL_HOURS,
  MAX_BACKUP_KEEP,
  MIN_BACKUP_INTERVAL_HOURS,
  MIN_BACKUP_KEEP,
} from '../domain/backup';

/** An absolute path on the station: `/media/usb/backups`, `D:\backups` or a `\\server\share` path. */
const ABSOLUTE_PATH = /^(\/|[A-Za-z]:[\\/]|\\\\[^\\])/;

/** A file or folder on the station, typed by staff: the station host's browser has no picker that gives a path. */
export const stationPath = z
  .string({ error: 'required' })
  .trim()
  .min(1, { error: 'required' })
  .max(1000, { error: 'text_too_long' })
  .regex(ABSOLUTE_PATH, { error: 'backup_path_absolute' })
  // A NUL ends the path early in the operating system's calls: what is used would not be what was typed.
  .refine((value) => !value.includes('\0'), { error: 'invalid' });

export const backupSettings = z.object({
  /** null: no scheduled backups. */
  folder: stationPath.nullable(),
  keep: z.number({ error: 'required' }).int({ error: 'invalid' }).min(MIN_BACKUP_KEEP, { error: 'backup_keep_range' }).max(MAX_BACKUP_KEEP, { error: 'backup_keep_range' }),
  intervalHours: z
    .number({ error: 'required' })
    .int({ error: 'invalid' })
    .min(MIN_BACKUP_INTERVAL_HOURS, { error: 'backup_interval_range' })
    .max(MAX_BACKUP_INTERVAL_HOURS, { error: 'backup_interval_range' }),
});
export type BackupSettings = z.infer<typeof backupSettings>;

/** A backup file as its header describes it (authenticated with this station's keys when listed): enough to list it. */
export const backupEntry = z.object({
  file: z.string(),
  name: z.string(),
  createdAt: z.string(),
  bytes: z.number(),
  schemaVersion: z.number(),
  stationCode: z.string(),
  /** Whether it carries the key ring sealed to a recovery key: then it and the recovery code rebuild the station. */
  recoverable: z.boolean(),
});
export type BackupEntry = z.infer<typeof backupEntry>;

export const backupRun = z.object({
  at: z.string(),
  /** The file written, or null when the run failed. */
  file: z.string().nullable(),
  /** The error code of a failed run. */
  error: z.string().nullable(),
});
export type BackupRun = z.infer<typeof backupRun>;

export const pendingRestore = z.object({
  /** The backup the staged database came from. */
  source: z.string(),
  stagedAt: z.string(),
  /** Rows of unacknowledged work the person who staged it agreed to lose. */
  confirmedOverwrite: z.number(),
});
export type PendingRestore = z.infer<typeof pendingRestore>;

/** The recovery key as the station shows it: which code it is (fingerprint) and when it was made. */
export const recoveryKeyInfo = z.object({ fingerprint: z.string(), createdAt: z.string() });
export type RecoveryKeyInfo = z.infer<typeof recoveryKeyInfo>;

export const backupStatus = z.object({
  settings: backupSettings,
  /** The backups of this station in the configured folder, newest first. */
  backups: z.array(backupEntry),
  /** Whether the configured folder could be read (false when a USB stick is missing, say). */
  folderReadable: z.boolean(),
  lastRun: backupRun.nullable(),
  pendingRestore: pendingRestore.nullable(),
  /** The number of migrations this build knows, the schema version a backup is compared with. */
  schemaVersion: z.number(),
  /** The recovery key backups are sealed to; null for a station set up before recovery codes: make one. */
  recoveryKey: recoveryKeyInfo.nullable(),
  /** A backup in the folder is dated after the station's clock: the clock went back, or a backup was taken while it was ahead. */
  backupInFuture: z.boolean(),
});
export type BackupStatus = z.infer<typeof backupStatus>;

export const backupTaken = z.object({
  backup: backupEntry,
  /** Names of older backups deleted to keep the last N. */
  pruned: z.array(z.string()),
});

export const backupFileInput = z.object({ file: stationPath });

export const backupInspection = z.object({
  backup: backupEntry,
  /** This build's schema version; a backup from a newer one cannot be restored. */
  appSchemaVersion: z.number(),
  integrity: z.enum(['ok', 'failed']),
  /** Why it cannot be restored; empty when it can. */
  problems: z.array(z.enum(backupProblems)),
  /** The backup's outbox: its highest row and the rows the province had not acknowledged then. */
  outbox: z.object({ highestSeq: z.number(), unacknowledged: z.number() }),
  lastBatchSeq: z.number(),
  /** Work of the current database that the province has not acknowledged and that the backup does not hold. */
  newerUnsynced: z.object({ total: z.number(), byKind: z.record(z.string(), z.number()) }),
  /** All unacknowledged rows of the current database, for comparison. */
  currentUnacknowledged: z.number(),
});
export type BackupInspection = z.infer<typeof backupInspection>;

export const restoreInput = z.object({
  file: stationPath,
  /** Explicit agreement to lose the newer unsynced work the inspection showed; audited with its count. */
  confirm: z.boolean({ error: 'required' }),
});

export const restoreStaged = pendingRestore;

/** A recovery code just made: shown once, never stored; the station keeps only its public key. */
export const recoveryCodeIssued = recoveryKeyInfo.extend({ code: z.string() });
export type RecoveryCodeIssued = z.infer<typeof recoveryCodeIssued>;

/** A backup file and the recovery code typed by the administrator, to restore onto a station not yet set up. */
export const recoveryRestoreInput = z.object({
  file: stationPath,
  recoveryCode: z.string({ error: 'required' }).trim().min(1, { error: 'required' }).max(200, { error: 'text_too_long' }),
});

/** A restore staged onto a fresh install: it takes effect when the station starts again. */
export const recoveryRestoreStaged = z.object({
  source: z.string(),
  stationCode: z.string(),
  /** When the backup was made. */
  createdAt: z.string(),
});
export type RecoveryRestoreStaged = z.infer<typeof recoveryRestoreStaged>;
