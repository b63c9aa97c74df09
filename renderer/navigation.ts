import { createContext, useContext } from 'react';
import type { ConsentingRelation, MemorialDonationKind } from '../shared/domain/memorial-names';
import type { ScreenName } from './session';

/**
 * What a screen opened from another one should show first: e.g. the family's page, or the aid cases
 * of one family. A screen opened from its home tile has none.
 */
export interface ScreenTarget {
  /** A donor family, by its id (`donor_family.id`). */
  familyId?: string;
  /** A realised registration whose family is to be opened or shown. */
  registrationId?: string;
  /** A donor, by person id (`person.id`): the name-list desk's add form opens linked to this donor. */
  personId?: string;
  /** What the name-list desk's add form starts with for that donor; staff still see and correct every field. */
  nameListEntry?: NameListEntryStart;
}

/** The facts of a donor's name-list entry already known where the desk is opened from (the family's page). */
export interface NameListEntryStart {
  /** Null when the donor's programme is not one engraved on the wall. */
  donationKind: MemorialDonationKind | null;
  /** The relative who consented to the engraving, as the consent's relative. */
  relativeName: string;
  /** Null when the relative's relation has no counterpart among the consent's relations. */
  relation: ConsentingRelation | null;
}

/** Opens another screen from deep inside one (e.g. the documents screen after issuing from a record). */
export const OpenScreenContext = createContext<(screen: ScreenName, target?: ScreenTarget) => void>(() => undefined);

export function useOpenScreen(): (screen: ScreenName, target?: ScreenTarget) => void {
  return useContext(OpenScreenContext);
}
