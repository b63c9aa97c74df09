import { useCallback, useContext, useEffect, useRef, useState, useSyncExternalStore } from 'react';
import { isWorking, onWorkChange } from '../api/work-in-progress';
import { IdleClock, idleSchedule } from './idle-clock';
import { ElderModeContext } from './useElderMode';

/** What counts as someone still at the screen. */
const activityEvents = ['pointerdown', 'pointermove', 'keydown', 'wheel', 'touchstart'] as const;

export interface IdleWipeOptions {
  /** Whether the clock runs (e.g. only while something of a visitor is on screen). */
  active: boolean;
  /** Seconds without activity after which `onWipe` fires (lengthened when too short to warn for 20 s). */
  idleSeconds: number;
  /** The last seconds before the wipe during which the countdown is shown (at least 20). */
  countdownSeconds: number;
  /** Work of the screen's own under way; saves and prints through the station client always hold the clock. */
  busy?: boolean;
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
 * that the next person never finds the previous one's entries; the elder-friendly mode goes back to the
 * station's default with them. A warning with the way to carry on comes first, never less than 20 s
 * before the wipe, and nothing is wiped while a save or a print is under way.
 */
export function useIdleWipe({ active, idleSeconds, countdownSeconds, busy = false, onWipe }: IdleWipeOptions): IdleWipe {
  const [secondsLeft, setSecondsLeft] = useState<number | null>(null);
  const clock = useRef<IdleClock | null>(null);
  const elderMode = useContext(ElderModeContext);
  const working = useSyncExternalStore(onWorkChange, isWorking);
  const held = busy || working;
  const heldRef = useRef(held);
  const onWipeRef = useRef(onWipe);
  useEffect(() => {
    onWipeRef.current = () => {
      elderMode.resetToDefault();
      onWipe();
    };
  }, [onWipe, elderMode]);

  const keepGoing = useCallback(() => clock.current?.activity(), []);

  useEffect(() => {
    heldRef.current = held;
    clock.current?.setBusy(held);
  }, [held]);

  useEffect(() => {
    if (!active || !(idleSeconds > 0)) {
      setSecondsLeft(null);
      return undefined;
    }
    const current = new IdleClock(idleSchedule(idleSeconds, countdownSeconds), {
      onCountdown: setSecondsLeft,
      onWipe: () => onWipeRef.current(),
    });
    clock.current = current;
    current.start();
    current.setBusy(heldRef.current);
    const onActivity = () => current.presence();
    for (const type of activityEvents) window.addEventListener(type, onActivity, { capture: true, passive: true });
    return () => {
      current.stop();
      clock.current = null;
      setSecondsLeft(null);
      for (const type of activityEvents) window.removeEventListener(type, onActivity, { capture: true });
    };
  }, [active, idleSeconds, countdownSeconds]);

  return { secondsLeft, keepGoing };
}
