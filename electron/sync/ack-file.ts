import type { KeyObject } from 'node:crypto';
import { SYNC_PROTOCOL_VERSION } from '../../shared/domain/sync';
import { canonicalJson, parseCanonicalJson } from './canonical-json';
import { readSignedContainer, writeSignedContainer } from './containers';
import { isInteger, isNonEmptyString, isRecord, isSha256Hex, isStationCode, isTimestamp } from './json-fields';
import { keyId, verifyBytes } from './keys';
import { SyncProtocolError } from './protocol-error';

/**
 * The province's signed acknowledgement (`.rsa`, §9): an RSA1 container holding a canonical body and
 * nothing after the signature. It carries no personal data, so it travels unencrypted.
 */

export interface AckRecord {
  seq: number;
  kind: string;
  entityId: string;
  version: number;
  status: 'accepted' | 'duplicate' | 'rejected';
  code: string | null;
  reason: string | null;
  path: string | null;
}

export interface AckBody {
  protocolVersion: number;
  batchId: string;
  stationCode: string;
  manifestSha256: string | null;
  provinceKeyId: string;
  outcome: 'processed' | 'refused';
  error: { code: string; reason: string } | null;
  receivedAt: string;
  processedAt: string;
  counts: { accepted: number; duplicate: number; rejected: number };
  records: AckRecord[];
}

export interface OpenedAck {
  body: AckBody;
  signedBytes: Buffer;
  signature: Buffer;
}

const MAX_BODY_BYTES = 16 * 1024 * 1024;
const MAX_REASON_CHARACTERS = 500;
const STATUSES: ReadonlyArray<AckRecord['status']> = ['accepted', 'duplicate', 'rejected'];

/** Signs a body; one that its own reader would refuse is a programming error (RangeError). */
export function writeAckFile(body: AckBody, provincePrivateKey: KeyObject): Buffer {
  const bytes = Buffer.from(canonicalJson(body), 'utf8');
  try {
    readAckBody(parseCanonicalJson(bytes, 'manifest_invalid'));
  } catch (error) {
    if (error instanceof SyncProtocolError) throw new RangeError(`acknowledgement cannot be written: ${error.message}`);
    throw error;
  }
  return writeSignedContainer('RSA1', bytes, provincePrivateKey);
}

/** Magic, length, canonical body, every field with its type and consistent. No signature check. */
export function openAckFile(file: Buffer): OpenedAck {
  const container = readSignedContainer(file, 'RSA1', MAX_BODY_BYTES);
  if (container.rest.length > 0) throw new SyncProtocolError('malformed_container', 'bytes after the acknowledgement signature');
  const body = readAckBody(parseCanonicalJson(container.body, 'manifest_invalid'));
  return { body, signedBytes: container.signedBytes, signature: container.signature };
}

/** Verifies with the first key whose id is the body's provinceKeyId; false when none is or the signature fails. */
export function verifyAckSignature(opened: OpenedAck, provinceSigningKeys: ReadonlyArray<KeyObject>): boolean {
  const key = provinceSigningKeys.find((candidate) => candidate.type === 'public' && keyId(candidate) === opened.body.provinceKeyId);
  return key !== undefined && verifyBytes(opened.signedBytes, opened.signature, key);
}

function invalid(why: string): SyncProtocolError {
  return new SyncProtocolError('manifest_invalid', `acknowledgement: ${why}`);
}

function member(record: Record<string, unknown>, name: string): unknown {
  return Object.hasOwn(record, name) ? record[name] : undefined;
}

function required<T>(record: Record<string, unknown>, name: string, test: (value: unknown) => value is T): T {
  const value = member(record, name);
  if (!test(value)) throw invalid(`field ${name} is missing or invalid`);
  return value;
}

const isString = (value: unknown): value is string => typeof value === 'string';
const isNull = (value: unknown): value is null => value === null;
const orNull =
  <T>(test: (value: unknown) => value is T) =>
  (value: unknown): value is T | null =>
    value === null || test(value);
const isCount = (value: unknown): value is number => isInteger(value, 0);
const isReason = (value: unknown): value is string => typeof value === 'string' && Array.from(value).length <= MAX_REASON_CHARACTERS;

/** §9.2; unknown fields are ignored (they stay covered by the signature). */
function readAckBody(value: unknown): AckBody {
  if (!isRecord(value)) throw invalid('the body is not an object');
  const outcome = required(value, 'outcome', (v): v is AckBody['outcome'] => v === 'processed' || v === 'refused');
  const counts = required(value, 'counts', isRecord);
  const body: AckBody = {
    protocolVersion: required(value, 'protocolVersion', (v): v is number => isInteger(v, 1)),
    batchId: required(value, 'batchId', isNonEmptyString),
    stationCode: required(value, 'stationCode', isStationCode),
    manifestSha256: required(value, 'manifestSha256', orNull(isSha256Hex)),
    provinceKeyId: required(value, 'provinceKeyId', isSha256Hex),
    outcome,
    error: readError(member(value, 'error')),
    receivedAt: required(value, 'receivedAt', isTimestamp),
    processedAt: required(value, 'processedAt', isTimestamp),
    counts: {
      accepted: required(counts, 'accepted', isCount),
      duplicate: required(counts, 'duplicate', isCount),
      rejected: required(counts, 'rejected', isCount),
    },
    records: required(value, 'records', Array.isArray).map(readAckRecord),
  };
  checkConsistency(body);
  if (body.protocolVersion !== SYNC_PROTOCOL_VERSION) {
    throw new SyncProtocolError('protocol_unsupported', `acknowledgement protocolVersion ${body.protocolVersion} is not supported`);
  }
  return body;
}

function readError(value: unknown): AckBody['error'] {
  if (value === null) return null;
  if (!isRecord(value)) throw invalid('field error is missing or invalid');
  return { code: required(value, 'code', isNonEmptyString), reason: required(value, 'reason', isString) };
}

function readAckRecord(value: unknown, index: number): AckRecord {
  if (!isRecord(value)) throw invalid(`record ${index} is not an object`);
  const status = required(value, 'status', (v): v is AckRecord['status'] => STATUSES.includes(v as AckRecord['status']));
  const rejected = status === 'rejected';
  return {
    seq: required(value, 'seq', (v): v is number => isInteger(v, 1)),
    kind: required(value, 'kind', isNonEmptyString),
    entityId: required(value, 'entityId', isNonEmptyString),
    version: required(value, 'version', (v): v is number => isInteger(v, 1)),
    status,
    // A code and a reason belong to rejections only (§9.2).
    code: required(value, 'code', rejected ? isNonEmptyString : isNull),
    reason: required(value, 'reason', rejected ? orNull(isReason) : isNull),
    path: required(value, 'path', orNull(isNonEmptyString)),
  };
}

function checkConsistency(body: AckBody): void {
  if (body.outcome === 'refused') {
    if (body.error === null) throw invalid('a refusal names its error');
    if (body.records.length > 0) throw invalid('a refusal lists no records');
  } else {
    if (body.error !== null) throw invalid('a processed batch has no error');
    if (body.manifestSha256 === null) throw invalid('a processed batch names its manifest');
  }
  const tally = { accepted: 0, duplicate: 0, rejected: 0 };
  let previousSeq = 0;
  for (const record of body.records) {
    if (record.seq <= previousSeq) throw invalid('records are not in strictly ascending seq order');
    previousSeq = record.seq;
    tally[record.status] += 1;
  }
  if (tally.accepted !== body.counts.accepted || tally.duplicate !== body.counts.duplicate || tally.rejected !== body.counts.rejected) {
    throw invalid('counts disagree with the records');
  }
}
