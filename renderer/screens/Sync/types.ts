import type { CallOutput } from '../../../shared/contract/calls';

/** What `sync:status` answers: counts, progress, the last run, settings and keys. */
export type SyncStatus = CallOutput<'sync:status'>;
export type SyncActivity = NonNullable<SyncStatus['activity']>;
export type SyncRetry = NonNullable<NonNullable<SyncStatus['sending']>['retry']>;
export type SyncBatch = CallOutput<'sync:batches'>['batches'][number];
export type SyncRejection = CallOutput<'sync:rejections'>['records'][number];
