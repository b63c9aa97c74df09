/** Backups of the station database: taken, listed, checked and restored. */
export const backupCalls = {} as const;
