import { createContext, useContext } from 'react';
import type { ScreenName } from './session';

/** Opens another screen from deep inside one (e.g. the documents screen after issuing from a record). */
export const OpenScreenContext = createContext<(screen: ScreenName) => void>(() => undefined);

export function useOpenScreen(): (screen: ScreenName) => void {
  return useContext(OpenScreenContext);
}
