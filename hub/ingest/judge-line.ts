import type { AckRecord } from '../../electron/sync/ack-file';
import { envelopeProblem, sha256Hex, type Envelope, type Manifest } from '../../electron/sync/batch-file';
import { canonicalJson } from '../../electron/sync/canonical-json';
import { SyncProtocolError } from '../../electron/sync/protocol-error';
import type { RecordRejectCode } from '../../shared/domain/sync';
import type { IncomingRecordVersion } from '../db/repositories/take-batch';
import { payloadProblem } from '../../electron/sync/payload-check';
import { recordRejectionReasons } from '../../electron/sync/refusal-reasons';

/** A line's verdict before it is stored: rejected on its own, or a record version for takeBatch. */
export type LineVerdict = { verdict: 'rejected'; record: AckRecord } | { verdict: 'take'; version: IncomingRecordVersion };

const REASON_MAX = 500;

/** The acknowledgement entry that rejects a line (§9.2): reasons are cut to the protocol's 500 characters. */
export function rejection(line: Pick<Envelope, 'seq' | 'kind' | 'entityId' | 'version'>, code: RecordRejectCode, reason: string, path: string | null = null): AckRecord {
  return {
    seq: line.seq,
    kind: line.kind,
    entityId: line.entityId,
    version: line.version,
    status: 'rejected',
    code,
    reason: Array.from(reason).slice(0, REASON_MAX).join(''),
    path,
  };
}

/**
 * Judges one line of a batch whose manifest, signature and payload hash verified, in the order of the table of
 * §8.1 as far as the line alone decides: its envelope, its kind, a canonical payload and the payload's fields.
 * Whether its version is new, held already or held with another content is decided by takeBatch.
 */
export function judgeLine(envelope: Envelope, manifest: Manifest, knownKinds: ReadonlySet<string>): LineVerdict {
  const reject = (code: RecordRejectCode, reason: string, path: string | null = null): LineVerdict => ({ verdict: 'rejected', record: rejection(envelope, code, reason, path) });
  const envelopeCode = envelopeProblem(envelope, manifest);
  if (envelopeCode) return reject(envelopeCode, recordRejectionReasons[envelopeCode]);
  if (!knownKinds.has(envelope.kind)) return reject('kind_unknown', recordRejectionReasons.kind_unknown(envelope.kind));

  let canonical: Buffer;
  try {
    canonical = Buffer.from(canonicalJson(envelope.payload), 'utf8');
  } catch {
    // Only fractions and other values outside §3.1 fail here: not a payload of any kind.
    return reject('payload_invalid', recordRejectionReasons.not_canonical);
  }
  const path = payloadProblem(envelope.kind, envelope.payload);
  if (path !== null) return reject('payload_invalid', recordRejectionReasons.payload_invalid(path), path);

  return {
    verdict: 'take',
    version: {
      lineSeq: envelope.seq,
      entityKind: envelope.kind,
      entityId: envelope.entityId,
      version: envelope.version,
      contentSha256: sha256Hex(canonical),
      // The canonical text: ingestBatchFile seals it for rest before it is stored.
      sealedPayload: canonical,
      changedAt: envelope.changedAt,
    },
  };
}

/**
 * The acknowledgement names every line by seq, kind, entity id and version (§9.2). A line without them in a
 * form the acknowledgement can hold cannot be answered record by record, so the whole batch is refused.
 */
export function checkAnswerable(envelope: Envelope): void {
  const { seq, kind, entityId, version } = envelope as { seq: unknown; kind: unknown; entityId: unknown; version: unknown };
  const positive = (value: unknown): boolean => Number.isSafeInteger(value) && (value as number) >= 1;
  const answerable = positive(seq) && positive(version) && typeof kind === 'string' && kind !== '' && typeof entityId === 'string' && entityId !== '';
  if (!answerable) throw new SyncProtocolError('payload_invalid', `line with seq ${envelope.seq} lacks a kind, entity id or version`);
}
