import { createContext, useContext } from 'react';
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
}

/** Opens another screen from deep inside one (e.g. the documents screen after issuing from a record). */
export const OpenScreenContext = createContext<(screen: ScreenName, target?: ScreenTarget) => void>(() => undefined);

export function useOpenScreen(): (screen: ScreenName, target?: ScreenTarget) => void {
  return useContext(OpenScreenContext);
}
