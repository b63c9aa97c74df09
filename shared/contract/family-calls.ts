import { call, caresForFamilies, readsFigures } from './call';
import {
  dueList,
  familyAddMemberInput,
  familyAnswerInvitationInput,
  familyConsentInput,
  familyDueListInput,
  familyFigures,
  familyFiguresInput,
  familyFromRegistration,
  familyFromRegistrationInput,
  familyInviteInput,
  familyInviteYearlyInput,
  familyList,
  familyListInput,
  familyLogContactInput,
  familyOpenInput,
  familyRef,
  familyReopenCeremonyInput,
  familySetDoNotContactInput,
  familyUpdateMemberInput,
  familyView,
  invitationRef,
  invitationView,
  inviteYearlyResult,
} from '../validation/family';

/**
 * Donor-family care (人道关怀): the family of a realised donation, its members and consents, the care plan
 * and contacts, the remembrance invitations. Staff who care for families only; the auditor sees the
 * figures, the kiosk nothing (a family's invitation code typed at the visitor sign-in goes through
 * `visitor:signIn`). Calls that change a family return its page, as `family:get` does.
 */
export const familyCalls = {
  /** Opens the family of a realised registration (once), with its members; creates the care plan from the donation date. */
  'family:open': call(familyOpenInput, familyView, caresForFamilies),
  /** A family's page, unmasked; every reading is audited. */
  'family:get': call(familyRef, familyView, caresForFamilies),
  /** Families with the donor's name masked, donation date, programme, do-not-contact, next follow-up. */
  'family:list': call(familyListInput, familyList, caresForFamilies),
  /** The family opened from a registration, if any (for the Records screen). */
  'family:fromRegistration': call(familyFromRegistrationInput, familyFromRegistration, caresForFamilies),
  /** A new member of the family. */
  'family:addMember': call(familyAddMemberInput, familyView, caresForFamilies),
  /** A member's details replaced by a new version; earlier versions are kept. */
  'family:updateMember': call(familyUpdateMemberInput, familyView, caresForFamilies),
  /** The family asks not to be contacted (every scheduled step stops) or asks again to be; the reason is sealed. */
  'family:setDoNotContact': call(familySetDoNotContactInput, familyView, caresForFamilies),
  /** A consent given or refused by a member; the latest per purpose stands. */
  'family:consent': call(familyConsentInput, familyView, caresForFamilies),
  /** Follow-ups due in the coming days and overdue, across families, names masked; never a family not to be contacted. */
  'family:dueList': call(familyDueListInput, dueList, caresForFamilies),
  /** A contact with the family: marks its follow-up done, may set the next one. */
  'family:logContact': call(familyLogContactInput, familyView, caresForFamilies),
  /** Invites the family to a ceremony of a year; the invitation's code is printed on the letter. */
  'family:invite': call(familyInviteInput, invitationView, caresForFamilies),
  /** Invites every family that may be invited to a ceremony of a year. */
  'family:inviteYearly': call(familyInviteYearlyInput, inviteYearlyResult, caresForFamilies),
  /** The family's answer to an invitation. */
  'family:answerInvitation': call(familyAnswerInvitationInput, invitationView, caresForFamilies),
  /** Staff record that the family came. */
  'family:markAttended': call(invitationRef, invitationView, caresForFamilies),
  /** Re-opens a ceremony the family declined, so the yearly invitations include it again. */
  'family:reopenCeremony': call(familyReopenCeremonyInput, familyView, caresForFamilies),
  /** The family-care figures of a year, with the aid paid per programme. */
  'family:figures': call(familyFiguresInput, familyFigures, readsFigures),
} as const;
