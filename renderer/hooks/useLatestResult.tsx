import { createContext, useCallback, useContext, useId, useMemo, useState, type ReactNode } from 'react';

interface LatestResult {
  /** The panel whose action started last, or null before any. */
  latest: string | null;
  begin: (panel: string) => void;
}

const LatestResultContext = createContext<LatestResult | null>(null);

/**
 * One result area per screen: the panels inside share it, so only the banner of the action started last
 * shows, and an older success or refusal never sits beside a newer result.
 */
export function LatestResultScope({ children }: { children: ReactNode }) {
  const [latest, setLatest] = useState<string | null>(null);
  const value = useMemo(() => ({ latest, begin: setLatest }), [latest]);
  return <LatestResultContext.Provider value={value}>{children}</LatestResultContext.Provider>;
}

/**
 * A panel's share of its screen's result area: `begin()` as its action starts; `shown` turns false once
 * another panel's action started after it. Outside a scope every result shows.
 */
export function useLatestResult(): { begin: () => void; shown: boolean } {
  const panel = useId();
  const scope = useContext(LatestResultContext);
  const beginInScope = scope?.begin;
  const begin = useCallback(() => beginInScope?.(panel), [beginInScope, panel]);
  return { begin, shown: scope === null || scope.latest === null || scope.latest === panel };
}
