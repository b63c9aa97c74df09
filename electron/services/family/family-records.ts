import type { FamilyMemberInput } from '../../../shared/validation/family';
import type { CallOutput } from '../../../shared/contract/calls';
import type { FamilyConsentRow, FamilyContactRow, FamilyFollowUpRow, FamilyInvitationRow, FamilyMemberRow } from '../../db/repositories/family';
import type { DataProtection } from '../kernel/data-protection';

type FamilyView = CallOutput<'family:get'>;

/** A member's personal details: sealed together as one value, because they are always read together. */
export interface MemberDetails {
  name: string;
  phone: string;
  address: string | null;
}

export function sealMemberDetails(protection: DataProtection, member: FamilyMemberInput, context: 'family_member.details' | 'family_member_version.details'): string {
  const details: MemberDetails = { name: member.name, phone: member.phone, address: member.address };
  return protection.seal(JSON.stringify(details), context);
}

export function openMemberDetails(protection: DataProtection, row: Pick<FamilyMemberRow, 'details'>): MemberDetails {
  return JSON.parse(protection.open(row.details, 'family_member.details')) as MemberDetails;
}

/** The donor's name, from the person record's sealed fields. */
export function openDonorName(protection: DataProtection, sealedPersonal: string | undefined): string {
  if (sealedPersonal === undefined) return '';
  return (JSON.parse(protection.open(sealedPersonal, 'person.personal')) as { name: string }).name;
}

export function memberView(protection: DataProtection, row: FamilyMemberRow): FamilyView['members'][number] {
  const details = openMemberDetails(protection, row);
  return {
    id: row.id,
    name: details.name,
    relationCode: row.relation_code,
    phone: details.phone,
    address: details.address,
    isExecutor: row.is_executor === 1,
    consented: row.consented === 1,
    doNotContact: row.do_not_contact === 1,
    version: row.version,
    updatedAt: row.updated_at,
  };
}

export function consentView(row: FamilyConsentRow): FamilyView['consents'][number] {
  return {
    id: row.id,
    purpose: row.purpose,
    granted: row.granted === 1,
    memberId: row.member_id,
    givenOn: row.given_on,
    textVersion: row.text_version,
    recordedAt: row.recorded_at,
    recordedBy: row.recorded_by,
  };
}

/** The consent standing for each purpose: the first of each purpose in a newest-first list. */
export function standingConsents<Row extends Pick<FamilyConsentRow, 'purpose'>>(newestFirst: readonly Row[]): Row[] {
  const seen = new Set<string>();
  return newestFirst.filter((row) => {
    if (seen.has(row.purpose)) return false;
    seen.add(row.purpose);
    return true;
  });
}

/** Whether the family refused to be contacted through its consents (the latest `contact` consent is a refusal). */
export function contactRefused(newestFirst: readonly Pick<FamilyConsentRow, 'purpose' | 'granted'>[]): boolean {
  return newestFirst.find((row) => row.purpose === 'contact')?.granted === 0;
}

export function followUpView(row: FamilyFollowUpRow): FamilyView['followUps'][number] {
  return { id: row.id, kind: row.kind, dueOn: row.due_on, state: row.state, contactId: row.contact_id };
}

export function contactView(protection: DataProtection, row: FamilyContactRow): FamilyView['contacts'][number] {
  return {
    id: row.id,
    kind: row.kind,
    on: row.contacted_on,
    memberId: row.member_id,
    followUpId: row.follow_up_id,
    needs: protection.openOptional(row.needs, 'family_contact.needs'),
    nextStep: protection.openOptional(row.next_step, 'family_contact.next_step'),
    recordedAt: row.recorded_at,
    recordedBy: row.recorded_by,
  };
}

export function invitationView(row: FamilyInvitationRow): CallOutput<'family:invite'> {
  return {
    id: row.id,
    familyId: row.family_id,
    ceremony: row.ceremony,
    year: row.year,
    code: row.code,
    state: row.state,
    invitedAt: row.invited_at,
    answeredAt: row.answered_at,
    attendedAt: row.attended_at,
    attendedSource: row.attended_source,
  };
}
