import type { FamilyRelationCode } from '../../../shared/domain/family';
import { memorialDonationKinds, type ConsentingRelation, type MemorialDonationKind } from '../../../shared/domain/memorial-names';
import type { ScreenTarget } from '../../navigation';
import type { Family, FamilyMember } from './types';

/**
 * The name list's relation for each GB/T 4761 code of a family member. Grandchildren, grandparents and
 * the standard's further relatives are the list's "other relative"; a non-relative (99) is the executor
 * when the family named them so, else "other".
 */
const consentingRelationOf: Record<Exclude<FamilyRelationCode, '99'>, ConsentingRelation> = {
  '10': 'spouse',
  '20': 'child',
  '30': 'child',
  '40': 'other_relative',
  '50': 'parent',
  '51': 'parent',
  '52': 'parent',
  '60': 'other_relative',
  '70': 'sibling',
  '97': 'other_relative',
};

/** How the name list names the relation of the member who consented to the engraving. */
export function consentingRelation(member: FamilyMember): ConsentingRelation {
  if (member.relationCode === '99') return member.isExecutor ? 'executor' : 'other';
  return consentingRelationOf[member.relationCode];
}

function donationKindOf(programme: Family['programme']): MemorialDonationKind | null {
  return (memorialDonationKinds as readonly string[]).includes(programme) ? (programme as MemorialDonationKind) : null;
}

/**
 * Where "Add to the name list" on a family's page leads: the name-list desk's add form linked to the donor
 * (so the station checks the family's engraving consent), with the donation kind of the family's programme
 * and the relative who gave the engraving consent. The published name is left to staff: the family may
 * ask for an alias.
 */
export function engravingTarget(family: Family): ScreenTarget {
  const consent = family.standingConsents.find((candidate) => candidate.purpose === 'name_engraving');
  const member = family.members.find((candidate) => candidate.id === consent?.memberId);
  return {
    familyId: family.id,
    personId: family.personId,
    nameListEntry: {
      donationKind: donationKindOf(family.programme),
      relativeName: member?.name ?? '',
      relation: member === undefined ? null : consentingRelation(member),
    },
  };
}
