import { SURVEY_COOL_DOWN_SECONDS } from '../../../shared/domain/education';
import type { Clock } from '../kernel/clock';
import { AppError } from '../kernel/errors';

/** Kiosk callers remembered at most; the oldest is forgotten first, so a caller inventing keys cannot fill memory. */
const MAX_TRACKED_ANSWERS = 10_000;

/**
 * One survey answer per kiosk caller (window or browser tab) and session within the cool-down, so that
 * one device cannot tap the same score in again and again and sway a session's figures. A kiosk serves
 * visitors in turn: the next visitor answers once the cool-down (the kiosk's own thank-you screen) is over.
 * Kept in memory, like the kiosk sessions themselves.
 */
export class SurveyCoolDown {
  /** Epoch milliseconds of each caller's last answer per session, keyed `caller` + `session`. */
  private readonly answeredAt = new Map<string, number>();

  constructor(private readonly clock: Clock) {}

  /**
   * Runs the answer for the caller unless it answered this session within the cool-down. The caller's
   * slot is taken before the answer runs (two taps at once count once) and given back if the answer is refused.
   */
  async run<T>(callerKey: string, sessionId: string, answer: () => Promise<T>): Promise<T> {
    const key = JSON.stringify([callerKey, sessionId]);
    const now = this.clock.now().getTime();
    const last = this.answeredAt.get(key);
    if (last !== undefined && now - last < SURVEY_COOL_DOWN_SECONDS * 1000) throw new AppError('survey_already_given');
    this.remember(key, now);
    try {
      return await answer();
    } catch (error) {
      if (last === undefined) this.answeredAt.delete(key);
      else this.answeredAt.set(key, last);
      throw error;
    }
  }

  private remember(key: string, at: number): void {
    // Re-inserted at the end, so the Map's order stays oldest first.
    this.answeredAt.delete(key);
    if (this.answeredAt.size >= MAX_TRACKED_ANSWERS) {
      const oldest = this.answeredAt.keys().next();
      if (!oldest.done) this.answeredAt.delete(oldest.value);
    }
    this.answeredAt.set(key, at);
  }
}
