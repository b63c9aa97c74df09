import { contract, type CallInput, type CallName, type CallOutput } from '../../shared/contract/calls';
import { isErrorCode, type CallResult, type ErrorCode, type FieldIssue } from '../../shared/contract/errors';
import { toFieldIssues } from '../../shared/contract/issues';
import {
  HOST_API_PREFIX,
  HOST_CLIENT_HEADER,
  HOST_LAUNCH_CODE_HEADER,
  HOST_LAUNCH_PATH,
  HOST_TOKEN_HEADER,
  type StationBridge,
} from '../../shared/contract/transport';
import { whileWorking } from './work-in-progress';

declare global {
  interface Window {
    /** Present in the desktop app, put there by the preload. */
    station?: StationBridge;
  }
}

/** A call the station refused; `code` is translated as `errors:<code>`, issues as `validation:<reason>`. */
export class ApiError extends Error {
  constructor(
    readonly code: ErrorCode,
    readonly issues: FieldIssue[] = [],
  ) {
    super(code);
    this.name = 'ApiError';
  }
}

const TOKEN_STORAGE_KEY = 'relay-station.host-token';
const CLIENT_STORAGE_KEY = 'relay-station.host-client';

/**
 * This tab's token for the station host. The host's launch address carries a one-time code, never the
 * token: trade the code for the token once, keep the token for this tab, and take the spent code out of
 * the address bar. Without either, calls go without a token and the host refuses them.
 */
async function takeHostToken(): Promise<string> {
  const match = /(?:^#|&)launch=([^&]+)/.exec(window.location.hash);
  if (match?.[1]) {
    history.replaceState(null, '', window.location.pathname + window.location.search);
    try {
      const response = await fetch(HOST_LAUNCH_PATH, { method: 'POST', headers: { [HOST_LAUNCH_CODE_HEADER]: match[1] } });
      const result: unknown = await response.json();
      if (isCallResult(result) && result.ok) sessionStorage.setItem(TOKEN_STORAGE_KEY, (result.data as { token: string }).token);
    } catch {
      // A spent or unknown code leaves the tab with the token it had, if any.
    }
  }
  return sessionStorage.getItem(TOKEN_STORAGE_KEY) ?? '';
}

/** This tab's name on the station host; the host keeps one sign-in per tab, as the desktop app per window. */
function hostClientId(): string {
  let id = sessionStorage.getItem(CLIENT_STORAGE_KEY);
  if (!id) {
    id = Array.from(crypto.getRandomValues(new Uint8Array(16)), (byte) => byte.toString(16).padStart(2, '0')).join('');
    sessionStorage.setItem(CLIENT_STORAGE_KEY, id);
  }
  return id;
}

function httpBridge(token: Promise<string>): StationBridge {
  const clientId = hostClientId();
  return {
    async call(name, input) {
      const response = await fetch(HOST_API_PREFIX + encodeURIComponent(name), {
        method: 'POST',
        headers: { 'content-type': 'application/json', [HOST_TOKEN_HEADER]: await token, [HOST_CLIENT_HEADER]: clientId },
        body: input === undefined ? '' : JSON.stringify(input),
      });
      return response.json();
    },
  };
}

let bridge: StationBridge | undefined;

function currentBridge(): StationBridge {
  bridge ??= window.station ?? httpBridge(takeHostToken());
  return bridge;
}

function isCallResult(value: unknown): value is CallResult<unknown> {
  return typeof value === 'object' && value !== null && typeof (value as { ok?: unknown }).ok === 'boolean';
}

/** Checks the input with the call's own schema before sending, so a form shows its errors at once. */
export function checkInput<N extends CallName>(name: N, input: CallInput<N>): FieldIssue[] {
  const parsed = contract[name].input.safeParse(input);
  return parsed.success ? [] : toFieldIssues(parsed.error);
}

export type RefusalListener = (code: ErrorCode, name: CallName) => void;

const refusalListeners = new Set<RefusalListener>();

/**
 * Hears every refusal the station answers, whichever screen made the call: the app shell uses it to
 * show the lock screen as soon as any call answers `session_locked`. Returns the unsubscribe function.
 */
export function onRefusal(listener: RefusalListener): () => void {
  refusalListeners.add(listener);
  return () => {
    refusalListeners.delete(listener);
  };
}

/** Calls the station through the desktop bridge or the station host; throws `ApiError` on refusal. */
export async function call<N extends CallName>(name: N, input: CallInput<N>): Promise<CallOutput<N>> {
  const issues = checkInput(name, input);
  if (issues.length > 0) throw new ApiError('validation_failed', issues);
  let result: unknown;
  try {
    const sending = currentBridge().call(name, input);
    // A save under way holds the kiosk's idle wipe; a screen refreshing itself does not.
    result = await (contract[name].polling ? sending : whileWorking(sending));
  } catch {
    throw new ApiError('unavailable');
  }
  return resultData(name, result) as CallOutput<N>;
}

/**
 * The data of a result the station answered for call `name` (or on its behalf, as the desktop app's
 * print channel does); throws `ApiError` on refusal, after telling the refusal listeners.
 */
export function resultData(name: CallName, result: unknown): unknown {
  if (!isCallResult(result)) throw new ApiError('unavailable');
  if (result.ok) return result.data;
  const code = isErrorCode(result.error.code) ? result.error.code : 'internal';
  for (const listener of refusalListeners) listener(code, name);
  throw new ApiError(code, result.error.issues ?? []);
}

export function asApiError(error: unknown): ApiError {
  return error instanceof ApiError ? error : new ApiError('internal');
}
