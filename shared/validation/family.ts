import { z } from 'zod';
import { isCalendarDate } from '../domain/age';
import { documentStates } from '../domain/documents';
import {
  attendanceSources,
  ceremonies,
  FAMILY_CONSENT_TEXT_VERSION,
  familyConsentPurposes,
  familyContactChannels,
  familyContactKinds,
  familyRelationCodes,
  followUpKinds,
  followUpStates,
  invitationAnswers,
  invitationStates,
  MAX_CONTACT_NOTE_LENGTH,
  MAX_DUE_LIST_DAYS,
  MAX_FAMILY_ADDRESS_LENGTH,
  MAX_FAMILY_MEMBERS,
} from '../domain/family';
import { memorialEntryStates } from '../domain/memorial-names';
import { programs } from '../domain/programs';
import { isoTimestamp, optionalCheckedText, personName } from './fields';
import { freeTextCheck } from './free-text';
import { anyPhone, shortText } from './registration';

/** The earliest day a family's consent or a contact is accepted as given on: earlier dates are typing slips. */
const EARLIEST_FAMILY_DATE = '1950-01-01';

const recordId = z.string({ error: 'required' }).min(1, { error: 'required' }).max(64, { error: 'invalid' });

/** A calendar date a family gave or staff did something on (the service refuses dates after today). */
const pastDate = z
  .string({ error: 'period_date' })
  .refine(isCalendarDate, { error: 'period_date' })
  .refine((date) => date >= EARLIEST_FAMILY_DATE, { error: 'consent_date_too_early' });

/** A calendar date, past or future. */
const calendarDate = z.string({ error: 'period_date' }).refine(isCalendarDate, { error: 'period_date' });

/** A year of the care figures or of a ceremony. */
const year = z.number({ error: 'period_year' }).int({ error: 'period_year' }).min(2000, { error: 'period_year' }).max(2999, { error: 'period_year' });

/** A postal address on one or more lines. */
const address = optionalCheckedText(freeTextCheck(MAX_FAMILY_ADDRESS_LENGTH));
/** A note of a contact (the family's needs, the next step): several lines, sealed at rest. */
const contactNote = optionalCheckedText(freeTextCheck(MAX_CONTACT_NOTE_LENGTH));

/** One member of a donor's family as staff enter them; the name, phone and address are sealed together. */
export const familyMemberInput = z.object({
  name: personName,
  relationCode: z.enum(familyRelationCodes, { error: 'relative_relation' }),
  phone: anyPhone,
  address,
  /** The member executes the donor's wishes (遗嘱执行人 or the relative who signed for the family). */
  isExecutor: z.boolean({ error: 'invalid' }).default(false),
  /** The member agreed to the donation. */
  consented: z.boolean({ error: 'invalid' }),
  /** This member asked not to be contacted; the family may still be reached through the others. */
  doNotContact: z.boolean({ error: 'invalid' }).default(false),
});

/** Opens the family of a realised registration, with at least one member. */
export const familyOpenInput = z.object({
  registrationId: recordId,
  preferredChannel: z.enum(familyContactChannels, { error: 'invalid' }),
  members: z.array(familyMemberInput, { error: 'required' }).min(1, { error: 'required' }).max(MAX_FAMILY_MEMBERS, { error: 'invalid' }),
});

export const familyRef = z.object({ familyId: recordId });

export const familyAddMemberInput = z.object({ familyId: recordId, member: familyMemberInput });

/** A member's details replaced by a new version; the earlier versions are kept. */
export const familyUpdateMemberInput = z.object({ familyId: recordId, memberId: recordId, member: familyMemberInput });

/** The family asks not to be contacted (every scheduled step stops), or asks again to be contacted. */
export const familySetDoNotContactInput = z.object({ familyId: recordId, doNotContact: z.boolean({ error: 'invalid' }), reason: shortText });

/** A consent given (or refused) by a member of the family, on a day, to the text of a version. */
export const familyConsentInput = z.object({
  familyId: recordId,
  memberId: recordId,
  purpose: z.enum(familyConsentPurposes, { error: 'invalid' }),
  granted: z.boolean({ error: 'invalid' }),
  givenOn: pastDate,
  textVersion: z.literal(FAMILY_CONSENT_TEXT_VERSION, { error: 'consent_text_outdated' }),
});

/** What falls due from `from` (today when left out) for `days` days, and everything overdue before it. */
export const familyDueListInput = z.object({
  from: calendarDate.optional(),
  days: z.number({ error: 'invalid' }).int({ error: 'invalid' }).min(1, { error: 'invalid' }).max(MAX_DUE_LIST_DAYS, { error: 'invalid' }).default(7),
});

/** A contact with the family: marks its follow-up done and may set the next one. */
export const familyLogContactInput = z.object({
  familyId: recordId,
  followUpId: recordId.nullish().transform((value) => value ?? null),
  kind: z.enum(familyContactKinds, { error: 'invalid' }),
  on: pastDate,
  memberId: recordId.nullish().transform((value) => value ?? null),
  needs: contactNote,
  nextStep: contactNote,
  nextDueOn: calendarDate.nullish().transform((value) => value ?? null),
});

export const familyInviteInput = z.object({ familyId: recordId, ceremony: z.enum(ceremonies, { error: 'invalid' }), year });

export const invitationRef = z.object({ invitationId: recordId });

export const familyAnswerInvitationInput = z.object({ invitationId: recordId, answer: z.enum(invitationAnswers, { error: 'invalid' }) });

/** Invites every family to a ceremony of a year, but those who declined it and those not to be contacted. */
export const familyInviteYearlyInput = z.object({ ceremony: z.enum(ceremonies, { error: 'invalid' }), year });

/** Staff re-open a ceremony a family declined, so the yearly invitations include the family again. */
export const familyReopenCeremonyInput = z.object({ familyId: recordId, ceremony: z.enum(ceremonies, { error: 'invalid' }) });

export const familyListInput = z.object({
  /** Part of the registration number, or the donor's whole name. */
  query: optionalCheckedText(freeTextCheck(50)),
  limit: z.number({ error: 'invalid' }).int({ error: 'invalid' }).min(1, { error: 'invalid' }).max(200, { error: 'invalid' }).default(50),
});

export const familyFromRegistrationInput = z.object({ registrationId: recordId });

export const familyFiguresInput = z.object({ year });

// ---- What comes back ----

export const familyMemberView = z.object({
  id: z.string(),
  name: z.string(),
  relationCode: z.enum(familyRelationCodes),
  phone: z.string(),
  address: z.string().nullable(),
  isExecutor: z.boolean(),
  consented: z.boolean(),
  doNotContact: z.boolean(),
  /** 1 for the details first entered, one more for each update. */
  version: z.number().int(),
  updatedAt: isoTimestamp,
});

export const familyConsentView = z.object({
  id: z.string(),
  purpose: z.enum(familyConsentPurposes),
  granted: z.boolean(),
  memberId: z.string(),
  givenOn: z.string(),
  textVersion: z.string(),
  recordedAt: isoTimestamp,
  recordedBy: z.string().nullable(),
});

export const followUpView = z.object({
  id: z.string(),
  kind: z.enum(followUpKinds),
  dueOn: z.string(),
  state: z.enum(followUpStates),
  /** The contact that marked it done. */
  contactId: z.string().nullable(),
});

export const familyContactView = z.object({
  id: z.string(),
  kind: z.enum(familyContactKinds),
  on: z.string(),
  memberId: z.string().nullable(),
  followUpId: z.string().nullable(),
  needs: z.string().nullable(),
  nextStep: z.string().nullable(),
  recordedAt: isoTimestamp,
  recordedBy: z.string().nullable(),
});

export const invitationView = z.object({
  id: z.string(),
  familyId: z.string(),
  ceremony: z.enum(ceremonies),
  year: z.number().int(),
  /** Printed on the letter; typed at the memorial kiosk's sign-in it records that the family came. */
  code: z.string(),
  state: z.enum(invitationStates),
  invitedAt: isoTimestamp,
  answeredAt: isoTimestamp.nullable(),
  attendedAt: isoTimestamp.nullable(),
  attendedSource: z.enum(attendanceSources).nullable(),
});

/** A certificate given for the donor, with where it stands in its closed loop. */
export const familyCertificateView = z.object({
  id: z.string(),
  kind: z.string(),
  serialNumber: z.string(),
  state: z.enum(documentStates),
  issuedAt: isoTimestamp,
});

/** The donor's entry on the memorial name list. */
export const familyMemorialNameView = z.object({
  id: z.string(),
  state: z.enum(memorialEntryStates),
  engravingYear: z.number().int(),
  wallLocation: z.string(),
});

/** A family's page for staff: everything, unmasked; reading it is audited. */
export const familyView = z.object({
  id: z.string(),
  registrationId: z.string(),
  registrationNumber: z.string(),
  personId: z.string(),
  donorName: z.string(),
  programme: z.enum(programs),
  donatedOn: z.string(),
  preferredChannel: z.enum(familyContactChannels),
  doNotContact: z.boolean(),
  doNotContactReason: z.string().nullable(),
  openedAt: isoTimestamp,
  openedBy: z.string().nullable(),
  version: z.number().int(),
  members: z.array(familyMemberView),
  /** The standing consent of each purpose (the latest given), and every consent given, newest first. */
  standingConsents: z.array(familyConsentView),
  consents: z.array(familyConsentView),
  followUps: z.array(followUpView),
  contacts: z.array(familyContactView),
  invitations: z.array(invitationView),
  /** Ceremonies the family declined: not invited by the yearly invitations until staff re-open them. */
  declinedCeremonies: z.array(z.enum(ceremonies)),
  certificates: z.array(familyCertificateView),
  memorialNames: z.array(familyMemorialNameView),
});

/** One family in the list; the donor's name masked. */
export const familySummary = z.object({
  id: z.string(),
  registrationNumber: z.string(),
  donorName: z.string(),
  programme: z.enum(programs),
  donatedOn: z.string(),
  doNotContact: z.boolean(),
  nextDueOn: z.string().nullable(),
});

export const familyList = z.object({ total: z.number().int(), families: z.array(familySummary) });

/** One follow-up due; names masked (`张*`). */
export const dueFollowUp = z.object({
  followUpId: z.string(),
  familyId: z.string(),
  donorName: z.string(),
  kind: z.enum(followUpKinds),
  dueOn: z.string(),
  overdue: z.boolean(),
  preferredChannel: z.enum(familyContactChannels),
  /** Members who may be contacted, masked, with their relation. */
  members: z.array(z.object({ id: z.string(), name: z.string(), relationCode: z.enum(familyRelationCodes) })),
});

export const dueList = z.object({ from: z.string(), to: z.string(), items: z.array(dueFollowUp) });

export const familyFromRegistration = z.object({ familyId: z.string().nullable() });

export const inviteYearlyResult = z.object({
  invited: z.number().int(),
  alreadyInvited: z.number().int(),
  declined: z.number().int(),
  notToBeContacted: z.number().int(),
});

export const familyFigures = z.object({
  year: z.number().int(),
  familiesOpen: z.number().int(),
  familiesContacted: z.number().int(),
  contacts: z.number().int(),
  /** Contacts in the year divided by the families contacted (0 when none). */
  contactsPerFamily: z.number(),
  contactsByKind: z.array(z.object({ kind: z.enum(familyContactKinds), count: z.number().int() })),
  followUpsOverdue: z.number().int(),
  invitations: z.array(z.object({ ceremony: z.enum(ceremonies), sent: z.number().int(), accepted: z.number().int(), attended: z.number().int() })),
  /** Aid paid in the year per programme, in fen (分). */
  aidPaid: z.array(z.object({ programme: z.string(), cases: z.number().int(), amountFen: z.number().int() })),
});

export type FamilyMemberInput = z.output<typeof familyMemberInput>;
export type FamilyView = z.output<typeof familyView>;
export type FamilyFigures = z.output<typeof familyFigures>;
