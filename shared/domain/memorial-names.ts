import type { Program } from './programs';

/**
 * The donor name list (纪念名录): names (or an alias the family chose)
 * engraved on the memorial wall, published only while the family's consent stands, found by Chinese
 * characters and by pinyin, grouped by year of engraving.
 */

/** What a memorial name commemorates: the donations that end in a memorial (stem cells do not). */
export const memorialDonationKinds = ['organ', 'cornea', 'body'] as const satisfies readonly Program[];
export type MemorialDonationKind = (typeof memorialDonationKinds)[number];

/**
 * An entry is `published` while the family's consent stands; `withdrawn` once it is withdrawn, which is
 * final: the name leaves the public list at once and is kept only sealed, for the entry's history.
 */
export const memorialEntryStates = ['published', 'withdrawn'] as const;
export type MemorialEntryState = (typeof memorialEntryStates)[number];

/**
 * Who gives the family's consent, relative to the donor. Not `self` (the donor has died) and not an
 * organisation: publishing a name is the family's decision.
 */
export const consentingRelations = ['spouse', 'parent', 'child', 'sibling', 'other_relative', 'executor', 'other'] as const;
export type ConsentingRelation = (typeof consentingRelations)[number];

/**
 * The version of the consent text the staff form shows (`nameListDesk:consent.text`). Stored with every
 * consent, so later wording never changes what a family agreed to; change it whenever the text changes.
 */
export const MEMORIAL_CONSENT_TEXT_VERSION = '2026-04';

/** The first year a name can have been engraved: the list starts with the earliest recorded donors. */
export const FIRST_ENGRAVING_YEAR = 1950;

/** Names are engraved each year before Qingming, so the coming year is prepared ahead. */
export function latestEngravingYear(currentYear: number): number {
  return currentYear + 1;
}

/** Longest wall location, in code points ("东区 3 排 12 号" and the like). */
export const MAX_WALL_LOCATION_LENGTH = 60;

/** Longest public search, in code points: a name and a bit. */
export const MAX_NAME_QUERY_LENGTH = 50;

/** The most names one public search shows; the count says how many matched in all. */
export const NAME_SEARCH_LIMIT = 100;

/** Look-alike dots people type between the parts of a name, and the middle dot itself. */
const DOTS = /[\u00B7\u30FB\uFF65\u2022\u2027\u2219\u22C5\uFF0E]/gu;

/**
 * A name or a search folded to the form search keys are compared in: full-width letters made ASCII
 * (NFKC), lower case, `ü` written `v` as pinyin keyboards do, and no spaces or dots between the parts,
 * so `阿依古丽·买买提` and `阿依古丽 买买提` are one name. Used for both the stored keys and the query.
 */
export function foldForNameSearch(text: string): string {
  return text.normalize('NFKC').toLowerCase().replace(/ü/gu, 'v').replace(DOTS, '').replace(/\s+/gu, '');
}
