/**
 * The one list of error codes a console call can answer with; the console's screens translate each as
 * `consoleErrors:<code>`. Never a sentence: the hub sends codes, the screens speak.
 */
export const consoleErrorCodes = [
  /** The input does not match the call's schema (`issues` says where). */
  'validation_failed',
  'unknown_call',
  /** Not a JSON body, too large, or without the console's request header. */
  'bad_request',
  'not_signed_in',
  /** The session was idle too long or is older than a session may be: sign in again. */
  'session_expired',
  'forbidden',
  /** Wrong username or password (never which of the two). */
  'sign_in_failed',
  'account_locked',
  'account_disabled',
  /** The password an administrator set must be replaced before anything else. */
  'password_change_required',
  'current_password_incorrect',
  'password_unchanged',
  'username_taken',
  /** The last enabled administrator cannot be disabled. */
  'last_administrator',
  'not_found',
  /** The review entry has a standing decision already: undo it first. */
  'review_decided',
  /** The review entry has no standing decision to undo. */
  'review_not_decided',
  /** The people's tables moved on since (a later change, a registration removed or linked): nothing was changed. */
  'review_stale',
  /** A day that does not exist, or a period that ends before it starts. */
  'period_invalid',
  /** An export runs already: one at a time, so that no two runs read from the same cursor. */
  'export_running',
  /** The hub was started without what the call needs (its keys, an exports folder). */
  'not_configured',
  'internal',
] as const;

export type ConsoleErrorCode = (typeof consoleErrorCodes)[number];

/** One rejected field of an input: its path and zod's issue code. */
export interface ConsoleFieldIssue {
  path: string;
  code: string;
}

/** A call's refusal as it crosses HTTP. */
export interface ConsoleCallError {
  code: ConsoleErrorCode;
  issues?: ConsoleFieldIssue[];
}

/** What every console call answers: never an Error object. */
export type ConsoleCallResult<T> = { ok: true; data: T } | { ok: false; error: ConsoleCallError };

/** The HTTP status each error code is answered with (the body always carries the code). */
export const consoleErrorStatus: Record<ConsoleErrorCode, number> = {
  validation_failed: 400,
  unknown_call: 404,
  bad_request: 400,
  not_signed_in: 401,
  session_expired: 401,
  forbidden: 403,
  sign_in_failed: 401,
  account_locked: 423,
  account_disabled: 403,
  password_change_required: 403,
  current_password_incorrect: 400,
  password_unchanged: 400,
  username_taken: 409,
  last_administrator: 409,
  not_found: 404,
  review_decided: 409,
  review_not_decided: 409,
  review_stale: 409,
  period_invalid: 400,
  export_running: 409,
  not_configured: 503,
  internal: 500,
};

export function isConsoleErrorCode(value: unknown): value is ConsoleErrorCode {
  return typeof value === 'string' && (consoleErrorCodes as readonly string[]).includes(value);
}
