import { contract, isCallName } from '../../shared/contract/calls';
import type { CallResult } from '../../shared/contract/errors';
import { toFieldIssues } from '../../shared/contract/issues';
import { AppError } from '../services/errors';
import type { Handlers } from './handlers';

/** Runs one call by name on untrusted input; the single entry point behind IPC, the host and the CLI. */
export type Dispatch = (name: unknown, input: unknown) => Promise<CallResult<unknown>>;

export type ErrorLogger = (name: string, error: unknown) => void;

const logToStderr: ErrorLogger = (name, error) => {
  console.error(`[station] call ${name} failed:`, error);
};

/**
 * Parses the input with the call's schema, runs its handler and wraps the outcome in the result
 * envelope. Output is parsed too, so a field the contract does not declare never leaves the process.
 */
export function createDispatcher(handlers: Handlers, logError: ErrorLogger = logToStderr): Dispatch {
  return async (name, input) => {
    if (!isCallName(name)) return { ok: false, error: { code: 'unknown_call', message: 'unknown call' } };
    const spec = contract[name];
    const parsed = spec.input.safeParse(input);
    if (!parsed.success) {
      return {
        ok: false,
        error: { code: 'validation_failed', message: 'invalid input', issues: toFieldIssues(parsed.error) },
      };
    }
    try {
      const handler = handlers[name] as (input: unknown) => Promise<unknown>;
      const data = spec.output.parse(await handler(parsed.data));
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
