import { anyone, call, keepsRecords } from './call';
import {
  memorialConsentWithdrawInput,
  memorialEntryInput,
  memorialEntryList,
  memorialEntryListInput,
  memorialEntryView,
  nameSearchInput,
  nameSearchResult,
} from '../validation/memorial-names';

/** The donor name list (纪念名录): staff entries with family consent, public search. */
export const nameListCalls = {
  /** Finds published names by characters, pinyin or pinyin initials, grouped by year of engraving; anyone, at the kiosk too. */
  'nameList:search': call(nameSearchInput, nameSearchResult, anyone),
  /** A new name on the list with the family's consent, recorded together; no consent, no entry. */
  'nameList:add': call(memorialEntryInput, memorialEntryView, keepsRecords),
  /** The latest entries for the staff desk, published or withdrawn, the relative's details masked. */
  'nameList:list': call(memorialEntryListInput, memorialEntryList, keepsRecords),
  /** Withdraws the family's consent: the name leaves the public list at once and is kept only sealed. */
  'nameList:withdrawConsent': call(memorialConsentWithdrawInput, memorialEntryView, keepsRecords),
} as const;
