import { contract, isCallName } from '../../shared/contract/calls';
import type { CallResult } from '../../shared/contract/errors';
import { toFieldIssues } from '../../shared/contract/issues';
import { AppError } from '../services/kernel/errors';
import type { Session, SessionRegistry } from '../services/station/staff-sessions';
import type { Caller, Handlers } from './caller';

/** What the transport knows of the caller: a key naming its window (IPC) or tab (station host). */
export interface CallerContext {
  sessionKey: string;
  /**
   * The operator at the station's own machine (the command line), who already holds the data folder and
   * its key: the administrator's rights, recorded as 'system' in the audit trail. Set only by code running
   * in the station's process; no transport takes it from a message.
   */
  system?: boolean;
}

/** The system caller's session: never locked, no staff member, the administrator's rights. */
function systemSession(): Session {
  return { role: 'admin', staffId: null, locked: false, lastActivityAt: 0, mustChange: [] };
}

/** Runs one call by name on untrusted input; the single entry point behind IPC, the host and the CLI. */
export type Dispatch = (name: unknown, input: unknown, caller: CallerContext) => Promise<CallResult<unknown>>;

export type ErrorLogger = (name: string, error: unknown) => void;

const logToStderr: ErrorLogger = (name, error) => {
  console.error(`[station] call ${name} failed:`, error);
};

function refusal(code: 'unknown_call' | 'session_locked' | 'not_signed_in' | 'forbidden' | 'secret_change_required'): CallResult<never> {
  return { ok: false, error: { code, message: code } };
}

/**
 * Checks the caller's role against the roles the contract allows, then parses the input with the
 * call's schema, runs its handler and wraps the outcome in the result envelope. The role is checked
 * first, so a caller without the right learns nothing, not even which fields would be accepted.
 * Output is parsed too, so a field the contract does not declare never leaves the process.
 */
export function createDispatcher(handlers: Handlers, sessions: SessionRegistry, logError: ErrorLogger = logToStderr): Dispatch {
  return async (name, input, caller) => {
    if (!isCallName(name)) return refusal('unknown_call');
    const spec = contract[name];
    try {
      const session = caller.system === true ? systemSession() : await sessions.current(caller.sessionKey);
      if (session.locked && !spec.whileLocked) return refusal('session_locked');
      if (!spec.roles.includes(session.role)) return refusal(session.role === 'kiosk' ? 'not_signed_in' : 'forbidden');
      // A reset password or PIN is temporary: nothing else goes through until the person chose their own.
      if (session.mustChange.length > 0 && !spec.duringSecretChange) return refusal('secret_change_required');

      const parsed = spec.input.safeParse(input);
      if (!parsed.success) {
        return {
          ok: false,
          error: { code: 'validation_failed', message: 'invalid input', issues: toFieldIssues(parsed.error) },
        };
      }
      const handler = handlers[name] as (input: unknown, caller: Caller) => Promise<unknown>;
      const data = spec.output.parse(await handler(parsed.data, { sessionKey: caller.sessionKey, session, system: caller.system === true }));
      if (!spec.polling) sessions.touch(caller.sessionKey);
      return { ok: true, data };
    } catch (error) {
      if (error instanceof AppError) {
        return { ok: false, error: { code: error.code, message: error.message, issues: error.issues } };
      }
      logError(name, error);
      return { ok: false, error: { code: 'internal', message: 'internal error' } };
    }
  };
}
