/**
 * Backups of the station database: how often, how many are kept, and which outbox rows count as work
 * the province has not acknowledged yet (a restore must not lose them unseen).
 */

export const DEFAULT_BACKUP_KEEP = 7;
export const MIN_BACKUP_KEEP = 1;
export const MAX_BACKUP_KEEP = 365;

export const DEFAULT_BACKUP_INTERVAL_HOURS = 24;
export const MIN_BACKUP_INTERVAL_HOURS = 1;
export const MAX_BACKUP_INTERVAL_HOURS = 168;

/** Where the last backup run (scheduled or not) is remembered across restarts: JSON of the backup status's `lastRun`. */
export const BACKUP_LAST_RUN_SETTING = 'backupLastRun';

/**
 * The highest batch number that has ever left this station, carried over a restore so that the restored
 * station never writes a batch under a number the province has already seen.
 */
export const BATCH_SEQ_FLOOR_SETTING = 'syncBatchSeqFloor';

/**
 * Set (to the time of the restore) when a backup is restored without this station's own database beside it
 * (a rebuilt station on a new machine): batches sent after the backup are unknown here, so no batch is written
 * until the province's highest batch number for the station is learnt. Empty once learnt.
 */
export const BATCH_FLOOR_UNCONFIRMED_SETTING = 'syncBatchFloorUnconfirmed';

/** Outbox states of a row the province has not acknowledged: pending, in a batch, to be re-sent, or rejected. */
export const unacknowledgedOutboxStates = ['pending', 'in_batch', 'resend', 'rejected'] as const;

/** Why a chosen backup cannot be restored, besides not being readable at all (`backup_corrupt`). */
export const backupProblems = ['backup_integrity_failed', 'backup_schema_too_new', 'backup_other_station', 'backup_key_outdated'] as const;
export type BackupProblem = (typeof backupProblems)[number];
