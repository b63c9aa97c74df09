import type { ErrorCode } from '../../../shared/contract/errors';
import type { ValidationReason } from '../../../shared/validation/reasons';
import type { Actor } from '../kernel/audit';
import { AppError } from '../kernel/errors';
import type { StationContext } from '../kernel/context';

/**
 * Refusals that depend on a person already on file. The public kiosk answers all of them alike
 * (`see_staff`), so that someone who knows a document number learns nothing about its holder.
 */
const PERSON_DEPENDENT_REFUSALS: ReadonlySet<ErrorCode> = new Set(['person_details_mismatch', 'refusal_on_file', 'already_registered']);

/**
 * How many such refusals one kiosk window or tab may meet within {@link REFUSAL_WINDOW_MS} before the
 * kiosk stops looking people up for it (each attempt meanwhile keeps it stopped). A kiosk window serves
 * every visitor in turn, and a genuine visitor told to see staff goes to the desk: five within ten
 * minutes, each after a whole form and a drawn signature, is someone trying numbers.
 */
export const KIOSK_REFUSALS_ALLOWED = 5;
export const REFUSAL_WINDOW_MS = 10 * 60_000;

/** Why a kiosk registration was refused, as the audit trail records it. */
type KioskRefusalReason = ErrorCode | ValidationReason | 'throttled';

/** The answer to a kiosk caller that is throttled: the same as to a person-dependent refusal. */
export function throttledRefusal(): AppError {
  return new AppError('see_staff', 'throttled');
}

function reasonOf(error: AppError): KioskRefusalReason {
  if (error.code === 'see_staff') return 'throttled';
  if (error.code === 'validation_failed') return error.issues?.[0]?.reason ?? error.code;
  return error.code;
}

export interface KioskAttempt {
  sessionKey: string;
  actor: Actor;
  stationCode: string;
  /** The document typed, already masked: the audit trail holds no personal data in clear. */
  maskedDocument: string;
  programs: string[];
}

/**
 * The public kiosk's registration attempts: each refused attempt audited in a transaction of its own
 * (the registration's own transaction rolls back), and a throttle per kiosk caller. Kept in memory,
 * like the sessions themselves.
 */
export class KioskAttempts {
  private readonly refusals = new Map<string, number[]>();

  constructor(private readonly ctx: StationContext) {}

  /** Whether this kiosk caller has met too many person-dependent refusals lately. */
  throttled(sessionKey: string): boolean {
    return this.recent(sessionKey).length >= KIOSK_REFUSALS_ALLOWED;
  }

  /**
   * Audits a refused attempt with its real reason. A person-dependent refusal (or the throttle) counts
   * towards the throttle and is answered `see_staff`; any other refusal is returned as it was.
   */
  async refuse(attempt: KioskAttempt, original: AppError): Promise<AppError> {
    await this.ctx.audit.record({
      actor: attempt.actor,
      stationCode: attempt.stationCode,
      action: 'registration_refused',
      objectType: 'kiosk_registration',
      detail: { reason: reasonOf(original), document: attempt.maskedDocument, programs: attempt.programs },
    });
    if (original.code !== 'see_staff' && !PERSON_DEPENDENT_REFUSALS.has(original.code)) return original;
    this.refusals.set(attempt.sessionKey, [...this.recent(attempt.sessionKey), this.ctx.clock.now().getTime()]);
    return new AppError('see_staff');
  }

  /** The caller's refusals within the window; forgets older ones, and callers with none left. */
  private recent(sessionKey: string): number[] {
    const since = this.ctx.clock.now().getTime() - REFUSAL_WINDOW_MS;
    for (const [key, times] of this.refusals) {
      const kept = times.filter((time) => time > since);
      if (kept.length === 0) this.refusals.delete(key);
      else this.refusals.set(key, kept);
    }
    return this.refusals.get(sessionKey) ?? [];
  }
}
