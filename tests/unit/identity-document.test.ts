import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  checkCharacter,
  checkDocument,
  checkDocumentAgreement,
  detectDocumentKind,
  documentKinds,
  normalizeDocumentNumber,
  type DocumentCheck,
  type DocumentKind,
} from '../../shared/validation/identity-document';
import { identityDocument, personIdentity } from '../../shared/validation/identity-fields';
import { validationReasons } from '../../shared/validation/reasons';

/**
 * The ISO 7064 MOD 11-2 check character, computed independently of the module: the weight of the
 * digit n places from the right (the check character being place 1) is 2^(n-1) mod 11, and the check
 * value c makes the weighted sum plus c equal 1 modulo 11; 10 is written X.
 */
function withCheck(first17: string): string {
  let sum = 0;
  for (let index = 0; index < 17; index += 1) {
    const weight = 2 ** (17 - index) % 11;
    sum += Number(first17[index]) * weight;
  }
  const value = (12 - (sum % 11)) % 11;
  return first17 + (value === 10 ? 'X' : String(value));
}

function residentId(province: string, yyyymmdd: string, sequence = '123', area = '0102'): string {
  return withCheck(`${province}${area}${yyyymmdd}${sequence}`);
}

/** A fixed "today" so that date checks do not depend on when the tests run. */
const today = new Date(2024, 5, 15, 12, 0, 0);

function check(kind: DocumentKind, raw: string): DocumentCheck {
  return checkDocument(kind, raw, { today });
}

function reasonOf(result: DocumentCheck): string | null {
  return result.ok ? null : result.reason;
}

const mainlandProvinces = [
  '11', '12', '13', '14', '15', '21', '22', '23', '31', '32', '33', '34', '35', '36', '37', '41', '42', '43', '44',
  '45', '46', '50', '51', '52', '53', '54', '61', '62', '63', '64', '65',
];

const hostileInputs = [
  '',
  ' ',
  '\u0000',
  '\u0000'.repeat(18),
  '\t\n\r\v\f',
  '\u0007\u001b[31m110105194912310021',
  '\ud800',
  '\udfff110105194912310021',
  '11010519491231002\ud800',
  '😀'.repeat(18),
  '👨‍👩‍👧‍👦',
  '１'.repeat(10_000),
  '1'.repeat(10_000),
  'x'.repeat(10_000),
  '-'.repeat(10_000),
  '\u200b'.repeat(10_000),
  "110105194912310021'; DROP TABLE registration; --",
  "' OR '1'='1",
  '<script>alert(1)</script>',
  '<img src=x onerror=alert(1)>',
  '${process.exit(1)}',
  '{{constructor.constructor("return this")()}}',
  '__proto__',
  'constructor',
  '%00%0d%0a',
  '\u202e110105194912310021',
  'ﷺ',
  '㍿',
];

describe('document kinds', () => {
  it('are the documented list', () => {
    expect(documentKinds).toEqual([
      'resident_id',
      'residence_permit',
      'foreign_permanent_2023',
      'foreign_permanent_2017',
      'passport',
      'hk_macao_travel_permit',
      'taiwan_travel_permit',
    ]);
  });
});

describe('public sample numbers', () => {
  it('validate the 2023 permanent residence cards and derive their details', () => {
    expect(check('foreign_permanent_2023', '932682198501010017')).toEqual({
      ok: true,
      kind: 'foreign_permanent_2023',
      normalized: '932682198501010017',
      birthDate: '1985-01-01',
      sex: 'male',
      provinceCode: '32',
      nationality: '682',
    });
    expect(check('foreign_permanent_2023', '911124198108030024')).toEqual({
      ok: true,
      kind: 'foreign_permanent_2023',
      normalized: '911124198108030024',
      birthDate: '1981-08-03',
      sex: 'female',
      provinceCode: '11',
      nationality: '124',
    });
  });

  it('validate the Hong Kong residence permit', () => {
    expect(check('residence_permit', '810000199408230021')).toEqual({
      ok: true,
      kind: 'residence_permit',
      normalized: '810000199408230021',
      birthDate: '1994-08-23',
      sex: 'female',
      homeRegion: 'hong_kong',
    });
  });

  it('validate without a given day too', () => {
    for (const [kind, number] of [
      ['foreign_permanent_2023', '932682198501010017'],
      ['foreign_permanent_2023', '911124198108030024'],
      ['residence_permit', '810000199408230021'],
    ] as const) {
      expect(checkDocument(kind, number).ok).toBe(true);
    }
  });
});

describe('check character', () => {
  it('matches the standard example and the samples', () => {
    expect(checkCharacter('11010519491231002')).toBe('X');
    expect(checkCharacter('93268219850101001')).toBe('7');
    expect(checkCharacter('91112419810803002')).toBe('4');
    expect(checkCharacter('81000019940823002')).toBe('1');
  });

  it('agrees with an independent computation', () => {
    const numbers = [
      '44030419900101001',
      '53010219751205123',
      '65010219000101000',
      '11000020240615999',
      '00000000000000000',
      '99999999999999999',
      '12345678901234567',
    ];
    for (const first17 of numbers) expect(first17 + checkCharacter(first17)).toBe(withCheck(first17));
    fc.assert(
      fc.property(fc.stringMatching(/^\d{17}$/), (first17) => first17 + checkCharacter(first17) === withCheck(first17)),
    );
  });

  it('covers every value 0–9 and X', () => {
    const seen = new Set<string>();
    for (let sequence = 0; sequence < 200; sequence += 1) {
      seen.add(checkCharacter(`11010519800101${String(sequence).padStart(3, '0')}`) ?? '');
    }
    expect([...seen].sort()).toEqual(['0', '1', '2', '3', '4', '5', '6', '7', '8', '9', 'X']);
  });

  it('is null for anything but 17 digits', () => {
    expect(checkCharacter('1101051949123100')).toBeNull();
    expect(checkCharacter('110105194912310021')).toBeNull();
    expect(checkCharacter('1101051949123100A')).toBeNull();
    expect(checkCharacter('１１０１０５１９４９１２３１００２')).toBeNull();
  });
});

describe('resident ID numbers', () => {
  it('derive birth date, sex and province', () => {
    expect(check('resident_id', '11010519491231002X')).toEqual({
      ok: true,
      kind: 'resident_id',
      normalized: '11010519491231002X',
      birthDate: '1949-12-31',
      sex: 'female',
      provinceCode: '11',
    });
    const man = residentId('53', '19800229', '015');
    expect(check('resident_id', man)).toMatchObject({ ok: true, birthDate: '1980-02-29', sex: 'male', provinceCode: '53' });
    const woman = residentId('65', '20011109', '020');
    expect(check('resident_id', woman)).toMatchObject({ ok: true, birthDate: '2001-11-09', sex: 'female', provinceCode: '65' });
  });

  it('normalise fullwidth digits, spaces, hyphens and a lower-case x', () => {
    const expected = { ok: true, normalized: '11010519491231002X' };
    expect(check('resident_id', '１１０１０５１９４９１２３１００２Ｘ')).toMatchObject(expected);
    expect(check('resident_id', '11010519491231002x')).toMatchObject(expected);
    expect(check('resident_id', '１１０１０５１９４９１２３１００２ｘ')).toMatchObject(expected);
    expect(check('resident_id', '  110105 19491231 002x  ')).toMatchObject(expected);
    expect(check('resident_id', '110105-19491231-002X')).toMatchObject(expected);
    expect(check('resident_id', '110105\u300019491231\u00a0002\u2009X')).toMatchObject(expected);
    expect(check('resident_id', '110105\u201319491231\u2014002\u2212X')).toMatchObject(expected);
    expect(check('resident_id', '110105\uff0d19491231\u2010002X')).toMatchObject(expected);
    expect(check('resident_id', '\ufeff110105\u200b19491231002X\u200d')).toMatchObject(expected);
    expect(check('resident_id', '\t110105\n19491231\r\n002X')).toMatchObject(expected);
  });

  it('normalise numbers for storage', () => {
    expect(normalizeDocumentNumber(' １１０１０５-１９４９１２３１ ００２ｘ ')).toBe('11010519491231002X');
    expect(normalizeDocumentNumber('e 1234 5678')).toBe('E12345678');
    expect(normalizeDocumentNumber('ｋａｚ110090123105')).toBe('KAZ110090123105');
    expect(normalizeDocumentNumber('')).toBe('');
  });

  it('know leap years', () => {
    expect(reasonOf(check('resident_id', residentId('11', '20000229')))).toBeNull();
    expect(reasonOf(check('resident_id', residentId('11', '20040229')))).toBeNull();
    expect(reasonOf(check('resident_id', residentId('11', '19960229')))).toBeNull();
    expect(reasonOf(check('resident_id', residentId('11', '20030229')))).toBe('id_birth_date');
    expect(reasonOf(check('resident_id', residentId('11', '19000229')))).toBe('id_birth_date');
    expect(reasonOf(check('resident_id', residentId('11', '20230229')))).toBe('id_birth_date');
  });

  it('reject days that do not exist', () => {
    for (const date of ['19900230', '19900231', '19900431', '19900631', '19900931', '19901131', '19900001', '19901301', '19900100', '19900132', '19909999']) {
      expect(reasonOf(check('resident_id', residentId('11', date))), date).toBe('id_birth_date');
    }
    for (const date of ['19900131', '19900331', '19900430', '19901231']) {
      expect(reasonOf(check('resident_id', residentId('11', date))), date).toBeNull();
    }
  });

  it('reject birth dates in the future and before 1900', () => {
    expect(reasonOf(check('resident_id', residentId('11', '20240615')))).toBeNull();
    expect(reasonOf(check('resident_id', residentId('11', '20240616')))).toBe('id_birth_date_future');
    expect(reasonOf(check('resident_id', residentId('11', '20250101')))).toBe('id_birth_date_future');
    expect(reasonOf(check('resident_id', residentId('11', '21000101')))).toBe('id_birth_date_future');
    expect(reasonOf(check('resident_id', residentId('11', '19000101')))).toBeNull();
    expect(reasonOf(check('resident_id', residentId('11', '18991231')))).toBe('id_birth_date_too_early');
    expect(reasonOf(check('resident_id', residentId('11', '18000101')))).toBe('id_birth_date_too_early');
  });

  it('compare the birth date with the day given', () => {
    const number = residentId('11', '20240616');
    expect(reasonOf(checkDocument('resident_id', number, { today: new Date(2024, 5, 16, 0, 0, 1) }))).toBeNull();
    expect(reasonOf(checkDocument('resident_id', number, { today: new Date(2024, 5, 15, 23, 59, 59) }))).toBe('id_birth_date_future');
    expect(reasonOf(checkDocument('resident_id', number, { today: new Date(Number.NaN) }))).toBeNull();
  });

  it('accept every mainland province code and reject other first two digits', () => {
    for (const province of mainlandProvinces) {
      expect(reasonOf(check('resident_id', residentId(province, '19800101'))), province).toBeNull();
    }
    for (const province of ['00', '10', '16', '20', '30', '38', '40', '47', '55', '60', '66', '70', '71', '81', '82', '83', '90', '91', '99']) {
      expect(reasonOf(check('resident_id', residentId(province, '19800101'))), province).toBe('id_region');
    }
  });

  it('reject the Hong Kong residence permit as a resident ID', () => {
    expect(reasonOf(check('resident_id', '810000199408230021'))).toBe('id_region');
  });

  it('name the 18-digit form for an old 15-digit number', () => {
    expect(reasonOf(check('resident_id', '110105491231002'))).toBe('id_legacy_15_digit');
    expect(reasonOf(check('resident_id', '１１０１０５ ４９１２３１ ００２'))).toBe('id_legacy_15_digit');
    expect(reasonOf(check('resident_id', '11010549123100X'))).toBe('id_length');
  });

  it('name length, character and check-character errors', () => {
    expect(reasonOf(check('resident_id', '11010519491231002'))).toBe('id_length');
    expect(reasonOf(check('resident_id', '11010519491231002X1'))).toBe('id_length');
    expect(reasonOf(check('resident_id', '1101051949'))).toBe('id_length');
    expect(reasonOf(check('resident_id', '11010519491231002Y'))).toBe('id_characters');
    expect(reasonOf(check('resident_id', '1101051949123X0021'))).toBe('id_characters');
    expect(reasonOf(check('resident_id', 'X10105194912310021'))).toBe('id_characters');
    expect(reasonOf(check('resident_id', '110105 1949.12.31 0021'))).toBe('id_characters');
    expect(reasonOf(check('resident_id', '110105194912310021'))).toBe('id_check_character');
    expect(reasonOf(check('resident_id', '110105194912310029'))).toBe('id_check_character');
    expect(reasonOf(check('resident_id', ''))).toBe('required');
    expect(reasonOf(check('resident_id', ' \u3000 - '))).toBe('required');
  });

  it('accept any valid generated number and derive the same date and sex', () => {
    const province = fc.constantFrom(...mainlandProvinces);
    const birth = fc.date({ min: new Date(1900, 0, 1), max: new Date(), noInvalidDate: true });
    const sequence = fc.integer({ min: 0, max: 999 });
    const area = fc.integer({ min: 0, max: 9999 });
    fc.assert(
      fc.property(province, area, birth, sequence, (code, areaNumber, date, sequenceNumber) => {
        const yyyy = String(date.getFullYear()).padStart(4, '0');
        const mm = String(date.getMonth() + 1).padStart(2, '0');
        const dd = String(date.getDate()).padStart(2, '0');
        const number = residentId(code, `${yyyy}${mm}${dd}`, String(sequenceNumber).padStart(3, '0'), String(areaNumber).padStart(4, '0'));
        const result = checkDocument('resident_id', number);
        expect(result).toEqual({
          ok: true,
          kind: 'resident_id',
          normalized: number,
          birthDate: `${yyyy}-${mm}-${dd}`,
          sex: sequenceNumber % 2 === 1 ? 'male' : 'female',
          provinceCode: code,
        });
        expect(detectDocumentKind(number)).toBe('resident_id');
      }),
      { numRuns: 500 },
    );
  });

  it('reject a valid number with any single character changed', () => {
    const valid = fc
      .record({
        province: fc.constantFrom(...mainlandProvinces),
        date: fc.date({ min: new Date(1900, 0, 1), max: new Date(2020, 11, 31), noInvalidDate: true }),
        sequence: fc.integer({ min: 0, max: 999 }),
      })
      .map(({ province, date, sequence }) =>
        residentId(
          province,
          `${date.getFullYear()}${String(date.getMonth() + 1).padStart(2, '0')}${String(date.getDate()).padStart(2, '0')}`,
          String(sequence).padStart(3, '0'),
        ),
      );
    fc.assert(
      fc.property(valid, fc.integer({ min: 0, max: 17 }), fc.integer({ min: 1, max: 10 }), (number, position, shift) => {
        expect(checkDocument('resident_id', number).ok).toBe(true);
        const symbols = position === 17 ? '0123456789X' : '0123456789';
        const current = symbols.indexOf(number.charAt(position));
        const replacement = symbols.charAt((current + shift) % symbols.length);
        fc.pre(replacement !== number.charAt(position));
        const changed = number.slice(0, position) + replacement + number.slice(position + 1);
        expect(checkDocument('resident_id', changed).ok).toBe(false);
      }),
      { numRuns: 1000 },
    );
  });

  it('reject every single-digit change of the standard example', () => {
    const number = '11010519491231002X';
    for (let position = 0; position < 18; position += 1) {
      for (const symbol of '0123456789X') {
        if (symbol === number.charAt(position)) continue;
        const changed = number.slice(0, position) + symbol + number.slice(position + 1);
        expect(check('resident_id', changed).ok, changed).toBe(false);
      }
    }
  });
});

describe('residence permits of Hong Kong, Macao and Taiwan residents', () => {
  it('derive the home region, birth date and sex', () => {
    expect(check('residence_permit', withCheck('82000019800101001'))).toMatchObject({
      ok: true,
      homeRegion: 'macao',
      birthDate: '1980-01-01',
      sex: 'male',
    });
    expect(check('residence_permit', withCheck('83000020000229002'))).toMatchObject({
      ok: true,
      homeRegion: 'taiwan',
      birthDate: '2000-02-29',
      sex: 'female',
    });
  });

  it('name the reason of every rejection', () => {
    expect(reasonOf(check('residence_permit', withCheck('81000119800101001')))).toBe('id_prefix');
    expect(reasonOf(check('residence_permit', withCheck('71000019800101001')))).toBe('id_prefix');
    expect(reasonOf(check('residence_permit', residentId('11', '19800101')))).toBe('id_prefix');
    expect(reasonOf(check('residence_permit', withCheck('81000019800230001')))).toBe('id_birth_date');
    expect(reasonOf(check('residence_permit', withCheck('81000020300101001')))).toBe('id_birth_date_future');
    expect(reasonOf(check('residence_permit', withCheck('81000018990101001')))).toBe('id_birth_date_too_early');
    expect(reasonOf(check('residence_permit', '810000199408230022'))).toBe('id_check_character');
    expect(reasonOf(check('residence_permit', '81000019940823002'))).toBe('id_length');
    expect(reasonOf(check('residence_permit', 'H10000199408230021'))).toBe('id_characters');
  });
});

describe('foreign permanent residence cards', () => {
  it('2023: check prefix, province, nationality, date and check character', () => {
    expect(reasonOf(check('foreign_permanent_2023', withCheck('93284019900101001')))).toBeNull();
    expect(reasonOf(check('foreign_permanent_2023', '932682198501010017'.replace(/^9/, '1')))).toBe('id_prefix');
    expect(reasonOf(check('foreign_permanent_2023', withCheck('87268219850101001')))).toBe('id_prefix');
    expect(reasonOf(check('foreign_permanent_2023', withCheck('91068219850101001')))).toBe('id_region');
    expect(reasonOf(check('foreign_permanent_2023', withCheck('97168219850101001')))).toBe('id_region');
    expect(reasonOf(check('foreign_permanent_2023', withCheck('98168219850101001')))).toBe('id_region');
    expect(reasonOf(check('foreign_permanent_2023', withCheck('93215619850101001')))).toBe('id_nationality');
    expect(reasonOf(check('foreign_permanent_2023', withCheck('93200019850101001')))).toBe('id_nationality');
    expect(reasonOf(check('foreign_permanent_2023', withCheck('93200319850101001')))).toBe('id_nationality');
    expect(reasonOf(check('foreign_permanent_2023', withCheck('93289519850101001')))).toBe('id_nationality');
    expect(reasonOf(check('foreign_permanent_2023', withCheck('93200419850101001')))).toBeNull();
    expect(reasonOf(check('foreign_permanent_2023', withCheck('93289419850101001')))).toBeNull();
    expect(reasonOf(check('foreign_permanent_2023', withCheck('93268219850229001')))).toBe('id_birth_date');
    expect(reasonOf(check('foreign_permanent_2023', withCheck('93268220990101001')))).toBe('id_birth_date_future');
    expect(reasonOf(check('foreign_permanent_2023', withCheck('93268218991231001')))).toBe('id_birth_date_too_early');
    expect(reasonOf(check('foreign_permanent_2023', '932682198501010018'))).toBe('id_check_character');
    expect(reasonOf(check('foreign_permanent_2023', '93268219850101001'))).toBe('id_length');
    expect(reasonOf(check('foreign_permanent_2023', 'A32682198501010017'))).toBe('id_characters');
  });

  it('2017: check format and the YYMMDD birth date', () => {
    expect(check('foreign_permanent_2017', 'kaz 1100 901231 05')).toEqual({
      ok: true,
      kind: 'foreign_permanent_2017',
      normalized: 'KAZ110090123105',
      nationality: 'KAZ',
    });
    expect(reasonOf(check('foreign_permanent_2017', 'USA310000022912'))).toBeNull(); // 2000-02-29
    expect(reasonOf(check('foreign_permanent_2017', 'USA310001022912'))).toBe('id_birth_date'); // neither 1901 nor 2001
    expect(reasonOf(check('foreign_permanent_2017', 'USA310085023012'))).toBe('id_birth_date');
    expect(reasonOf(check('foreign_permanent_2017', 'USA310085130112'))).toBe('id_birth_date');
    expect(reasonOf(check('foreign_permanent_2017', 'USA31008501011'))).toBe('id_format_foreign_2017');
    expect(reasonOf(check('foreign_permanent_2017', 'US3310085010112'))).toBe('id_format_foreign_2017');
    expect(reasonOf(check('foreign_permanent_2017', '932682198501010017'))).toBe('id_format_foreign_2017');
    expect(reasonOf(check('foreign_permanent_2017', 'USA-3100-850101-12'))).toBeNull();
    expect(reasonOf(check('foreign_permanent_2017', 'ÜSA310085010112'))).toBe('id_characters');
  });
});

describe('passports and travel permits', () => {
  it('passports: 5–17 letters and digits with at least one digit', () => {
    expect(check('passport', 'e 1234 5678')).toEqual({ ok: true, kind: 'passport', normalized: 'E12345678' });
    expect(reasonOf(check('passport', 'EA1234567'))).toBeNull();
    expect(reasonOf(check('passport', '123456789'))).toBeNull();
    expect(reasonOf(check('passport', 'L898902C3'))).toBeNull();
    expect(reasonOf(check('passport', 'A1234'))).toBeNull();
    expect(reasonOf(check('passport', 'A123'))).toBe('id_format_passport');
    expect(reasonOf(check('passport', 'A'.repeat(16) + '1'))).toBeNull();
    expect(reasonOf(check('passport', 'A'.repeat(17) + '1'))).toBe('id_format_passport');
    expect(reasonOf(check('passport', 'ABCDEFGH'))).toBe('id_format_passport');
    expect(reasonOf(check('passport', 'E1234567/8'))).toBe('id_characters');
    expect(reasonOf(check('passport', '护照E12345678'))).toBe('id_characters');
  });

  it('permits for Hong Kong and Macao residents: H or M and 8 digits, optionally 2 more', () => {
    expect(check('hk_macao_travel_permit', 'h12345678')).toEqual({
      ok: true,
      kind: 'hk_macao_travel_permit',
      normalized: 'H12345678',
      homeRegion: 'hong_kong',
    });
    expect(check('hk_macao_travel_permit', 'M1234567801')).toMatchObject({ ok: true, homeRegion: 'macao' });
    expect(reasonOf(check('hk_macao_travel_permit', 'C12345678'))).toBe('id_format_hk_macao_permit');
    expect(reasonOf(check('hk_macao_travel_permit', 'H1234567'))).toBe('id_format_hk_macao_permit');
    expect(reasonOf(check('hk_macao_travel_permit', 'H123456789'))).toBe('id_format_hk_macao_permit');
    expect(reasonOf(check('hk_macao_travel_permit', 'HA1234567'))).toBe('id_format_hk_macao_permit');
    expect(reasonOf(check('hk_macao_travel_permit', 'H1234567(8)'))).toBe('id_characters');
  });

  it('permits for Taiwan residents: 8 digits, or 10 on older permits', () => {
    expect(check('taiwan_travel_permit', '1234 5678')).toEqual({
      ok: true,
      kind: 'taiwan_travel_permit',
      normalized: '12345678',
      homeRegion: 'taiwan',
    });
    expect(reasonOf(check('taiwan_travel_permit', '1234567801'))).toBeNull();
    expect(reasonOf(check('taiwan_travel_permit', '1234567'))).toBe('id_format_taiwan_permit');
    expect(reasonOf(check('taiwan_travel_permit', '123456789'))).toBe('id_format_taiwan_permit');
    expect(reasonOf(check('taiwan_travel_permit', 'T12345678'))).toBe('id_format_taiwan_permit');
    expect(reasonOf(check('taiwan_travel_permit', '12345678(B)'))).toBe('id_characters');
  });

  it('reject an unknown kind', () => {
    expect(reasonOf(checkDocument('drivers_licence' as DocumentKind, '110105194912310021'))).toBe('id_kind');
  });
});

describe('detecting the kind from the shape', () => {
  it('tells the 18-character kinds apart by their first digits', () => {
    expect(detectDocumentKind('810000199408230021')).toBe('residence_permit');
    expect(detectDocumentKind('820000199408230021')).toBe('residence_permit');
    expect(detectDocumentKind('830000199408230021')).toBe('residence_permit');
    expect(detectDocumentKind('932682198501010017')).toBe('foreign_permanent_2023');
    expect(detectDocumentKind('11010519491231002x')).toBe('resident_id');
    expect(detectDocumentKind('８４０１０５１９４９１２３１００２１')).toBe('resident_id');
    expect(detectDocumentKind('710000199408230021')).toBe('resident_id');
  });

  it('sends 15 digits to the resident ID check, which names the 18-digit form', () => {
    expect(detectDocumentKind('110105491231002')).toBe('resident_id');
    expect(reasonOf(check(detectDocumentKind('110105491231002') ?? 'passport', '110105491231002'))).toBe('id_legacy_15_digit');
  });

  it('recognises the 2017 card and gives up on anything else', () => {
    expect(detectDocumentKind('KAZ110090123105')).toBe('foreign_permanent_2017');
    expect(detectDocumentKind('kaz-1100-901231-05')).toBe('foreign_permanent_2017');
    for (const other of ['E12345678', 'H12345678', '12345678', '1101051949123100', '1101051949123100211', '', 'X10105194912310021']) {
      expect(detectDocumentKind(other), other).toBeNull();
    }
  });
});

describe('agreement with what was typed', () => {
  const details = { kind: 'resident_id', normalized: '11010519491231002X', birthDate: '1949-12-31', sex: 'female' } as const;

  it('accepts matching or missing details', () => {
    expect(checkDocumentAgreement(details, { birthDate: '1949-12-31', sex: 'female' })).toEqual({ ok: true });
    expect(checkDocumentAgreement(details, {})).toEqual({ ok: true });
    expect(checkDocumentAgreement({ kind: 'passport', normalized: 'E12345678' }, { birthDate: '1980-01-01', sex: 'male' })).toEqual({ ok: true });
  });

  it('names a birth date or sex that differs', () => {
    expect(checkDocumentAgreement(details, { birthDate: '1949-12-30' })).toEqual({ ok: false, reason: 'id_birth_date_mismatch' });
    expect(checkDocumentAgreement(details, { sex: 'male' })).toEqual({ ok: false, reason: 'id_sex_mismatch' });
  });
});

describe('every document reason', () => {
  it('is produced by some input', () => {
    const produced = new Set<string>();
    const add = (result: DocumentCheck | { ok: true } | { ok: false; reason: string }) => {
      if (!result.ok) produced.add(result.reason);
    };
    add(check('resident_id', residentId('11', '20240616')));
    add(check('resident_id', residentId('11', '18991231')));
    add(check('resident_id', residentId('11', '19900230')));
    add(check('resident_id', residentId('10', '19900101')));
    add(check('resident_id', '110105491231002'));
    add(check('resident_id', '1101051949123100'));
    add(check('resident_id', '11010519491231002Y'));
    add(check('resident_id', '110105194912310021'));
    add(check('residence_permit', residentId('11', '19900101')));
    add(check('foreign_permanent_2023', withCheck('93215619850101001')));
    add(check('foreign_permanent_2017', 'ABC'));
    add(check('passport', 'ABC'));
    add(check('hk_macao_travel_permit', 'C12345678'));
    add(check('taiwan_travel_permit', '123'));
    add(checkDocument('unknown' as DocumentKind, '1'));
    add(checkDocumentAgreement({ kind: 'resident_id', normalized: '', birthDate: '1949-12-31' }, { birthDate: '1950-01-01' }));
    add(checkDocumentAgreement({ kind: 'resident_id', normalized: '', sex: 'male' }, { sex: 'female' }));
    const documentReasons = [
      'id_kind',
      'id_length',
      'id_characters',
      'id_legacy_15_digit',
      'id_region',
      'id_prefix',
      'id_nationality',
      'id_birth_date',
      'id_birth_date_future',
      'id_birth_date_too_early',
      'id_check_character',
      'id_format_foreign_2017',
      'id_format_passport',
      'id_format_hk_macao_permit',
      'id_format_taiwan_permit',
      'id_birth_date_mismatch',
      'id_sex_mismatch',
    ];
    expect([...produced].sort()).toEqual([...documentReasons].sort());
    for (const reason of documentReasons) expect(validationReasons).toContain(reason);
  });
});

describe('hostile input', () => {
  it('never throws and always answers with a result', () => {
    for (const input of hostileInputs) {
      for (const kind of documentKinds) {
        const result = checkDocument(kind, input);
        expect(typeof result.ok).toBe('boolean');
      }
      expect(() => detectDocumentKind(input)).not.toThrow();
      expect(typeof normalizeDocumentNumber(input)).toBe('string');
      expect(() => checkCharacter(input)).not.toThrow();
    }
  });

  it('rejects what is not a number without echoing it', () => {
    expect(check('resident_id', "110105194912310021'; DROP TABLE registration; --")).toEqual({ ok: false, reason: 'id_characters' });
    expect(check('passport', '<script>alert(1)</script>')).toEqual({ ok: false, reason: 'id_characters' });
    expect(check('resident_id', '1'.repeat(10_000))).toEqual({ ok: false, reason: 'id_length' });
    expect(check('resident_id', '\u0000'.repeat(18))).toEqual({ ok: false, reason: 'id_characters' });
    expect(check('resident_id', '\udfff110105194912310021')).toEqual({ ok: false, reason: 'id_characters' });
  });

  it('copes with values that are not strings from untyped callers', () => {
    for (const value of [undefined, null, 42, {}, [], Symbol('x')]) {
      for (const kind of documentKinds) expect(checkDocument(kind, value as unknown as string).ok).toBe(false);
      expect(detectDocumentKind(value as unknown as string)).toBeNull();
      expect(normalizeDocumentNumber(value as unknown as string)).toBe('');
    }
  });

  it('checks very long input quickly', () => {
    const started = performance.now();
    for (const kind of documentKinds) {
      checkDocument(kind, '１２'.repeat(50_000));
      checkDocument(kind, '- '.repeat(50_000) + '11010519491231002X');
    }
    expect(performance.now() - started).toBeLessThan(2_000);
  });

  const anyString = fc.oneof(
    fc.string({ unit: 'grapheme', maxLength: 40 }),
    fc.string({ unit: 'binary', maxLength: 40 }),
    fc.string({ unit: 'binary-ascii', maxLength: 40 }),
    fc.string({ unit: fc.integer({ min: 0, max: 0xffff }).map((code) => String.fromCharCode(code)), maxLength: 40 }),
    fc.stringMatching(/^[0-9Xx \-－０-９]{0,24}$/),
  );

  it('answers every check function for arbitrary strings', () => {
    fc.assert(
      fc.property(anyString, fc.constantFrom(...documentKinds), (input, kind) => {
        const result = checkDocument(kind, input);
        expect(typeof result.ok).toBe('boolean');
        if (result.ok) expect(result.kind).toBe(kind);
        else expect(validationReasons).toContain(result.reason);
        const detected = detectDocumentKind(input);
        expect(detected === null || documentKinds.includes(detected)).toBe(true);
        expect(typeof normalizeDocumentNumber(input)).toBe('string');
        const character = checkCharacter(input);
        expect(character === null || /^[0-9X]$/.test(character)).toBe(true);
        expect(checkDocumentAgreement({ kind, normalized: input, birthDate: input, sex: 'male' }, { birthDate: input }).ok).toBe(true);
      }),
      { numRuns: 2000 },
    );
  });

  it('accepts a number only in its normalised form, which checks the same', () => {
    fc.assert(
      fc.property(anyString, fc.constantFrom(...documentKinds), (input, kind) => {
        const result = checkDocument(kind, input, { today });
        if (result.ok) {
          expect(result.normalized).toBe(normalizeDocumentNumber(input));
          expect(checkDocument(kind, result.normalized, { today })).toEqual(result);
        }
      }),
      { numRuns: 2000 },
    );
  });
});

describe('identity document fields', () => {
  it('give the derived details of a valid number', () => {
    expect(identityDocument.parse({ kind: 'resident_id', number: '１１０１０５１９４９１２３１００２ｘ' })).toEqual({
      kind: 'resident_id',
      normalized: '11010519491231002X',
      birthDate: '1949-12-31',
      sex: 'female',
      provinceCode: '11',
    });
  });

  it('report the reason on the number field', () => {
    const result = identityDocument.safeParse({ kind: 'resident_id', number: '110105491231002' });
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((issue) => [issue.path.join('.'), issue.message])).toEqual([['number', 'id_legacy_15_digit']]);
    const kind = identityDocument.safeParse({ kind: 'licence', number: '1' });
    expect(kind.error?.issues.map((issue) => [issue.path.join('.'), issue.message])).toEqual([['kind', 'id_kind']]);
    const missing = identityDocument.safeParse({ kind: 'passport' });
    expect(missing.error?.issues.map((issue) => [issue.path.join('.'), issue.message])).toEqual([['number', 'required']]);
  });

  it('check a whole identity: ethnic group by document, and agreement with typed details', () => {
    expect(personIdentity.parse({ kind: 'resident_id', number: '11010519491231002X', ethnicGroup: '1', sex: 'female', birthDate: '1949-12-31' })).toEqual({
      document: { kind: 'resident_id', normalized: '11010519491231002X', birthDate: '1949-12-31', sex: 'female', provinceCode: '11' },
      ethnicGroup: '01',
    });
    expect(personIdentity.parse({ kind: 'foreign_permanent_2023', number: '932682198501010017', ethnicGroup: '' }).ethnicGroup).toBeNull();
    const issues = (input: unknown) =>
      personIdentity.safeParse(input).error?.issues.map((issue) => [issue.path.join('.'), issue.message]);
    expect(issues({ kind: 'resident_id', number: '110105194912310021' })).toEqual([
      ['number', 'id_check_character'],
      ['ethnicGroup', 'required'],
    ]);
    expect(issues({ kind: 'foreign_permanent_2023', number: '932682198501010017', ethnicGroup: '01' })).toEqual([
      ['ethnicGroup', 'ethnic_group_not_applicable'],
    ]);
    expect(issues({ kind: 'resident_id', number: '11010519491231002X', ethnicGroup: '01', sex: 'male' })).toEqual([['sex', 'id_sex_mismatch']]);
    expect(issues({ kind: 'resident_id', number: '11010519491231002X', ethnicGroup: '01', birthDate: '1949-12-01' })).toEqual([
      ['birthDate', 'id_birth_date_mismatch'],
    ]);
  });

  it('never throw on arbitrary input', () => {
    fc.assert(
      fc.property(fc.anything(), (input) => {
        expect(() => identityDocument.safeParse(input)).not.toThrow();
        expect(() => personIdentity.safeParse(input)).not.toThrow();
      }),
      { numRuns: 300 },
    );
  });
});
