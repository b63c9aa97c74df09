import { useEffect, useRef } from 'react';

/** What counts as someone still working at the screen. */
const activityEvents = ['pointerdown', 'pointermove', 'keydown', 'wheel', 'touchstart'] as const;

/**
 * Calls `onIdle` once nobody has touched the pointer or the keyboard for `minutes`, while `active`.
 * Every activity starts the wait again; a staff screen left alone locks itself.
 */
export function useIdleLock(active: boolean, minutes: number, onIdle: () => void): void {
  const onIdleRef = useRef(onIdle);
  useEffect(() => {
    onIdleRef.current = onIdle;
  }, [onIdle]);

  useEffect(() => {
    if (!active || !(minutes > 0)) return undefined;
    const idleMs = minutes * 60_000;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const restart = () => {
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
