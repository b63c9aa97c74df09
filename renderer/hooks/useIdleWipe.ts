import { useCallback, useEffect, useRef, useState } from 'react';

/** What counts as someone still at the screen. */
const activityEvents = ['pointerdown', 'pointermove', 'keydown', 'wheel', 'touchstart'] as const;

/** How often the remaining time is recomputed; short enough for a countdown that ticks every second. */
const TICK_MS = 250;

export interface IdleWipeOptions {
  /** Whether the clock runs (e.g. only while something of a visitor is on screen). */
  active: boolean;
  /** Seconds without activity after which `onWipe` fires. */
  idleSeconds: number;
  /** The last seconds before the wipe during which the countdown is shown. */
  countdownSeconds: number;
  onWipe: () => void;
}

export interface IdleWipe {
  /** Whole seconds left while the countdown is shown, null otherwise. */
  secondsLeft: number | null;
  /** The visitor is still here: start the wait again and hide the countdown. */
  keepGoing: () => void;
}

/**
 * A kiosk forgets its visitor after `idleSeconds` without pointer, key, touch or wheel activity, so
 * that the next person never finds the previous one's entries. The remaining time is computed from the
 * clock rather than counted in ticks, so a throttled or suspended page still wipes on time when it
 * wakes up.
 */
export function useIdleWipe({ active, idleSeconds, countdownSeconds, onWipe }: IdleWipeOptions): IdleWipe {
  const [secondsLeft, setSecondsLeft] = useState<number | null>(null);
  const lastActivity = useRef(0);
  const onWipeRef = useRef(onWipe);
  useEffect(() => {
    onWipeRef.current = onWipe;
  }, [onWipe]);

  const keepGoing = useCallback(() => {
    lastActivity.current = Date.now();
    setSecondsLeft(null);
  }, []);

  useEffect(() => {
    if (!active || !(idleSeconds > 0)) {
      setSecondsLeft(null);
      return undefined;
    }
    const countdown = Math.min(Math.max(countdownSeconds, 0), idleSeconds);
    lastActivity.current = Date.now();
    const tick = () => {
      const left = Math.ceil(idleSeconds - (Date.now() - lastActivity.current) / 1000);
      if (left <= 0) {
        // Start over so that a screen which stays active after the wipe is not wiped again at once.
        lastActivity.current = Date.now();
        setSecondsLeft(null);
        onWipeRef.current();
        return;
      }
      setSecondsLeft(left <= countdown ? left : null);
    };
    const onActivity = () => {
      lastActivity.current = Date.now();
      setSecondsLeft(null);
    };
    const timer = setInterval(tick, TICK_MS);
    for (const type of activityEvents) window.addEventListener(type, onActivity, { capture: true, passive: true });
    return () => {
      clearInterval(timer);
      for (const type of activityEvents) window.removeEventListener(type, onActivity, { capture: true });
    };
  }, [active, idleSeconds, countdownSeconds]);

  return { secondsLeft, keepGoing };
}
