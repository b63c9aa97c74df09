/** The least time a visitor is given to answer the warning before a wipe (WCAG 2.2.1 Timing Adjustable). */
export const MIN_ANSWER_SECONDS = 20;

/** When, in seconds after the last activity, the warning appears and the wipe comes. */
export interface IdleSchedule {
  warnAfter: number;
  wipeAfter: number;
}

/**
 * The warning appears `countdownSeconds` before the wipe, but never in the first half of the quiet
 * time (a short idle time would otherwise show the warning at every pause), and the wipe never comes
 * less than `MIN_ANSWER_SECONDS` after the warning: a short idle time is lengthened rather than giving
 * the visitor less time to answer.
 */
export function idleSchedule(idleSeconds: number, countdownSeconds: number): IdleSchedule {
  const warnAfter = Math.max(idleSeconds - Math.max(countdownSeconds, MIN_ANSWER_SECONDS), idleSeconds / 2);
  return { warnAfter, wipeAfter: Math.max(idleSeconds, warnAfter + MIN_ANSWER_SECONDS) };
}

/** How often the remaining time is recomputed; short enough for a countdown that ticks every second. */
export const IDLE_TICK_MS = 250;

export interface IdleClockEvents {
  /** Whole seconds left while the warning is shown, null while it is not. */
  onCountdown(secondsLeft: number | null): void;
  onWipe(): void;
}

/**
 * The idle clock of one kiosk screen, apart from React: activity starts the wait again, work under way
 * (a save, a print) holds it, and the remaining time is computed from the clock rather than counted in
 * ticks, so a throttled or suspended page still wipes on time when it wakes up.
 */
export class IdleClock {
  private lastActivity = Date.now();
  private busy = false;
  private shown: number | null = null;
  private timer: ReturnType<typeof setInterval> | undefined;

  constructor(
    private readonly schedule: IdleSchedule,
    private readonly events: IdleClockEvents,
  ) {}

  start(): void {
    this.lastActivity = Date.now();
    this.timer ??= setInterval(() => this.tick(), IDLE_TICK_MS);
  }

  stop(): void {
    if (this.timer !== undefined) clearInterval(this.timer);
    this.timer = undefined;
  }

  /** The warning answered (or someone at the screen while none is up): the wait starts again and the warning goes. */
  activity(): void {
    this.lastActivity = Date.now();
    this.show(null);
  }

  /**
   * Someone is at the screen (a touch, a key, the pointer moving): the wait starts again. A warning already
   * up is answered only by its own button: the touch or the pointer on its way to "continue" must not take
   * the warning away under the finger, or the tap would land on the form beneath it.
   */
  presence(): void {
    if (this.shown === null) this.activity();
  }

  /** While work is under way the clock holds still; it starts its wait again when the work ends. */
  setBusy(busy: boolean): void {
    this.busy = busy;
    if (busy) this.activity();
    else this.lastActivity = Date.now();
  }

  tick(): void {
    if (this.busy) {
      this.activity();
      return;
    }
    const idle = (Date.now() - this.lastActivity) / 1000;
    if (idle >= this.schedule.wipeAfter) {
      // Start over so that a screen which stays active after the wipe is not wiped again at once.
      this.activity();
      this.events.onWipe();
      return;
    }
    this.show(idle >= this.schedule.warnAfter ? Math.ceil(this.schedule.wipeAfter - idle) : null);
  }

  private show(secondsLeft: number | null): void {
    if (secondsLeft === this.shown) return;
    this.shown = secondsLeft;
    this.events.onCountdown(secondsLeft);
  }
}
