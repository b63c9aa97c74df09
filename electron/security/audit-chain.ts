import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * The tamper-evident audit log ("who did what"): each entry's hash covers the previous entry's hash, so
 * editing, deleting or reordering entries breaks the chain from that point on. The log must be kept and
 * must not be edited; this is how an inspection can tell that it was not.
 */

/** The recorded facts of one audit entry, exactly the fields the hash covers. */
export interface AuditFields {
  seq: number;
  at: string;
  actorId: string | null;
  actorRole: string;
  stationCode: string;
  action: string;
  objectType: string | null;
  objectId: string | null;
  detail: string | null;
}

/** An audit entry as stored: its fields, the hash of the entry before it, and its own hash. */
export interface ChainedAuditEntry extends AuditFields {
  prevHash: string;
  hash: string;
}

/** The prevHash of entry 1: 64 zeros. */
export const GENESIS_HASH: string = '0'.repeat(64);

const HASH_PATTERN = /^[0-9a-f]{64}$/;

/**
 * HMAC-SHA-256 (hex) under the ring's auditKey over a canonical JSON array of prevHash and every field in a
 * fixed order. Keyed, so someone with write access to the database alone cannot recompute a consistent chain.
 * Only the listed fields are read, so a stored row with extra columns hashes the same.
 */
export function chainHash(auditKey: Buffer, prevHash: string, entry: AuditFields): string {
  // A non-integer seq would serialise ambiguously (NaN and Infinity both become null); refuse it.
  if (!Number.isSafeInteger(entry.seq) || entry.seq < 1) throw new RangeError(`Invalid audit sequence number ${entry.seq}`);
  // JSON of an array of strings, numbers and nulls is canonical: no key order, no whitespace, fixed escaping.
  const canonical = JSON.stringify([
    prevHash,
    entry.seq,
    entry.at,
    entry.actorId,
    entry.actorRole,
    entry.stationCode,
    entry.action,
    entry.objectType,
    entry.objectId,
    entry.detail,
  ]);
  return createHmac('sha256', auditKey).update(canonical, 'utf8').digest('hex');
}

/** The result of walking the chain; `count` is the number of entries that verified (before the break, if any). */
export type ChainCheck =
  | { ok: true; count: number }
  | { ok: false; brokenSeq: number; reason: 'sequence_gap' | 'prev_hash_mismatch' | 'hash_mismatch'; count: number };

function sameHash(a: string, b: string): boolean {
  if (!HASH_PATTERN.test(a) || !HASH_PATTERN.test(b)) return false;
  return timingSafeEqual(Buffer.from(a, 'hex'), Buffer.from(b, 'hex'));
}

/**
 * Walks entries in seq order (1, 2, 3, …): names the first entry that does not follow from the one before.
 * Entries are checked in the order given (a database read ordered by seq), not sorted here, so a row out of
 * place is reported where it appears. A deleted entry shows at the one after it; an edited entry at itself.
 * Truncating the newest entries cannot be seen from the chain alone: compare `count` with what is expected.
 */
export function verifyChain(auditKey: Buffer, entries: Iterable<ChainedAuditEntry>): ChainCheck {
  let count = 0;
  let expectedSeq = 1;
  let prevHash = GENESIS_HASH;
  for (const entry of entries) {
    if (entry.seq !== expectedSeq) return { ok: false, brokenSeq: entry.seq, reason: 'sequence_gap', count };
    if (!sameHash(entry.prevHash, prevHash)) return { ok: false, brokenSeq: entry.seq, reason: 'prev_hash_mismatch', count };
    if (!sameHash(entry.hash, chainHash(auditKey, entry.prevHash, entry))) {
      return { ok: false, brokenSeq: entry.seq, reason: 'hash_mismatch', count };
    }
    count += 1;
    expectedSeq += 1;
    prevHash = entry.hash;
  }
  return { ok: true, count };
}
