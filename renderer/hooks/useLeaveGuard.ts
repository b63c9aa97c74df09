import { useEffect } from 'react';

/**
 * A screen with unsaved work a person could lose by leaving (the kiosk's half-filled registration) may
 * stop the header's "home" buttons: its guard gets the way out and returns true when it will ask first
 * (and call `leave` itself if the person confirms), false to let the person leave at once.
 */
export type LeaveGuard = (leave: () => void) => boolean;

let currentGuard: LeaveGuard | null = null;

/** Registers the screen's guard while it is mounted (null: nothing to lose right now). */
export function useLeaveGuard(guard: LeaveGuard | null): void {
  useEffect(() => {
    currentGuard = guard;
    return () => {
      if (currentGuard === guard) currentGuard = null;
    };
  }, [guard]);
}

/** Leaves now, unless the screen on show asks first. */
export function leaveUnlessGuarded(leave: () => void): void {
  if (!currentGuard?.(leave)) leave();
}
