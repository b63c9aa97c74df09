import { useEffect, useState } from 'react';
import type { ErrorCode } from '../../../shared/contract/errors';
import type { FamilyRelationCode } from '../../../shared/domain/family';
import { maskName } from '../../../shared/domain/masking';
import { asApiError, call } from '../../api/client';

/** A member of the family as the aid screens name them: the name masked, with the relation to the donor. */
export interface FamilyMemberLabel {
  id: string;
  maskedName: string;
  relationCode: FamilyRelationCode;
}

/** What the aid screens need of a family: whose family it is (masked) and its members (masked). */
export interface FamilyFacts {
  id: string;
  maskedDonorName: string;
  registrationNumber: string;
  members: FamilyMemberLabel[];
}

type Loaded = { state: 'loading' } | { state: 'failed'; code: ErrorCode } | { state: 'ready'; family: FamilyFacts };

/**
 * Reads a family's page (an audited view) and keeps only masked names: the aid screens pick the applicant
 * and the recipient among the members, and never show a full name.
 */
export function useFamilyFacts(familyId: string | null): Loaded | null {
  const [loaded, setLoaded] = useState<Loaded | null>(null);
  useEffect(() => {
    if (familyId === null) {
      setLoaded(null);
      return undefined;
    }
    let current = true;
    setLoaded({ state: 'loading' });
    call('family:get', { familyId })
      .then((family) => {
        if (!current) return;
        setLoaded({
          state: 'ready',
          family: {
            id: family.id,
            maskedDonorName: maskName(family.donorName),
            registrationNumber: family.registrationNumber,
            members: family.members.map((member) => ({ id: member.id, maskedName: maskName(member.name), relationCode: member.relationCode })),
          },
        });
      })
      .catch((error: unknown) => {
        if (current) setLoaded({ state: 'failed', code: asApiError(error).code });
      });
    return () => {
      current = false;
    };
  }, [familyId]);
  return loaded;
}
