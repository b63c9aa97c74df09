import type { CallInput } from '../../../shared/contract/calls';
import type { FamilyRelationCode } from '../../../shared/domain/family';
import type { FamilyMember } from './types';

/** A member as typed on a form: the relation empty until staff choose it. */
export interface MemberDraft {
  name: string;
  relationCode: FamilyRelationCode | '';
  phone: string;
  address: string;
  isExecutor: boolean;
  consented: boolean;
  doNotContact: boolean;
}

/** The member input of the calls. */
export type MemberInput = CallInput<'family:addMember'>['member'];

export const emptyMember: MemberDraft = { name: '', relationCode: '', phone: '', address: '', isExecutor: false, consented: false, doNotContact: false };

/** A member's stored details as a draft to edit. */
export function draftOf(member: FamilyMember): MemberDraft {
  return {
    name: member.name,
    relationCode: member.relationCode,
    phone: member.phone,
    address: member.address ?? '',
    isExecutor: member.isExecutor,
    consented: member.consented,
    doNotContact: member.doNotContact,
  };
}

/** The draft as the calls take it; an empty relation is left for the station to refuse at its field. */
export function memberInput(draft: MemberDraft): MemberInput {
  return {
    name: draft.name,
    relationCode: draft.relationCode as FamilyRelationCode,
    phone: draft.phone,
    address: draft.address.trim() === '' ? null : draft.address,
    isExecutor: draft.isExecutor,
    consented: draft.consented,
    doNotContact: draft.doNotContact,
  };
}
