import { describe, expect, it } from 'vitest';
import { cardLocked, clearedCardFields, fillFromCard, registrationName } from '../../renderer/screens/Registration/card/card-fill';
import { checkPersonName } from '../../shared/validation/person-name';

const residentRead = {
  readId: 'read-1',
  documentKind: 'resident_id',
  documentNumber: '110101199001011237',
  name: '李建华',
  latinName: null,
  sex: 'male',
  birthDate: '1990-01-01',
  ethnicGroup: '01',
  validUntil: '2040-01-15',
} as const;

describe('a card read filling the identity step', () => {
  it('fills kind, number, name, sex, birth date and ethnic group, locked, keeping only the read id besides', () => {
    const filled = fillFromCard(residentRead);
    expect(filled).toEqual({
      card: { readId: 'read-1', locked: true, ethnicGroupFromCard: true },
      documentKind: 'resident_id',
      documentKindChosen: true,
      documentNumber: '110101199001011237',
      name: '李建华',
      ethnicGroup: '01',
      birthDate: '1990-01-01',
      sex: 'male',
    });
    expect(cardLocked(filled)).toBe(true);
    expect(JSON.stringify(filled)).not.toContain('2040-01-15');
  });

  it('leaves the ethnic group to choose when the card has none the list knows', () => {
    const filled = fillFromCard({ ...residentRead, ethnicGroup: null });
    expect(filled.ethnicGroup).toBe('');
    expect(filled.card?.ethnicGroupFromCard).toBe(false);
  });

  it('empties every field it filled when the card is put aside', () => {
    expect(cardLocked(clearedCardFields)).toBe(false);
    expect(Object.keys(clearedCardFields).sort()).toEqual(Object.keys(fillFromCard(residentRead)).sort());
    expect(clearedCardFields).toMatchObject({ documentNumber: '', name: '', birthDate: '', sex: '', ethnicGroup: '' });
  });
});

describe('the name a registration takes from a card', () => {
  it('is the Chinese name when the card has one', () => {
    expect(registrationName({ name: '马克莱', latinName: 'MARTIN, CLAIRE' })).toBe('马克莱');
  });

  it('is otherwise the Latin name without the comma between surname and given names, which the station accepts', () => {
    const name = registrationName({ name: '', latinName: 'VAN DER BERG-SCHOUTEN, JOHANNES ALEXANDER' });
    expect(name).toBe('VAN DER BERG-SCHOUTEN JOHANNES ALEXANDER');
    expect(checkPersonName(name)).toEqual({ ok: true, value: name });
    expect(checkPersonName('VAN DER BERG-SCHOUTEN, JOHANNES ALEXANDER').ok).toBe(false);
  });
});
