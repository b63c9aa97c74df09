import type { CallOutput } from '../../../shared/contract/calls';

export type BackupStatus = CallOutput<'backup:status'>;
export type BackupEntry = BackupStatus['backups'][number];
export type BackupInspection = CallOutput<'backup:inspect'>;
export type BackupTaken = CallOutput<'backup:now'>;
