import type { Clock } from '../kernel/clock';
import { AppError } from '../kernel/errors';

/** Failures in a row a session may have before it must wait: more than one account's lockout, for honest typos. */
const FAILURES_BEFORE_WAITING = 10;
const FIRST_WAIT_MS = 1_000;
const LONGEST_WAIT_MS = 5 * 60_000;
/** Sessions remembered at most; the oldest is forgotten first, so a caller inventing sessions cannot fill memory. */
const MAX_TRACKED_SESSIONS = 10_000;

interface SessionAttempts {
  inFlight: boolean;
  failuresInARow: number;
  /** Epoch milliseconds before which the next attempt is refused. */
  retryAt: number;
}

/**
 * Sign-in and PIN attempts per session (window or browser tab): one at a time, and after many failures
 * in a row a wait that doubles with each further failure. Refusals (`try_again`) come before any hashing
 * or audit, so a session cannot load the CPU or flood the audit log. The per-account lockout remains the
 * guard against guessing; this only bounds what one session can make the station do.
 */
export class AttemptThrottle {
  private readonly sessions = new Map<string, SessionAttempts>();

  constructor(private readonly clock: Clock) {}

  /** Runs one attempt for the session; a refusal the attempt throws counts as a failure, an answer as a success. */
  async run<T>(sessionKey: string, attempt: () => Promise<T>): Promise<T> {
    const entry = this.begin(sessionKey);
    try {
      const result = await attempt();
      this.sessions.delete(sessionKey);
      return result;
    } catch (error) {
      entry.inFlight = false;
      entry.failuresInARow += 1;
      entry.retryAt = this.clock.now().getTime() + waitAfter(entry.failuresInARow);
      throw error;
    }
  }

  private begin(sessionKey: string): SessionAttempts {
    const known = this.sessions.get(sessionKey);
    if (known && (known.inFlight || this.clock.now().getTime() < known.retryAt)) throw new AppError('try_again');
    const entry = known ?? { inFlight: false, failuresInARow: 0, retryAt: 0 };
    entry.inFlight = true;
    if (!known) {
      if (this.sessions.size >= MAX_TRACKED_SESSIONS) this.forgetOldest();
      this.sessions.set(sessionKey, entry);
    }
    return entry;
  }

  private forgetOldest(): void {
    const oldest = this.sessions.keys().next();
    if (!oldest.done) this.sessions.delete(oldest.value);
  }
}

function waitAfter(failuresInARow: number): number {
  if (failuresInARow < FAILURES_BEFORE_WAITING) return 0;
  return Math.min(FIRST_WAIT_MS * 2 ** (failuresInARow - FAILURES_BEFORE_WAITING), LONGEST_WAIT_MS);
}
