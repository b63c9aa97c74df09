import { describe, expect, it } from 'vitest';
import { familyRelationCodes, type FamilyRelationCode } from '../../shared/domain/family';
import { consentingRelations } from '../../shared/domain/memorial-names';
import { consentingRelation, engravingTarget } from '../../renderer/screens/FamilyCare/engraving-entry';
import type { Family, FamilyMember } from '../../renderer/screens/FamilyCare/types';

/** A member with only what the name list's relation depends on; the rest of the page does not matter here. */
function member(relationCode: FamilyRelationCode, isExecutor = false, id = `member-${relationCode}`): FamilyMember {
  return { id, name: `成员${relationCode}`, relationCode, isExecutor } as FamilyMember;
}

/** A family's page carrying its members, its standing consents and its programme. */
function familyOf(members: FamilyMember[], consents: Array<{ purpose: string; memberId: string; granted: boolean }>, programme: string): Family {
  return { id: 'family-1', personId: 'person-1', programme, members, standingConsents: consents } as unknown as Family;
}

describe('the name list relation of the member who consented', () => {
  it.each([
    ['10', 'spouse'],
    ['20', 'child'],
    ['30', 'child'],
    ['40', 'other_relative'],
    ['50', 'parent'],
    ['51', 'parent'],
    ['52', 'parent'],
    ['60', 'other_relative'],
    ['70', 'sibling'],
    ['97', 'other_relative'],
  ] as const)('GB/T 4761 code %s is the list\'s %s', (code, relation) => {
    expect(consentingRelation(member(code))).toBe(relation);
    // Being the executor does not change a relative's relation.
    expect(consentingRelation(member(code, true))).toBe(relation);
  });

  it('a non-relative is the executor when the family named them so, else "other"', () => {
    expect(consentingRelation(member('99', true))).toBe('executor');
    expect(consentingRelation(member('99', false))).toBe('other');
  });

  it('every code of the standard has a relation the name list knows', () => {
    for (const code of familyRelationCodes) {
      for (const isExecutor of [true, false]) expect(consentingRelations).toContain(consentingRelation(member(code, isExecutor)));
    }
  });
});

describe('where "Add to the name list" leads', () => {
  it('begins the entry for the donor with the consenting relative and the donation kind', () => {
    const daughter = { ...member('30'), name: '李秀英' };
    const family = familyOf([member('10'), daughter], [{ purpose: 'publicity', memberId: 'member-10', granted: true }, { purpose: 'name_engraving', memberId: daughter.id, granted: true }], 'cornea');
    expect(engravingTarget(family)).toEqual({
      familyId: 'family-1',
      personId: 'person-1',
      nameListEntry: { donationKind: 'cornea', relativeName: '李秀英', relation: 'child' },
    });
  });

  it('leaves the kind empty for a programme the name list does not engrave, and the relative when no member consented', () => {
    const family = familyOf([member('10')], [], 'stem_cell');
    expect(engravingTarget(family).nameListEntry).toEqual({ donationKind: null, relativeName: '', relation: null });
  });
});
