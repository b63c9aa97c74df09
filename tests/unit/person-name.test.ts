import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkPersonName } from '../../shared/validation/person-name';
import { maskName } from '../../shared/domain/masking';
import { validationReasons } from '../../shared/validation/reasons';

describe('person names', () => {
  it('accepts Chinese, Latin and dotted names', () => {
    expect(checkPersonName('张三')).toEqual({ ok: true, value: '张三' });
    expect(checkPersonName('  John   Smith ')).toEqual({ ok: true, value: 'John Smith' });
    expect(checkPersonName('阿依古丽·买买提')).toEqual({ ok: true, value: '阿依古丽·买买提' });
  });

  it('maps every look-alike dot to U+00B7 and drops spaces around it', () => {
    for (const dot of ['・', '･', '•', '‧', '∙', '⋅', '．']) {
      expect(checkPersonName(`买买提${dot}艾力`)).toEqual({ ok: true, value: '买买提·艾力' });
    }
    expect(checkPersonName('买买提 · 艾力')).toEqual({ ok: true, value: '买买提·艾力' });
  });

  it('counts a rare character outside the basic plane once', () => {
    const rare = '𠀀'; // U+20000, CJK Extension B: two UTF-16 units
    expect(rare.length).toBe(2);
    expect(checkPersonName(rare.repeat(50))).toEqual({ ok: true, value: rare.repeat(50) });
    expect(checkPersonName(rare.repeat(51))).toEqual({ ok: false, reason: 'name_too_long' });
  });

  it('names the reason of every rejection', () => {
    expect(checkPersonName('   ')).toEqual({ ok: false, reason: 'required' });
    expect(checkPersonName('张3')).toEqual({ ok: false, reason: 'name_digits' });
    expect(checkPersonName('张三!')).toEqual({ ok: false, reason: 'name_characters' });
    expect(checkPersonName('·张三')).toEqual({ ok: false, reason: 'name_dot_position' });
    expect(checkPersonName('张三·')).toEqual({ ok: false, reason: 'name_dot_position' });
    expect(checkPersonName('买买提··艾力')).toEqual({ ok: false, reason: 'name_dot_position' });
  });

  it('folds full-width Latin letters and spaces to ASCII, keeping the full-width full stop a middle dot', () => {
    expect(checkPersonName('Ａｎｎａ')).toEqual({ ok: true, value: 'Anna' });
    expect(checkPersonName('Ｊｏｈｎ\u3000Ｓｍｉｔｈ')).toEqual({ ok: true, value: 'John Smith' });
    expect(checkPersonName('Ｍａｒｙ－Ｊａｎｅ Ｏ＇Ｂｒｉｅｎ')).toEqual({ ok: true, value: "Mary-Jane O'Brien" });
    expect(checkPersonName('买买提．艾力')).toEqual({ ok: true, value: '买买提·艾力' });
    expect(checkPersonName('张３')).toEqual({ ok: false, reason: 'name_digits' });
  });

  it('accepts hyphens and apostrophes between Latin letters, as passports print them', () => {
    expect(checkPersonName('Jean-Luc Picard')).toEqual({ ok: true, value: 'Jean-Luc Picard' });
    expect(checkPersonName("O'Brien")).toEqual({ ok: true, value: "O'Brien" });
    expect(checkPersonName("D'Artagnan-Dupré")).toEqual({ ok: true, value: "D'Artagnan-Dupré" });
    for (const apostrophe of ['\u2019', '\u2018', '\u02BC', '\u2032']) {
      expect(checkPersonName(`O${apostrophe}Brien`)).toEqual({ ok: true, value: "O'Brien" });
    }
    for (const hyphen of ['\u2010', '\u2011', '\u2012', '\u2013', '\u2212', '\uFE63']) {
      expect(checkPersonName(`Jean${hyphen}Luc`)).toEqual({ ok: true, value: 'Jean-Luc' });
    }
    expect(checkPersonName('Jean - Luc')).toEqual({ ok: true, value: 'Jean-Luc' });
  });

  it('refuses hyphens and apostrophes that are not between two Latin letters', () => {
    for (const name of ['-', "'", "'-'", '-Picard', 'Picard-', "O'", "'Brien", 'Jean--Luc', "O''Brien", "Jean-'Luc", '张-三', '张三-', "O' Brien"]) {
      expect(checkPersonName(name), name).toEqual({ ok: false, reason: 'name_characters' });
    }
  });

  it('masks a name as its first character and a star', () => {
    expect(maskName('张三丰')).toBe('张*');
    expect(maskName('𠀀明')).toBe('𠀀*');
    expect(maskName('')).toBe('');
  });

  it('answers ok or a known reason for any string, and an accepted name has 1–50 code points and no digits', () => {
    const anyString = fc.oneof(
      fc.string({ unit: 'grapheme', maxLength: 60 }),
      // Every code point, the surrogate range included, so lone surrogates are tried too.
      fc.string({ unit: 'binary', maxLength: 60 }),
      fc.string({ unit: fc.integer({ min: 0, max: 0xffff }).map((code) => String.fromCharCode(code)), maxLength: 60 }),
      fc.stringMatching(/^[张李王阿依古丽买提 ·・•．A-Za-z0-9'’\-－Ａ-Ｚ]{0,60}$/),
      fc.string({ unit: fc.constantFrom('𠀀', '𪚥', '·', ' ', '张'), maxLength: 60 }),
    );
    fc.assert(
      fc.property(anyString, (input) => {
        // A throw fails the property as well, with the input that caused it.
        const result = checkPersonName(input);
        if (result.ok) {
          const length = Array.from(result.value).length;
          expect(length).toBeGreaterThanOrEqual(1);
          expect(length).toBeLessThanOrEqual(50);
          expect(result.value).not.toMatch(/\p{Nd}/u);
          expect(checkPersonName(result.value)).toEqual(result);
        } else {
          expect(validationReasons).toContain(result.reason);
        }
      }),
      { numRuns: 3000 },
    );
  });
});
