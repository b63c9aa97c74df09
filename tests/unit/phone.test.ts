import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { mobilePhone, optionalMobilePhone, phoneNumber } from '../../shared/validation/identity-fields';
import { checkMobile, checkPhone, type PhoneCheck, type PhoneOptions } from '../../shared/validation/phone';
import { validationReasons } from '../../shared/validation/reasons';

const everything: PhoneOptions = { allowLandline: true, allowForeign: true };

function reasonOf(result: PhoneCheck): string | null {
  return result.ok ? null : result.reason;
}

describe('mobile numbers', () => {
  it('accept 1[3-9] and nine more digits', () => {
    for (const number of ['13012345678', '13812345678', '14512345678', '15912345678', '16612345678', '17712345678', '18812345678', '19912345678']) {
      expect(checkMobile(number), number).toEqual({ ok: true, kind: 'mobile', value: number });
    }
  });

  it('strip +86, 0086 and 86 before 11 digits, spaces and hyphens', () => {
    const expected = { ok: true, kind: 'mobile', value: '13812345678' };
    for (const raw of [
      '+86 138 1234 5678',
      '+8613812345678',
      '0086 13812345678',
      '0086-138-1234-5678',
      '86 13812345678',
      '8613812345678',
      '(+86) 138-1234-5678',
      '  138 1234 5678  ',
      '138\u30001234\u00a05678',
      '138\u20141234\u20135678',
      '＋８６ １３８ １２３４ ５６７８',
      '１３８１２３４５６７８',
      '\u200b13812345678\ufeff',
    ]) {
      expect(checkMobile(raw), raw).toEqual(expected);
    }
  });

  it('name the reason of every rejection', () => {
    expect(reasonOf(checkMobile(''))).toBe('required');
    expect(reasonOf(checkMobile('  - '))).toBe('required');
    expect(reasonOf(checkMobile('12812345678'))).toBe('mobile_format');
    expect(reasonOf(checkMobile('10812345678'))).toBe('mobile_format');
    expect(reasonOf(checkMobile('1381234567'))).toBe('mobile_format');
    expect(reasonOf(checkMobile('138123456789'))).toBe('mobile_format');
    expect(reasonOf(checkMobile('23812345678'))).toBe('mobile_format');
    expect(reasonOf(checkMobile('861381234567'))).toBe('mobile_format');
    expect(reasonOf(checkMobile('13812345678转8'))).toBe('mobile_format');
    expect(reasonOf(checkMobile('138-1234-567a'))).toBe('phone_characters');
    expect(reasonOf(checkMobile('138.1234.5678'))).toBe('phone_characters');
    expect(reasonOf(checkMobile('+86+13812345678'))).toBe('phone_characters');
    expect(reasonOf(checkMobile('0871-65123456'))).toBe('phone_landline_not_allowed');
    expect(reasonOf(checkMobile('+852 9123 4567'))).toBe('phone_foreign_not_allowed');
    expect(reasonOf(checkMobile('+86 871 6512 3456'))).toBe('phone_landline_not_allowed');
  });
});

describe('landlines', () => {
  it('accept area code and 7–8 digits, with an optional extension', () => {
    expect(checkPhone('0871-65123456', everything)).toEqual({ ok: true, kind: 'landline', value: '0871-65123456' });
    expect(checkPhone('(0871) 6512 3456', everything)).toEqual({ ok: true, kind: 'landline', value: '0871-65123456' });
    expect(checkPhone('010-85123456', everything)).toEqual({ ok: true, kind: 'landline', value: '010-85123456' });
    expect(checkPhone('02165123456', everything)).toEqual({ ok: true, kind: 'landline', value: '021-65123456' });
    expect(checkPhone('0691-2123456', everything)).toEqual({ ok: true, kind: 'landline', value: '0691-2123456' });
    expect(checkPhone('0871-65123456转801', everything)).toEqual({ ok: true, kind: 'landline', value: '0871-65123456', extension: '801' });
    expect(checkPhone('0871-65123456 分机 801', everything)).toEqual({ ok: true, kind: 'landline', value: '0871-65123456', extension: '801' });
    expect(checkPhone('0871-65123456 ext. 801', everything)).toMatchObject({ ok: true, extension: '801' });
    expect(checkPhone('0871-65123456x801', everything)).toMatchObject({ ok: true, extension: '801' });
    expect(checkPhone('0871-65123456#801', everything)).toMatchObject({ ok: true, extension: '801' });
    expect(checkPhone('0871-6512345-801', everything)).toEqual({ ok: true, kind: 'landline', value: '0871-6512345', extension: '801' });
  });

  it('accept the international form of a landline', () => {
    expect(checkPhone('+86 10 8512 3456', everything)).toEqual({ ok: true, kind: 'landline', value: '010-85123456' });
    expect(checkPhone('+86 871 6512 3456', everything)).toEqual({ ok: true, kind: 'landline', value: '0871-65123456' });
    expect(checkPhone('0086 (0)871 6512 3456', everything)).toEqual({ ok: true, kind: 'landline', value: '0871-65123456' });
  });

  it('name the reason of every rejection', () => {
    expect(reasonOf(checkPhone('65123456', everything))).toBe('landline_format');
    expect(reasonOf(checkPhone('0871-123456', everything))).toBe('landline_format');
    expect(reasonOf(checkPhone('0871-651234567', everything))).toBe('landline_format');
    expect(reasonOf(checkPhone('0871-05123456', everything))).toBe('landline_format');
    expect(reasonOf(checkPhone('011-85123456', everything))).toBe('landline_format');
    expect(reasonOf(checkPhone('0871-65123456', { allowForeign: true }))).toBe('phone_landline_not_allowed');
    expect(reasonOf(checkPhone('0871-65123456', {}))).toBe('phone_landline_not_allowed');
    expect(reasonOf(checkPhone('65123456'))).toBe('mobile_format');
  });

  it('still accept mobiles', () => {
    expect(checkPhone('+86 138 1234 5678', everything)).toEqual({ ok: true, kind: 'mobile', value: '13812345678' });
  });
});

describe('foreign numbers', () => {
  it('accept + or 00, a country code other than 86 and the number', () => {
    expect(checkPhone('+852 9123 4567', everything)).toEqual({ ok: true, kind: 'foreign', value: '+85291234567' });
    expect(checkPhone('00852 9123 4567', everything)).toEqual({ ok: true, kind: 'foreign', value: '+85291234567' });
    expect(checkPhone('+1 (202) 555-0142', { allowForeign: true })).toEqual({ ok: true, kind: 'foreign', value: '+12025550142' });
    expect(checkPhone('+886 912 345 678', everything)).toEqual({ ok: true, kind: 'foreign', value: '+886912345678' });
    expect(checkPhone('＋４４ ２０ ７９４６ ００００', everything)).toEqual({ ok: true, kind: 'foreign', value: '+442079460000' });
  });

  it('name the reason of every rejection', () => {
    expect(reasonOf(checkPhone('+852 9123 4567', { allowLandline: true }))).toBe('phone_foreign_not_allowed');
    expect(reasonOf(checkPhone('+1 23456', everything))).toBe('foreign_phone_format');
    expect(reasonOf(checkPhone('+1234567890123456', everything))).toBe('foreign_phone_format');
    expect(reasonOf(checkPhone('+0123456789', everything))).toBe('foreign_phone_format');
    expect(reasonOf(checkPhone('+852 9123 4567 ext 1', everything))).toBe('foreign_phone_format');
    expect(reasonOf(checkPhone('+852 phone', everything))).toBe('phone_characters');
  });
});

describe('every phone reason', () => {
  it('is produced by some input', () => {
    const produced = new Set<string>();
    for (const [raw, options] of [
      ['', {}],
      ['abc', {}],
      ['12345', {}],
      ['0871-1', everything],
      ['+1 2', everything],
      ['010-85123456', {}],
      ['+852 91234567', {}],
    ] as const) {
      const result = checkPhone(raw, options);
      if (!result.ok) produced.add(result.reason);
    }
    const phoneReasons = [
      'required',
      'phone_characters',
      'mobile_format',
      'landline_format',
      'foreign_phone_format',
      'phone_landline_not_allowed',
      'phone_foreign_not_allowed',
    ];
    expect([...produced].sort()).toEqual([...phoneReasons].sort());
    for (const reason of phoneReasons) expect(validationReasons).toContain(reason);
  });
});

describe('hostile input', () => {
  const hostile = [
    '\u0000',
    '\ud800',
    '13812345678\udc00',
    '😀😀😀',
    "13812345678'; DROP TABLE contact; --",
    '<script>alert(1)</script>',
    '1'.repeat(10_000),
    '转'.repeat(10_000),
    '0'.repeat(10_000) + '转1',
    ' '.repeat(10_000),
    '+'.repeat(10_000),
    '\u202e13812345678',
  ];

  it('never throws and always answers with a result', () => {
    for (const raw of hostile) {
      for (const options of [{}, { allowLandline: true }, { allowForeign: true }, everything]) {
        expect(typeof checkPhone(raw, options).ok).toBe('boolean');
      }
      expect(typeof checkMobile(raw).ok).toBe('boolean');
    }
    expect(reasonOf(checkMobile('1'.repeat(10_000)))).toBe('mobile_format');
    expect(reasonOf(checkMobile(' '.repeat(10_000)))).toBe('required');
  });

  it('copes with values that are not strings from untyped callers', () => {
    for (const value of [undefined, null, 13812345678, {}, []]) {
      expect(checkMobile(value as unknown as string).ok).toBe(false);
      expect(checkPhone(value as unknown as string, everything).ok).toBe(false);
    }
  });

  it('answers every check function for arbitrary strings', () => {
    const anyString = fc.oneof(
      fc.string({ unit: 'grapheme', maxLength: 30 }),
      fc.string({ unit: 'binary', maxLength: 30 }),
      fc.string({ unit: 'binary-ascii', maxLength: 30 }),
      fc.string({ unit: fc.integer({ min: 0, max: 0xffff }).map((code) => String.fromCharCode(code)), maxLength: 30 }),
      fc.stringMatching(/^[0-9+\-() 转x#]{0,20}$/),
    );
    const options = fc.record({ allowLandline: fc.boolean(), allowForeign: fc.boolean() });
    fc.assert(
      fc.property(anyString, options, (raw, chosen) => {
        const result = checkPhone(raw, chosen);
        if (result.ok) {
          if (result.kind === 'mobile') expect(result.value).toMatch(/^1[3-9]\d{9}$/);
          if (result.kind === 'landline') expect(chosen.allowLandline && /^0\d{2,3}-[2-9]\d{6,7}$/.test(result.value)).toBe(true);
          if (result.kind === 'foreign') expect(chosen.allowForeign && /^\+[1-9]\d{6,14}$/.test(result.value) && !result.value.startsWith('+86')).toBe(true);
        } else {
          expect(validationReasons).toContain(result.reason);
        }
        const mobile = checkMobile(raw);
        expect(mobile.ok === false || mobile.kind === 'mobile').toBe(true);
      }),
      { numRuns: 2000 },
    );
  });

  it('accepts every well-formed mobile in any common spelling', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^1[3-9]\d{9}$/), fc.constantFrom('', '+86', '0086', '86', '+86 ', '(+86)'), (number, prefix) => {
        const spaced = `${prefix}${number.slice(0, 3)} ${number.slice(3, 7)}-${number.slice(7)}`;
        expect(checkMobile(spaced)).toEqual({ ok: true, kind: 'mobile', value: number });
      }),
    );
  });
});

describe('phone fields', () => {
  it('store a mobile as its 11 digits and report reasons as messages', () => {
    expect(mobilePhone.parse('+86 138-1234-5678')).toBe('13812345678');
    expect(mobilePhone.safeParse('0871-65123456').error?.issues.map((issue) => issue.message)).toEqual(['phone_landline_not_allowed']);
    expect(mobilePhone.safeParse(undefined).error?.issues.map((issue) => issue.message)).toEqual(['required']);
    expect(optionalMobilePhone.parse(undefined)).toBeNull();
    expect(optionalMobilePhone.parse('  ')).toBeNull();
    expect(optionalMobilePhone.parse('13812345678')).toBe('13812345678');
    expect(optionalMobilePhone.safeParse('123').error?.issues.map((issue) => issue.message)).toEqual(['mobile_format']);
  });

  it('accept what the options allow', () => {
    expect(phoneNumber(everything).parse('0871-65123456转801')).toEqual({ kind: 'landline', value: '0871-65123456', extension: '801' });
    expect(phoneNumber({}).safeParse('+852 9123 4567').error?.issues.map((issue) => issue.message)).toEqual(['phone_foreign_not_allowed']);
  });
});
