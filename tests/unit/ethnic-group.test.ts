import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  checkEthnicGroup,
  checkEthnicGroupCode,
  ethnicGroupRule,
  ethnicGroups,
  findEthnicGroup,
} from '../../shared/validation/ethnic-group';
import { ethnicGroupCode } from '../../shared/validation/identity-fields';
import { documentKinds, type DocumentKind } from '../../shared/validation/identity-document';
import { validationReasons } from '../../shared/validation/reasons';

describe('ethnic groups', () => {
  it('are the 56 groups of GB/T 3304 with codes 01–56 and both names', () => {
    expect(ethnicGroups).toHaveLength(56);
    expect(ethnicGroups.map((group) => group.code)).toEqual(Array.from({ length: 56 }, (_, index) => String(index + 1).padStart(2, '0')));
    for (const group of ethnicGroups) {
      expect(group.zh).toMatch(/族$/);
      expect(group.en.trim()).not.toBe('');
    }
    expect(findEthnicGroup('01')).toEqual({ code: '01', zh: '汉族', en: 'Han' });
    expect(findEthnicGroup('57')).toBeUndefined();
  });

  it('depend on the document: required for resident IDs, empty for foreigners, optional otherwise', () => {
    const rules = Object.fromEntries(documentKinds.map((kind) => [kind, ethnicGroupRule(kind)]));
    expect(rules).toEqual({
      resident_id: 'required',
      residence_permit: 'optional',
      foreign_permanent_2023: 'empty',
      foreign_permanent_2017: 'empty',
      passport: 'optional',
      hk_macao_travel_permit: 'optional',
      taiwan_travel_permit: 'optional',
    });
  });

  it('are required and must be known for a resident ID', () => {
    expect(checkEthnicGroup('01', 'resident_id')).toEqual({ ok: true, value: '01' });
    expect(checkEthnicGroup('56', 'resident_id')).toEqual({ ok: true, value: '56' });
    expect(checkEthnicGroup(' ０５ ', 'resident_id')).toEqual({ ok: true, value: '05' });
    expect(checkEthnicGroup('5', 'resident_id')).toEqual({ ok: true, value: '05' });
    expect(checkEthnicGroup('', 'resident_id')).toEqual({ ok: false, reason: 'required' });
    expect(checkEthnicGroup('   ', 'resident_id')).toEqual({ ok: false, reason: 'required' });
    expect(checkEthnicGroup(null, 'resident_id')).toEqual({ ok: false, reason: 'required' });
    expect(checkEthnicGroup(undefined, 'resident_id')).toEqual({ ok: false, reason: 'required' });
    for (const code of ['00', '57', '97', '98', '99', '001', '0', '汉族', 'Han', '1a']) {
      expect(checkEthnicGroup(code, 'resident_id'), code).toEqual({ ok: false, reason: 'ethnic_group_unknown' });
    }
  });

  it('must be empty for foreigners’ cards', () => {
    for (const kind of ['foreign_permanent_2023', 'foreign_permanent_2017'] as const) {
      expect(checkEthnicGroup('', kind)).toEqual({ ok: true, value: null });
      expect(checkEthnicGroup(null, kind)).toEqual({ ok: true, value: null });
      expect(checkEthnicGroup('01', kind)).toEqual({ ok: false, reason: 'ethnic_group_not_applicable' });
      expect(checkEthnicGroup('99', kind)).toEqual({ ok: false, reason: 'ethnic_group_not_applicable' });
    }
  });

  it('are optional for passports and the Hong Kong, Macao and Taiwan documents', () => {
    for (const kind of ['passport', 'residence_permit', 'hk_macao_travel_permit', 'taiwan_travel_permit'] as const) {
      expect(checkEthnicGroup('', kind)).toEqual({ ok: true, value: null });
      expect(checkEthnicGroup('01', kind)).toEqual({ ok: true, value: '01' });
      expect(checkEthnicGroup('77', kind)).toEqual({ ok: false, reason: 'ethnic_group_unknown' });
    }
  });

  it('check a code on its own', () => {
    expect(checkEthnicGroupCode('')).toEqual({ ok: true, value: null });
    expect(checkEthnicGroupCode('12')).toEqual({ ok: true, value: '12' });
    expect(checkEthnicGroupCode('60')).toEqual({ ok: false, reason: 'ethnic_group_unknown' });
    expect(ethnicGroupCode.parse(undefined)).toBeNull();
    expect(ethnicGroupCode.parse('3')).toBe('03');
    expect(ethnicGroupCode.safeParse('60').error?.issues.map((issue) => issue.message)).toEqual(['ethnic_group_unknown']);
  });

  it('never throw on hostile or arbitrary input', () => {
    const hostile = ['\u0000', '\ud800', '😀', "01'; DROP TABLE person; --", '<b>01</b>', '0'.repeat(10_000), '__proto__', 'constructor', 'toString'];
    for (const code of hostile) {
      for (const kind of documentKinds) expect(typeof checkEthnicGroup(code, kind).ok).toBe('boolean');
    }
    expect(checkEthnicGroup('__proto__', 'resident_id')).toEqual({ ok: false, reason: 'ethnic_group_unknown' });
    expect(checkEthnicGroup(42 as unknown as string, 'resident_id')).toEqual({ ok: false, reason: 'required' });
    expect(checkEthnicGroup('01', 'unknown' as DocumentKind)).toEqual({ ok: true, value: '01' });
    const anyString = fc.oneof(
      fc.string({ unit: 'grapheme', maxLength: 10 }),
      fc.string({ unit: 'binary', maxLength: 10 }),
      fc.string({ unit: fc.integer({ min: 0, max: 0xffff }).map((code) => String.fromCharCode(code)), maxLength: 10 }),
      fc.stringMatching(/^\s*\d{1,3}\s*$/),
    );
    fc.assert(
      fc.property(anyString, fc.constantFrom(...documentKinds), (code, kind) => {
        const result = checkEthnicGroup(code, kind);
        if (result.ok) expect(result.value === null || findEthnicGroup(result.value) !== undefined).toBe(true);
        else expect(validationReasons).toContain(result.reason);
        expect(typeof checkEthnicGroupCode(code).ok).toBe('boolean');
      }),
      { numRuns: 2000 },
    );
  });
});
