import type { AckRecord } from '../electron/sync/ack-file';
import { envelopeProblem, sha256Hex, type Envelope, type Manifest } from '../electron/sync/batch-file';
import { canonicalJson } from '../electron/sync/canonical-json';
import type { RecordRejectCode } from '../shared/domain/sync';
import { tombstoneCovers, payloadProblem } from '../electron/sync/payload-check';
import { recordRejectionReasons } from '../electron/sync/refusal-reasons';
import { duplicateRegistrationRefusal, type PolicyHook } from './policy';
import type { ReceiverStore } from './store';

/** What the receiver knows and refuses, beyond the protocol's own checks. */
export interface RecordRules {
  /** Kinds this receiver stores; others are `kind_unknown` (§4). */
  knownKinds: ReadonlySet<string>;
  policy?: PolicyHook;
  /** True when this record cannot be stored now (`temporarily_unavailable`), e.g. an injected fault. */
  recordUnavailable?: (envelope: Envelope) => boolean;
}

const REASON_MAX = 500;

/**
 * Judges one line of a batch that passed §6.4 steps 1–9, in the order of the table of §8.1, and stores
 * it when accepted. Runs inside the batch's transaction, so a version seen earlier in the same batch is
 * already held.
 */
export function judgeAndStore(envelope: Envelope, manifest: Manifest, store: ReceiverStore, rules: RecordRules): AckRecord {
  // processBatchFile has checked that these four can be answered.
  const entry = { seq: envelope.seq, kind: envelope.kind, entityId: envelope.entityId, version: envelope.version };
  const reject = (code: RecordRejectCode, reason: string, path: string | null = null): AckRecord => ({
    ...entry,
    status: 'rejected',
    code,
    reason: Array.from(reason).slice(0, REASON_MAX).join(''),
    path,
  });

  const envelopeCode = envelopeProblem(envelope, manifest);
  if (envelopeCode) return reject(envelopeCode, recordRejectionReasons[envelopeCode]);
  if (!rules.knownKinds.has(envelope.kind)) return reject('kind_unknown', recordRejectionReasons.kind_unknown(envelope.kind));

  let digest: string;
  try {
    digest = sha256Hex(Buffer.from(canonicalJson(envelope.payload), 'utf8'));
  } catch {
    // Only fractions and other values outside §3.1 fail here: not a payload of any kind.
    return reject('payload_invalid', recordRejectionReasons.not_canonical);
  }
  const held = store.digestOf(manifest.stationCode, envelope.kind, envelope.entityId, envelope.version);
  if (held === digest) return { ...entry, status: 'duplicate', code: null, reason: null, path: null };
  if (held !== null) return reject('version_conflict', recordRejectionReasons.version_conflict);

  const path = payloadProblem(envelope.kind, envelope.payload);
  if (path !== null) return reject('payload_invalid', recordRejectionReasons.payload_invalid(path), path);

  const covered = store.coveredThrough(manifest.stationCode, envelope.kind, envelope.entityId) >= envelope.version;
  // A version whose person withdrew consent is kept without content; no rule looks at it.
  const refusal = covered ? null : (rules.policy?.(envelope) ?? duplicateRegistrationRefusal(envelope, store));
  if (refusal) return reject('policy_refused', refusal.reason, refusal.path ?? null);
  if (rules.recordUnavailable?.(envelope)) return reject('temporarily_unavailable', recordRejectionReasons.temporarily_unavailable);

  store.insertVersion({
    station: manifest.stationCode,
    kind: envelope.kind,
    entityId: envelope.entityId,
    version: envelope.version,
    digest,
    payload: envelope.payload,
    batchId: manifest.batchId,
    seq: envelope.seq,
  });
  if (envelope.kind === 'tombstone') {
    for (const cover of tombstoneCovers(envelope.payload)) {
      store.applyTombstone(manifest.stationCode, cover.kind, cover.entityId, cover.throughVersion);
    }
  }
  return { ...entry, status: 'accepted', code: null, reason: null, path: null };
}
