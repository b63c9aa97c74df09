import { createContext, useCallback, useContext, useEffect, useMemo, useRef, useState } from 'react';
import { call } from '../api/client';
import { isWorking } from '../api/work-in-progress';

/** The elder-friendly mode of the public screens: large text, high contrast, large targets. */
export interface ElderMode {
  on: boolean;
  /** The visitor's one tap: on if it was off, off if it was on. */
  toggle: () => void;
  /** Back to the station's default, as for the next visitor (the idle wipe calls it). */
  resetToDefault: () => void;
}

/** Off and unchangeable outside the app's provider (and for staff, who never see the mode). */
export const ElderModeContext = createContext<ElderMode>({ on: false, toggle: () => undefined, resetToDefault: () => undefined });

/** The attribute on the document's root element that `renderer/elder-mode.css` keys on. */
export const ELDER_MODE_ATTRIBUTE = 'data-elder-mode';

/** What counts as someone still at the screen, for the reset of a mode left behind on a screen without its own wipe. */
const activityEvents = ['pointerdown', 'keydown', 'wheel', 'touchstart'] as const;

/** The elder-friendly mode as the public screens see it. */
export function useElderMode(): ElderMode {
  return useContext(ElderModeContext);
}

/**
 * The app's elder-friendly mode: the station's default (an administrator's setting, read again for
 * every new visitor), or the visitor's own choice until the idle wipe. It applies to the public
 * audience only: a signed-in staff member sees the normal screens. A choice left on a screen without
 * a wipe of its own (the home screen, the message wall) goes back to the default once nobody has
 * touched the kiosk for longer than any screen's wipe.
 */
export function useElderModeRoot(publicAudience: boolean): ElderMode {
  const [stationDefault, setStationDefault] = useState(false);
  const [resetAfterSeconds, setResetAfterSeconds] = useState(0);
  /** The visitor's own choice; null: the station's default. */
  const [chosen, setChosen] = useState<boolean | null>(null);
  const latestRead = useRef(0);

  const readDefault = useCallback(() => {
    const ticket = ++latestRead.current;
    call('settings:kioskOptions', undefined).then(
      (options) => {
        if (ticket !== latestRead.current) return;
        setStationDefault(options.elderModeDefault);
        setResetAfterSeconds(Math.max(options.formIdleSeconds, options.browseIdleSeconds) + options.countdownSeconds);
      },
      // Without the station's answer the kiosk keeps the default it last read.
      () => undefined,
    );
  }, []);

  const resetToDefault = useCallback(() => {
    setChosen(null);
    readDefault();
  }, [readDefault]);

  // A new public audience (the app opening, staff signing out) is a new visitor.
  useEffect(() => {
    if (publicAudience) resetToDefault();
  }, [publicAudience, resetToDefault]);

  const on = publicAudience && (chosen ?? stationDefault);
  useEffect(() => {
    const root = document.documentElement;
    if (on) root.setAttribute(ELDER_MODE_ATTRIBUTE, 'on');
    else root.removeAttribute(ELDER_MODE_ATTRIBUTE);
  }, [on]);

  useEffect(() => {
    if (chosen === null || !publicAudience || !(resetAfterSeconds > 0)) return undefined;
    // Like the wipes, never while a save or a print is under way: the wait starts again instead.
    const resetUnlessWorking = () => (isWorking() ? onActivity() : resetToDefault());
    let timer = setTimeout(resetUnlessWorking, resetAfterSeconds * 1000);
    function onActivity() {
      clearTimeout(timer);
      timer = setTimeout(resetUnlessWorking, resetAfterSeconds * 1000);
    }
    for (const type of activityEvents) window.addEventListener(type, onActivity, { capture: true, passive: true });
    return () => {
      clearTimeout(timer);
      for (const type of activityEvents) window.removeEventListener(type, onActivity, { capture: true });
    };
  }, [chosen, publicAudience, resetAfterSeconds, resetToDefault]);

  const toggle = useCallback(() => setChosen(!on), [on]);
  return useMemo(() => ({ on, toggle, resetToDefault }), [on, toggle, resetToDefault]);
}
