import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  MAX_SEQUENCE,
  formatRegistrationNumber,
  formatSerialNumber,
  parseRegistrationNumber,
  parseSerialNumber,
  serialDocuments,
  serialKindCodes,
  type SerialDocument,
} from '../../shared/domain/registration-number';

const stationCodes = fc.stringMatching(/^[A-Z0-9]{2,12}$/);
const years = fc.integer({ min: 1000, max: 9999 });
const sequences = fc.integer({ min: 1, max: MAX_SEQUENCE });

/** The ways a person may write a number: lower case, spaces, fullwidth characters, other dashes. */
function scribble(text: string, seed: number): string {
  const fullwidth = (character: string) =>
    /[!-~]/.test(character) ? String.fromCharCode(character.charCodeAt(0) + 0xfee0) : character;
  return Array.from(text)
    .map((character, index) => {
      switch ((seed + index * 7) % 5) {
        case 0:
          return character.toLowerCase();
        case 1:
          return fullwidth(character);
        case 2:
          return character === '-' ? '\u2013' : ` ${character}`;
        default:
          return character;
      }
    })
    .join('');
}

describe('registration numbers', () => {
  it('write station, year and R with a six-digit sequence', () => {
    expect(formatRegistrationNumber('KMU01', 2026, 123)).toBe('KMU01-2026-R000123');
    expect(formatRegistrationNumber('YN', 2026, MAX_SEQUENCE)).toBe('YN-2026-R999999');
  });

  it('refuse parts that cannot make a valid number', () => {
    for (const [code, year, sequence] of [
      ['kmu01', 2026, 1],
      ['KMU-01', 2026, 1],
      ['K', 2026, 1],
      ['KMU01', 26, 1],
      ['KMU01', 2026.5, 1],
      ['KMU01', 2026, 0],
      ['KMU01', 2026, -1],
      ['KMU01', 2026, 1.5],
      ['KMU01', 2026, MAX_SEQUENCE + 1],
    ] as const) {
      expect(() => formatRegistrationNumber(code, year, sequence), `${code} ${year} ${sequence}`).toThrow(RangeError);
    }
  });

  it('read numbers typed in lower case, with spaces or fullwidth characters', () => {
    const expected = { stationCode: 'KMU01', year: 2026, sequence: 123 };
    for (const text of ['KMU01-2026-R000123', 'kmu01-2026-r000123', ' KMU01 - 2026 - R000123 ', 'ＫＭＵ０１－２０２６－Ｒ０００１２３', 'KMU01\u20142026\u2013R000123']) {
      expect(parseRegistrationNumber(text), text).toEqual(expected);
    }
  });

  it('give null for malformed numbers', () => {
    for (const text of [
      '',
      'KMU01-2026-000123',
      'KMU01-2026-R123',
      'KMU01-2026-R0001234',
      'KMU01-2026-R000000',
      'KMU01-26-R000123',
      'KMU01-0999-R000123',
      'K-2026-R000123',
      'KMU01-2026-RCP-000123',
      'KMU01_2026_R000123',
      '\ud800',
    ]) {
      expect(parseRegistrationNumber(text), text).toBeNull();
    }
    expect(parseRegistrationNumber(undefined as unknown as string)).toBeNull();
  });

  it('round-trip through format and parse, however the number is written', () => {
    fc.assert(
      fc.property(stationCodes, years, sequences, fc.nat(), (stationCode, year, sequence, seed) => {
        const number = formatRegistrationNumber(stationCode, year, sequence);
        expect(number).toMatch(/^[A-Z0-9]{2,12}-\d{4}-R\d{6}$/);
        expect(parseRegistrationNumber(number)).toEqual({ stationCode, year, sequence });
        expect(parseRegistrationNumber(scribble(number, seed))).toEqual({ stationCode, year, sequence });
        expect(parseSerialNumber(number)).toBeNull();
      }),
      { numRuns: 500 },
    );
  });

  it('never throw on arbitrary text', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (text) => {
        const parsed = parseRegistrationNumber(text);
        if (parsed) expect(parseRegistrationNumber(formatRegistrationNumber(parsed.stationCode, parsed.year, parsed.sequence))).toEqual(parsed);
      }),
    );
  });
});

describe('document serial numbers', () => {
  it('have a distinct letters-only code per document', () => {
    const codes = serialDocuments.map((document) => serialKindCodes[document]);
    expect(new Set(codes).size).toBe(serialDocuments.length);
    for (const code of codes) expect(code).toMatch(/^[A-Z]{3,4}$/);
  });

  it('write station, year, kind and a six-digit sequence', () => {
    expect(formatSerialNumber('KMU01', 2026, 'receipt', 1)).toBe('KMU01-2026-RCP-000001');
    expect(formatSerialNumber('KMU01', 2026, 'donor_card', 2)).toBe('KMU01-2026-CARD-000002');
    expect(formatSerialNumber('KMU01', 2026, 'registration_certificate', 45)).toBe('KMU01-2026-CERT-000045');
    expect(formatSerialNumber('KMU01', 2026, 'memorial_certificate', 3)).toBe('KMU01-2026-MEM-000003');
    expect(formatSerialNumber('KMU01', 2026, 'honour_certificate', 4)).toBe('KMU01-2026-HON-000004');
    expect(formatSerialNumber('KMU01', 2026, 'attendance_certificate', 5)).toBe('KMU01-2026-ATT-000005');
    expect(() => formatSerialNumber('KMU01', 2026, 'letter' as SerialDocument, 1)).toThrow(RangeError);
    expect(() => formatSerialNumber('KMU01', 2026, 'receipt', 0)).toThrow(RangeError);
  });

  it('read serial numbers tolerantly and refuse unknown kinds', () => {
    expect(parseSerialNumber(' kmu01－２０２６－cert－000045 ')).toEqual({
      stationCode: 'KMU01',
      year: 2026,
      document: 'registration_certificate',
      sequence: 45,
    });
    for (const text of ['KMU01-2026-XYZ-000045', 'KMU01-2026-CERT-45', 'KMU01-2026-CERT-000000', 'KMU01-2026-R000045', 'KMU01-2026-CERT']) {
      expect(parseSerialNumber(text), text).toBeNull();
    }
  });

  it('round-trip through format and parse, however the number is written', () => {
    fc.assert(
      fc.property(stationCodes, years, fc.constantFrom(...serialDocuments), sequences, fc.nat(), (stationCode, year, document, sequence, seed) => {
        const serial = formatSerialNumber(stationCode, year, document, sequence);
        const parts = { stationCode, year, document, sequence };
        expect(parseSerialNumber(serial)).toEqual(parts);
        expect(parseSerialNumber(scribble(serial, seed))).toEqual(parts);
        expect(parseRegistrationNumber(serial)).toBeNull();
      }),
      { numRuns: 500 },
    );
  });

  it('give different serials for different parts', () => {
    fc.assert(
      fc.property(
        fc.tuple(stationCodes, years, fc.constantFrom(...serialDocuments), sequences),
        fc.tuple(stationCodes, years, fc.constantFrom(...serialDocuments), sequences),
        (a, b) => {
          fc.pre(a.join('|') !== b.join('|'));
          expect(formatSerialNumber(...a)).not.toBe(formatSerialNumber(...b));
        },
      ),
    );
  });
});
