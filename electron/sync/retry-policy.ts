/**
 * When the station tries an HTTP exchange with the receiver again, and how long it waits (§10.2):
 * exponential back-off with full jitter, or the receiver's Retry-After when that is longer.
 */

export interface BackoffSettings {
  baseDelayMs: number;
  maxDelayMs: number;
  random: () => number;
}

/** Statuses after which the same request is made again later; every other 4xx is a refusal. */
const RETRYABLE_STATUSES = new Set([202, 408, 429, 500, 502, 503, 504]);

/** 5xx beyond the protocol's list are receiver faults too, so they are retried as well. */
export function isRetryableStatus(status: number): boolean {
  return RETRYABLE_STATUSES.has(status) || (status >= 500 && status <= 599);
}

/**
 * The wait after the failure numbered `n` (0 for the first of a run of consecutive failures):
 * random(0, min(maxDelayMs, baseDelayMs × 2ⁿ)), or Retry-After when longer, never above maxDelayMs.
 */
export function retryDelayMs(n: number, retryAfterMs: number | undefined, settings: BackoffSettings): number {
  const ceiling = Math.min(settings.maxDelayMs, settings.baseDelayMs * 2 ** n);
  // An injected random outside [0, 1) must not push the wait outside its bounds.
  const fraction = Math.min(Math.max(settings.random(), 0), 1);
  const jittered = Math.floor(fraction * ceiling);
  if (retryAfterMs === undefined) return jittered;
  return Math.max(jittered, Math.min(retryAfterMs, settings.maxDelayMs));
}

/** Retry-After as delta-seconds or an HTTP date (RFC 9110 §10.2.3), in milliseconds from `now`. */
export function parseRetryAfter(value: string | undefined, now: number = Date.now()): number | undefined {
  if (value === undefined) return undefined;
  const text = value.trim();
  if (/^\d+$/.test(text)) return Number(text) * 1000;
  const at = Date.parse(text);
  if (Number.isNaN(at)) return undefined;
  return Math.max(0, at - now);
}
