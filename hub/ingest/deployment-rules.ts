import type { AckRecord } from '../../electron/sync/ack-file';
import type { Envelope } from '../../electron/sync/batch-file';
import { recordRejectionReasons } from '../../electron/sync/refusal-reasons';
import type { Executor } from '../db/repositories/executor';
import { erasureKey, erasuresOf } from '../db/repositories/people-erasures';
import { recordVersionsOf } from '../db/repositories/record-versions';
import type { IncomingRecordVersion } from '../db/repositories/take-batch';
import { rejection } from './judge-line';

/** A provincial rule's refusal of one line (docs/sync-protocol.md §8.1 `policy_refused`). */
export interface PolicyRefusal {
  reason: string;
  /** The payload field the refusal is about, when it is about one. */
  path?: string;
}

/** A rule a deployment adds to what the protocol checks: null lets the line through. */
export type PolicyRule = (envelope: Envelope) => PolicyRefusal | null;

/** What may keep a line that passed the protocol's checks from being stored now. */
export interface LineRules {
  policy?: PolicyRule;
  /** True when the hub cannot store this line just now: rejected `temporarily_unavailable`, sent again later. */
  unavailable?: (envelope: Envelope) => boolean;
}

/** A line that passed judgeLine: its envelope and the version takeBatch would store. */
export interface LineToTake {
  envelope: Envelope;
  version: IncomingRecordVersion;
}

/**
 * The lines the deployment's rules keep out, by seq, as their acknowledgement entries. A version the hub holds
 * already stays a duplicate whatever the rules say, and a version a consent tombstone erased is kept without
 * content, so no rule looks at it: both go on to takeBatch as they would without rules.
 */
export async function refusalsByRules(db: Executor, provinceCode: string, stationCode: string, lines: readonly LineToTake[], rules: LineRules): Promise<Map<number, AckRecord>> {
  const refusals = new Map<number, AckRecord>();
  if (!rules.policy && !rules.unavailable) return refusals;
  const candidates: Array<{ line: LineToTake; refusal: AckRecord }> = [];
  for (const line of lines) {
    const refusal = ruleRefusal(line.envelope, rules);
    if (refusal) candidates.push({ line, refusal });
  }
  if (candidates.length === 0) return refusals;
  const erased = await erasuresOf(db, provinceCode, stationCode, candidates.map(({ line }) => line.version));
  for (const { line, refusal } of candidates) {
    const { entityKind, entityId, version } = line.version;
    if ((erased.get(erasureKey(entityKind, entityId)) ?? 0) >= version) continue;
    const held = await recordVersionsOf(db, { provinceCode, stationCode, entityKind, entityId });
    if (held.some((stored) => stored.version === version)) continue;
    refusals.set(line.envelope.seq, refusal);
  }
  return refusals;
}

function ruleRefusal(envelope: Envelope, rules: LineRules): AckRecord | null {
  const refused = rules.policy?.(envelope) ?? null;
  if (refused) return rejection(envelope, 'policy_refused', refused.reason, refused.path ?? null);
  if (rules.unavailable?.(envelope)) return rejection(envelope, 'temporarily_unavailable', recordRejectionReasons.temporarily_unavailable);
  return null;
}
