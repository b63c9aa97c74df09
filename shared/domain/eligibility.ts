import { checkPhone } from '../validation/phone';
import type { ValidationReason } from '../validation/reasons';
import { ageOn, type CalendarDate } from './age';
import type { Program } from './programs';

/** Who may register which program: the stem-cell age range differs by province, so it is a station setting. */
export interface EligibilitySettings {
  stemCellMinAge: number;
  stemCellMaxAge: number;
}

/** The national marrow registry's range, 18–45 inclusive, unless the station is configured otherwise. */
export const defaultEligibilitySettings: EligibilitySettings = { stemCellMinAge: 18, stemCellMaxAge: 45 };

/** Registering a donation intent needs full civil capacity, which Chinese law gives at 18. */
export const ADULT_AGE = 18;

/** The reasons a registrant's age can be refused for (a subset of the validation reasons). */
export type EligibilityReason = Extract<ValidationReason, 'age_under_18' | 'stem_cell_age_range'>;

/**
 * Eligible, or the reason the registrant's age does not allow the program; a stem-cell refusal names the
 * range in force (`min`–`max` years), so that the person reads the station's own limits.
 */
export type EligibilityCheck = { ok: true } | { ok: false; reason: EligibilityReason; params?: { min: number; max: number } };

/** What an age check needs: the registrant's birth date and the day of registration. */
export interface EligibilityInput {
  birthDate: CalendarDate;
  /** A calendar date, or a moment read as its date in Beijing time. */
  registrationDate: Date | CalendarDate;
  settings?: EligibilitySettings;
}

/**
 * Whether the registrant's age on the registration date allows the program. Organ, cornea and body:
 * 18 or older (`age_under_18`). Stem cell: from the minimum to the maximum age inclusive, so a
 * volunteer is still accepted on the day before the birthday that passes the maximum
 * (`stem_cell_age_range`); settings can narrow that range but never open it to minors, who lack the
 * civil capacity any intent needs. Ages follow {@link ageOn} (29 February birthdays fall on 1 March).
 * Throws a RangeError for a malformed date, which validation catches earlier.
 */
export function checkEligibility(program: Program, input: EligibilityInput): EligibilityCheck {
  const age = ageOn(input.birthDate, input.registrationDate);
  if (program === 'stem_cell') {
    const settings = input.settings ?? defaultEligibilitySettings;
    const min = Math.max(ADULT_AGE, settings.stemCellMinAge);
    const max = settings.stemCellMaxAge;
    return age >= min && age <= max ? { ok: true } : { ok: false, reason: 'stem_cell_age_range', params: { min, max } };
  }
  return age >= ADULT_AGE ? { ok: true } : { ok: false, reason: 'age_under_18' };
}

/** One emergency contact of a stem-cell volunteer, as typed. */
export interface EmergencyContact {
  name: string;
  phone: string;
}

/** The reasons a pair of emergency contacts can be refused for (a subset of the validation reasons). */
export type EmergencyContactsReason = Extract<
  ValidationReason,
  'emergency_contacts_two' | 'emergency_contact_own_phone' | 'emergency_contacts_same_phone'
>;

/** `index` points the screen at the contact (0 or 1) whose phone is at fault. */
export type EmergencyContactsCheck = { ok: true } | { ok: false; reason: EmergencyContactsReason; index?: number };

/** A stem-cell volunteer gives exactly two emergency contacts, so that one can be reached when the other cannot. */
export const EMERGENCY_CONTACT_COUNT = 2;

/**
 * The rules that span a volunteer's emergency contacts (each field's own format is checked by its
 * schema): exactly two contacts, each with a non-blank name and phone (`emergency_contacts_two`);
 * neither phone the volunteer's own (`emergency_contact_own_phone`), since the point is to reach
 * someone else; the two phones different (`emergency_contacts_same_phone`). Phones are compared in
 * normalised form (as {@link checkPhone} stores them, so `+86 138 1234 5678` equals `13812345678`,
 * and landlines and foreign numbers compare too), falling back to their digits. Never throws.
 */
export function checkStemCellContacts(volunteerPhone: string, contacts: readonly EmergencyContact[]): EmergencyContactsCheck {
  if (!Array.isArray(contacts) || contacts.length !== EMERGENCY_CONTACT_COUNT) return { ok: false, reason: 'emergency_contacts_two' };
  const phones: string[] = [];
  for (const contact of contacts) {
    if (typeof contact !== 'object' || contact === null || isBlank(contact.name) || isBlank(contact.phone)) {
      return { ok: false, reason: 'emergency_contacts_two' };
    }
    phones.push(phoneKey(contact.phone));
  }
  const own = typeof volunteerPhone === 'string' && !isBlank(volunteerPhone) ? phoneKey(volunteerPhone) : null;
  const ownIndex = phones.findIndex((phone) => phone === own);
  if (ownIndex >= 0) return { ok: false, reason: 'emergency_contact_own_phone', index: ownIndex };
  if (phones[0] === phones[1]) return { ok: false, reason: 'emergency_contacts_same_phone', index: 1 };
  return { ok: true };
}

/** The close relatives (近亲属) whose written opinion a body-donation registration records. */
export const closeRelations = ['spouse', 'adult_child', 'parent'] as const;
/** One of the close relations. */
export type CloseRelation = (typeof closeRelations)[number];

/** One close relative's recorded opinion on the body donation. */
export interface RelativeOpinion {
  relation: CloseRelation;
  agrees: boolean;
}

/** The reasons a body-donation registration can be refused for on its relatives' account. */
export type BodyDonationConsentReason = Extract<
  ValidationReason,
  'relative_disagrees' | 'close_relatives_required' | 'close_relatives_statement_conflict'
>;

/** The relatives' side of a body-donation registration is complete, or why it is not. */
export type BodyDonationConsentCheck = { ok: true } | { ok: false; reason: BodyDonationConsentReason };

/** What the registrant states besides the list of relatives. */
export interface BodyDonationConsentOptions {
  /** The registrant states that they have no living close relative (no spouse, adult child or parent). */
  noCloseRelatives?: boolean;
}

/**
 * The close-relative rule of a body-donation registration:
 * - any recorded disagreement refuses the registration (`relative_disagrees`), as the station must;
 * - otherwise at least one close relative's agreement is recorded, or the registrant states there is
 *   none (`noCloseRelatives`); an empty list without that statement is `close_relatives_required`, so
 *   that a forgotten step is never read as "no relatives";
 * - the statement together with recorded relatives contradicts itself
 *   (`close_relatives_statement_conflict`) and is sent back to be corrected rather than guessed at.
 * The station cannot know every relative, so one agreement and no disagreement suffice. Never throws.
 */
export function checkBodyDonationConsent(
  relatives: readonly RelativeOpinion[],
  options: BodyDonationConsentOptions = {},
): BodyDonationConsentCheck {
  const list = Array.isArray(relatives) ? relatives : [];
  if (list.some((relative) => relative?.agrees !== true)) return { ok: false, reason: 'relative_disagrees' };
  const statesNone = options.noCloseRelatives === true;
  if (list.length === 0) return statesNone ? { ok: true } : { ok: false, reason: 'close_relatives_required' };
  return statesNone ? { ok: false, reason: 'close_relatives_statement_conflict' } : { ok: true };
}

function isBlank(value: unknown): boolean {
  return typeof value !== 'string' || value.normalize('NFKC').trim() === '';
}

/** A phone in the form used to compare two numbers: its stored form when valid, else its digits. */
function phoneKey(raw: string): string {
  const check = checkPhone(raw, { allowLandline: true, allowForeign: true });
  if (check.ok) return check.extension === undefined ? check.value : `${check.value}#${check.extension}`;
  const text = raw.normalize('NFKC');
  const digits = text.replace(/\D/gu, '');
  return `?${digits === '' ? text.trim() : digits}`;
}
