/**
 * The vocabulary of the sync protocol with the provincial system (docs/sync-protocol.md): record kinds,
 * the codes a receiver answers with, and the states a station's batches and outbox rows go through.
 */

export const SYNC_PROTOCOL_VERSION = 1;
export const SYNC_SCHEMA_VERSION = 1;

/** Record kinds of schema version 1 (§5.3). */
export const syncRecordKinds = [
  'registration',
  'person',
  'refusal',
  'document',
  'memorial_entry',
  'visitor_sign_in',
  'visitor_message',
  'education_session',
  'education_group',
  'education_walk_in',
  'education_survey',
  'donor_family',
  'family_care_year',
  'aid_case',
  'tombstone',
] as const;
export type SyncRecordKind = (typeof syncRecordKinds)[number];

/** Whole-batch refusals (§12.1). */
export const batchErrorCodes = [
  'malformed_container',
  'decryption_failed',
  'recipient_key_unknown',
  'manifest_invalid',
  'protocol_unsupported',
  'station_unknown',
  'station_key_unknown',
  'signature_invalid',
  'batch_id_mismatch',
  'batch_replayed',
  'batch_id_conflict',
  'schema_unsupported',
  'payload_hash_mismatch',
  'payload_invalid',
  'batch_too_large',
  'batch_unknown',
  'rate_limited',
  'unavailable',
  'internal_error',
] as const;
export type BatchErrorCode = (typeof batchErrorCodes)[number];

/** One record's rejection inside a processed batch (§12.2). */
export const recordRejectCodes = [
  'envelope_invalid',
  'station_mismatch',
  'kind_unknown',
  'payload_invalid',
  'version_conflict',
  'policy_refused',
  'temporarily_unavailable',
] as const;
export type RecordRejectCode = (typeof recordRejectCodes)[number];

/** Rejections after which the same record version is sent again unchanged in a later batch (§8.3). */
export const resendableRejectCodes: readonly RecordRejectCode[] = ['kind_unknown', 'temporarily_unavailable'];

export type AckRecordStatus = 'accepted' | 'duplicate' | 'rejected';

/**
 * A batch at the station: written and waiting for a second person; ready to leave; sent (exported to
 * a folder or uploaded) and waiting for its acknowledgement; acknowledged (possibly with rejected
 * records); or refused as a whole by the province for good (its rows are written again in a new batch).
 */
export const syncBatchStates = ['pending_approval', 'ready', 'sent', 'acknowledged', 'refused'] as const;
export type SyncBatchState = (typeof syncBatchStates)[number];

/**
 * An outbox row: waiting for its first batch; in a batch waiting for its acknowledgement; done (accepted
 * or duplicate); rejected (shown to staff); to be sent again unchanged after a transient rejection; or
 * left out because the person withdrew consent to report.
 */
export const outboxStates = ['pending', 'in_batch', 'done', 'rejected', 'resend', 'omitted'] as const;
export type OutboxState = (typeof outboxStates)[number];

/** Records per batch the station writes (§13): the setting's bounds and default. */
export const MAX_BATCH_RECORDS = 1000;
export const MIN_BATCH_RECORDS = 10;

/**
 * Why the station is about to try an exchange with the province again (§10.2), in words staff can act on:
 * nothing listens at the address, no answer in time, the name does not resolve, the certificate is not
 * trusted, the connection broke, the receiver is busy (202, 429, 503), a receiver fault (other 5xx, 408),
 * an answer that is not the protocol's, or anything else.
 */
export const syncRetryReasons = [
  'connection_refused',
  'timeout',
  'host_not_found',
  'network_unreachable',
  'tls',
  'connection_lost',
  'busy',
  'server_error',
  'unexpected_answer',
  'other',
] as const;
export type SyncRetryReason = (typeof syncRetryReasons)[number];
