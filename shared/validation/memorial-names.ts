import { z } from 'zod';
import { isCalendarDate } from '../domain/age';
import {
  consentingRelations,
  FIRST_ENGRAVING_YEAR,
  MAX_NAME_QUERY_LENGTH,
  MAX_WALL_LOCATION_LENGTH,
  MEMORIAL_CONSENT_TEXT_VERSION,
  memorialDonationKinds,
  foldForNameSearch,
  memorialEntryStates,
} from '../domain/memorial-names';
import { checkedText, isoTimestamp, personName, type FieldCheck } from './fields';
import { freeTextCheck } from './free-text';
import { documentKind, identityDocument } from './identity-fields';
import { shortText, signatureInput } from './registration';

/** The earliest day a family's consent to publishing a name is accepted as given on. */
const EARLIEST_CONSENT_DATE = '1950-01-01';

const entryId = z.string({ error: 'required' }).min(1, { error: 'required' }).max(64, { error: 'invalid' });

/** What a public search may hold: Chinese characters, Latin letters (pinyin, initials, foreign names), spaces and dots. */
const QUERY_CHARACTERS = /^[\p{Script=Han}\p{Script=Latin}\s\u00B7\u30FB\uFF65\u2022\u2027\u2219\u22C5\uFF0E]+$/u;

function checkNameQuery(raw: string): FieldCheck<string> {
  if (typeof raw !== 'string') return { ok: false, reason: 'invalid' };
  const value = raw.normalize('NFKC').trim();
  if (value === '') return { ok: false, reason: 'required' };
  if (Array.from(value).length > MAX_NAME_QUERY_LENGTH) return { ok: false, reason: 'text_too_long' };
  if (!QUERY_CHARACTERS.test(value) || foldForNameSearch(value) === '') return { ok: false, reason: 'search_query' };
  return { ok: true, value };
}

/** A public search of the name list: characters of a name, its pinyin initials or the start of its pinyin. */
export const nameQuery = checkedText(checkNameQuery);

export const nameSearchInput = z.object({ query: nameQuery });

/**
 * The family's consent to publishing the name, recorded with the entry: the consenting relative's
 * name, relation and identity document (checked, then kept masked), their signature drawn on the screen
 * or on the paper form the station files, the day they gave it and the version of the text they read.
 */
export const memorialConsentInput = z.object(
  {
    relativeName: personName,
    relation: z.enum(consentingRelations, { error: 'consent_relation' }),
    relativeDocument: identityDocument,
    signature: signatureInput,
    givenOn: z
      .string({ error: 'consent_date' })
      .refine(isCalendarDate, { error: 'consent_date' })
      // Earlier dates are typing slips (1900-01-01); the service refuses dates after today.
      .refine((date) => date >= EARLIEST_CONSENT_DATE, { error: 'consent_date_too_early' }),
    textVersion: z.literal(MEMORIAL_CONSENT_TEXT_VERSION, { error: 'consent_text_outdated' }),
  },
  { error: 'memorial_consent_required' },
);

/** A wall location as staff write it ("东区 3 排 12 号"): one line of free text. */
const wallLocation = checkedText((raw) => {
  const check = freeTextCheck(MAX_WALL_LOCATION_LENGTH)(raw);
  return check.ok && check.value.includes('\n') ? { ok: false, reason: 'text_characters' } : check;
});

/**
 * A new entry of the name list. There is no entry without the family's consent: `consent` is required,
 * and the database refuses an entry row that does not point to a standing consent.
 */
export const memorialEntryInput = z.object({
  publishedName: personName,
  donationKind: z.enum(memorialDonationKinds, { error: 'donation_kind' }),
  engravingYear: z
    .number({ error: 'engraving_year' })
    .int({ error: 'engraving_year' })
    .min(FIRST_ENGRAVING_YEAR, { error: 'engraving_year' })
    .max(9999, { error: 'engraving_year' }),
  wallLocation,
  /** The person record of the donor, when the station has one. */
  personId: entryId.nullish().transform((value) => value ?? null),
  consent: memorialConsentInput,
  /** Set when staff confirmed that a published entry with the same name and wall location is a different person. */
  confirmDuplicate: z.boolean({ error: 'invalid' }).optional().default(false),
});

export const memorialEntryListInput = z.object({
  state: z.enum(memorialEntryStates, { error: 'invalid' }).optional(),
  /** Finds published entries the way the public search does; a withdrawn entry has no name to find. */
  query: nameQuery.optional(),
  limit: z.number({ error: 'invalid' }).int({ error: 'invalid' }).min(1, { error: 'invalid' }).max(200, { error: 'invalid' }).default(50),
});

/** Withdraws the family's consent: the entry leaves the public list at once. */
export const memorialConsentWithdrawInput = z.object({ entryId, reason: shortText });

// ---- What comes back ----

/** One name as the public list shows it: published by the family's consent, so in full. */
export const publicMemorialName = z.object({
  id: z.string(),
  name: z.string(),
  donationKind: z.enum(memorialDonationKinds),
  wallLocation: z.string(),
});

/** Names found, grouped by year of engraving, newest year first; `total` counts published names only. */
export const nameSearchResult = z.object({
  total: z.number().int(),
  groups: z.array(z.object({ year: z.number().int(), names: z.array(publicMemorialName) })),
});

/** An entry as the staff desk shows it; the relative's details masked, a withdrawn name masked. */
export const memorialEntryView = z.object({
  id: z.string(),
  state: z.enum(memorialEntryStates),
  name: z.string(),
  donationKind: z.enum(memorialDonationKinds),
  engravingYear: z.number().int(),
  wallLocation: z.string(),
  personId: z.string().nullable(),
  createdAt: isoTimestamp,
  createdBy: z.string().nullable(),
  withdrawn: z.object({ at: isoTimestamp, by: z.string().nullable() }).nullable(),
  consent: z.object({
    relativeName: z.string(),
    relation: z.enum(consentingRelations),
    relativeDocumentKind: documentKind,
    relativeDocument: z.string(),
    signature: z.enum(['drawn', 'paper']),
    givenOn: z.string(),
    textVersion: z.string(),
  }),
});

export const memorialEntryList = z.object({ total: z.number().int(), entries: z.array(memorialEntryView) });
