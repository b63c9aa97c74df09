import { addCalendarDays } from './age';

/**
 * Donor-family care (人道关怀): after a donation took place, the station keeps in touch with the donor's
 * family: its members, what they consent to, a care plan of follow-ups, the contacts made, and the
 * invitations to the remembrance ceremonies. Nothing of a family is ever shown on a public screen.
 */

/**
 * How a member is related to the donor: the codes of GB/T 4761-2008 《家庭关系代码》. The standard's main
 * categories are used (10 配偶, 20 子, 30 女, 40 孙子女/外孙子女, 50 父母, 60 祖父母/外祖父母, 70 兄弟姐妹),
 * with 51 父亲 and 52 母亲 of the 50 group because families name the parent; 97 其他亲属 stands for the
 * standard's 80–96 (uncles, aunts, cousins, nephews, nieces) and 99 非亲属 for a non-relative such as an
 * executor who is a friend. Labels: `family:relation.<code>`.
 */
export const familyRelationCodes = ['10', '20', '30', '40', '50', '51', '52', '60', '70', '97', '99'] as const;
/** One relation code of GB/T 4761. */
export type FamilyRelationCode = (typeof familyRelationCodes)[number];

/** How the family prefers to be reached. Labels: `family:channel.<channel>`. */
export const familyContactChannels = ['phone', 'home_visit', 'letter', 'sms'] as const;
export type FamilyContactChannel = (typeof familyContactChannels)[number];

/**
 * What a family consents to, each on its own: the donor's name engraved on the memorial wall, the
 * donation told in publicity, and being contacted at all. `contact` refused counts as do-not-contact.
 * Labels: `family:consentPurpose.<purpose>`.
 */
export const familyConsentPurposes = ['name_engraving', 'publicity', 'contact'] as const;
export type FamilyConsentPurpose = (typeof familyConsentPurposes)[number];

/**
 * The version of the family consent texts (`family:consentText.<purpose>`). Stored with every consent,
 * so later wording never changes what a family agreed to; change it whenever a text changes.
 */
export const FAMILY_CONSENT_TEXT_VERSION = '2026-12';

/** How staff were in touch with a family. Labels: `family:contactKind.<kind>`. */
export const familyContactKinds = ['phone_call', 'home_visit', 'festival_visit'] as const;
export type FamilyContactKind = (typeof familyContactKinds)[number];

/**
 * Where a follow-up of the care plan comes from: a number of days after the donation, the yearly visit
 * before Qingming, or a next date staff set when they logged a contact. Labels: `family:followUpKind.<kind>`.
 */
export const followUpKinds = ['after_donation', 'qingming', 'next_step'] as const;
export type FollowUpKind = (typeof followUpKinds)[number];

/**
 * A follow-up is `open` until a contact marks it `done`; `stopped` when the family asked not to be
 * contacted (a later change of mind re-opens those still ahead). Labels: `family:followUpState.<state>`.
 */
export const followUpStates = ['open', 'done', 'stopped'] as const;
export type FollowUpState = (typeof followUpStates)[number];

/** The remembrance ceremonies a family is invited to. Labels: `family:ceremony.<ceremony>`. */
export const ceremonies = ['qingming', 'life_tribute', 'university_ceremony'] as const;
export type Ceremony = (typeof ceremonies)[number];

/** An invitation is `invited` until the family answers. Labels: `family:invitationState.<state>`. */
export const invitationStates = ['invited', 'accepted', 'declined'] as const;
export type InvitationState = (typeof invitationStates)[number];

/** The answers a family gives to an invitation. */
export const invitationAnswers = ['accepted', 'declined'] as const;
export type InvitationAnswer = (typeof invitationAnswers)[number];

/** Who recorded that a family came: staff at the desk, or the family's own sign-in at the memorial kiosk. */
export const attendanceSources = ['staff', 'kiosk'] as const;
export type AttendanceSource = (typeof attendanceSources)[number];

/**
 * The characters of an invitation code: capitals and digits without those read alike (0/O, 1/I/L), so a
 * code printed on the letter is typed right at the kiosk.
 */
export const INVITATION_CODE_ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';
/** The length of an invitation code. */
export const INVITATION_CODE_LENGTH = 8;

/** An invitation code as a visitor may type it: spaces and hyphens dropped, letters made capital; null when it cannot be one. */
export function normaliseInvitationCode(raw: string): string | null {
  const value = raw.normalize('NFKC').replace(/[\s-]/gu, '').toUpperCase();
  if (value.length !== INVITATION_CODE_LENGTH) return null;
  return Array.from(value).every((character) => INVITATION_CODE_ALPHABET.includes(character)) ? value : null;
}

/** The days after the donation of the first follow-ups (two weeks, three months, the first anniversary). */
export const DEFAULT_FOLLOW_UP_OFFSETS_DAYS = [14, 91, 365] as const;
/** The yearly Qingming visit falls due this many days before 4 April. */
export const DEFAULT_QINGMING_LEAD_DAYS = 7;
/** The most follow-ups after the donation a station may configure. */
export const MAX_FOLLOW_UP_OFFSETS = 8;
/** The longest offset a follow-up after the donation may have: five years. */
export const MAX_FOLLOW_UP_OFFSET_DAYS = 1830;
/** The longest lead before Qingming. */
export const MAX_QINGMING_LEAD_DAYS = 60;

/** The care-plan settings of the station (`familyCare` in the settings registry). */
export interface FamilyCareSettings {
  /** Days after the donation each first follow-up falls due, in increasing order. */
  followUpOffsetsDays: number[];
  /** Days before 4 April the yearly Qingming visit falls due. */
  qingmingLeadDays: number;
}

export const defaultFamilyCareSettings: FamilyCareSettings = {
  followUpOffsetsDays: [...DEFAULT_FOLLOW_UP_OFFSETS_DAYS],
  qingmingLeadDays: DEFAULT_QINGMING_LEAD_DAYS,
};

/** One follow-up of the care plan as the plan computes it. */
export interface PlannedFollowUp {
  kind: 'after_donation' | 'qingming';
  dueOn: string;
  /** The days after the donation (`after_donation`) or the year (`qingming`): what makes it unique in a family's plan. */
  slot: number;
}

/** The day the Qingming visit of a year falls due (Qingming is taken as 4 April, its usual day). */
export function qingmingDueOn(year: number, leadDays: number): string {
  return addCalendarDays(`${String(year).padStart(4, '0')}-04-04`, -leadDays);
}

/**
 * The follow-ups after a donation on `donatedOn`: one per configured offset, then a Qingming visit each
 * year after the first anniversary, up to and including `throughYear`. Pure, so the plan can be
 * materialised again at any time and yields the same rows.
 */
export function planFollowUps(donatedOn: string, settings: FamilyCareSettings, throughYear: number): PlannedFollowUp[] {
  const planned: PlannedFollowUp[] = settings.followUpOffsetsDays.map((days) => ({ kind: 'after_donation', dueOn: addCalendarDays(donatedOn, days), slot: days }));
  const firstAnniversary = addCalendarDays(donatedOn, 365);
  for (let year = Number(firstAnniversary.slice(0, 4)); year <= throughYear; year += 1) {
    const dueOn = qingmingDueOn(year, settings.qingmingLeadDays);
    if (dueOn > firstAnniversary) planned.push({ kind: 'qingming', dueOn, slot: year });
  }
  return planned;
}

/** Where a follow-up a family already has sits in its plan: kind and slot (no slot for a next step staff set). */
export interface LaidFollowUpSlot {
  kind: string;
  slot: number | null;
}

/**
 * The planned follow-ups a family has none for yet. A slot already laid counts whatever became of it
 * (open, done or stopped), so no slot is ever laid, or counted as due, twice.
 */
export function unlaidFollowUps(planned: readonly PlannedFollowUp[], laid: readonly LaidFollowUpSlot[]): PlannedFollowUp[] {
  const taken = new Set(laid.filter((row) => row.slot !== null).map((row) => `${row.kind}:${row.slot}`));
  return planned.filter((step) => !taken.has(`${step.kind}:${step.slot}`));
}

/** The longest window the due list looks ahead. */
export const MAX_DUE_LIST_DAYS = 60;
/** The most members a family record holds. */
export const MAX_FAMILY_MEMBERS = 30;
/** Longest address, in code points. */
export const MAX_FAMILY_ADDRESS_LENGTH = 200;
/** Longest note of needs or next step, in code points. */
export const MAX_CONTACT_NOTE_LENGTH = 2000;
