import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { maskDocumentNumber, maskName, maskPhone } from '../../shared/domain/masking';

const length = (text: string) => Array.from(text).length;

describe('masking document numbers', () => {
  it('shows the first 6 and last 4 characters of an ID number', () => {
    expect(maskDocumentNumber('11010519491231002X')).toBe('110105********002X');
    expect(maskDocumentNumber('932682198501010017')).toBe('932682********0017');
    expect(maskDocumentNumber('CHN110019850101')).toBe('CHN110*****0101');
    expect(maskDocumentNumber('12345678901')).toBe('123456*8901');
  });

  it('shows at most 2 characters at each end, a quarter at most, of numbers of 10 or fewer', () => {
    expect(maskDocumentNumber('H1234567890')).toBe('H12345*7890');
    expect(maskDocumentNumber('H123456789')).toBe('H1******89');
    expect(maskDocumentNumber('E12345678')).toBe('E1*****78');
    expect(maskDocumentNumber('12345678')).toBe('12****78');
    expect(maskDocumentNumber('1234567')).toBe('1*****7');
    expect(maskDocumentNumber('AB1234')).toBe('A****4');
    expect(maskDocumentNumber('A1234')).toBe('A***4');
    expect(maskDocumentNumber('1234')).toBe('1**4');
    expect(maskDocumentNumber('123')).toBe('***');
    expect(maskDocumentNumber('1')).toBe('*');
    expect(maskDocumentNumber('')).toBe('');
  });

  it('counts characters outside the basic plane once and never splits them', () => {
    const rare = '𠀀';
    expect(maskDocumentNumber(`${rare}12345678901234567`)).toBe(`${rare}12345********4567`);
    expect(maskDocumentNumber(`12345678901234567${rare}`)).toBe(`123456********567${rare}`);
    expect(maskDocumentNumber(`${rare}${rare}${rare}`)).toBe('***');
    expect(maskDocumentNumber('\ud800123456789012345678')).toBe('\ud80012345*********5678');
  });
});

describe('masking phone numbers', () => {
  it('shows a mobile as 3 + **** + 4', () => {
    expect(maskPhone('13812345678')).toBe('138****5678');
  });

  it('keeps separators and shows the first 3 and last 4 digits of longer numbers', () => {
    expect(maskPhone('0871-65123456')).toBe('087*-****3456');
    expect(maskPhone('+85291234567')).toBe('+852****4567');
    expect(maskPhone('+86 138 1234 5678')).toBe('+86 1** **** 5678');
  });

  it('shows at most 2 digits at each end of shorter numbers', () => {
    expect(maskPhone('65123456')).toBe('65****56');
    expect(maskPhone('6512345')).toBe('6*****5');
    expect(maskPhone('110')).toBe('***');
    expect(maskPhone('')).toBe('');
  });

  it('hides a value made of separators only, and treats other characters as digits', () => {
    expect(maskPhone('+-  -')).toBe('*****');
    expect(maskPhone('𠀀𠀀𠀀𠀀𠀀')).toBe('𠀀***𠀀');
  });
});

describe('masking, for any input', () => {
  const anyString = fc.oneof(
    fc.string({ unit: 'grapheme', maxLength: 30 }),
    fc.string({ unit: 'binary', maxLength: 30 }),
    fc.string({ unit: fc.integer({ min: 0, max: 0xffff }).map((code) => String.fromCharCode(code)), maxLength: 30 }),
    fc.stringMatching(/^[0-9X +\-()]{0,24}$/),
  );
  const maskers = [maskDocumentNumber, maskPhone];

  it('keeps the code-point length and never shows a whole value of 5 characters or more', () => {
    fc.assert(
      fc.property(anyString, (input) => {
        // An input already made of stars would "mask" to itself without revealing anything.
        fc.pre(!input.includes('*'));
        for (const mask of maskers) {
          const masked = mask(input);
          expect(length(masked)).toBe(length(input));
          if (length(input) >= 5) expect(masked.includes(input)).toBe(false);
        }
        expect(length(maskName(input))).toBe(input === '' ? 0 : 2);
      }),
      { numRuns: 2000 },
    );
  });

  it('hides at least half of a short value and only ever writes stars over it', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', minLength: 1, maxLength: 10 }), (input) => {
        fc.pre(!input.includes('*'));
        const original = Array.from(input);
        const masked = Array.from(maskDocumentNumber(input));
        masked.forEach((character, index) => expect(character === '*' || character === original[index]).toBe(true));
        expect(masked.filter((character) => character === '*').length).toBeGreaterThanOrEqual(original.length / 2);
      }),
    );
  });
});
