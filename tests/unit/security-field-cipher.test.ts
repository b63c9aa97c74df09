import { createCipheriv, createHmac, hkdfSync } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { FieldCipher, SealedValueError } from '../../electron/security/field-cipher';
import { currentKey, generateKeyRing, withKeysArchived, withNewCurrentKey, type KeyRing } from '../../electron/security/key-ring';

const now = new Date('2025-03-01T08:00:00.000Z');
const NAME = 'visitor_sign_in.visitor_name';
const PHONE = 'registration.phone';

function expectSealedError(action: () => unknown, reason?: SealedValueError['reason']): void {
  let thrown: unknown;
  try {
    action();
  } catch (error) {
    thrown = error;
  }
  expect(thrown).toBeInstanceOf(SealedValueError);
  if (reason) expect((thrown as SealedValueError).reason).toBe(reason);
}

function parts(sealed: string): [string, string, string, string] {
  const split = sealed.split('.');
  expect(split).toHaveLength(4);
  return split as [string, string, string, string];
}

/** Flips one bit of a base64url segment's decoded bytes and re-encodes it canonically. */
function flipBit(segment: string, byteIndex: number): string {
  const bytes = Buffer.from(segment, 'base64url');
  const index = byteIndex < 0 ? bytes.length + byteIndex : byteIndex;
  bytes[index] = (bytes[index] ?? 0) ^ 0x01;
  return bytes.toString('base64url');
}

function freshCipher(): { ring: KeyRing; cipher: FieldCipher } {
  const ring = generateKeyRing(now);
  return { ring, cipher: new FieldCipher(ring) };
}

describe('FieldCipher.seal / open', () => {
  const samples = [
    '张三',
    '𠀀', // CJK Extension B, outside the BMP (a surrogate pair in JS)
    '𪚥𠮷𡈽 龘靐齉',
    '欧阳𫖮',
    '',
    'a',
    'Ünïcödé ✓ 🫀',
    '110101199003071234',
    'line\nbreak\ttab\0nul',
    '长'.repeat(50_000),
    'x'.repeat(1_000_003),
  ];

  it.each(samples.map((s) => [s.length > 40 ? `${s.slice(0, 10)}… (${s.length} chars)` : JSON.stringify(s), s]))(
    'round-trips %s',
    (_label, value) => {
      const { cipher } = freshCipher();
      const sealed = cipher.seal(value, NAME);
      expect(cipher.open(sealed, NAME)).toBe(value);
    },
  );

  it('produces the documented format', () => {
    const { ring, cipher } = freshCipher();
    const sealed = cipher.seal('张三', NAME);
    const [version, keyId, nonce, body] = parts(sealed);
    expect(version).toBe('v1');
    expect(keyId).toBe(ring.currentKeyId);
    expect(Buffer.from(nonce, 'base64url')).toHaveLength(12);
    expect(Buffer.from(body, 'base64url')).toHaveLength(Buffer.byteLength('张三') + 16);
    expect(sealed).toMatch(/^v1\.[0-9a-f]{12}\.[A-Za-z0-9_-]{16}\.[A-Za-z0-9_-]+$/);
    expect(sealed).not.toContain('张三');
  });

  it('is AES-256-GCM under the HKDF encryption subkey, with the context as AAD', () => {
    const { ring, cipher } = freshCipher();
    const sealed = cipher.seal('李四', NAME);
    const [, , nonceText, bodyText] = parts(sealed);
    const subKey = Buffer.from(hkdfSync('sha256', currentKey(ring).key, Buffer.alloc(0), 'relay-station/field-encryption/v1', 32));
    const reference = createCipheriv('aes-256-gcm', subKey, Buffer.from(nonceText, 'base64url'));
    reference.setAAD(Buffer.from(NAME));
    const expected = Buffer.concat([reference.update('李四', 'utf8'), reference.final(), reference.getAuthTag()]);
    expect(Buffer.from(bodyText, 'base64url').equals(expected)).toBe(true);
  });

  it('never seals the same value the same way twice', () => {
    const { cipher } = freshCipher();
    const seen = new Set<string>();
    const nonces = new Set<string>();
    for (let i = 0; i < 200; i++) {
      const sealed = cipher.seal('张三', NAME);
      seen.add(sealed);
      nonces.add(parts(sealed)[2]);
    }
    expect(seen.size).toBe(200);
    expect(nonces.size).toBe(200);
  });

  it('never hands out a nonce twice across the blocks it draws them in, and never changes one handed out', () => {
    const { cipher } = freshCipher();
    const nonces = new Set<string>();
    const sealed = Array.from({ length: 2_600 }, (_, i) => cipher.seal(`值${i}`, NAME));
    for (const value of sealed) nonces.add(parts(value)[2]);
    expect(nonces.size).toBe(2_600);
    // Opening every value afterwards proves each kept the nonce it was sealed with.
    sealed.forEach((value, i) => expect(cipher.open(value, NAME)).toBe(`值${i}`));
  });

  it('refuses a value moved to another column (wrong context)', () => {
    const { cipher } = freshCipher();
    const sealed = cipher.seal('13800138000', PHONE);
    expectSealedError(() => cipher.open(sealed, NAME), 'authentication_failed');
    expectSealedError(() => cipher.open(sealed, `${PHONE} `), 'authentication_failed');
    expect(cipher.open(sealed, PHONE)).toBe('13800138000');
  });

  it('detects a tampered ciphertext, tag or nonce', () => {
    const { cipher } = freshCipher();
    const sealed = cipher.seal('王五', NAME);
    const [version, keyId, nonce, body] = parts(sealed);
    const tamperedCiphertext = [version, keyId, nonce, flipBit(body, 0)].join('.');
    const tamperedTag = [version, keyId, nonce, flipBit(body, -1)].join('.');
    const tamperedNonce = [version, keyId, flipBit(nonce, 5), body].join('.');
    const truncated = [version, keyId, nonce, Buffer.from(body, 'base64url').subarray(1).toString('base64url')].join('.');
    for (const bad of [tamperedCiphertext, tamperedTag, tamperedNonce, truncated]) {
      expectSealedError(() => cipher.open(bad, NAME), 'authentication_failed');
    }
  });

  it('detects a tampered empty value (tag only)', () => {
    const { cipher } = freshCipher();
    const sealed = cipher.seal('', NAME);
    const [version, keyId, nonce, body] = parts(sealed);
    expect(Buffer.from(body, 'base64url')).toHaveLength(16);
    expectSealedError(() => cipher.open([version, keyId, nonce, flipBit(body, 3)].join('.'), NAME), 'authentication_failed');
  });

  it('refuses an unknown key id', () => {
    const { cipher } = freshCipher();
    const other = freshCipher().cipher;
    const sealed = other.seal('赵六', NAME);
    expectSealedError(() => cipher.open(sealed, NAME), 'unknown_key');
    const [version, , nonce, body] = parts(cipher.seal('赵六', NAME));
    expectSealedError(() => cipher.open([version, '000000000000', nonce, body].join('.'), NAME), 'unknown_key');
  });

  it('refuses a value sealed under another ring even if the key id were the same', () => {
    const a = generateKeyRing(now);
    const b = generateKeyRing(now);
    const forged: KeyRing = { ...b, currentKeyId: a.currentKeyId, keys: [{ ...currentKey(b), id: a.currentKeyId }] };
    const sealed = new FieldCipher(forged).seal('孙七', NAME);
    expectSealedError(() => new FieldCipher(a).open(sealed, NAME), 'authentication_failed');
  });

  it('refuses malformed values', () => {
    const { cipher } = freshCipher();
    const [version, keyId, nonce, body] = parts(cipher.seal('x', NAME));
    const malformed = [
      '',
      '张三',
      'v1',
      'v1...',
      [version, keyId, nonce].join('.'),
      [version, keyId, nonce, body, 'extra'].join('.'),
      ['v2', keyId, nonce, body].join('.'),
      [version, keyId.toUpperCase(), nonce, body].join('.'),
      [version, keyId.slice(1), nonce, body].join('.'),
      [version, keyId, `${nonce}AA`, body].join('.'),
      [version, keyId, nonce.slice(0, 12), body].join('.'),
      [version, keyId, nonce, Buffer.alloc(15).toString('base64url')].join('.'),
      [version, keyId, nonce, `${body}=`].join('.'),
      [version, keyId, nonce, `${body.slice(0, 4)}+${body.slice(5)}`].join('.'),
      [version, keyId, nonce, `${body.slice(0, 4)} ${body.slice(5)}`].join('.'),
    ];
    for (const value of malformed) {
      expectSealedError(() => cipher.open(value, NAME), 'malformed');
      expect(FieldCipher.isSealed(value)).toBe(false);
      expect(FieldCipher.keyIdOf(value)).toBeNull();
    }
  });

  it('refuses non-canonical base64url that would decode to the same bytes', () => {
    const { cipher } = freshCipher();
    const [version, keyId, nonce, body] = parts(cipher.seal('a', NAME)); // 17 bytes: the last character carries 2 spare bits
    const last = body.slice(-1);
    const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
    const sibling = alphabet[alphabet.indexOf(last) ^ 1] ?? 'A';
    const variant = [version, keyId, nonce, body.slice(0, -1) + sibling].join('.');
    expect(Buffer.from(variant.split('.')[3] ?? '', 'base64url').equals(Buffer.from(body, 'base64url'))).toBe(true);
    expectSealedError(() => cipher.open(variant, NAME), 'malformed');
  });

  it('accepts a body text exactly when it is the canonical base64url of its bytes, for every length and last character', () => {
    const { cipher } = freshCipher();
    const [version, keyId, nonce] = parts(cipher.seal('a', NAME));
    const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
    let accepted = 0;
    for (let length = 22; length <= 26; length += 1) {
      for (const last of alphabet) {
        const body = 'Q'.repeat(length - 1) + last;
        const canonical = Buffer.from(body, 'base64url').toString('base64url') === body;
        expect(FieldCipher.isSealed([version, keyId, nonce, body].join('.'))).toBe(canonical && Buffer.from(body, 'base64url').length >= 16);
        if (canonical) accepted += 1;
      }
    }
    // Lengths 22, 23, 24 and 26 leave 4, 16, 64 and 4 canonical last characters; 25 (length % 4 = 1) none.
    expect(accepted).toBe(4 + 16 + 64 + 0 + 4);
  });

  it('reads a body exactly when it is base64url and canonical, whatever characters it holds', () => {
    const { cipher } = freshCipher();
    const [version, keyId, nonce] = parts(cipher.seal('a', NAME));
    const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
    // Mostly base64url with now and then a character Node's decoder treats otherwise.
    const characters = fc.oneof(
      { weight: 30, arbitrary: fc.constantFrom(...alphabet) },
      { weight: 1, arbitrary: fc.constantFrom('+', '/', '=', ' ', '\n', '*', '.', 'é', '\u0000', '𠮷') },
    );
    fc.assert(
      fc.property(fc.array(characters, { minLength: 20, maxLength: 40 }), (chosen) => {
        const body = chosen.join('');
        const bytes = Buffer.from(body, 'base64url');
        const expected = /^[A-Za-z0-9_-]+$/.test(body) && bytes.toString('base64url') === body && bytes.length >= 16;
        expect(FieldCipher.isSealed([version, keyId, nonce, body].join('.'))).toBe(expected);
      }),
      { numRuns: 5_000 },
    );
  });

  it('requires a context', () => {
    const { cipher } = freshCipher();
    expectSealedError(() => cipher.seal('x', ''), 'invalid_input');
    expectSealedError(() => cipher.open(cipher.seal('x', NAME), ''), 'invalid_input');
  });

  it('refuses strings that cannot round-trip through UTF-8 (lone surrogates)', () => {
    const { cipher } = freshCipher();
    expectSealedError(() => cipher.seal('张\uD840', NAME), 'invalid_input');
    expectSealedError(() => cipher.seal('\uDC00', NAME), 'invalid_input');
    expect(cipher.open(cipher.seal('\uD840\uDC00', NAME), NAME)).toBe('𠀀');
  });

  it('refuses exactly the strings holding an unpaired surrogate', () => {
    const { cipher } = freshCipher();
    const unit = fc.oneof(fc.constantFrom('\uD800', '\uDBFF', '\uDC00', '\uDFFF', '\uD840\uDC00', 'a', '张'), fc.string({ unit: 'binary', maxLength: 2 }));
    fc.assert(
      fc.property(fc.array(unit, { maxLength: 8 }), (units) => {
        const text = units.join('');
        const unpaired = /[\uD800-\uDFFF]/u.test(text);
        if (unpaired) expectSealedError(() => cipher.seal(text, NAME), 'invalid_input');
        else expect(cipher.open(cipher.seal(text, NAME), NAME)).toBe(text);
      }),
    );
  });

  it('does not let later changes to the ring object affect it', () => {
    const ring = generateKeyRing(now);
    const cipher = new FieldCipher(ring);
    const sealed = cipher.seal('周八', NAME);
    currentKey(ring).key.fill(0);
    expect(cipher.open(sealed, NAME)).toBe('周八');
  });

  it('refuses a ring whose current key is missing', () => {
    const ring = generateKeyRing(now);
    expect(() => new FieldCipher({ ...ring, currentKeyId: 'aaaaaaaaaaaa' })).toThrow();
  });
});

describe('FieldCipher across a key rotation', () => {
  it('opens old values and seals new ones under the new key', () => {
    const ring = generateKeyRing(now);
    const before = new FieldCipher(ring);
    const old = before.seal('吴九', NAME);

    const rotated = withNewCurrentKey(ring, now);
    const after = new FieldCipher(rotated);
    expect(after.currentKeyId).toBe(rotated.currentKeyId);
    expect(after.currentKeyId).not.toBe(ring.currentKeyId);
    expect(after.open(old, NAME)).toBe('吴九');
    const fresh = after.seal('吴九', NAME);
    expect(FieldCipher.keyIdOf(fresh)).toBe(rotated.currentKeyId);
    expect(FieldCipher.keyIdOf(old)).toBe(ring.currentKeyId);
    expectSealedError(() => before.open(fresh, NAME), 'unknown_key');
  });

  it('still opens values of an archived key, and none of a key the ring does not hold', () => {
    const ring = generateKeyRing(now);
    const old = new FieldCipher(ring).seal('郑十', NAME);
    const archived = withKeysArchived(withNewCurrentKey(ring, now), [ring.currentKeyId]);
    expect(new FieldCipher(archived).open(old, NAME)).toBe('郑十');
    const without = { ...archived, keys: archived.keys.filter((key) => key.id !== ring.currentKeyId) };
    expectSealedError(() => new FieldCipher(without).open(old, NAME), 'unknown_key');
  });
});

describe('FieldCipher.isSealed / keyIdOf', () => {
  it('recognises the format only', () => {
    const { ring, cipher } = freshCipher();
    const sealed = cipher.seal('张三', NAME);
    expect(FieldCipher.isSealed(sealed)).toBe(true);
    expect(FieldCipher.keyIdOf(sealed)).toBe(ring.currentKeyId);
    expect(FieldCipher.isSealed('张三')).toBe(false);
    expect(FieldCipher.isSealed('13800138000')).toBe(false);
    expect(FieldCipher.isSealed('a.b.c.d')).toBe(false);
    expect(FieldCipher.keyIdOf('v1.abc.def.ghi')).toBeNull();
    // Well-formed but unauthenticated: still "sealed" as far as the format goes.
    const [version, , nonce, body] = parts(sealed);
    const foreign = [version, '0123456789ab', nonce, body].join('.');
    expect(FieldCipher.isSealed(foreign)).toBe(true);
    expect(FieldCipher.keyIdOf(foreign)).toBe('0123456789ab');
  });
});

describe('FieldCipher.blindIndex', () => {
  it('is deterministic and base64url', () => {
    const { ring, cipher } = freshCipher();
    const index = cipher.blindIndex('phone', '13800138000');
    expect(index).toBe(cipher.blindIndex('phone', '13800138000'));
    expect(index).toBe(new FieldCipher(ring).blindIndex('phone', '13800138000'));
    expect(index).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(index).not.toContain('13800138000');
  });

  it('is HMAC-SHA-256 under the HKDF blind-index subkey over kind NUL value', () => {
    const { ring, cipher } = freshCipher();
    const subKey = Buffer.from(hkdfSync('sha256', currentKey(ring).key, Buffer.alloc(0), 'relay-station/blind-index/v1', 32));
    const expected = createHmac('sha256', subKey).update('id_number\u0000110101199003071234', 'utf8').digest('base64url');
    expect(cipher.blindIndex('id_number', '110101199003071234')).toBe(expected);
  });

  it('uses a subkey different from the encryption subkey and from the data key', () => {
    const { ring, cipher } = freshCipher();
    const key = currentKey(ring).key;
    const encryptionKey = Buffer.from(hkdfSync('sha256', key, Buffer.alloc(0), 'relay-station/field-encryption/v1', 32));
    const index = cipher.blindIndex('phone', '13800138000');
    expect(index).not.toBe(createHmac('sha256', encryptionKey).update('phone\u000013800138000').digest('base64url'));
    expect(index).not.toBe(createHmac('sha256', key).update('phone\u000013800138000').digest('base64url'));
  });

  it('differs per kind and per value', () => {
    const { cipher } = freshCipher();
    const a = cipher.blindIndex('phone', '13800138000');
    expect(cipher.blindIndex('id_number', '13800138000')).not.toBe(a);
    expect(cipher.blindIndex('phone', '13800138001')).not.toBe(a);
    // The NUL separator keeps "kind + value" boundaries unambiguous.
    expect(cipher.blindIndex('ab', 'c')).not.toBe(cipher.blindIndex('a', 'bc'));
  });

  it('handles CJK outside the BMP and the empty value', () => {
    const { cipher } = freshCipher();
    expect(cipher.blindIndex('name', '𠀀')).not.toBe(cipher.blindIndex('name', '\uFFFD'));
    expect(cipher.blindIndex('name', '')).toMatch(/^[A-Za-z0-9_-]{43}$/);
  });

  it('finds nothing under another ring', () => {
    const a = freshCipher().cipher;
    const b = freshCipher().cipher;
    expect(a.blindIndex('phone', '13800138000')).not.toBe(b.blindIndex('phone', '13800138000'));
    expect(b.blindIndexCandidates('phone', '13800138000')).not.toContain(a.blindIndex('phone', '13800138000'));
  });

  it('refuses an empty kind or one containing NUL', () => {
    const { cipher } = freshCipher();
    expectSealedError(() => cipher.blindIndex('', 'x'), 'invalid_input');
    expectSealedError(() => cipher.blindIndex('a\0b', 'x'), 'invalid_input');
    expectSealedError(() => cipher.blindIndexCandidates('', 'x'), 'invalid_input');
  });
});

describe('FieldCipher.blindIndexCandidates', () => {
  it('covers the old and the new key, current first', () => {
    const ring = generateKeyRing(now);
    const oldIndex = new FieldCipher(ring).blindIndex('phone', '13800138000');
    const rotated = withNewCurrentKey(ring, now);
    const cipher = new FieldCipher(rotated);
    const newIndex = cipher.blindIndex('phone', '13800138000');
    expect(newIndex).not.toBe(oldIndex);
    expect(cipher.blindIndexCandidates('phone', '13800138000')).toEqual([newIndex, oldIndex]);
  });

  it('lists every key once, current first, whatever the ring order', () => {
    let ring = generateKeyRing(now);
    ring = withNewCurrentKey(ring, now);
    ring = withNewCurrentKey(ring, now);
    const middle = ring.keys[1]?.id ?? '';
    const reordered: KeyRing = { ...ring, currentKeyId: middle };
    const cipher = new FieldCipher(reordered);
    const candidates = cipher.blindIndexCandidates('phone', '1');
    expect(candidates).toHaveLength(3);
    expect(new Set(candidates).size).toBe(3);
    expect(candidates[0]).toBe(cipher.blindIndex('phone', '1'));
    for (const key of ring.keys) {
      expect(candidates).toContain(new FieldCipher({ ...ring, currentKeyId: key.id }).blindIndex('phone', '1'));
    }
  });

  it('is just the blind index for a ring with one key', () => {
    const { cipher } = freshCipher();
    expect(cipher.blindIndexCandidates('phone', '1')).toEqual([cipher.blindIndex('phone', '1')]);
  });
});
