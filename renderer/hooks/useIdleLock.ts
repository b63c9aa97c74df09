import { useEffect, useRef } from 'react';

/** What counts as someone still working at the screen. */
const activityEvents = ['pointerdown', 'pointermove', 'keydown', 'wheel', 'touchstart'] as const;

/** How often, at most, activity at the screen is reported to the station. */
const HEARTBEAT_MS = 60_000;

/**
 * Calls `onIdle` once nobody has touched the pointer or the keyboard for `minutes`, while `active`.
 * Every activity starts the wait again; a staff screen left alone locks itself. The station keeps its
 * own idle clock, which only hears calls: `onActivity` (at most once a minute) tells it someone is
 * still typing a long form, so the station does not lock a screen that is in use.
 */
export function useIdleLock(active: boolean, minutes: number, onIdle: () => void, onActivity: () => void): void {
  const onIdleRef = useRef(onIdle);
  const onActivityRef = useRef(onActivity);
  useEffect(() => {
    onIdleRef.current = onIdle;
    onActivityRef.current = onActivity;
  }, [onIdle, onActivity]);

  useEffect(() => {
    if (!active || !(minutes > 0)) return undefined;
    const idleMs = minutes * 60_000;
    let timer: ReturnType<typeof setTimeout> | undefined;
    let lastReported = Date.now();
    const restart = () => {
      if (Date.now() - lastReported >= HEARTBEAT_MS) {
        lastReported = Date.now();
        onActivityRef.current();
      }
      clearTimeout(timer);
      timer = setTimeout(() => onIdleRef.current(), idleMs);
    };
    for (const type of activityEvents) window.addEventListener(type, restart, { capture: true, passive: true });
    restart();
    return () => {
      clearTimeout(timer);
      for (const type of activityEvents) window.removeEventListener(type, restart, { capture: true });
    };
  }, [active, minutes]);
}
