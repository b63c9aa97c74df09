import { basename } from 'node:path';
import type { AckRecord } from '../../electron/sync/ack-file';
import { openBatchFile, readBatchRecords, sha256Hex, type Envelope, type OpenedBatch } from '../../electron/sync/batch-file';
import { SyncProtocolError } from '../../electron/sync/protocol-error';
import { decryptFromStation, isEncryptedBatch } from '../../electron/sync/usb-encryption';
import { SYNC_SCHEMA_VERSION, syncRecordKinds, type BatchErrorCode } from '../../shared/domain/sync';
import type { HubStore } from '../db/open';
import { auditHeadRegressed } from '../db/repositories/batches';
import { takeBatch, type IncomingRecordVersion, type RecordOutcome } from '../db/repositories/take-batch';
import type { ProvinceKeys } from '../keys/province-keys';
import { applyActivityLines } from '../activity/apply-lines';
import { applyCareLines } from '../care/apply-lines';
import { applyLinesToPeople, type LineContent } from '../people/apply-lines';
import { HubSealer } from '../people/sealing';
import { processedAck, refusedAck, type AckSubject } from '../../electron/sync/province-acks';
import { authenticateBatch } from './authenticate';
import { refusalsByRules, type LineRules, type LineToTake } from './deployment-rules';
import { checkAnswerable, judgeLine, rejection } from './judge-line';
import { batchRefusalReasons, recordRejectionReasons } from '../../electron/sync/refusal-reasons';

/** The largest file accepted (§13: a 64 MiB payload), as the protocol's maxBatchBytes. */
export const MAX_BATCH_BYTES = 64 * 1024 * 1024;

/** What the hub needs to take a batch: its database, its province, the province's keys and the rules a deployment adds. */
export interface IngestContext extends LineRules {
  hub: HubStore;
  /** The province's code (GB/T 2260, two digits): the first part of every key the hub stores. */
  provinceCode: string;
  keys: ProvinceKeys;
  /** Kinds the hub stores; others are rejected as `kind_unknown` (§4). Every kind of the protocol by default. */
  knownKinds?: ReadonlySet<string>;
  /** Schema versions accepted (§4); the current one by default. */
  schemaVersions?: readonly number[];
  /** HTTP: the batch id the upload's URL names, which the manifest must name too (§6.4 step 5). */
  urlBatchId?: string;
  now?: () => Date;
}

type Counts = { accepted: number; duplicate: number; rejected: number };

export type IngestResult =
  /** Taken now: the signed acknowledgement stored with the batch. */
  | {
      outcome: 'applied';
      batchId: string;
      stationCode: string;
      ack: Buffer;
      counts: Counts;
      /** The batch's audit head goes back against another batch of the station (§8.4): an alert, the batch taken all the same. */
      auditHeadRegressed: boolean;
    }
  /** Taken before with the same manifest: the acknowledgement stored then, byte for byte. */
  | { outcome: 'replayed'; batchId: string; stationCode: string; ack: Buffer }
  /**
   * Refused as a whole, nothing stored. `ack` is the signed refusal naming the manifest refused, made whenever
   * the manifest could be read and only then: a station takes a refusal as final only when signed for its manifest.
   */
  | { outcome: 'refused'; code: BatchErrorCode; message: string; batchId: string | null; stationCode: string | null; ack: Buffer | null };

const defaultKinds: ReadonlySet<string> = new Set(syncRecordKinds);

/**
 * One batch file (`.rsb`, or `.rse` encrypted to the province) through the checks of docs/sync-protocol.md
 * §6.4 in order, each line judged as in §8.1, then taken exactly once by takeBatch, which stores the signed
 * acknowledgement with the batch. `fileName` names the batch in the result when its manifest cannot be read.
 */
export async function ingestBatchFile(file: Buffer, context: IngestContext, fileName?: string): Promise<IngestResult> {
  const now = context.now ?? (() => new Date());
  const receivedAt = now().toISOString();
  let opened: OpenedBatch | null = null;
  try {
    if (file.length > MAX_BATCH_BYTES) throw new SyncProtocolError('batch_too_large', `file of ${file.length} bytes`);
    // Nothing of an encrypted file is used before its tag has verified.
    const plain = isEncryptedBatch(file) ? decryptFromStation(file, context.keys.encryptionPrivateKeys) : file;
    opened = openBatchFile(plain);
    const manifest = opened.manifest;
    await authenticateBatch(context.hub.db, context.provinceCode, opened);
    if (context.urlBatchId !== undefined && context.urlBatchId !== manifest.batchId) {
      throw new SyncProtocolError('batch_id_mismatch', `URL names ${context.urlBatchId}, manifest ${manifest.batchId}`);
    }
    const schemaVersions = context.schemaVersions ?? [SYNC_SCHEMA_VERSION];
    if (!schemaVersions.includes(manifest.schemaVersion)) throw new SyncProtocolError('schema_unsupported', `schemaVersion ${manifest.schemaVersion}`);
    const envelopes = readBatchRecords(opened);
    envelopes.forEach(checkAnswerable);

    const knownKinds = context.knownKinds ?? defaultKinds;
    const rejected: AckRecord[] = [];
    const toTake: IncomingRecordVersion[] = [];
    const passed: LineToTake[] = [];
    for (const envelope of envelopes) {
      const line = judgeLine(envelope, manifest, knownKinds);
      if (line.verdict === 'rejected') rejected.push(line.record);
      else passed.push({ envelope, version: line.version });
    }
    const refusedByRules = await refusalsByRules(context.hub.db, context.provinceCode, manifest.stationCode, passed, context);
    // Payloads are sealed before they are stored; the clear payloads stay in memory for the people's step.
    const sealer = new HubSealer(context.keys.data);
    for (const { envelope, version } of passed) {
      const refusal = refusedByRules.get(envelope.seq);
      if (refusal) rejected.push(refusal);
      else toTake.push({ ...version, sealedPayload: sealer.sealPayload(version.sealedPayload) });
    }
    const manifestSha256 = sha256Hex(opened.manifestBytes);
    const taken = await takeBatch(context.hub, {
      provinceCode: context.provinceCode,
      stationCode: manifest.stationCode,
      batchId: manifest.batchId,
      batchSeq: manifest.batchSeq,
      manifestSha256,
      auditHead: manifest.auditHead,
      receivedAt,
      records: toTake,
      // The people's step first, then the projections of visits and life education and of donor-family care, in the same transaction.
      afterStore: async (trx, outcomes) => {
        const origin = { provinceCode: context.provinceCode, stationCode: manifest.stationCode };
        const lines = envelopes.map(lineContentOf);
        await applyLinesToPeople(sealer, origin, lines)(trx, outcomes);
        await applyActivityLines(origin, lines)(trx, outcomes);
        await applyCareLines(origin, lines)(trx, outcomes);
      },
      acknowledge: (outcomes) => {
        const subject: AckSubject = { batchId: manifest.batchId, stationCode: manifest.stationCode, manifestSha256, receivedAt, processedAt: now().toISOString() };
        return processedAck(subject, inSeqOrder([...rejected, ...outcomes.map(ackRecordOf)]), context.keys.signing);
      },
    });
    if (taken.outcome === 'conflict') throw new SyncProtocolError('batch_id_conflict', `${manifest.batchId} was taken with another manifest`);
    const named = { batchId: manifest.batchId, stationCode: manifest.stationCode };
    if (taken.outcome === 'replayed') return { outcome: 'replayed', ...named, ack: taken.ack };
    const counts: Counts = { accepted: 0, duplicate: 0, rejected: rejected.length };
    for (const record of taken.records) counts[record.status === 'conflict' ? 'rejected' : record.status] += 1;
    const auditHeadRegressedNow = await auditHeadRegressed(context.hub.db, context.provinceCode, manifest.stationCode, manifest.batchSeq, manifest.auditHead.seq);
    return { outcome: 'applied', ...named, ack: taken.ack, counts, auditHeadRegressed: auditHeadRegressedNow };
  } catch (error) {
    if (!(error instanceof SyncProtocolError)) throw error;
    return refusalOf(error, opened, context, receivedAt, fileName);
  }
}

function lineContentOf(envelope: Envelope): LineContent {
  return { lineSeq: envelope.seq, entityKind: envelope.kind, entityId: envelope.entityId, version: envelope.version, changedAt: envelope.changedAt, payload: envelope.payload };
}

/** A line takeBatch judged, as the acknowledgement names it: a version held with another content is rejected. */
function ackRecordOf(outcome: RecordOutcome): AckRecord {
  const line = { seq: outcome.lineSeq, kind: outcome.entityKind, entityId: outcome.entityId, version: outcome.version };
  if (outcome.status === 'conflict') return rejection(line, 'version_conflict', recordRejectionReasons.version_conflict);
  return { ...line, status: outcome.status, code: null, reason: null, path: null };
}

function inSeqOrder(records: AckRecord[]): AckRecord[] {
  return records.sort((a, b) => a.seq - b.seq);
}

const FILE_NAME = /^([A-Z0-9]{2,12})-B(\d{6,})\.rs[eb]$/;

/**
 * The refusal of a file, signed when its manifest was read: the signature binds the refusal to that manifest's
 * hash. A file nothing could be read of (junk named like a batch, a copy damaged on the stick) gets no signed
 * refusal, so it can never end a batch the province may hold.
 */
export function refusalOf(error: SyncProtocolError, opened: OpenedBatch | null, context: IngestContext, receivedAt: string, fileName: string | undefined): IngestResult {
  const now = context.now ?? (() => new Date());
  const named = opened ? { batchId: opened.manifest.batchId, stationCode: opened.manifest.stationCode, manifestSha256: sha256Hex(opened.manifestBytes) } : null;
  const ack = named
    ? refusedAck({ ...named, receivedAt, processedAt: now().toISOString() }, { code: error.code, reason: batchRefusalReasons[error.code] }, context.keys.signing)
    : null;
  const reported = named ?? nameFromFile(fileName);
  return { outcome: 'refused', code: error.code, message: error.message, batchId: reported?.batchId ?? null, stationCode: reported?.stationCode ?? null, ack };
}

function nameFromFile(fileName: string | undefined): { batchId: string; stationCode: string } | null {
  const match = fileName === undefined ? null : FILE_NAME.exec(basename(fileName));
  if (!match?.[1]) return null;
  return { batchId: `${match[1]}-B${match[2]}`, stationCode: match[1] };
}
