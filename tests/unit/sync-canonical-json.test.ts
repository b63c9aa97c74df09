import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { canonicalJson, parseCanonicalJson } from '../../electron/sync/canonical-json';
import { expectRefusal, onlyRefuses } from '../fixtures/sync-codec';

const bytes = (text: string): Buffer => Buffer.from(text, 'utf8');

/** JSON values of the protocol: no fractions, any Unicode text in keys and strings. */
const protocolValue = fc.letrec<{ value: unknown }>((tie) => ({
  value: fc.oneof(
    { depthSize: 'small' },
    fc.string({ unit: 'binary' }),
    fc.integer({ min: Number.MIN_SAFE_INTEGER, max: Number.MAX_SAFE_INTEGER }),
    fc.boolean(),
    fc.constant(null),
    fc.array(tie('value'), { maxLength: 5 }),
    fc.dictionary(fc.string({ unit: 'binary' }), tie('value'), { maxKeys: 5 }),
  ),
})).value;

describe('canonicalJson', () => {
  it('sorts members by UTF-16 code units, as RFC 8785 §3.2.3 shows', () => {
    const value = { '\u20ac': 'Euro Sign', '\r': 'Carriage Return', '\ufb33': 'Hebrew Letter Dalet With Dagesh', '1': 'One', '\ud83d\ude00': 'Emoji: Grinning Face', '\u0080': 'Control', '\u00f6': 'Latin Small Letter O With Diaeresis' };
    // Read the text itself: JSON.parse would put the integer-like key "1" first again.
    expect(canonicalJson(value)).toBe(
      '{"\\r":"Carriage Return","1":"One","\u0080":"Control","\u00f6":"Latin Small Letter O With Diaeresis",' +
        '"\u20ac":"Euro Sign","\ud83d\ude00":"Emoji: Grinning Face","\ufb33":"Hebrew Letter Dalet With Dagesh"}',
    );
  });

  it('sorts nested objects and keeps array order', () => {
    expect(canonicalJson({ b: [3, { z: 1, a: 2 }, 1], a: { d: null, c: true } })).toBe('{"a":{"c":true,"d":null},"b":[3,{"a":2,"z":1},1]}');
  });

  it('escapes strings minimally, with lower-case hex', () => {
    const controls = Array.from({ length: 0x20 }, (_, code) => String.fromCharCode(code)).join('');
    expect(canonicalJson(controls)).toBe(
      '"\\u0000\\u0001\\u0002\\u0003\\u0004\\u0005\\u0006\\u0007\\b\\t\\n\\u000b\\f\\r\\u000e\\u000f' +
        '\\u0010\\u0011\\u0012\\u0013\\u0014\\u0015\\u0016\\u0017\\u0018\\u0019\\u001a\\u001b\\u001c\\u001d\\u001e\\u001f"',
    );
    expect(canonicalJson('say "hi" \\ / 陈静 é 𠮷 \u2028 \u007f')).toBe('"say \\"hi\\" \\\\ / 陈静 é 𠮷 \u2028 \u007f"');
    expect(canonicalJson('\ud800')).toBe('"\\ud800"');
  });

  it('writes integers in plain decimal', () => {
    expect(canonicalJson([0, -0, 1, -1, 1041, Number.MAX_SAFE_INTEGER, Number.MIN_SAFE_INTEGER])).toBe(
      '[0,0,1,-1,1041,9007199254740991,-9007199254740991]',
    );
  });

  it.each([
    ['a fraction', 1.5],
    ['an unsafe integer', 2 ** 53],
    ['NaN', Number.NaN],
    ['Infinity', Number.POSITIVE_INFINITY],
    ['an undefined member', { a: undefined }],
    ['undefined in an array', [undefined]],
    ['undefined itself', undefined],
    ['a function', () => 1],
    ['a bigint', 1n],
    ['a symbol', Symbol('s')],
    ['a Date', new Date(0)],
    ['a Map', new Map()],
  ])('throws a TypeError for %s', (_label, value) => {
    expect(() => canonicalJson(value)).toThrow(TypeError);
  });

  it('takes objects without a prototype', () => {
    const value = Object.assign(Object.create(null) as object, { b: 1, a: 2 });
    expect(canonicalJson(value)).toBe('{"a":2,"b":1}');
  });

  it('round-trips every protocol value through JSON.parse, and the result is accepted as canonical', () => {
    fc.assert(
      fc.property(protocolValue, (value) => {
        const text = canonicalJson(value);
        expect(JSON.parse(text)).toEqual(value);
        expect(parseCanonicalJson(bytes(text), 'manifest_invalid')).toEqual(value);
        expect(canonicalJson(JSON.parse(text))).toBe(text);
      }),
    );
  });

  it('agrees with a plain reading of RFC 8785 on every protocol value, member names met before or not', () => {
    const reference = (value: unknown): string => {
      if (Array.isArray(value)) return `[${value.map(reference).join(',')}]`;
      if (value !== null && typeof value === 'object') {
        const record = value as Record<string, unknown>;
        return `{${Object.keys(record).sort().map((key) => `${JSON.stringify(key)}:${reference(record[key])}`).join(',')}}`;
      }
      return JSON.stringify(value);
    };
    // Names short and long, escaped or not, many times over: the same name always gets the same text.
    const name = fc.oneof(fc.constantFrom('id', 'payload', 'a"b', 'c\\d', '\u0000', '陈', '𠮷', '\ud800', 'x'.repeat(70)), fc.string({ unit: 'binary' }));
    const value = fc.letrec<{ value: unknown }>((tie) => ({
      value: fc.oneof(
        { depthSize: 'small' },
        fc.string({ unit: 'binary' }),
        fc.integer(),
        fc.constant(null),
        fc.array(tie('value'), { maxLength: 4 }),
        fc.dictionary(name, tie('value'), { maxKeys: 6 }),
      ),
    })).value;
    fc.assert(
      fc.property(value, (generated) => {
        expect(canonicalJson(generated)).toBe(reference(generated));
      }),
      { numRuns: 500 },
    );
    const manyNames = Object.fromEntries(Array.from({ length: 3_000 }, (_, index) => [`name ${index} "${index}"`, index]));
    expect(canonicalJson(manyNames)).toBe(reference(manyNames));
    expect(canonicalJson(manyNames)).toBe(reference(manyNames));
  });
});

describe('parseCanonicalJson', () => {
  it('returns the value of canonical bytes', () => {
    expect(parseCanonicalJson(bytes('{"a":[1,"陈"],"b":null}'), 'manifest_invalid')).toEqual({ a: [1, '陈'], b: null });
  });

  it('reads each text on its own: a refused one before it changes nothing', () => {
    const canonical = bytes('{"a":"陈"}');
    for (const broken of [Buffer.from([0x7b, 0xe9, 0x99]), Buffer.from([0xff]), bytes('\ufeff{"a":"陈"}')]) {
      expectRefusal(() => parseCanonicalJson(broken, 'manifest_invalid'), 'manifest_invalid');
      expect(parseCanonicalJson(canonical, 'manifest_invalid')).toEqual({ a: '陈' });
    }
  });

  it.each([
    ['white space', '{"a": 1}'],
    ['a trailing newline', '{"a":1}\n'],
    ['unsorted members', '{"b":1,"a":2}'],
    ['a duplicate key', '{"a":1,"a":1}'],
    ['a fraction', '{"a":1.5}'],
    ['a fraction spelled as an integer', '{"a":1.0}'],
    ['an exponent', '{"a":1e2}'],
    ['a negative zero', '{"a":-0}'],
    ['an integer beyond 2^53', '{"a":9007199254740993}'],
    ['an escaped slash', '{"a":"\\/"}'],
    ['an escaped letter', '{"a":"\\u0041"}'],
    ['upper-case hex', '{"a":"\\u001F"}'],
    ['an escaped Chinese character', '{"a":"\\u9648"}'],
    ['a byte-order mark', '\ufeff{"a":1}'],
    ['not JSON', '{"a":'],
    ['nothing', ''],
  ])('refuses %s with the code it is given', (_label, text) => {
    expectRefusal(() => parseCanonicalJson(bytes(text), 'manifest_invalid'), 'manifest_invalid');
  });

  it('refuses bytes that are not UTF-8', () => {
    expectRefusal(() => parseCanonicalJson(Buffer.from([0x22, 0xc3, 0x28, 0x22]), 'manifest_invalid'), 'manifest_invalid');
    expectRefusal(() => parseCanonicalJson(Buffer.from([0x22, 0xed, 0xa0, 0x80, 0x22]), 'payload_invalid'), 'payload_invalid');
  });

  it('throws nothing but a SyncProtocolError on any bytes', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 200 }), (random) => onlyRefuses(() => parseCanonicalJson(Buffer.from(random), 'manifest_invalid'))),
    );
    fc.assert(fc.property(fc.string({ unit: 'binary' }), (text) => onlyRefuses(() => parseCanonicalJson(bytes(text), 'manifest_invalid'))));
    onlyRefuses(() => parseCanonicalJson(bytes('['.repeat(100_000)), 'manifest_invalid'));
    onlyRefuses(() => parseCanonicalJson(bytes(`${'['.repeat(20_000)}${']'.repeat(20_000)}`), 'manifest_invalid'));
  });
});
