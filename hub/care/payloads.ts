import { aidCaseStates, aidProgrammes, type AidCaseState, type AidProgramme } from '../../shared/domain/aid';
import { familyConsentPurposes, type FamilyConsentPurpose } from '../../shared/domain/family';
import { PROVINCE_UTC_OFFSET_HOURS } from '../figures/period';

/**
 * The facts the hub reads from the donor-family care kinds (docs/sync-protocol.md §5.3). The line checks
 * (`electron/sync/payload-check.ts`) have looked at the fields they name; each reader here checks every field it
 * uses besides, so a payload without their shape reads as null, is stored as sent, and counts nowhere. Nothing
 * read here names a person: the payloads carry none, and only codes, days and counts are taken.
 */

/** A `donor_family` version: its donation, when it was opened, do-not-contact and the consents standing. */
export interface FamilyFacts {
  registrationId: string;
  donatedOn: string;
  /** YYYY-MM-DD in China Standard Time. */
  openedOn: string;
  doNotContact: boolean;
  /** Each purpose's latest consent: granted or refused; a purpose never asked about is absent. */
  consents: Partial<Record<FamilyConsentPurpose, boolean>>;
}

/** A `family_care_year` version: one family's counts in one year. */
export interface CareYearFacts {
  familyId: string;
  year: number;
  phoneCalls: number;
  homeVisits: number;
  festivalVisits: number;
  /** Every contact of the year, whatever its kind. */
  contacts: number;
  followUpsDone: number;
  followUpsStopped: number;
  invitations: number;
  accepted: number;
  attended: number;
}

/** An `aid_case` version: its programme, where it stands, the sum granted and its days. */
export interface AidCaseFacts {
  familyId: string;
  programme: AidProgramme;
  state: AidCaseState;
  /** YYYY-MM-DD in China Standard Time: the day of the application step. */
  appliedOn: string;
  amountGrantedFen: number | null;
  noticeFrom: string | null;
  noticeTo: string | null;
  paidOn: string | null;
}

type Payload = Record<string, unknown>;

function isObject(value: unknown): value is Payload {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

const DAY = /^\d{4}-\d{2}-\d{2}$/;

const text = (value: unknown): string | null => (typeof value === 'string' && value !== '' ? value : null);
const day = (value: unknown): string | null => (typeof value === 'string' && DAY.test(value) ? value : null);
const count = (value: unknown): number | null => (typeof value === 'number' && Number.isSafeInteger(value) && value >= 0 ? value : null);

/** The day of a moment in China Standard Time, YYYY-MM-DD; null when it is not a moment. */
function provinceDay(value: unknown): string | null {
  if (typeof value !== 'string') return null;
  const time = Date.parse(value);
  if (Number.isNaN(time)) return null;
  return new Date(time + PROVINCE_UTC_OFFSET_HOURS * 3_600_000).toISOString().slice(0, 10);
}

function isOneOf<T extends string>(value: unknown, allowed: readonly T[]): value is T {
  return typeof value === 'string' && (allowed as readonly string[]).includes(value);
}

/** A `donor_family` payload's facts. */
export function familyFacts(payload: unknown): FamilyFacts | null {
  if (!isObject(payload)) return null;
  const registrationId = text(payload.registrationId);
  const donatedOn = day(payload.donatedOn);
  const openedOn = provinceDay(payload.openedAt);
  if (registrationId === null || donatedOn === null || openedOn === null || typeof payload.doNotContact !== 'boolean' || !Array.isArray(payload.consents)) return null;
  const consents: Partial<Record<FamilyConsentPurpose, boolean>> = {};
  for (const consent of payload.consents) {
    if (!isObject(consent) || typeof consent.granted !== 'boolean') return null;
    // A purpose a later station knows and this hub does not is left out of the figures.
    if (isOneOf(consent.purpose, familyConsentPurposes)) consents[consent.purpose] = consent.granted;
  }
  return { registrationId, donatedOn, openedOn, doNotContact: payload.doNotContact, consents };
}

/** A `family_care_year` payload's facts. */
export function careYearFacts(payload: unknown): CareYearFacts | null {
  if (!isObject(payload)) return null;
  const familyId = text(payload.familyId);
  const year = typeof payload.year === 'number' && Number.isSafeInteger(payload.year) ? payload.year : null;
  const contacts = payload.contacts;
  if (familyId === null || year === null || !isObject(contacts)) return null;
  const byKind = Object.values(contacts).map(count);
  const followUpsDone = count(payload.followUpsDone);
  const followUpsStopped = count(payload.followUpsStopped);
  const invitations = count(payload.invitations);
  const accepted = count(payload.accepted);
  const attended = count(payload.attended);
  if (byKind.includes(null) || followUpsDone === null || followUpsStopped === null || invitations === null || accepted === null || attended === null) return null;
  // A kind without any contact is absent from the payload.
  const contactsOf = (kind: string) => count(contacts[kind]) ?? 0;
  return {
    familyId,
    year,
    phoneCalls: contactsOf('phone_call'),
    homeVisits: contactsOf('home_visit'),
    festivalVisits: contactsOf('festival_visit'),
    contacts: byKind.reduce<number>((sum, value) => sum + (value ?? 0), 0),
    followUpsDone,
    followUpsStopped,
    invitations,
    accepted,
    attended,
  };
}

/** An `aid_case` payload's facts; the application step's moment gives the day the case counts in. */
export function aidCaseFacts(payload: unknown): AidCaseFacts | null {
  if (!isObject(payload)) return null;
  const familyId = text(payload.familyId);
  if (familyId === null || !isOneOf(payload.programme, aidProgrammes) || !isOneOf(payload.state, aidCaseStates) || !Array.isArray(payload.steps)) return null;
  const application = payload.steps.find((step): step is Payload => isObject(step) && step.step === 'application');
  const appliedOn = application ? provinceDay(application.at) : null;
  if (appliedOn === null) return null;
  const granted = payload.amountGrantedFen;
  const amountGrantedFen = typeof granted === 'number' && Number.isSafeInteger(granted) && granted > 0 ? granted : null;
  if (granted !== null && granted !== undefined && amountGrantedFen === null) return null;
  return {
    familyId,
    programme: payload.programme,
    state: payload.state,
    appliedOn,
    amountGrantedFen,
    noticeFrom: day(payload.noticeFrom),
    noticeTo: day(payload.noticeTo),
    paidOn: day(payload.paidOn),
  };
}
