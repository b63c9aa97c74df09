import { createHmac, randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { GENESIS_HASH, chainHash, verifyChain, type AuditFields, type ChainedAuditEntry } from '../../electron/security/audit-chain';

const auditKey = randomBytes(32);

const facts: Omit<AuditFields, 'seq'>[] = [
  { at: '2025-03-01T08:00:00.000Z', actorId: 'u-1', actorRole: 'admin', stationCode: 'GD-GZ-01', action: 'station.open', objectType: null, objectId: null, detail: null },
  { at: '2025-03-01T08:05:00.000Z', actorId: 'u-2', actorRole: 'staff', stationCode: 'GD-GZ-01', action: 'registration.create', objectType: 'registration', objectId: 'r-1', detail: null },
  { at: '2025-03-01T08:06:00.000Z', actorId: 'u-2', actorRole: 'staff', stationCode: 'GD-GZ-01', action: 'registration.reveal', objectType: 'registration', objectId: 'r-1', detail: '{"field":"id_number"}' },
  { at: '2025-03-01T08:10:00.000Z', actorId: 'u-2', actorRole: 'staff', stationCode: 'GD-GZ-01', action: 'document.print', objectType: 'registration', objectId: 'r-1', detail: '捐献登记表 𠀀' },
  { at: '2025-03-01T09:00:00.000Z', actorId: null, actorRole: 'kiosk', stationCode: 'GD-GZ-01', action: 'visitor.sign_in', objectType: 'visitor', objectId: 'v-9', detail: null },
];

function buildChain(key: Buffer = auditKey): ChainedAuditEntry[] {
  const chain: ChainedAuditEntry[] = [];
  let prevHash = GENESIS_HASH;
  facts.forEach((f, i) => {
    const fields: AuditFields = { seq: i + 1, ...f };
    const hash = chainHash(key, prevHash, fields);
    chain.push({ ...fields, prevHash, hash });
    prevHash = hash;
  });
  return chain;
}

function at(chain: ChainedAuditEntry[], index: number): ChainedAuditEntry {
  const entry = chain[index];
  if (!entry) throw new Error(`no entry at ${index}`);
  return entry;
}

describe('GENESIS_HASH', () => {
  it('is 64 zeros', () => {
    expect(GENESIS_HASH).toBe('0'.repeat(64));
  });
});

describe('chainHash', () => {
  const entry: AuditFields = { ...at(buildChain(), 0), seq: 1, detail: 'x' };

  it('is hex HMAC-SHA-256 over the canonical JSON array in a fixed order', () => {
    const expected = createHmac('sha256', auditKey)
      .update(
        JSON.stringify([GENESIS_HASH, entry.seq, entry.at, entry.actorId, entry.actorRole, entry.stationCode, entry.action, entry.objectType, entry.objectId, entry.detail]),
      )
      .digest('hex');
    expect(chainHash(auditKey, GENESIS_HASH, entry)).toBe(expected);
    expect(expected).toMatch(/^[0-9a-f]{64}$/);
  });

  it('ignores property order and extra properties of the entry object', () => {
    const reordered = {
      detail: entry.detail, objectId: entry.objectId, objectType: entry.objectType, action: entry.action, stationCode: entry.stationCode,
      actorRole: entry.actorRole, actorId: entry.actorId, at: entry.at, seq: entry.seq, prevHash: 'ignored', hash: 'ignored', extra: 1,
    };
    expect(chainHash(auditKey, GENESIS_HASH, reordered)).toBe(chainHash(auditKey, GENESIS_HASH, entry));
  });

  it('changes with every field, the previous hash and the key', () => {
    const base = chainHash(auditKey, GENESIS_HASH, entry);
    const variants: AuditFields[] = [
      { ...entry, seq: 2 },
      { ...entry, at: '2025-03-01T08:00:00.001Z' },
      { ...entry, actorId: null },
      { ...entry, actorId: 'u-9' },
      { ...entry, actorRole: 'staff' },
      { ...entry, stationCode: 'GD-GZ-02' },
      { ...entry, action: 'station.close' },
      { ...entry, objectType: 'registration' },
      { ...entry, objectId: 'null' },
      { ...entry, detail: null },
      { ...entry, detail: 'null' },
      { ...entry, detail: '' },
    ];
    const hashes = new Set([base, ...variants.map((v) => chainHash(auditKey, GENESIS_HASH, v))]);
    expect(hashes.size).toBe(variants.length + 1);
    expect(chainHash(auditKey, '1'.repeat(64), entry)).not.toBe(base);
    expect(chainHash(randomBytes(32), GENESIS_HASH, entry)).not.toBe(base);
  });

  it('keeps field boundaries unambiguous', () => {
    const a = chainHash(auditKey, GENESIS_HASH, { ...entry, objectType: 'ab', objectId: 'c' });
    const b = chainHash(auditKey, GENESIS_HASH, { ...entry, objectType: 'a', objectId: 'bc' });
    const c = chainHash(auditKey, GENESIS_HASH, { ...entry, objectType: 'a","b', objectId: null });
    expect(new Set([a, b, c]).size).toBe(3);
  });

  it('refuses a sequence number that is not a positive integer', () => {
    for (const seq of [0, -1, 1.5, Number.NaN, Number.POSITIVE_INFINITY]) {
      expect(() => chainHash(auditKey, GENESIS_HASH, { ...entry, seq })).toThrow(RangeError);
    }
  });
});

describe('verifyChain', () => {
  it('accepts an intact chain and counts it', () => {
    expect(verifyChain(auditKey, buildChain())).toEqual({ ok: true, count: 5 });
  });

  it('accepts the empty chain and a prefix of the chain', () => {
    expect(verifyChain(auditKey, [])).toEqual({ ok: true, count: 0 });
    expect(verifyChain(auditKey, buildChain().slice(0, 3))).toEqual({ ok: true, count: 3 });
  });

  it('works on any iterable, e.g. a generator over database rows', () => {
    const chain = buildChain();
    function* rows() {
      yield* chain;
    }
    expect(verifyChain(auditKey, rows())).toEqual({ ok: true, count: 5 });
  });

  it('reports an edited entry at itself', () => {
    const chain = buildChain();
    chain[2] = { ...at(chain, 2), detail: '{"field":"phone"}' };
    expect(verifyChain(auditKey, chain)).toEqual({ ok: false, brokenSeq: 3, reason: 'hash_mismatch', count: 2 });
  });

  it('reports an edited actor, time or null field at itself', () => {
    for (const change of [{ actorId: 'u-1' }, { at: '2025-03-02T08:06:00.000Z' }, { objectType: null }] as Partial<AuditFields>[]) {
      const chain = buildChain();
      chain[3] = { ...at(chain, 3), ...change };
      expect(verifyChain(auditKey, chain)).toEqual({ ok: false, brokenSeq: 4, reason: 'hash_mismatch', count: 3 });
    }
  });

  it('reports an edited first and last entry', () => {
    const first = buildChain();
    first[0] = { ...at(first, 0), action: 'station.close' };
    expect(verifyChain(auditKey, first)).toEqual({ ok: false, brokenSeq: 1, reason: 'hash_mismatch', count: 0 });
    const last = buildChain();
    last[4] = { ...at(last, 4), objectId: 'v-10' };
    expect(verifyChain(auditKey, last)).toEqual({ ok: false, brokenSeq: 5, reason: 'hash_mismatch', count: 4 });
  });

  it('reports an edited entry with a recomputed hash at the entry after it', () => {
    // Even someone holding the key cannot edit one entry in place: the link to the next one breaks.
    const chain = buildChain();
    const edited = { ...at(chain, 1), objectId: 'r-2' };
    chain[1] = { ...edited, hash: chainHash(auditKey, edited.prevHash, edited) };
    expect(verifyChain(auditKey, chain)).toEqual({ ok: false, brokenSeq: 3, reason: 'prev_hash_mismatch', count: 2 });
  });

  it('reports a deleted middle entry at the entry after it', () => {
    const chain = buildChain();
    chain.splice(2, 1);
    expect(verifyChain(auditKey, chain)).toEqual({ ok: false, brokenSeq: 4, reason: 'sequence_gap', count: 2 });
  });

  it('reports a deleted middle entry with renumbered successors as a prev-hash mismatch', () => {
    const chain = buildChain();
    chain.splice(2, 1);
    const renumbered = chain.map((e, i) => ({ ...e, seq: i + 1 }));
    expect(verifyChain(auditKey, renumbered)).toEqual({ ok: false, brokenSeq: 3, reason: 'prev_hash_mismatch', count: 2 });
  });

  it('reports a deleted first entry', () => {
    expect(verifyChain(auditKey, buildChain().slice(1))).toEqual({ ok: false, brokenSeq: 2, reason: 'sequence_gap', count: 0 });
  });

  it('reports two swapped entries at the first of them', () => {
    const chain = buildChain();
    [chain[1], chain[2]] = [at(chain, 2), at(chain, 1)];
    expect(verifyChain(auditKey, chain)).toEqual({ ok: false, brokenSeq: 3, reason: 'sequence_gap', count: 1 });
  });

  it('reports two entries whose contents were swapped under their seq numbers at the first of them', () => {
    const chain = buildChain();
    const second = at(chain, 1);
    const third = at(chain, 2);
    chain[1] = { ...third, seq: 2 };
    chain[2] = { ...second, seq: 3 };
    expect(verifyChain(auditKey, chain)).toEqual({ ok: false, brokenSeq: 2, reason: 'prev_hash_mismatch', count: 1 });
  });

  it('reports a duplicated entry', () => {
    const chain = buildChain();
    chain.splice(2, 0, at(chain, 1));
    expect(verifyChain(auditKey, chain)).toEqual({ ok: false, brokenSeq: 2, reason: 'sequence_gap', count: 2 });
  });

  it('reports a changed prevHash', () => {
    const chain = buildChain();
    chain[3] = { ...at(chain, 3), prevHash: 'f'.repeat(64) };
    expect(verifyChain(auditKey, chain)).toEqual({ ok: false, brokenSeq: 4, reason: 'prev_hash_mismatch', count: 3 });
  });

  it('reports a changed or malformed hash', () => {
    const changed = buildChain();
    changed[1] = { ...at(changed, 1), hash: 'a'.repeat(64) };
    // The forged hash does not match entry 2 itself.
    expect(verifyChain(auditKey, changed)).toEqual({ ok: false, brokenSeq: 2, reason: 'hash_mismatch', count: 1 });
    const upper = buildChain();
    upper[4] = { ...at(upper, 4), hash: at(upper, 4).hash.toUpperCase() };
    expect(verifyChain(auditKey, upper)).toEqual({ ok: false, brokenSeq: 5, reason: 'hash_mismatch', count: 4 });
    const short = buildChain();
    short[0] = { ...at(short, 0), hash: at(short, 0).hash.slice(0, 40) };
    expect(verifyChain(auditKey, short)).toEqual({ ok: false, brokenSeq: 1, reason: 'hash_mismatch', count: 0 });
  });

  it('requires the first entry to have seq 1 and the genesis prevHash', () => {
    const chain = buildChain();
    const renumbered = chain.map((e) => ({ ...e, seq: e.seq + 1 }));
    expect(verifyChain(auditKey, renumbered)).toEqual({ ok: false, brokenSeq: 2, reason: 'sequence_gap', count: 0 });

    const notGenesis = { ...at(chain, 0), seq: 1, prevHash: '1'.repeat(64) };
    const rehashed = { ...notGenesis, hash: chainHash(auditKey, notGenesis.prevHash, notGenesis) };
    expect(verifyChain(auditKey, [rehashed])).toEqual({ ok: false, brokenSeq: 1, reason: 'prev_hash_mismatch', count: 0 });
  });

  it('refuses a chain built under a different key', () => {
    expect(verifyChain(randomBytes(32), buildChain())).toEqual({ ok: false, brokenSeq: 1, reason: 'hash_mismatch', count: 0 });
    expect(verifyChain(auditKey, buildChain(randomBytes(32)))).toEqual({ ok: false, brokenSeq: 1, reason: 'hash_mismatch', count: 0 });
  });

  it('cannot be forged by recomputing the chain under another key', () => {
    // Someone with write access to the database but not the key file rebuilds the whole chain after an edit.
    const forged = buildChain(randomBytes(32));
    expect(verifyChain(auditKey, forged).ok).toBe(false);
  });
});
