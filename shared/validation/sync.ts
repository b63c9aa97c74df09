import { z } from 'zod';
import { MAX_BATCH_RECORDS, MIN_BATCH_RECORDS, outboxStates, syncBatchStates, syncRetryReasons } from '../domain/sync';

/** The batches' and acknowledgements' names: `KMU01-B000042`. */
export const batchId = z.string({ error: 'required' }).regex(/^[A-Z0-9]{2,12}-B\d{6,}$/, { error: 'batch_id_format' });

/**
 * Where the provincial system listens: http(s), a host and optional port and path; no user name, query or
 * fragment. Batches go encrypted to the province's key over either (docs/sync-protocol.md §7), and only to
 * an endpoint whose /v1/info names the imported keys; only an administrator changes it.
 */
const ENDPOINT_FORMAT = /^https?:\/\/[A-Za-z0-9.-]+(:\d{1,5})?(\/[A-Za-z0-9._~%!$&'()*+,;=:@/-]*)?$/;
export const syncEndpoint = z
  .string({ error: 'required' })
  .trim()
  .max(300, { error: 'text_too_long' })
  .regex(ENDPOINT_FORMAT, { error: 'sync_endpoint_format' });

export const syncSettings = z.object({
  endpoint: syncEndpoint.nullable(),
  batchSize: z.number({ error: 'required' }).int({ error: 'invalid' }).min(MIN_BATCH_RECORDS, { error: 'batch_size_range' }).max(MAX_BATCH_RECORDS, { error: 'batch_size_range' }),
  twoPersonApproval: z.boolean({ error: 'required' }),
});
export type SyncSettings = z.infer<typeof syncSettings>;

export const provinceKeyUses = ['signing', 'encryption'] as const;
export const provinceKey = z.object({ id: z.string(), use: z.enum(provinceKeyUses), importedAt: z.string() });

export const provinceKeyInput = z.object({
  use: z.enum(provinceKeyUses, { error: 'invalid' }),
  pem: z.string({ error: 'required' }).max(4000, { error: 'text_too_long' }).refine((value) => value.includes('-----BEGIN PUBLIC KEY-----'), { error: 'public_key_pem' }),
});

export const syncActivity = z.object({
  step: z.enum(['writing', 'exporting', 'sending']),
  batchId: z.string().nullable(),
  done: z.number(),
  total: z.number(),
});
export type SyncActivity = z.infer<typeof syncActivity>;

/** The network send waits to try again: how many attempts failed of how many it makes, when it tries next and why. */
export const syncRetry = z.object({
  failedAttempts: z.number(),
  maxAttempts: z.number(),
  /** Whole seconds until the next attempt, as the station counts them; 0 while that attempt runs. */
  nextAttemptInSeconds: z.number(),
  reason: z.enum(syncRetryReasons),
  /** The last error as the network reported it (e.g. `ECONNREFUSED 127.0.0.1:1`), for whoever looks into it. */
  detail: z.string(),
});
export type SyncRetry = z.infer<typeof syncRetry>;

/** A network send under way (it can be cancelled); `retry` while it could not reach the province and tries again. */
export const syncSending = z.object({ retry: syncRetry.nullable() });
export type SyncSending = z.infer<typeof syncSending>;

export const syncRun = z.object({
  finishedAt: z.string(),
  /** null when everything waiting reached the province; otherwise the code that stopped the run. */
  error: z.string().nullable(),
});

export const syncStatus = z.object({
  outbox: z.record(z.enum(outboxStates), z.number()),
  lastAcknowledgedAt: z.string().nullable(),
  settings: syncSettings,
  provinceKeys: z.array(provinceKey),
  stationKeyId: z.string().nullable(),
  /** What moves now: the USB export's progress while one runs, else the network send's. */
  activity: syncActivity.nullable(),
  sending: syncSending.nullable(),
  lastRun: syncRun.nullable(),
});
export type SyncStatus = z.infer<typeof syncStatus>;

export const syncBatch = z.object({
  batchId: z.string(),
  batchSeq: z.number(),
  state: z.enum(syncBatchStates),
  firstSeq: z.number().nullable(),
  lastSeq: z.number().nullable(),
  recordCount: z.number(),
  omittedCount: z.number(),
  resentCount: z.number(),
  kindCounts: z.record(z.string(), z.number()),
  createdAt: z.string(),
  createdBy: z.string().nullable(),
  approvedAt: z.string().nullable(),
  sentAt: z.string().nullable(),
  sentVia: z.enum(['usb', 'http']).nullable(),
  sendAttempts: z.number(),
  lastError: z.string().nullable(),
  acknowledgedAt: z.string().nullable(),
  accepted: z.number().nullable(),
  duplicate: z.number().nullable(),
  rejected: z.number().nullable(),
});
export type SyncBatchView = z.infer<typeof syncBatch>;

export const syncBatchList = z.object({ batches: z.array(syncBatch) });

export const syncRejection = z.object({
  seq: z.number(),
  kind: z.string(),
  entityId: z.string(),
  version: z.number(),
  code: z.string(),
  reason: z.string().nullable(),
  path: z.string().nullable(),
  rejectedAt: z.string().nullable(),
  /** For registrations: the number staff know it by, and the person to open. */
  registrationNumber: z.string().nullable(),
  personId: z.string().nullable(),
});
export type SyncRejection = z.infer<typeof syncRejection>;
export const syncRejectionList = z.object({ records: z.array(syncRejection) });

export const syncExportInput = z.object({
  folder: z.string({ error: 'required' }).trim().min(1, { error: 'required' }).max(1000, { error: 'text_too_long' }),
});
export const syncExported = z.object({ files: z.array(z.string()), pendingApproval: z.number() });

/** An acknowledgement file as staff picked it: its name and bytes (base64); at most 16 MiB of body (§13). */
export const ackImportInput = z.object({
  fileName: z.string({ error: 'required' }).max(255, { error: 'text_too_long' }),
  content: z.string({ error: 'required' }).min(1, { error: 'required' }).max(23_000_000, { error: 'file_too_large' }),
});
export const ackImported = z.object({
  batchId: z.string(),
  outcome: z.enum(['processed', 'refused']),
  accepted: z.number(),
  duplicate: z.number(),
  rejected: z.number(),
  /** The same acknowledgement had been applied before: nothing changed. */
  alreadyApplied: z.boolean(),
  /** For a refused batch: the province's code. */
  error: z.string().nullable(),
});
export type AckImported = z.infer<typeof ackImported>;

export const batchRef = z.object({ batchId });
export const outboxRowRef = z.object({ seq: z.number({ error: 'required' }).int({ error: 'invalid' }).positive({ error: 'invalid' }) });
export const syncStarted = z.object({ started: z.boolean() });
/** Whether a network send was under way and has now stopped. */
export const syncSendCancelled = z.object({ cancelled: z.boolean() });
export const batchesDeclined = z.object({ declined: z.array(z.string()) });
