import { scryptSync } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { DEFAULT_SCRYPT, hashSecret, verifySecret, type ScryptParams } from '../../electron/security/secrets';

// Small parameters keep the suite fast; one test below uses the defaults.
const FAST: ScryptParams = { N: 1024, r: 8, p: 1 };

function fields(stored: string): string[] {
  return stored.split('$');
}

describe('DEFAULT_SCRYPT', () => {
  it('is N=16384, r=8, p=1', () => {
    expect(DEFAULT_SCRYPT).toEqual({ N: 16384, r: 8, p: 1 });
  });
});

describe('hashSecret', () => {
  it('produces scrypt$N$r$p$salt$hash with a 16-byte salt and a 32-byte hash', async () => {
    const stored = await hashSecret('correct horse', FAST);
    const [tag, n, r, p, salt, hash, ...rest] = fields(stored);
    expect(rest).toEqual([]);
    expect([tag, n, r, p]).toEqual(['scrypt', '1024', '8', '1']);
    expect(Buffer.from(salt ?? '', 'base64')).toHaveLength(16);
    expect(Buffer.from(hash ?? '', 'base64')).toHaveLength(32);
    expect(stored).not.toContain('correct horse');
  });

  it('is scrypt over the NFC form of the secret with the stored salt and parameters', async () => {
    const stored = await hashSecret('密码123', { N: 2048, r: 4, p: 2 });
    const [, , , , salt, hash] = fields(stored);
    const expected = scryptSync(Buffer.from('密码123'.normalize('NFC')), Buffer.from(salt ?? '', 'base64'), 32, { N: 2048, r: 4, p: 2 });
    expect(Buffer.from(hash ?? '', 'base64').equals(expected)).toBe(true);
  });

  it('uses a fresh salt every time', async () => {
    const a = await hashSecret('1234', FAST);
    const b = await hashSecret('1234', FAST);
    expect(a).not.toBe(b);
    expect(fields(a)[4]).not.toBe(fields(b)[4]);
  });

  it('uses the default parameters when none are given', async () => {
    const stored = await hashSecret('default pin');
    expect(fields(stored).slice(0, 4)).toEqual(['scrypt', '16384', '8', '1']);
    expect(await verifySecret('default pin', stored)).toBe(true);
    expect(await verifySecret('default pim', stored)).toBe(false);
  });

  it('honours the given parameters', async () => {
    const stored = await hashSecret('pin', { N: 512, r: 2, p: 3 });
    expect(fields(stored).slice(0, 4)).toEqual(['scrypt', '512', '2', '3']);
    expect(await verifySecret('pin', stored)).toBe(true);
  });

  it('refuses unusable parameters', async () => {
    for (const params of [
      { N: 1000, r: 8, p: 1 },
      { N: 1, r: 8, p: 1 },
      { N: 1024, r: 0, p: 1 },
      { N: 1024, r: 8, p: 0 },
      { N: 1024, r: 1.5, p: 1 },
      { N: 2 ** 24, r: 8, p: 1 },
    ]) {
      await expect(hashSecret('x', params)).rejects.toThrow(RangeError);
    }
  });
});

describe('verifySecret', () => {
  it('accepts the right secret and rejects wrong ones', async () => {
    const stored = await hashSecret('Station-PIN-2468', FAST);
    expect(await verifySecret('Station-PIN-2468', stored)).toBe(true);
    expect(await verifySecret('Station-PIN-2469', stored)).toBe(false);
    expect(await verifySecret('station-pin-2468', stored)).toBe(false);
    expect(await verifySecret('Station-PIN-2468 ', stored)).toBe(false);
    expect(await verifySecret('', stored)).toBe(false);
  });

  it('handles CJK outside the BMP, the empty secret and long secrets', async () => {
    for (const secret of ['𠀀𠀁口令', '', 'p'.repeat(10_000)]) {
      const stored = await hashSecret(secret, FAST);
      expect(await verifySecret(secret, stored)).toBe(true);
      expect(await verifySecret(`${secret}!`, stored)).toBe(false);
    }
  });

  it('matches composed and decomposed forms of the same secret (NFC)', async () => {
    const composed = 'Caf\u00e9-\uac00'; // é and 가 precomposed
    const decomposed = 'Cafe\u0301-\u1100\u1161';
    expect(composed).not.toBe(decomposed);
    const stored = await hashSecret(decomposed, FAST);
    expect(await verifySecret(composed, stored)).toBe(true);
    expect(await verifySecret('Cafe-\uac00', stored)).toBe(false);
  });

  it('reads the parameters from the stored value', async () => {
    const weak = await hashSecret('pin', { N: 256, r: 1, p: 1 });
    const strong = await hashSecret('pin', { N: 4096, r: 8, p: 1 });
    expect(await verifySecret('pin', weak)).toBe(true);
    expect(await verifySecret('pin', strong)).toBe(true);
    // The same salt and hash under other parameters no longer match.
    const [, , , , salt, hash] = fields(weak);
    expect(await verifySecret('pin', ['scrypt', 512, 1, 1, salt, hash].join('$'))).toBe(false);
    expect(await verifySecret('pin', ['scrypt', 256, 2, 1, salt, hash].join('$'))).toBe(false);
    expect(await verifySecret('pin', ['scrypt', 256, 1, 2, salt, hash].join('$'))).toBe(false);
  });

  it('detects a changed salt or hash', async () => {
    const stored = await hashSecret('pin', FAST);
    const [tag, n, r, p, salt, hash] = fields(stored) as [string, string, string, string, string, string];
    const flip = (b64: string) => {
      const bytes = Buffer.from(b64, 'base64');
      bytes[0] = (bytes[0] ?? 0) ^ 1;
      return bytes.toString('base64');
    };
    expect(await verifySecret('pin', [tag, n, r, p, flip(salt), hash].join('$'))).toBe(false);
    expect(await verifySecret('pin', [tag, n, r, p, salt, flip(hash)].join('$'))).toBe(false);
  });

  it('returns false, not an error, for malformed stored values', async () => {
    const stored = await hashSecret('pin', FAST);
    const [tag, n, r, p, salt, hash] = fields(stored) as [string, string, string, string, string, string];
    const malformed = [
      '',
      'pin',
      'scrypt',
      stored.replace('scrypt$', 'bcrypt$'),
      [tag, n, r, p, salt].join('$'),
      [tag, n, r, p, salt, hash, 'x'].join('$'),
      [tag, 'abc', r, p, salt, hash].join('$'),
      [tag, '1000', r, p, salt, hash].join('$'),
      [tag, '0', r, p, salt, hash].join('$'),
      [tag, '-1024', r, p, salt, hash].join('$'),
      [tag, '01024', r, p, salt, hash].join('$'),
      [tag, '1024.0', r, p, salt, hash].join('$'),
      [tag, n, '0', p, salt, hash].join('$'),
      [tag, n, r, '', salt, hash].join('$'),
      [tag, n, r, p, '', hash].join('$'),
      [tag, n, r, p, salt, ''].join('$'),
      [tag, n, r, p, 'not base64!', hash].join('$'),
      [tag, n, r, p, salt, `${hash.slice(0, -2)}`].join('$'),
      [tag, n, r, p, Buffer.alloc(8).toString('base64'), hash].join('$'),
      [tag, n, r, p, salt, Buffer.alloc(31).toString('base64')].join('$'),
      [tag, n, r, p, salt, Buffer.alloc(64).toString('base64')].join('$'),
      // Parameters that would exhaust memory or time are treated as malformed, not attempted.
      [tag, String(2 ** 30), r, p, salt, hash].join('$'),
      [tag, n, '100000', p, salt, hash].join('$'),
      [tag, n, r, '1000', salt, hash].join('$'),
    ];
    for (const value of malformed) {
      await expect(verifySecret('pin', value), value).resolves.toBe(false);
    }
  });
});
