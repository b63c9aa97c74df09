import { contract, type CallInput, type CallName, type CallOutput } from '../../shared/contract/calls';
import { isErrorCode, type CallResult, type ErrorCode, type FieldIssue } from '../../shared/contract/errors';
import { toFieldIssues } from '../../shared/contract/issues';
import { HOST_API_PREFIX, HOST_TOKEN_HEADER, type StationBridge } from '../../shared/contract/transport';

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

/**
 * The station host hands its token over in the URL fragment; keep it for this tab and take it out of
 * the address bar so it is not copied along with the URL.
 */
function takeHostToken(): string {
  const match = /(?:^#|&)token=([^&]+)/.exec(window.location.hash);
  if (match?.[1]) {
    sessionStorage.setItem(TOKEN_STORAGE_KEY, match[1]);
    history.replaceState(null, '', window.location.pathname + window.location.search);
  }
  return sessionStorage.getItem(TOKEN_STORAGE_KEY) ?? '';
}

function httpBridge(token: string): StationBridge {
  return {
    async call(name, input) {
      const response = await fetch(HOST_API_PREFIX + encodeURIComponent(name), {
        method: 'POST',
        headers: { 'content-type': 'application/json', [HOST_TOKEN_HEADER]: token },
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

/** Calls the station through the desktop bridge or the station host; throws `ApiError` on refusal. */
export async function call<N extends CallName>(name: N, input: CallInput<N>): Promise<CallOutput<N>> {
  const issues = checkInput(name, input);
  if (issues.length > 0) throw new ApiError('validation_failed', issues);
  let result: unknown;
  try {
    result = await currentBridge().call(name, input);
  } catch {
    throw new ApiError('unavailable');
  }
  if (!isCallResult(result)) throw new ApiError('unavailable');
  if (result.ok) return result.data as CallOutput<N>;
  throw new ApiError(isErrorCode(result.error.code) ? result.error.code : 'internal', result.error.issues ?? []);
}

export function asApiError(error: unknown): ApiError {
  return error instanceof ApiError ? error : new ApiError('internal');
}
