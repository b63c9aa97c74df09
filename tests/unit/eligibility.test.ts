import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addCalendarDays } from '../../shared/domain/age';
import {
  checkBodyDonationConsent,
  checkEligibility,
  checkStemCellContacts,
  closeRelations,
  defaultEligibilitySettings,
  type EmergencyContact,
  type RelativeOpinion,
} from '../../shared/domain/eligibility';
import { programs } from '../../shared/domain/programs';
import { validationReasons } from '../../shared/validation/reasons';

const adultPrograms = ['organ', 'cornea', 'body'] as const;

describe('age eligibility', () => {
  it('uses the 18–45 range by default', () => {
    expect(defaultEligibilitySettings).toEqual({ stemCellMinAge: 18, stemCellMaxAge: 45 });
  });

  it('accepts organ, cornea and body registrants from their 18th birthday on', () => {
    for (const program of adultPrograms) {
      expect(checkEligibility(program, { birthDate: '2008-06-15', registrationDate: '2026-06-14' }), program).toEqual({
        ok: false,
        reason: 'age_under_18',
      });
      expect(checkEligibility(program, { birthDate: '2008-06-15', registrationDate: '2026-06-15' }), program).toEqual({ ok: true });
      expect(checkEligibility(program, { birthDate: '1930-01-01', registrationDate: '2026-06-15' }), program).toEqual({ ok: true });
    }
  });

  it('has no upper age for organ, cornea and body', () => {
    expect(checkEligibility('body', { birthDate: '1926-06-15', registrationDate: '2026-06-15' })).toEqual({ ok: true });
  });

  it('accepts stem-cell volunteers from 18 until the day before their 46th birthday', () => {
    const check = (birthDate: string, registrationDate: string) => checkEligibility('stem_cell', { birthDate, registrationDate });
    expect(check('2008-06-15', '2026-06-14')).toEqual({ ok: false, reason: 'stem_cell_age_range', params: { min: 18, max: 45 } });
    expect(check('2008-06-15', '2026-06-15')).toEqual({ ok: true });
    expect(check('1980-06-15', '2026-06-14')).toEqual({ ok: true });
    expect(check('1980-06-15', '2026-06-15')).toEqual({ ok: false, reason: 'stem_cell_age_range', params: { min: 18, max: 45 } });
  });

  it('applies the 1 March convention to registrants born on 29 February', () => {
    expect(checkEligibility('organ', { birthDate: '2008-02-29', registrationDate: '2026-02-28' })).toEqual({ ok: false, reason: 'age_under_18' });
    expect(checkEligibility('organ', { birthDate: '2008-02-29', registrationDate: '2026-03-01' })).toEqual({ ok: true });
    // 46th birthday of someone born 1980-02-29 falls on 2026-03-01: the day before, still 45.
    expect(checkEligibility('stem_cell', { birthDate: '1980-02-29', registrationDate: '2026-02-28' })).toEqual({ ok: true });
    expect(checkEligibility('stem_cell', { birthDate: '1980-02-29', registrationDate: '2026-03-01' })).toEqual({
      ok: false,
      reason: 'stem_cell_age_range',
      params: { min: 18, max: 45 },
    });
  });

  it('reads a registration moment as its Beijing date', () => {
    // 16:30 UTC on 14 June is already 15 June, the 18th birthday, in Beijing.
    expect(checkEligibility('organ', { birthDate: '2008-06-15', registrationDate: new Date('2026-06-14T16:30:00Z') })).toEqual({ ok: true });
    expect(checkEligibility('organ', { birthDate: '2008-06-15', registrationDate: new Date('2026-06-14T15:30:00Z') })).toEqual({
      ok: false,
      reason: 'age_under_18',
    });
  });

  it('follows the configured stem-cell range, but never below 18', () => {
    const settings = { stemCellMinAge: 20, stemCellMaxAge: 55 };
    const check = (birthDate: string) => checkEligibility('stem_cell', { birthDate, registrationDate: '2026-06-15', settings });
    expect(check('2007-06-15')).toEqual({ ok: false, reason: 'stem_cell_age_range', params: { min: 20, max: 55 } });
    expect(check('2006-06-15')).toEqual({ ok: true });
    expect(check('1971-06-16')).toEqual({ ok: true });
    expect(check('1970-06-15')).toEqual({ ok: false, reason: 'stem_cell_age_range', params: { min: 20, max: 55 } });
    const minors = { stemCellMinAge: 16, stemCellMaxAge: 45 };
    expect(checkEligibility('stem_cell', { birthDate: '2009-06-15', registrationDate: '2026-06-15', settings: minors })).toEqual({
      ok: false,
      reason: 'stem_cell_age_range',
      // The range said is the one in force: 18 at the youngest, whatever the setting.
      params: { min: 18, max: 45 },
    });
  });

  it('agrees with the birthdays on the calendar for every program', () => {
    const birthDates = fc.date({ min: new Date('1920-01-01T00:00:00Z'), max: new Date('2026-01-01T00:00:00Z'), noInvalidDate: true });
    fc.assert(
      fc.property(birthDates, fc.integer({ min: 0, max: 80 * 366 }), fc.constantFrom(...programs), (birth, days, program) => {
        const birthDate = birth.toISOString().slice(0, 10);
        const registrationDate = addCalendarDays(birthDate, days);
        const result = checkEligibility(program, { birthDate, registrationDate });
        const adult = registrationDate >= birthday(birthDate, 18);
        const tooOld = registrationDate >= birthday(birthDate, 46);
        expect(result.ok).toBe(program === 'stem_cell' ? adult && !tooOld : adult);
        if (!result.ok) expect(validationReasons).toContain(result.reason);
      }),
      { numRuns: 1000 },
    );
  });
});

/** The day of the n-th birthday, written independently of the module: 29 February falls on 1 March in common years. */
function birthday(birthDate: string, n: number): string {
  const year = Number(birthDate.slice(0, 4)) + n;
  const monthDay = birthDate.slice(5);
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  return `${year}-${monthDay === '02-29' && !leap ? '03-01' : monthDay}`;
}

describe('stem-cell emergency contacts', () => {
  const volunteer = '13812345678';
  const mother: EmergencyContact = { name: '李梅', phone: '13900001111' };
  const friend: EmergencyContact = { name: 'John Smith', phone: '0871-65123456' };

  it('accept two contacts with names and distinct phones other than the volunteer’s', () => {
    expect(checkStemCellContacts(volunteer, [mother, friend])).toEqual({ ok: true });
    expect(checkStemCellContacts(volunteer, [mother, { name: '王五', phone: '+852 9123 4567' }])).toEqual({ ok: true });
  });

  it('need exactly two contacts, each with a name and a phone', () => {
    expect(checkStemCellContacts(volunteer, [])).toEqual({ ok: false, reason: 'emergency_contacts_two' });
    expect(checkStemCellContacts(volunteer, [mother])).toEqual({ ok: false, reason: 'emergency_contacts_two' });
    expect(checkStemCellContacts(volunteer, [mother, friend, { name: '赵六', phone: '13700002222' }])).toEqual({
      ok: false,
      reason: 'emergency_contacts_two',
    });
    expect(checkStemCellContacts(volunteer, [mother, { name: '  ', phone: '13700002222' }])).toEqual({ ok: false, reason: 'emergency_contacts_two' });
    expect(checkStemCellContacts(volunteer, [mother, { name: '赵六', phone: '' }])).toEqual({ ok: false, reason: 'emergency_contacts_two' });
    expect(checkStemCellContacts(volunteer, null as unknown as EmergencyContact[])).toEqual({ ok: false, reason: 'emergency_contacts_two' });
  });

  it('refuse the volunteer’s own number in any written form, naming the contact', () => {
    for (const own of ['13812345678', '+86 138 1234 5678', '0086-138-1234-5678', '１３８１２３４５６７８']) {
      expect(checkStemCellContacts(volunteer, [mother, { name: '赵六', phone: own }]), own).toEqual({
        ok: false,
        reason: 'emergency_contact_own_phone',
        index: 1,
      });
    }
    expect(checkStemCellContacts('+86 139 0000 1111', [mother, friend])).toEqual({ ok: false, reason: 'emergency_contact_own_phone', index: 0 });
  });

  it('refuse the same phone twice', () => {
    expect(checkStemCellContacts(volunteer, [mother, { name: '李雷', phone: '139 0000 1111' }])).toEqual({
      ok: false,
      reason: 'emergency_contacts_same_phone',
      index: 1,
    });
    expect(checkStemCellContacts(volunteer, [friend, { name: '韩梅梅', phone: '(0871) 6512 3456' }])).toEqual({
      ok: false,
      reason: 'emergency_contacts_same_phone',
      index: 1,
    });
  });

  it('never throw and answer a known reason for arbitrary input', () => {
    const contact = fc.record({ name: fc.string(), phone: fc.oneof(fc.string(), fc.stringMatching(/^1[3-9]\d{9}$/)) });
    fc.assert(
      fc.property(fc.string(), fc.array(contact, { maxLength: 3 }), (own, contacts) => {
        const result = checkStemCellContacts(own, contacts);
        if (!result.ok) expect(validationReasons).toContain(result.reason);
      }),
    );
  });
});

describe('body donation: close relatives', () => {
  const agrees = (relation: RelativeOpinion['relation']): RelativeOpinion => ({ relation, agrees: true });

  it('accept recorded agreement of close relatives', () => {
    expect(checkBodyDonationConsent([agrees('spouse')])).toEqual({ ok: true });
    expect(checkBodyDonationConsent(closeRelations.map(agrees))).toEqual({ ok: true });
  });

  it('refuse the registration when any close relative disagrees', () => {
    expect(checkBodyDonationConsent([agrees('spouse'), { relation: 'adult_child', agrees: false }])).toEqual({
      ok: false,
      reason: 'relative_disagrees',
    });
    expect(checkBodyDonationConsent([{ relation: 'parent', agrees: false }], { noCloseRelatives: true })).toEqual({
      ok: false,
      reason: 'relative_disagrees',
    });
  });

  it('accept no relatives only with the statement that there are none', () => {
    expect(checkBodyDonationConsent([])).toEqual({ ok: false, reason: 'close_relatives_required' });
    expect(checkBodyDonationConsent([], { noCloseRelatives: false })).toEqual({ ok: false, reason: 'close_relatives_required' });
    expect(checkBodyDonationConsent([], { noCloseRelatives: true })).toEqual({ ok: true });
  });

  it('send back a statement of no relatives that comes with recorded relatives', () => {
    expect(checkBodyDonationConsent([agrees('parent')], { noCloseRelatives: true })).toEqual({
      ok: false,
      reason: 'close_relatives_statement_conflict',
    });
  });

  it('accept exactly when nobody disagrees and the list matches the statement', () => {
    const opinion = fc.record({ relation: fc.constantFrom(...closeRelations), agrees: fc.boolean() });
    fc.assert(
      fc.property(fc.array(opinion, { maxLength: 6 }), fc.boolean(), (relatives, noCloseRelatives) => {
        const result = checkBodyDonationConsent(relatives, { noCloseRelatives });
        const anyDisagrees = relatives.some((relative) => !relative.agrees);
        expect(result.ok).toBe(!anyDisagrees && (relatives.length === 0) === noCloseRelatives);
        if (anyDisagrees) expect(result).toEqual({ ok: false, reason: 'relative_disagrees' });
      }),
    );
  });
});
