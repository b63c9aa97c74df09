import { z } from 'zod';
import { approvesBatches, call, keepsRecords, runsSync, setsSync, staff } from './call';
import {
  ackImported,
  ackImportInput,
  batchesDeclined,
  batchRef,
  outboxRowRef,
  provinceKey,
  provinceKeyInput,
  syncBatch,
  syncBatchList,
  syncExported,
  syncExportInput,
  syncRejectionList,
  syncSendCancelled,
  syncSettings,
  syncStarted,
  syncStatus,
} from '../validation/sync';

/**
 * Who may change where batches go, the `endpoint` of `sync:settings`: the station refuses anyone else
 * (sync_endpoint_admin_only), while supervisors keep the batch size and two-person approval.
 */
export const setsSyncEndpoint = ['admin'] as const;

/** Reporting to the provincial system (docs/sync-protocol.md): batches, transports, acknowledgements, keys. */
export const syncCalls = {
  /** What waits, what is under way (with progress), the last success, the settings and the province's keys; polled by the screen. */
  'sync:status': call(z.undefined(), syncStatus, staff, { polling: true }),
  /** The newest batches with their state and the province's counts. */
  'sync:batches': call(z.undefined(), syncBatchList, staff),
  /** Records the province rejected, with its reason, for staff to correct. */
  'sync:rejections': call(z.undefined(), syncRejectionList, keepsRecords),
  /** Writes what waits into batches and copies every batch not yet acknowledged, encrypted, into a folder (USB stick). */
  'sync:export': call(syncExportInput, syncExported, runsSync),
  /** Starts sending everything waiting to the configured endpoint; progress shows in `sync:status`. */
  'sync:send': call(z.undefined(), syncStarted, runsSync),
  /** Stops the send under way (one that cannot reach the province keeps retrying); what was not acknowledged is sent next time. */
  'sync:cancelSend': call(z.undefined(), syncSendCancelled, runsSync),
  /** Applies an acknowledgement file brought back from the province. */
  'sync:importAck': call(ackImportInput, ackImported, runsSync),
  /** Two-person approval: a second account lets a written batch leave. */
  'sync:approve': call(batchRef, syncBatch, approvesBatches),
  /** Two-person approval: the batch (and any later one still waiting) is deleted and its rows wait again. */
  'sync:decline': call(batchRef, batchesDeclined, approvesBatches),
  /** Sends a rejected record again unchanged, once the province has resolved its cause. */
  'sync:resend': call(outboxRowRef, syncRejectionList, approvesBatches),
  /** Endpoint (administrators only, see setsSyncEndpoint), batch size and two-person approval; audited. */
  'sync:settings': call(syncSettings, syncSettings, setsSync),
  /** Imports one of the province's public keys after its fingerprint was confirmed; audited. */
  'sync:importProvinceKey': call(provinceKeyInput, provinceKey, ['admin']),
} as const;
