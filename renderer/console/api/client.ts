import { consoleContract, type ConsoleCallInput, type ConsoleCallName, type ConsoleCallOutput } from '../../../shared/console/contract';
import { isConsoleErrorCode, type ConsoleCallResult, type ConsoleErrorCode, type ConsoleFieldIssue } from '../../../shared/console/errors';

/** The header every console call carries: a form or a link from another site cannot set it. */
const CONSOLE_REQUEST_HEADER = 'X-Relay-Console';

/** Why a call failed: a code of the hub (`shared/console/errors.ts`), or `network` when the hub was not reached. */
export type ConsoleFailure = ConsoleErrorCode | 'network';

/** A call the hub refused or could not be reached for; the screens translate `code` as `consoleErrors:<code>`. */
export class ConsoleApiError extends Error {
  constructor(
    readonly code: ConsoleFailure,
    readonly issues: ConsoleFieldIssue[] = [],
  ) {
    super(code);
    this.name = 'ConsoleApiError';
  }
}

/** Codes that mean the session is gone: the console shows the sign-in again, on the same screen. */
const SESSION_ENDED: readonly ConsoleFailure[] = ['session_expired', 'not_signed_in'];

let onSessionEnded: ((code: ConsoleFailure) => void) | null = null;

/** Tells the app shell when a signed-in call finds its session ended (idle, or ended elsewhere). */
export function whenSessionEnds(listener: ((code: ConsoleFailure) => void) | null): void {
  onSessionEnded = listener;
}

/** The address of a call, below the page's own `<base>/console/`. */
function callUrl(name: ConsoleCallName): string {
  return new URL(`api/${encodeURIComponent(name)}`, new URL('./', window.location.href)).toString();
}

/**
 * Makes a console call: the input checked as the contract types it, sent with the console's header and the
 * session cookie, the answer returned or thrown as ConsoleApiError. A session found ended is reported to the
 * shell (except while signing in, signing out or asking who is signed in, which the shell handles itself).
 */
export async function consoleCall<N extends ConsoleCallName>(name: N, ...args: ConsoleCallInput<N> extends undefined ? [input?: undefined] : [input: ConsoleCallInput<N>]): Promise<ConsoleCallOutput<N>> {
  const [input] = args;
  let result: ConsoleCallResult<ConsoleCallOutput<N>>;
  try {
    const response = await fetch(callUrl(name), {
      method: 'POST',
      credentials: 'same-origin',
      headers: { 'content-type': 'application/json', [CONSOLE_REQUEST_HEADER]: '1' },
      body: input === undefined ? '' : JSON.stringify(input),
    });
    result = (await response.json()) as ConsoleCallResult<ConsoleCallOutput<N>>;
  } catch {
    throw new ConsoleApiError('network');
  }
  if (result.ok) return result.data;
  const code = isConsoleErrorCode(result.error?.code) ? result.error.code : 'internal';
  const spec = consoleContract[name];
  if (SESSION_ENDED.includes(code) && !spec.signedOut && name !== 'session:current' && name !== 'session:signOut') onSessionEnded?.(code);
  throw new ConsoleApiError(code, result.error.issues ?? []);
}

/** The failure code of anything a call threw. */
export function failureOf(error: unknown): ConsoleFailure {
  return error instanceof ConsoleApiError ? error.code : 'internal';
}
