import { basename } from 'node:path';
import { createPublicKey } from 'node:crypto';
import { openBatchFile, readBatchRecords, sha256Hex, verifyBatchSignature, type Envelope, type OpenedBatch } from '../electron/sync/batch-file';
import { SyncProtocolError } from '../electron/sync/protocol-error';
import { decryptFromStation, isEncryptedBatch } from '../electron/sync/usb-encryption';
import { SYNC_SCHEMA_VERSION, type BatchErrorCode } from '../shared/domain/sync';
import { processedAck, refusedAck, type AckSubject } from '../electron/sync/province-acks';
import { judgeAndStore, type RecordRules } from './judge-record';
import type { ProvinceKeys } from './province-keys';
import { batchRefusalReasons } from '../electron/sync/refusal-reasons';
import type { ReceiverStore } from './store';

/** The largest file accepted (§13: a 64 MiB payload); the HTTP API announces the same as maxBatchBytes. */
export const MAX_BATCH_BYTES = 64 * 1024 * 1024;

export interface ProcessContext {
  store: ReceiverStore;
  keys: ProvinceKeys;
  rules: RecordRules;
  /** HTTP: the batch id named by the URL (§6.4 step 5). */
  urlBatchId?: string;
  /**
   * Removable media (§10.1): the file's name (`KMU01-B000042.rse`) names the batch in the report when its
   * manifest cannot be read (its refusal is then unsigned all the same).
   */
  usb?: { fileName?: string };
  /** Schema versions accepted (§4); the current one by default. */
  schemaVersions?: readonly number[];
  now?: () => Date;
}

export type ProcessResult =
  | { outcome: 'processed'; batchId: string; stationCode: string; ack: Buffer; counts: { accepted: number; duplicate: number; rejected: number }; auditHeadRegressed: boolean }
  /** Processed before with the same manifest (§8.2): the acknowledgement made the first time. */
  | { outcome: 'replayed'; batchId: string; stationCode: string; ack: Buffer }
  /**
   * Refused as a whole, nothing stored; `ack` is the signed refusal naming the manifest refused, made whenever
   * the manifest could be read, and only then (a station takes a refusal as final only when signed for its manifest).
   */
  | { outcome: 'refused'; code: BatchErrorCode; message: string; batchId: string | null; stationCode: string | null; ack: Buffer | null };

/** One batch file through §6.4 in order, then §8.1 for each record, all stored in one transaction. */
export function processBatchFile(file: Buffer, context: ProcessContext): ProcessResult {
  const now = context.now ?? (() => new Date());
  const receivedAt = now().toISOString();
  let opened: OpenedBatch | null = null;
  try {
    if (file.length > MAX_BATCH_BYTES) throw new SyncProtocolError('batch_too_large', `file of ${file.length} bytes`);
    // Step 1: nothing of an encrypted file is used before its tag has verified.
    const plain = isEncryptedBatch(file) ? decryptFromStation(file, context.keys.encryptionPrivateKeys) : file;
    opened = openBatchFile(plain);
    const manifest = opened.manifest;
    authenticate(opened, context.store);
    if (context.urlBatchId !== undefined && context.urlBatchId !== manifest.batchId) {
      throw new SyncProtocolError('batch_id_mismatch', `URL names ${context.urlBatchId}, manifest ${manifest.batchId}`);
    }
    const manifestSha256 = sha256Hex(opened.manifestBytes);
    const earlier = context.store.batch(manifest.batchId);
    if (earlier) {
      if (earlier.manifestSha256 !== manifestSha256) throw new SyncProtocolError('batch_id_conflict', `${manifest.batchId} was processed with another manifest`);
      return { outcome: 'replayed', batchId: manifest.batchId, stationCode: manifest.stationCode, ack: earlier.ack };
    }
    const schemaVersions = context.schemaVersions ?? [SYNC_SCHEMA_VERSION];
    if (!schemaVersions.includes(manifest.schemaVersion)) throw new SyncProtocolError('schema_unsupported', `schemaVersion ${manifest.schemaVersion}`);
    const envelopes = readBatchRecords(opened);
    envelopes.forEach(checkAnswerable);

    return context.store.transaction(() => {
      const records = envelopes.map((envelope) => judgeAndStore(envelope, manifest, context.store, context.rules));
      const subject: AckSubject = { batchId: manifest.batchId, stationCode: manifest.stationCode, manifestSha256, receivedAt, processedAt: now().toISOString() };
      const ack = processedAck(subject, records, context.keys.signing);
      const auditHeadRegressed = context.store.auditHeadRegressed(manifest.stationCode, manifest.batchSeq, manifest.auditHead.seq);
      context.store.insertBatch({ ...subject, station: manifest.stationCode, batchSeq: manifest.batchSeq, manifestSha256, auditHead: manifest.auditHead, ack });
      const counts = { accepted: 0, duplicate: 0, rejected: 0 };
      for (const record of records) counts[record.status] += 1;
      return { outcome: 'processed', batchId: manifest.batchId, stationCode: manifest.stationCode, ack, counts, auditHeadRegressed } as const;
    });
  } catch (error) {
    if (!(error instanceof SyncProtocolError)) throw error;
    return refusalOf(error, opened, context, receivedAt);
  }
}

/** Step 4: a registered station, a registered key of it, and a valid signature; never a key learnt from the batch (§11). */
export function authenticate(batch: OpenedBatch, store: ReceiverStore): void {
  const { stationCode, stationKeyId } = batch.manifest;
  const keys = store.stationKeys(stationCode);
  if (keys.length === 0) throw new SyncProtocolError('station_unknown', `station ${stationCode} is not registered`);
  const key = keys.find((candidate) => candidate.keyId === stationKeyId);
  if (!key) throw new SyncProtocolError('station_key_unknown', `key ${stationKeyId} is not registered for ${stationCode}`);
  if (!verifyBatchSignature(batch, createPublicKey(key.publicKeyPem))) throw new SyncProtocolError('signature_invalid', 'the manifest signature does not verify');
}

/**
 * The acknowledgement names every line by seq, kind, entity id and version (§9.2). A line without them in
 * a form the acknowledgement can hold cannot be answered record by record, so the batch is refused.
 */
function checkAnswerable(envelope: Envelope): void {
  const { seq, kind, entityId, version } = envelope as { seq: unknown; kind: unknown; entityId: unknown; version: unknown };
  const positive = (value: unknown): boolean => Number.isSafeInteger(value) && (value as number) >= 1;
  const answerable = positive(seq) && positive(version) && typeof kind === 'string' && kind !== '' && typeof entityId === 'string' && entityId !== '';
  if (!answerable) throw new SyncProtocolError('payload_invalid', `line with seq ${envelope.seq} lacks a kind, entity id or version`);
}

const FILE_NAME = /^([A-Z0-9]{2,12})-B(\d{6,})\.rs[eb]$/;

export type Refusal = Extract<ProcessResult, { outcome: 'refused' }>;

/**
 * The refusal of a file, signed when its manifest was read: the signature binds the refusal to that
 * manifest's hash. A file nothing could be read of (junk named like a batch, a copy damaged on the stick,
 * an upload cut short) gets no signed refusal, so it can never end a batch the province may hold.
 */
export function refusalOf(error: SyncProtocolError, opened: OpenedBatch | null, context: Pick<ProcessContext, 'keys' | 'usb' | 'now'>, receivedAt?: string): Refusal {
  const now = context.now ?? (() => new Date());
  const named = opened ? { batchId: opened.manifest.batchId, stationCode: opened.manifest.stationCode, manifestSha256: sha256Hex(opened.manifestBytes) } : null;
  const ack = named
    ? refusedAck({ ...named, receivedAt: receivedAt ?? now().toISOString(), processedAt: now().toISOString() }, { code: error.code, reason: batchRefusalReasons[error.code] }, context.keys.signing)
    : null;
  const reported = named ?? nameFromFile(context.usb?.fileName);
  return { outcome: 'refused', code: error.code, message: error.message, batchId: reported?.batchId ?? null, stationCode: reported?.stationCode ?? null, ack };
}

function nameFromFile(fileName: string | undefined): { batchId: string; stationCode: string } | null {
  const match = fileName === undefined ? null : FILE_NAME.exec(basename(fileName));
  if (!match?.[1]) return null;
  return { batchId: `${match[1]}-B${match[2]}`, stationCode: match[1] };
}
