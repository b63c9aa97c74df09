import { createHash, createPublicKey, type KeyObject } from 'node:crypto';
import { finished } from 'node:stream/promises';
import { setImmediate } from 'node:timers/promises';
import { createGzip, gunzipSync, gzipSync, type Gzip } from 'node:zlib';
import { SYNC_PROTOCOL_VERSION, SYNC_SCHEMA_VERSION } from '../../shared/domain/sync';
import { canonicalJson, parseCanonicalJson, strictUtf8Decoder } from './canonical-json';
import { readSignedContainer, writeSignedContainer } from './containers';
import { isEntityId, isInteger, isNonEmptyString, isRecord, isSha256Hex, isStationCode, isTimestamp } from './json-fields';
import { keyId, verifyBytes } from './keys';
import { SyncProtocolError } from './protocol-error';

/**
 * The batch file (`.rsb`, §6): RSB1 container whose body is the canonical manifest and whose rest is one
 * gzip member of NDJSON envelopes (§5.2). Writing is the station's side; opening and reading follow the
 * receiver's checks of §6.4 in their order, each refusal with its code.
 */

export interface Envelope {
  seq: number;
  kind: string;
  entityId: string;
  version: number;
  station: string;
  createdAt: string;
  changedAt: string;
  payload: Record<string, unknown>;
}

export interface Manifest {
  protocolVersion: number;
  schemaVersion: number;
  stationCode: string;
  stationKeyId: string;
  batchId: string;
  batchSeq: number;
  previousBatchId: string | null;
  firstSeq: number | null;
  lastSeq: number | null;
  recordCount: number;
  omittedCount: number;
  resentCount: number;
  kindCounts: Record<string, number>;
  createdAt: string;
  payloadBytes: number;
  payloadSha256: string;
  auditHead: { seq: number; hash: string };
  software: string;
}

/** What the writer knows; the rest of the manifest is computed from the records and the key. */
export interface BatchHeader {
  stationCode: string;
  batchSeq: number;
  firstSeq: number | null;
  lastSeq: number | null;
  omittedCount: number;
  createdAt: string;
  auditHead: { seq: number; hash: string };
  software: string;
}

export interface OpenedBatch {
  manifest: Manifest;
  manifestBytes: Buffer;
  signedBytes: Buffer;
  signature: Buffer;
  payload: Buffer;
}

// Limits of §13: what the protocol lets a manifest be, and what this receiver accepts.
const MAX_MANIFEST_BYTES = 65_536;
const MAX_COMPRESSED_BYTES = 64 * 1024 * 1024;
const MAX_UNCOMPRESSED_BYTES = 256 * 1024 * 1024;
const MAX_LINE_BYTES = 1024 * 1024;
const LF = 0x0a;
/** zlib's default: the level that reproduces the bytes of the worked example (§15.1). Receivers accept any. */
const DEFAULT_COMPRESSION_LEVEL = 6;
const CR = 0x0d;

export function sha256Hex(bytes: Buffer): string {
  return createHash('sha256').update(bytes).digest('hex');
}

export function batchIdOf(stationCode: string, batchSeq: number): string {
  return `${stationCode}-B${String(batchSeq).padStart(6, '0')}`;
}

/** One NDJSON line: the envelope's members in the order of §5.2 (receivers must not depend on it). */
export function envelopeLine(envelope: Envelope): string {
  const { seq, kind, entityId, version, station, createdAt, changedAt, payload } = envelope;
  return `${JSON.stringify({ seq, kind, entityId, version, station, createdAt, changedAt, payload })}\n`;
}

const PAYLOAD_END = Buffer.from('}\n', 'utf8');

/**
 * envelopeLine() in UTF-8 around a payload that is already the UTF-8 of an object's JSON.stringify text
 * (the outbox keeps payloads so): it is written as it is, never decoded, parsed or encoded again.
 */
export function envelopeLineAround(envelope: Omit<Envelope, 'payload'>, payloadJson: Buffer): Buffer {
  if (payloadJson[0] !== 0x7b || payloadJson[payloadJson.length - 1] !== 0x7d) throw new RangeError(`the payload of seq ${envelope.seq} is not a JSON object`);
  const { seq, kind, entityId, version, station, createdAt, changedAt } = envelope;
  const head = JSON.stringify({ seq, kind, entityId, version, station, createdAt, changedAt });
  return Buffer.concat([Buffer.from(`${head.slice(0, -1)},"payload":`, 'utf8'), payloadJson, PAYLOAD_END]);
}

/** One record for writeBatchFile: its envelopeLine() text, or those bytes in UTF-8. */
export interface BatchLine {
  seq: number;
  kind: string;
  line: string | Buffer;
}

/**
 * Builds the `.rsb` bytes. Records come in seq order with their envelopeLine(); a batch this station
 * would refuse on receipt (counts that disagree, a line over the limit) is a programming error and
 * throws a RangeError rather than being written and signed.
 */
export function writeBatchFile(
  header: BatchHeader,
  records: ReadonlyArray<BatchLine>,
  privateKey: KeyObject,
  compressionLevel: number = DEFAULT_COMPRESSION_LEVEL,
): WrittenBatchFile {
  const payload = gzipSync(Buffer.concat(records.map(checkedLineBytes)), { level: compressionLevel });
  return signBatchFile(header, records, payload, privateKey);
}

export interface WrittenBatchFile {
  file: Buffer;
  manifest: Manifest;
  manifestBytes: Buffer;
}

/** A line's UTF-8, checked on its bytes (native searches: a batch holds a thousand lines). */
function checkedLineBytes(record: BatchLine): Buffer {
  const bytes = typeof record.line === 'string' ? Buffer.from(record.line, 'utf8') : record.line;
  if (bytes.length === 0 || bytes.indexOf(LF) !== bytes.length - 1) throw new RangeError(`the line of seq ${record.seq} is not one LF-terminated line`);
  if (bytes.length - 1 > MAX_LINE_BYTES) throw new RangeError(`the line of seq ${record.seq} is over 1 MiB`);
  return bytes;
}

/** Lines gathered before they go to the compressor together: one hand-over to zlib per ~64 KB. */
const COMPRESS_CHUNK_BYTES = 64 * 1024;

/**
 * A batch's payload compressed as its lines come: zlib works on libuv's thread pool while the caller
 * prepares the next lines, and no line is kept once handed over. The bytes equal writeBatchFile's.
 * `add` lets the event loop turn at each hand-over: a caller whose reading never leaves the microtask
 * queue (better-sqlite3 answers synchronously) would otherwise leave all the compressing to the end.
 */
export class BatchPayloadWriter {
  private readonly gzip: Gzip;
  private readonly compressed: Buffer[] = [];
  private readonly added: { seq: number; kind: string }[] = [];
  private waiting: Buffer[] = [];
  private waitingBytes = 0;

  constructor(compressionLevel: number = DEFAULT_COMPRESSION_LEVEL) {
    // Output room for a whole hand-over, so that one pass on the thread pool takes it.
    this.gzip = createGzip({ level: compressionLevel, chunkSize: COMPRESS_CHUNK_BYTES });
    this.gzip.on('data', (chunk: Buffer) => this.compressed.push(chunk));
  }

  /** Records in seq order, as for writeBatchFile. */
  async add(record: BatchLine): Promise<void> {
    const bytes = checkedLineBytes(record);
    this.added.push({ seq: record.seq, kind: record.kind });
    this.waiting.push(bytes);
    this.waitingBytes += bytes.length;
    if (this.waitingBytes < COMPRESS_CHUNK_BYTES) return;
    this.handOver();
    await setImmediate();
  }

  /** The signed `.rsb` bytes, once the compressor has taken every line. */
  async finish(header: BatchHeader, privateKey: KeyObject): Promise<WrittenBatchFile> {
    this.handOver();
    this.gzip.end();
    await finished(this.gzip);
    return signBatchFile(header, this.added, Buffer.concat(this.compressed), privateKey);
  }

  /** Stops the compressor of a batch that will not be written after all (a line could not be made). */
  discard(): void {
    this.gzip.destroy();
  }

  private handOver(): void {
    if (this.waiting.length === 0) return;
    this.gzip.write(Buffer.concat(this.waiting, this.waitingBytes));
    this.waiting = [];
    this.waitingBytes = 0;
  }
}

/** The manifest of a compressed payload, checked as a receiver would, signed in its container. */
function signBatchFile(
  header: BatchHeader,
  records: ReadonlyArray<{ seq: number; kind: string }>,
  payload: Buffer,
  privateKey: KeyObject,
): WrittenBatchFile {
  const tally = tallyRecords(records, header.firstSeq, header.lastSeq);
  if (!tally.ascending) throw new RangeError('records are not in strictly ascending seq order');
  const draft: Manifest = {
    protocolVersion: SYNC_PROTOCOL_VERSION,
    schemaVersion: SYNC_SCHEMA_VERSION,
    stationCode: header.stationCode,
    stationKeyId: keyId(createPublicKey(privateKey)),
    batchId: batchIdOf(header.stationCode, header.batchSeq),
    batchSeq: header.batchSeq,
    previousBatchId: header.batchSeq > 1 ? batchIdOf(header.stationCode, header.batchSeq - 1) : null,
    firstSeq: header.firstSeq,
    lastSeq: header.lastSeq,
    recordCount: records.length,
    omittedCount: header.omittedCount,
    resentCount: tally.resent,
    kindCounts: tally.kindCounts,
    createdAt: header.createdAt,
    payloadBytes: payload.length,
    payloadSha256: sha256Hex(payload),
    auditHead: { seq: header.auditHead.seq, hash: header.auditHead.hash },
    software: header.software,
  };
  const manifestBytes = Buffer.from(canonicalJson(draft), 'utf8');
  let manifest: Manifest;
  try {
    // The same checks a receiver makes, so the station never signs a batch it knows will be refused.
    manifest = readManifest(parseCanonicalJson(manifestBytes, 'manifest_invalid'), manifestBytes.length);
  } catch (error) {
    if (error instanceof SyncProtocolError) throw new RangeError(`batch cannot be written: ${error.message}`);
    throw error;
  }
  return { file: writeSignedContainer('RSB1', manifestBytes, privateKey, payload), manifest, manifestBytes };
}

/** §6.4 steps 2–3: container, canonical manifest, every field with its type and consistent. No signature check. */
export function openBatchFile(file: Buffer): OpenedBatch {
  const container = readSignedContainer(file, 'RSB1', MAX_MANIFEST_BYTES);
  const manifest = readManifest(parseCanonicalJson(container.body, 'manifest_invalid'), container.body.length);
  return { manifest, manifestBytes: container.body, signedBytes: container.signedBytes, signature: container.signature, payload: container.rest };
}

/** False unless `stationKey` is the key the manifest names and its signature over the first 8 + M bytes holds. */
export function verifyBatchSignature(batch: OpenedBatch, stationKey: KeyObject): boolean {
  if (stationKey.type !== 'public' || keyId(stationKey) !== batch.manifest.stationKeyId) return false;
  return verifyBytes(batch.signedBytes, batch.signature, stationKey);
}

/**
 * §6.4 steps 8–9: the payload against the manifest's length and hash, then decompressed within the
 * limits and split into lines whose seq order and counts must match the manifest. Each line is
 * returned as parsed; whether its fields are right is judged per record (envelopeProblem, §8.1).
 */
export function readBatchRecords(batch: OpenedBatch): Envelope[] {
  const { manifest, payload } = batch;
  if (payload.length !== manifest.payloadBytes || sha256Hex(payload) !== manifest.payloadSha256) {
    throw new SyncProtocolError('payload_hash_mismatch', 'the payload differs from the manifest');
  }
  if (payload.length > MAX_COMPRESSED_BYTES) throw new SyncProtocolError('batch_too_large', 'compressed payload over 64 MiB');
  const ndjson = gunzip(payload);
  const envelopes: Envelope[] = [];
  for (let start = 0; start < ndjson.length; ) {
    const end = ndjson.indexOf(LF, start);
    if (end === -1) throw payloadInvalid('the last line has no LF');
    if (end - start > MAX_LINE_BYTES) throw new SyncProtocolError('batch_too_large', `line ${envelopes.length + 1} is over 1 MiB`);
    envelopes.push(parseLine(ndjson.subarray(start, end), envelopes.length + 1));
    start = end + 1;
  }
  checkAgainstManifest(envelopes, manifest);
  return envelopes;
}

/**
 * The record-level verdict on one line (§5.2, §8.1): fields missing or of the wrong type, or a payload
 * `id`/`version` that disagrees, is `envelope_invalid`; another station's code is `station_mismatch`.
 */
export function envelopeProblem(envelope: unknown, manifest: Manifest): 'envelope_invalid' | 'station_mismatch' | null {
  if (!isRecord(envelope)) return 'envelope_invalid';
  const member = (name: string): unknown => (Object.hasOwn(envelope, name) ? envelope[name] : undefined);
  const payload = member('payload');
  const wellTyped =
    isInteger(member('seq'), 1) &&
    isNonEmptyString(member('kind')) &&
    isEntityId(member('entityId')) &&
    isInteger(member('version'), 1) &&
    typeof member('station') === 'string' &&
    isTimestamp(member('createdAt')) &&
    isTimestamp(member('changedAt')) &&
    isRecord(payload);
  if (!wellTyped) return 'envelope_invalid';
  if (member('station') !== manifest.stationCode) return 'station_mismatch';
  if (Object.hasOwn(payload, 'id') && payload.id !== member('entityId')) return 'envelope_invalid';
  if (Object.hasOwn(payload, 'version') && payload.version !== member('version')) return 'envelope_invalid';
  return null;
}

function payloadInvalid(message: string): SyncProtocolError {
  return new SyncProtocolError('payload_invalid', message);
}

function gunzip(payload: Buffer): Buffer {
  try {
    // Stops at the limit instead of inflating a compression bomb.
    return gunzipSync(payload, { maxOutputLength: MAX_UNCOMPRESSED_BYTES });
  } catch (error) {
    if ((error as { code?: unknown }).code === 'ERR_BUFFER_TOO_LARGE') {
      throw new SyncProtocolError('batch_too_large', 'uncompressed payload over 256 MiB');
    }
    throw payloadInvalid(`gzip is broken: ${error instanceof Error ? error.message : String(error)}`);
  }
}

/** A line must be a JSON object with an integer `seq` and a string `kind`, or the batch cannot be counted. */
function parseLine(bytes: Buffer, lineNumber: number): Envelope {
  if (bytes.length === 0) throw payloadInvalid(`line ${lineNumber} is blank`);
  if (bytes.includes(CR)) throw payloadInvalid(`line ${lineNumber} holds a CR`);
  let value: unknown;
  try {
    value = JSON.parse(strictUtf8Decoder.decode(bytes));
  } catch {
    throw payloadInvalid(`line ${lineNumber} is not UTF-8 JSON`);
  }
  if (!isRecord(value) || !Number.isSafeInteger(value.seq) || typeof value.kind !== 'string') {
    throw payloadInvalid(`line ${lineNumber} is not an object with an integer seq and a string kind`);
  }
  return value as unknown as Envelope;
}

function tallyRecords(
  records: ReadonlyArray<{ seq: number; kind: string }>,
  firstSeq: number | null,
  lastSeq: number | null,
): { inRange: number; resent: number; kindCounts: Record<string, number>; ascending: boolean } {
  let inRange = 0;
  let previous = -Infinity;
  let ascending = true;
  const kinds = new Map<string, number>();
  for (const { seq, kind } of records) {
    if (!(seq > previous)) ascending = false;
    previous = seq;
    if (firstSeq !== null && lastSeq !== null && seq >= firstSeq && seq <= lastSeq) inRange += 1;
    kinds.set(kind, (kinds.get(kind) ?? 0) + 1);
  }
  // fromEntries defines own members, so a kind named "__proto__" cannot reach the prototype.
  return { inRange, resent: records.length - inRange, kindCounts: Object.fromEntries(kinds), ascending };
}

/** §6.1: seq strictly ascending; the range, re-sends and kinds exactly as the manifest counts them. */
function checkAgainstManifest(envelopes: Envelope[], manifest: Manifest): void {
  const tally = tallyRecords(envelopes, manifest.firstSeq, manifest.lastSeq);
  if (!tally.ascending) throw payloadInvalid('lines are not in strictly ascending seq order');
  if (envelopes.length !== manifest.recordCount) throw payloadInvalid(`${envelopes.length} lines, the manifest says ${manifest.recordCount}`);
  if (tally.inRange !== rangeRows(manifest) - manifest.omittedCount) throw payloadInvalid('the lines do not cover the range less the omitted rows');
  if (tally.resent !== manifest.resentCount) throw payloadInvalid(`${tally.resent} lines outside the range, the manifest says ${manifest.resentCount}`);
  const counted = Object.entries(tally.kindCounts);
  const sameKinds =
    counted.length === Object.keys(manifest.kindCounts).length &&
    counted.every(([kind, count]) => Object.hasOwn(manifest.kindCounts, kind) && manifest.kindCounts[kind] === count);
  if (!sameKinds) throw payloadInvalid('lines per kind differ from kindCounts');
}

function rangeRows(manifest: { firstSeq: number | null; lastSeq: number | null }): number {
  return manifest.firstSeq === null || manifest.lastSeq === null ? 0 : manifest.lastSeq - manifest.firstSeq + 1;
}

/** §6.2 with §6.4 step 3: every field present with its type and consistent, then the protocol version. */
function readManifest(value: unknown, byteLength: number): Manifest {
  if (!isRecord(value)) throw new SyncProtocolError('manifest_invalid', 'the manifest is not an object');
  const field = <T>(name: string, test: (member: unknown) => member is T): T => {
    const member = Object.hasOwn(value, name) ? value[name] : undefined;
    if (!test(member)) throw new SyncProtocolError('manifest_invalid', `manifest field ${name} is missing or invalid`);
    return member;
  };
  const integer = (min: number) => (member: unknown) => isInteger(member, min);
  const seqOrNull = (member: unknown): member is number | null => member === null || isInteger(member, 1);
  const auditHead = field('auditHead', isRecord);
  const manifest: Manifest = {
    protocolVersion: field('protocolVersion', integer(1)),
    schemaVersion: field('schemaVersion', integer(1)),
    stationCode: field('stationCode', isStationCode),
    stationKeyId: field('stationKeyId', isSha256Hex),
    batchId: field('batchId', isNonEmptyString),
    batchSeq: field('batchSeq', integer(1)),
    previousBatchId: field('previousBatchId', (member): member is string | null => member === null || isNonEmptyString(member)),
    firstSeq: field('firstSeq', seqOrNull),
    lastSeq: field('lastSeq', seqOrNull),
    recordCount: field('recordCount', integer(1)),
    omittedCount: field('omittedCount', integer(0)),
    resentCount: field('resentCount', integer(0)),
    kindCounts: field('kindCounts', isKindCounts),
    createdAt: field('createdAt', isTimestamp),
    payloadBytes: field('payloadBytes', integer(1)),
    payloadSha256: field('payloadSha256', isSha256Hex),
    auditHead: {
      seq: Object.hasOwn(auditHead, 'seq') && isInteger(auditHead.seq, 0) ? auditHead.seq : fail('auditHead.seq'),
      hash: Object.hasOwn(auditHead, 'hash') && isSha256Hex(auditHead.hash) ? auditHead.hash : fail('auditHead.hash'),
    },
    software: field('software', (member): member is string => typeof member === 'string'),
  };
  checkConsistency(manifest, byteLength);
  if (manifest.protocolVersion !== SYNC_PROTOCOL_VERSION) {
    throw new SyncProtocolError('protocol_unsupported', `protocolVersion ${manifest.protocolVersion} is not supported`);
  }
  return manifest;
}

function fail(field: string): never {
  throw new SyncProtocolError('manifest_invalid', `manifest field ${field} is missing or invalid`);
}

function isKindCounts(value: unknown): value is Record<string, number> {
  return isRecord(value) && Object.entries(value).every(([kind, count]) => kind.length > 0 && isInteger(count, 1));
}

function checkConsistency(manifest: Manifest, byteLength: number): void {
  const inconsistent = (why: string): never => {
    throw new SyncProtocolError('manifest_invalid', why);
  };
  if (byteLength > MAX_MANIFEST_BYTES) inconsistent('manifest over 64 KiB');
  if (manifest.batchId !== batchIdOf(manifest.stationCode, manifest.batchSeq)) inconsistent('batchId does not match stationCode and batchSeq');
  const previous = manifest.batchSeq > 1 ? batchIdOf(manifest.stationCode, manifest.batchSeq - 1) : null;
  if (manifest.previousBatchId !== previous) inconsistent('previousBatchId is not the batch before batchSeq');
  if ((manifest.firstSeq === null) !== (manifest.lastSeq === null)) inconsistent('firstSeq and lastSeq are null only together');
  if (manifest.firstSeq !== null && manifest.lastSeq !== null && manifest.firstSeq > manifest.lastSeq) inconsistent('firstSeq is after lastSeq');
  if (manifest.omittedCount > rangeRows(manifest)) inconsistent('more rows omitted than the range holds');
  if (manifest.recordCount !== rangeRows(manifest) - manifest.omittedCount + manifest.resentCount) {
    inconsistent('recordCount is not the range less the omitted rows plus the re-sent ones');
  }
  const kindTotal = Object.values(manifest.kindCounts).reduce((sum, count) => sum + count, 0);
  if (kindTotal !== manifest.recordCount) inconsistent('kindCounts do not add up to recordCount');
}
