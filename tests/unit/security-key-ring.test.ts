import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
  KeyFileInvalidError,
  currentKey,
  generateKeyRing,
  keyCheckValue,
  parseKeyRing,
  serializeKeyRing,
  withNewCurrentKey,
  withKeysArchived,
  type KeyRing,
} from '../../electron/security/key-ring';

const now = new Date('2025-03-01T08:00:00.000Z');
const later = new Date('2025-09-01T08:00:00.000Z');

function jsonOf(ring: KeyRing): Record<string, unknown> {
  return JSON.parse(serializeKeyRing(ring).toString('utf8')) as Record<string, unknown>;
}

function bytesOf(value: unknown): Buffer {
  return Buffer.from(JSON.stringify(value), 'utf8');
}

describe('generateKeyRing', () => {
  it('creates one 32-byte current data key and a 32-byte audit key', () => {
    const ring = generateKeyRing(now);
    expect(ring.version).toBe(1);
    expect(ring.auditKey).toHaveLength(32);
    expect(ring.keys).toHaveLength(1);
    const [key] = ring.keys;
    expect(key?.key).toHaveLength(32);
    expect(key?.id).toMatch(/^[0-9a-f]{12}$/);
    expect(key?.createdAt).toBe(now.toISOString());
    expect(ring.currentKeyId).toBe(key?.id);
  });

  it('draws fresh randomness every time', () => {
    const a = generateKeyRing(now);
    const b = generateKeyRing(now);
    expect(a.currentKeyId).not.toBe(b.currentKeyId);
    expect(a.auditKey.equals(b.auditKey)).toBe(false);
    expect(currentKey(a).key.equals(currentKey(b).key)).toBe(false);
    expect(a.auditKey.equals(currentKey(a).key)).toBe(false);
  });
});

describe('withNewCurrentKey', () => {
  it('adds a fresh key, makes it current and keeps the old one and the audit key', () => {
    const ring = generateKeyRing(now);
    const oldId = ring.currentKeyId;
    const rotated = withNewCurrentKey(ring, later);
    expect(rotated.keys.map((k) => k.id)).toEqual([oldId, rotated.currentKeyId]);
    expect(rotated.currentKeyId).not.toBe(oldId);
    expect(currentKey(rotated).createdAt).toBe(later.toISOString());
    expect(currentKey(rotated).key).toHaveLength(32);
    expect(currentKey(rotated).key.equals(currentKey(ring).key)).toBe(false);
    expect(rotated.auditKey.equals(ring.auditKey)).toBe(true);
  });

  it('does not change the ring it was given', () => {
    const ring = generateKeyRing(now);
    const before = serializeKeyRing(ring);
    withNewCurrentKey(ring, later);
    expect(serializeKeyRing(ring).equals(before)).toBe(true);
    expect(ring.keys).toHaveLength(1);
  });

  it('keeps ids unique over many rotations', () => {
    let ring = generateKeyRing(now);
    for (let i = 0; i < 50; i++) ring = withNewCurrentKey(ring, later);
    expect(new Set(ring.keys.map((k) => k.id)).size).toBe(51);
  });
});

describe('withKeysArchived', () => {
  it('archives retired keys, keeps every key, and the archive mark survives a save', () => {
    const first = generateKeyRing(now);
    const second = withNewCurrentKey(first, later);
    const third = withNewCurrentKey(second, later);
    const archived = withKeysArchived(third, [first.currentKeyId]);
    expect(archived.keys.map((k) => [k.id, k.archived ?? false])).toEqual([
      [first.currentKeyId, true],
      [second.currentKeyId, false],
      [third.currentKeyId, false],
    ]);
    expect(archived.currentKeyId).toBe(third.currentKeyId);
    expect(parseKeyRing(serializeKeyRing(archived))).toEqual(archived);
    expect(third.keys.every((k) => !k.archived)).toBe(true);
  });

  it('refuses to retire the current key', () => {
    const ring = withNewCurrentKey(generateKeyRing(now), later);
    expect(() => withKeysArchived(ring, [ring.currentKeyId])).toThrow(/current/);
    expect(() => withKeysArchived(ring, [ring.keys[0]?.id ?? '', ring.currentKeyId])).toThrow(/current/);
  });

  it('ignores ids that are not in the ring', () => {
    const ring = generateKeyRing(now);
    expect(withKeysArchived(ring, ['000000000000']).keys).toEqual(ring.keys);
  });
});

describe('currentKey', () => {
  it('throws for a ring whose current id is missing', () => {
    const ring = generateKeyRing(now);
    expect(() => currentKey({ ...ring, currentKeyId: 'aaaaaaaaaaaa' })).toThrow(KeyFileInvalidError);
  });
});

describe('serializeKeyRing / parseKeyRing', () => {
  it('round-trips a rotated ring', () => {
    const ring = withNewCurrentKey(generateKeyRing(now), later);
    const parsed = parseKeyRing(serializeKeyRing(ring));
    expect(parsed.currentKeyId).toBe(ring.currentKeyId);
    expect(parsed.auditKey.equals(ring.auditKey)).toBe(true);
    expect(parsed.keys.map((k) => [k.id, k.key.toString('hex'), k.createdAt])).toEqual(
      ring.keys.map((k) => [k.id, k.key.toString('hex'), k.createdAt]),
    );
  });

  it('stores keys as base64 JSON', () => {
    const ring = generateKeyRing(now);
    const json = jsonOf(ring);
    expect(json.version).toBe(1);
    expect(json.auditKey).toBe(ring.auditKey.toString('base64'));
    expect(json.keys).toEqual([{ id: ring.currentKeyId, key: currentKey(ring).key.toString('base64'), createdAt: now.toISOString() }]);
  });

  it('rejects garbage', () => {
    for (const bytes of [Buffer.from('not json'), Buffer.alloc(0), Buffer.from('null'), Buffer.from('[]'), Buffer.from('"x"'), Buffer.from([0xff, 0xfe, 0x00])]) {
      expect(() => parseKeyRing(bytes)).toThrow(KeyFileInvalidError);
    }
  });

  it('rejects a wrong version', () => {
    const json = jsonOf(generateKeyRing(now));
    expect(() => parseKeyRing(bytesOf({ ...json, version: 2 }))).toThrow(/version/);
    expect(() => parseKeyRing(bytesOf({ ...json, version: undefined }))).toThrow(KeyFileInvalidError);
  });

  it('rejects keys of the wrong length', () => {
    const ring = generateKeyRing(now);
    const json = jsonOf(ring);
    const short = Buffer.alloc(16, 1).toString('base64');
    const long = Buffer.alloc(33, 1).toString('base64');
    expect(() => parseKeyRing(bytesOf({ ...json, auditKey: short }))).toThrow(/16 bytes/);
    expect(() => parseKeyRing(bytesOf({ ...json, auditKey: long }))).toThrow(KeyFileInvalidError);
    const withKey = (key: unknown) => bytesOf({ ...json, keys: [{ id: ring.currentKeyId, key, createdAt: now.toISOString() }] });
    expect(() => parseKeyRing(withKey(short))).toThrow(KeyFileInvalidError);
    expect(() => parseKeyRing(withKey(long))).toThrow(KeyFileInvalidError);
    expect(() => parseKeyRing(withKey(''))).toThrow(KeyFileInvalidError);
    expect(() => parseKeyRing(withKey(42))).toThrow(KeyFileInvalidError);
  });

  it('rejects keys that are not strict base64', () => {
    const ring = generateKeyRing(now);
    const json = jsonOf(ring);
    const valid = currentKey(ring).key.toString('base64');
    const withKey = (key: string) => bytesOf({ ...json, keys: [{ id: ring.currentKeyId, key, createdAt: now.toISOString() }] });
    expect(() => parseKeyRing(withKey(`${valid.slice(0, 10)}*${valid.slice(11)}`))).toThrow(KeyFileInvalidError);
    expect(() => parseKeyRing(withKey(` ${valid}`))).toThrow(KeyFileInvalidError);
    expect(() => parseKeyRing(withKey(currentKey(ring).key.toString('base64url')))).toThrow(KeyFileInvalidError);
  });

  it('rejects malformed ids, duplicates, missing keys and a current key not in the ring', () => {
    const ring = withNewCurrentKey(generateKeyRing(now), later);
    const json = jsonOf(ring);
    const keys = json.keys as Array<Record<string, unknown>>;
    expect(() => parseKeyRing(bytesOf({ ...json, currentKeyId: 'ABC' }))).toThrow(KeyFileInvalidError);
    expect(() => parseKeyRing(bytesOf({ ...json, currentKeyId: '0123456789ab' }))).toThrow(/not in the key ring/);
    expect(() => parseKeyRing(bytesOf({ ...json, keys: [] }))).toThrow(/no data keys/);
    expect(() => parseKeyRing(bytesOf({ ...json, keys: 'x' }))).toThrow(KeyFileInvalidError);
    expect(() => parseKeyRing(bytesOf({ ...json, keys: [...keys, keys[1]] }))).toThrow(/twice/);
    expect(() => parseKeyRing(bytesOf({ ...json, keys: [{ ...keys[0], id: 'XYZ' }, keys[1]] }))).toThrow(/malformed id/);
    expect(() => parseKeyRing(bytesOf({ ...json, keys: [{ ...keys[0], createdAt: 'yesterday' }, keys[1]] }))).toThrow(/creation time/);
    expect(() => parseKeyRing(bytesOf({ ...json, keys: [null, keys[1]] }))).toThrow(KeyFileInvalidError);
  });

  it('reports no file path for bytes that did not come from a file', () => {
    try {
      parseKeyRing(Buffer.from('{}'));
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(KeyFileInvalidError);
      expect((error as KeyFileInvalidError).path).toBe('');
    }
  });
});

describe('keyCheckValue', () => {
  it('is hex HMAC-SHA-256 of the fixed label under the key', () => {
    const key = Buffer.alloc(32, 7);
    const expected = createHmac('sha256', key).update('relay-station/key-check/v1').digest('hex');
    expect(keyCheckValue(key)).toBe(expected);
    expect(keyCheckValue(key)).toMatch(/^[0-9a-f]{64}$/);
  });

  it('tells keys apart and does not contain the key', () => {
    const a = generateKeyRing(now);
    const b = generateKeyRing(now);
    expect(keyCheckValue(currentKey(a).key)).not.toBe(keyCheckValue(currentKey(b).key));
    expect(keyCheckValue(currentKey(a).key)).toBe(keyCheckValue(Buffer.from(currentKey(a).key)));
    expect(keyCheckValue(currentKey(a).key)).not.toContain(currentKey(a).key.toString('hex'));
  });
});
