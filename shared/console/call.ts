import type { z } from 'zod';
import type { ConsoleRole } from './roles';

/** What a call declares besides its input, output and roles. */
export interface ConsoleCallOptions {
  /** Made without a session (signing in): `roles` is then ignored. */
  signedOut?: boolean;
  /** Allowed while the account must still replace a password an administrator set. */
  duringPasswordChange?: boolean;
  /**
   * Changes something or reads personal data: the hub writes an audit entry (the call's name as its action) in
   * the same transaction as the call's work, or none at all when the call fails.
   */
  audited?: boolean;
  /** A screen refreshing itself, not a person at work: it does not keep the session from its idle end. */
  polling?: boolean;
}

/** One console call as the contract declares it. */
export interface ConsoleCallSpec<I extends z.ZodType = z.ZodType, O extends z.ZodType = z.ZodType> {
  input: I;
  output: O;
  roles: readonly ConsoleRole[];
  signedOut: boolean;
  duringPasswordChange: boolean;
  audited: boolean;
  polling: boolean;
}

/** Declares a console call: its zod input and output, the roles that may make it, and how it is guarded. */
export function consoleCall<I extends z.ZodType, O extends z.ZodType>(
  input: I,
  output: O,
  allowed: readonly ConsoleRole[],
  options: ConsoleCallOptions = {},
): ConsoleCallSpec<I, O> {
  return {
    input,
    output,
    roles: allowed,
    signedOut: options.signedOut ?? false,
    duringPasswordChange: options.duringPasswordChange ?? false,
    audited: options.audited ?? false,
    polling: options.polling ?? false,
  };
}
