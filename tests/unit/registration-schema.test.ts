import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { toFieldIssues } from '../../shared/contract/issues';
import { freeTextCheck } from '../../shared/validation/free-text';
import { checkDocument, checkTypedBirthDate, numberCarriesBirthDate, type DocumentKind } from '../../shared/validation/identity-document';
import { personInput, registrationCreateInput, organScope, signatureInput } from '../../shared/validation/registration';
import { residentId, samplePerson, sampleRegistration, stemCellChoice } from '../fixtures/registrations';

function issues(schema: { safeParse(input: unknown): { success: boolean; error?: unknown } }, input: unknown) {
  const result = schema.safeParse(input);
  return result.success ? [] : toFieldIssues(result.error as never);
}

describe('free text', () => {
  const check = freeTextCheck(10);
  it('trims, keeps line breaks and counts code points', () => {
    expect(check('  本人要求\r\n撤回 ')).toEqual({ ok: true, value: '本人要求\n撤回' });
    expect(check('𠮷'.repeat(10))).toEqual({ ok: true, value: '𠮷'.repeat(10) });
    expect(check('𠮷'.repeat(11))).toEqual({ ok: false, reason: 'text_too_long' });
  });
  it('refuses blanks and control characters', () => {
    expect(check(' \n ')).toEqual({ ok: false, reason: 'required' });
    expect(check('a\u0007b')).toEqual({ ok: false, reason: 'text_characters' });
    expect(check('a\ud800')).toEqual({ ok: false, reason: 'text_characters' });
  });
  it('never throws on any string', () => {
    fc.assert(fc.property(fc.string({ unit: 'binary' }), (raw) => void check(raw)));
  });
});

describe('typed birth date', () => {
  it('accepts real past dates from 1900 and names what is wrong otherwise, as a date rather than a number', () => {
    const today = new Date('2026-04-04T12:00:00');
    expect(checkTypedBirthDate('1985-01-01', { today })).toEqual({ ok: true, value: '1985-01-01' });
    expect(checkTypedBirthDate('２０００-０２-２９', { today })).toEqual({ ok: true, value: '2000-02-29' });
    expect(checkTypedBirthDate('2001-02-29', { today })).toEqual({ ok: false, reason: 'birth_date_invalid' });
    expect(checkTypedBirthDate('1899-12-31', { today })).toEqual({ ok: false, reason: 'birth_date_too_early' });
    expect(checkTypedBirthDate('2026-04-05', { today })).toEqual({ ok: false, reason: 'birth_date_future' });
    expect(checkTypedBirthDate('01/02/1985', { today })).toEqual({ ok: false, reason: 'birth_date_invalid' });
  });
  it('never throws on any string', () => {
    fc.assert(fc.property(fc.string({ unit: 'binary' }), (raw) => void checkTypedBirthDate(raw)));
  });
});

describe('person input', () => {
  it('derives birth date and sex from a resident ID and normalises the fields', () => {
    const parsed = personInput.parse({ ...samplePerson, name: '阿依古丽・买买提', phone: '+86 138-1234-5678' });
    expect(parsed).toMatchObject({ name: '阿依古丽·买买提', phone: '13812345678', birthDate: '1990-03-07', sex: 'female', ethnicGroup: '01' });
    expect(parsed.document.normalized).toBe(samplePerson.document.number);
  });
  it('needs a typed birth date and sex for a passport, and allows a foreign phone', () => {
    const passport = { document: { kind: 'passport', number: 'e12345678' }, name: 'Anna Schmidt', phone: '+49 30 1234567' };
    expect(issues(personInput, passport)).toEqual([{ path: 'birthDate', reason: 'required' }]);
    expect(issues(personInput, { ...passport, birthDate: '1988-08-08' })).toEqual([{ path: 'sex', reason: 'required' }]);
    expect(personInput.parse({ ...passport, birthDate: '1988-08-08', sex: 'female' })).toMatchObject({ phone: '+49301234567', ethnicGroup: null });
  });
  it('refuses a foreign phone with a mainland resident ID, and typed details that contradict the number', () => {
    expect(issues(personInput, { ...samplePerson, phone: '+49 30 1234567' })).toEqual([{ path: 'phone', reason: 'phone_foreign_not_allowed' }]);
    expect(issues(personInput, { ...samplePerson, sex: 'male' })).toEqual([{ path: 'sex', reason: 'id_sex_mismatch' }]);
    expect(issues(personInput, { ...samplePerson, birthDate: '1990-03-08' })).toEqual([{ path: 'birthDate', reason: 'id_birth_date_mismatch' }]);
  });
  it('reports every wrong field at once', () => {
    expect(issues(personInput, { document: { kind: 'resident_id', number: residentId('110105', '19900101', '001').slice(0, 17) + 'Y' }, name: '张3', phone: '12345', ethnicGroup: '99' }).map((i) => i.path)).toEqual([
      'document.number',
      'name',
      'phone',
      'ethnicGroup',
    ]);
  });
});

describe('registration input', () => {
  it('normalises an organ scope: every organ chosen is all of them; none is refused', () => {
    expect(organScope.parse({ kind: 'selected', organs: ['heart', 'kidney', 'heart'] })).toEqual({ kind: 'selected', organs: ['kidney', 'heart'] });
    expect(organScope.parse({ kind: 'selected', organs: ['kidney', 'liver', 'heart', 'lung', 'pancreas', 'small_intestine'] })).toEqual({ kind: 'all' });
    expect(issues(organScope, { kind: 'selected', organs: [] })).toEqual([{ path: '', reason: 'organ_selection_empty' }]);
  });
  it('refuses no program, a program twice, an unhealthy stem-cell volunteer and an outdated consent text', () => {
    expect(issues(registrationCreateInput, sampleRegistration({ programs: [] }))).toEqual([{ path: 'programs', reason: 'programs_required' }]);
    expect(issues(registrationCreateInput, sampleRegistration({ programs: [{ program: 'cornea' }, { program: 'cornea' }] }))).toEqual([
      { path: 'programs.1', reason: 'programs_duplicate' },
    ]);
    expect(issues(registrationCreateInput, sampleRegistration({ programs: [{ ...stemCellChoice, healthScreenPassed: false as never }] }))).toEqual([
      { path: 'programs.0.healthScreenPassed', reason: 'stem_cell_health_screen' },
    ]);
    const outdated = { ...sampleRegistration(), consents: { ...sampleRegistration().consents, textVersion: '2020-01' } };
    expect(issues(registrationCreateInput, outdated)).toEqual([{ path: 'consents.textVersion', reason: 'consent_text_outdated' }]);
  });
  it('accepts only a PNG data URL of reasonable size as a drawn signature', () => {
    expect(issues(signatureInput, { kind: 'drawn', image: 'data:image/jpeg;base64,/9j/4AAQ' })).toEqual([{ path: 'image', reason: 'signature_invalid' }]);
    expect(issues(signatureInput, { kind: 'drawn', image: `data:image/png;base64,iVBORw0KGgo${'A'.repeat(400_000)}` })).toEqual([
      { path: 'image', reason: 'signature_invalid' },
    ]);
    expect(issues(signatureInput, { kind: 'typed' })).toEqual([{ path: 'kind', reason: 'signature_required' }]);
  });
  it('never throws, whatever is put in the person fields', () => {
    fc.assert(
      fc.property(fc.anything(), fc.anything(), fc.anything(), (number, name, phone) => {
        registrationCreateInput.safeParse(sampleRegistration({ person: { document: { kind: 'resident_id', number }, name, phone } as never }));
      }),
      { numRuns: 300 },
    );
  });
});

describe('which numbers carry the birth date', () => {
  it('agrees with what a valid number of each kind yields', () => {
    const samples: Array<[DocumentKind, string]> = [
      ['resident_id', samplePerson.document.number],
      ['residence_permit', '810000199408230021'],
      ['foreign_permanent_2023', '932682198501010017'],
      ['foreign_permanent_2017', 'USA110085010100'],
      ['passport', 'E12345678'],
      ['hk_macao_travel_permit', 'H12345678'],
    ];
    for (const [kind, number] of samples) {
      const check = checkDocument(kind, number);
      expect(check.ok, `${kind} ${number}`).toBe(true);
      expect(check.ok && check.birthDate !== undefined, kind).toBe(numberCarriesBirthDate(kind));
    }
  });
});
