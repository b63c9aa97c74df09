import type { AckRecord } from '../electron/sync/ack-file';
import { envelopeProblem, sha256Hex, type Envelope, type Manifest } from '../electron/sync/batch-file';
import { canonicalJson } from '../electron/sync/canonical-json';
import type { RecordRejectCode } from '../shared/domain/sync';
import { tombstoneCovers, payloadProblem } from './payload-check';
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

const ENVELOPE_REASONS = {
  envelope_invalid: '记录信封的字段缺失或格式不对，或记录内容的 id、version 与信封不一致。',
  station_mismatch: '记录的站点代码与批次清单的站点代码不一致。',
} as const;

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
  if (envelopeCode) return reject(envelopeCode, ENVELOPE_REASONS[envelopeCode]);
  if (!rules.knownKinds.has(envelope.kind)) return reject('kind_unknown', `本系统尚不支持记录类型 ${envelope.kind}。`);

  let digest: string;
  try {
    digest = sha256Hex(Buffer.from(canonicalJson(envelope.payload), 'utf8'));
  } catch {
    // Only fractions and other values outside §3.1 fail here: not a payload of any kind.
    return reject('payload_invalid', '记录内容含有协议不允许的数值（如小数）。');
  }
  const held = store.digestOf(manifest.stationCode, envelope.kind, envelope.entityId, envelope.version);
  if (held === digest) return { ...entry, status: 'duplicate', code: null, reason: null, path: null };
  if (held !== null) return reject('version_conflict', '同一记录版本已以不同内容接收，请核查站点是否由备份恢复或被复制。');

  const path = payloadProblem(envelope.kind, envelope.payload);
  if (path !== null) return reject('payload_invalid', `记录内容的字段 ${path} 缺失或格式不对。`, path);

  const covered = store.coveredThrough(manifest.stationCode, envelope.kind, envelope.entityId) >= envelope.version;
  // A version whose person withdrew consent is kept without content; no rule looks at it.
  const refusal = covered ? null : (rules.policy?.(envelope) ?? duplicateRegistrationRefusal(envelope, store));
  if (refusal) return reject('policy_refused', refusal.reason, refusal.path ?? null);
  if (rules.recordUnavailable?.(envelope)) return reject('temporarily_unavailable', '接收方暂时无法保存该记录，请稍后重发。');

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
