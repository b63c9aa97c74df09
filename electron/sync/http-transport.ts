import http from 'node:http';
import https from 'node:https';
import { setTimeout as delay } from 'node:timers/promises';
import { z } from 'zod';
import { batchErrorCodes, type BatchErrorCode, type SyncRetryReason } from '../../shared/domain/sync';
import type { RequestSigner } from './request-signature';
import { isRetryableStatus, parseRetryAfter, retryDelayMs } from './retry-policy';

/**
 * The station's side of the HTTPS API (§10.2): uploads a batch file, fetches acknowledgements and reads
 * the receiver's info. It moves bytes only; reading and checking the files is the codec's job.
 *
 * Network and server faults never throw: they are retried and end as `gave_up`. A server answer that is
 * not the protocol's (4xx without a known `{"error":{"code"}}`, a 3xx) is refused as `internal_error`,
 * except a bare 413 (typically from a proxy in front of the receiver), which is `batch_too_large`. A refusal
 * is final only with the signed refusal acknowledgement the receiver puts beside the code (`ack`); the
 * transport hands it on unread, and whoever applies acknowledgements decides.
 */

/** Told before each wait between attempts, so staff can see the station could not get through and is trying again. */
export interface RetryNotice {
  /** Consecutive failed attempts of this call so far (1 after the first). */
  failedAttempts: number;
  maxAttempts: number;
  /** How long the station waits before the next attempt. */
  delayMs: number;
  reason: SyncRetryReason;
  /** The failure as the network or the receiver reported it. */
  detail: string;
}

export interface HttpTransportOptions {
  /** e.g. http://127.0.0.1:8790/relay (http or https). */
  baseUrl: string;
  /** Default 10 000. */
  connectTimeoutMs?: number;
  /** Default 60 000: no progress for this long → retry. */
  idleTimeoutMs?: number;
  /** Consecutive failed attempts per call before giving up; default 8. */
  maxAttempts?: number;
  /** Default 2 000; delay = random(0, min(maxDelayMs, baseDelayMs × 2ⁿ)) (full jitter), or Retry-After if longer. */
  baseDelayMs?: number;
  /** Default 15 min. */
  maxDelayMs?: number;
  sleep?: (ms: number) => Promise<void>;
  random?: () => number;
  /** Stops waiting (the station is closing). */
  signal?: AbortSignal;
  /** Signs each request with the station's key (acknowledgement look-ups need it). */
  signRequest?: RequestSigner;
  /** Certificate authorities (PEM) trusted for https instead of the system's: a province with its own, or tests. */
  ca?: string;
  onRetry?: (notice: RetryNotice) => void;
}

export type TransferOutcome =
  | { kind: 'ack'; ack: Buffer }
  | { kind: 'refused'; code: BatchErrorCode; message: string; status: number; ack: Buffer | null }
  | { kind: 'gave_up'; attempts: number; lastError: string };

export interface ReceiverInfo {
  protocolVersions: number[];
  schemaVersions: number[];
  maxBatchBytes: number;
  signingKeyIds: string[];
  encryptionKeyId: string;
}

/** Why fetchReceiverInfo failed, for the settings check to explain. */
export class ReceiverInfoError extends Error {
  constructor(
    readonly reason: 'unreachable' | 'bad_status' | 'invalid_answer' | 'aborted',
    message: string,
  ) {
    super(message);
    this.name = 'ReceiverInfoError';
  }
}

export const BATCH_CONTENT_TYPE = 'application/vnd.relay-station.batch';
export const ENCRYPTED_BATCH_CONTENT_TYPE = 'application/vnd.relay-station.batch-encrypted';
export const ACK_CONTENT_TYPE = 'application/vnd.relay-station.ack';

const CHUNK_BYTES = 64 * 1024;
// Acknowledgements of 1 000 records are a few hundred kilobytes; anything far beyond is not one.
const MAX_ANSWER_BYTES = 16 * 1024 * 1024;
const MAX_MESSAGE_CHARS = 500;
const BATCH_ID = /^[A-Z0-9]{2,12}-B\d{6,}$/;
const STATION_CODE = /^[A-Z0-9]{2,12}$/;

interface Settings {
  base: URL;
  connectTimeoutMs: number;
  idleTimeoutMs: number;
  maxAttempts: number;
  baseDelayMs: number;
  maxDelayMs: number;
  sleep: (ms: number) => Promise<void>;
  random: () => number;
  signal: AbortSignal | undefined;
  signRequest: RequestSigner | undefined;
  ca: string | undefined;
  onRetry: ((notice: RetryNotice) => void) | undefined;
}

function positive(value: number | undefined, fallback: number, name: string): number {
  if (value === undefined) return fallback;
  if (!Number.isFinite(value) || value <= 0) throw new TypeError(`${name} must be a positive number`);
  return value;
}

function resolveSettings(options: HttpTransportOptions): Settings {
  let base: URL;
  try {
    base = new URL(options.baseUrl);
  } catch {
    throw new TypeError(`baseUrl is not a URL: ${options.baseUrl}`);
  }
  if (base.protocol !== 'http:' && base.protocol !== 'https:') throw new TypeError(`baseUrl must be http or https: ${options.baseUrl}`);
  const signal = options.signal;
  return {
    base,
    connectTimeoutMs: positive(options.connectTimeoutMs, 10_000, 'connectTimeoutMs'),
    idleTimeoutMs: positive(options.idleTimeoutMs, 60_000, 'idleTimeoutMs'),
    maxAttempts: Math.floor(positive(options.maxAttempts, 8, 'maxAttempts')),
    baseDelayMs: positive(options.baseDelayMs, 2_000, 'baseDelayMs'),
    maxDelayMs: positive(options.maxDelayMs, 15 * 60_000, 'maxDelayMs'),
    // The default timer is cancelled by the signal so a closing station is not held open by a long wait.
    sleep: options.sleep ?? ((ms) => delay(ms, undefined, signal ? { signal } : {}).catch(() => undefined)),
    random: options.random ?? Math.random,
    signal,
    signRequest: options.signRequest,
    ca: options.ca,
    onRetry: options.onRetry,
  };
}

function endpoint(base: URL, path: string): URL {
  const url = new URL(base.href);
  url.pathname = base.pathname.replace(/\/+$/, '') + path;
  return url;
}

function checkBatchId(batchId: string): void {
  if (!BATCH_ID.test(batchId)) throw new TypeError(`not a batch id: ${batchId}`);
}

type Exchange =
  | { kind: 'answer'; status: number; contentType: string; retryAfter: string | undefined; body: Buffer }
  | { kind: 'fault'; error: string; reason: SyncRetryReason; bodySent: boolean }
  | { kind: 'aborted' };

interface Upload {
  /** The protocol's path of the upload (`/v1/batches/{batchId}`). */
  path: string;
  body: Buffer;
  contentType: string;
  onProgress: ((sentBytes: number, totalBytes: number) => void) | undefined;
}

function describeError(error: unknown): string {
  if (error instanceof Error) {
    const code = (error as NodeJS.ErrnoException).code;
    return code && !error.message.includes(code) ? `${code}: ${error.message}` : error.message;
  }
  return String(error);
}

const REASON_OF_ERRNO: Readonly<Record<string, SyncRetryReason>> = {
  ECONNREFUSED: 'connection_refused',
  ETIMEDOUT: 'timeout',
  ENOTFOUND: 'host_not_found',
  EAI_AGAIN: 'host_not_found',
  EHOSTUNREACH: 'network_unreachable',
  ENETUNREACH: 'network_unreachable',
  ENETDOWN: 'network_unreachable',
  ECONNRESET: 'connection_lost',
  EPIPE: 'connection_lost',
  ECONNABORTED: 'connection_lost',
};

/** A failed request's cause in staff's terms; certificate and TLS failures have many codes of their own. */
function reasonOf(error: unknown): SyncRetryReason {
  const code = error instanceof Error ? (error as NodeJS.ErrnoException).code : undefined;
  if (code === undefined) return 'other';
  const known = REASON_OF_ERRNO[code];
  if (known) return known;
  if (/CERT|TLS|SSL|SELF_SIGNED|UNABLE_TO_VERIFY|HOSTNAME_MISMATCH/.test(code)) return 'tls';
  return 'other';
}

/** How a retryable HTTP status reads to staff: the receiver asks to wait, or it failed. */
function reasonOfStatus(status: number): SyncRetryReason {
  if (status === 202 || status === 429 || status === 503) return 'busy';
  return status >= 200 && status < 300 ? 'unexpected_answer' : 'server_error';
}

/**
 * One HTTP request to the protocol's `path` under the base URL, and its whole answer, or why there is none.
 * The signature covers the protocol's path, not the base path, which a proxy in front may rewrite. Never rejects.
 */
function exchange(path: string, method: 'GET' | 'PUT', settings: Settings, upload?: Upload): Promise<Exchange> {
  const url = endpoint(settings.base, path);
  return new Promise((resolve) => {
    const signal = settings.signal;
    if (signal?.aborted) {
      resolve({ kind: 'aborted' });
      return;
    }
    let settled = false;
    let bodySent = upload === undefined;
    let connectTimer: NodeJS.Timeout | undefined;
    let idleTimer: NodeJS.Timeout | undefined;
    let markSettled: () => void = () => undefined;
    const settledNow = new Promise<void>((done) => (markSettled = done));

    const headers: http.OutgoingHttpHeaders = {
      ...(upload ? { 'content-type': upload.contentType, 'content-length': upload.body.length } : {}),
      accept: `${ACK_CONTENT_TYPE}, application/json`,
      ...settings.signRequest?.(method, path),
    };
    // A fresh connection per request: no idle sockets outlive a call, and the connect timeout always applies.
    const request =
      url.protocol === 'https:' ? https.request(url, { method, headers, agent: false, ...(settings.ca ? { ca: settings.ca } : {}) }) : http.request(url, { method, headers, agent: false });

    const finish = (result: Exchange): void => {
      if (settled) return;
      settled = true;
      clearTimeout(connectTimer);
      clearTimeout(idleTimer);
      signal?.removeEventListener('abort', onAbort);
      request.destroy();
      markSettled();
      resolve(result);
    };
    const fault = (error: string, reason: SyncRetryReason): void => finish({ kind: 'fault', error, reason, bodySent });
    const progressed = (): void => {
      clearTimeout(idleTimer);
      idleTimer = setTimeout(() => fault(`no progress for ${settings.idleTimeoutMs} ms`, 'timeout'), settings.idleTimeoutMs);
    };
    const onAbort = (): void => finish({ kind: 'aborted' });
    signal?.addEventListener('abort', onAbort, { once: true });

    request.on('socket', (socket) => {
      if (!socket.connecting) {
        progressed();
        return;
      }
      connectTimer = setTimeout(() => fault(`not connected within ${settings.connectTimeoutMs} ms`, 'timeout'), settings.connectTimeoutMs);
      socket.once('connect', () => {
        clearTimeout(connectTimer);
        progressed();
      });
    });
    request.on('error', (error) => fault(describeError(error), reasonOf(error)));
    request.on('response', (response) => {
      progressed();
      const chunks: Buffer[] = [];
      let size = 0;
      response.on('data', (chunk: Buffer) => {
        size += chunk.length;
        if (size > MAX_ANSWER_BYTES) {
          fault(`answer larger than ${MAX_ANSWER_BYTES} bytes`, 'unexpected_answer');
          return;
        }
        chunks.push(chunk);
        progressed();
      });
      response.on('end', () =>
        finish({
          kind: 'answer',
          status: response.statusCode ?? 0,
          contentType: response.headers['content-type'] ?? '',
          retryAfter: response.headers['retry-after'],
          body: Buffer.concat(chunks),
        }),
      );
      response.on('error', (error) => fault(describeError(error), reasonOf(error)));
      response.on('close', () => {
        if (!response.complete) fault('connection closed before the answer was complete', 'connection_lost');
      });
    });

    if (!upload) {
      request.end();
      return;
    }
    const { body, onProgress } = upload;
    // One chunk at a time, each awaited until handed to the socket, so progress reports bytes really sent.
    const send = async (): Promise<void> => {
      let sent = 0;
      while (sent < body.length && !settled) {
        const chunk = body.subarray(sent, Math.min(sent + CHUNK_BYTES, body.length));
        const written = await Promise.race([
          new Promise<boolean>((done) => request.write(chunk, (error) => done(!error))),
          settledNow.then(() => false),
        ]);
        if (!written || settled) return;
        sent += chunk.length;
        progressed();
        onProgress?.(sent, body.length);
      }
      if (settled) return;
      bodySent = true;
      request.end();
    };
    send().catch((error: unknown) => fault(describeError(error), reasonOf(error)));
  });
}

function mediaType(contentType: string): string {
  return (contentType.split(';')[0] ?? '').trim().toLowerCase();
}

const protocolErrorSchema = z.object({ error: z.object({ code: z.string(), message: z.string().optional() }), ack: z.base64().optional() });

/** The protocol's `{"error":{"code","message"},"ack"?}` in an answer, or null when the body is not one. */
function protocolErrorOf(body: Buffer): { code: string; message: string; ack: Buffer | null } | null {
  let parsed: unknown;
  try {
    parsed = JSON.parse(body.toString('utf8'));
  } catch {
    return null;
  }
  const result = protocolErrorSchema.safeParse(parsed);
  if (!result.success) return null;
  const { error, ack } = result.data;
  return { code: error.code, message: (error.message ?? '').slice(0, MAX_MESSAGE_CHARS), ack: ack === undefined ? null : Buffer.from(ack, 'base64') };
}

/**
 * The code to act on for a refusal, with the signed refusal when the receiver gave one; an answer without a
 * known code is `internal_error` (bare 413: `batch_too_large`), never with a signed refusal.
 */
function refusalOf(status: number, contentType: string, body: Buffer): { code: BatchErrorCode; message: string; ack: Buffer | null } {
  const error = protocolErrorOf(body);
  if (error && (batchErrorCodes as readonly string[]).includes(error.code)) {
    return { code: error.code as BatchErrorCode, message: error.message, ack: error.ack };
  }
  if (error) return { code: 'internal_error', message: `HTTP ${status} with unknown code ${error.code}: ${error.message}`, ack: null };
  const what = `HTTP ${status} without a protocol error (${mediaType(contentType) || 'no content type'})`;
  return { code: status === 413 ? 'batch_too_large' : 'internal_error', message: what, ack: null };
}

/** How one exchange counts: done, a retryable failure, or a refusal to act on. */
type Verdict =
  | { kind: 'ack'; ack: Buffer }
  | { kind: 'retry'; error: string; reason: SyncRetryReason; retryAfterMs: number | undefined; receiverHasBody: boolean }
  | { kind: 'refused'; code: BatchErrorCode; message: string; status: number; ack: Buffer | null }
  | { kind: 'aborted' };

function judge(result: Exchange, method: 'GET' | 'PUT'): Verdict {
  if (result.kind === 'aborted') return result;
  if (result.kind === 'fault') return { kind: 'retry', error: result.error, reason: result.reason, retryAfterMs: undefined, receiverHasBody: result.bodySent };
  const { status, contentType, body } = result;
  if (status === 200) {
    if (mediaType(contentType) === ACK_CONTENT_TYPE) return { kind: 'ack', ack: body };
    const what = mediaType(contentType) || 'no content type';
    return { kind: 'retry', error: `HTTP 200 with ${what} instead of an acknowledgement`, reason: 'unexpected_answer', retryAfterMs: undefined, receiverHasBody: false };
  }
  if (isRetryableStatus(status) || (status >= 200 && status < 300)) {
    const error = protocolErrorOf(body);
    const detail = error ? ` ${error.code}: ${error.message}` : '';
    return {
      kind: 'retry',
      error: `HTTP ${status}${detail}`,
      reason: reasonOfStatus(status),
      retryAfterMs: parseRetryAfter(result.retryAfter),
      // 202 to a PUT: the receiver holds the batch and is processing it.
      receiverHasBody: method === 'PUT' && status === 202,
    };
  }
  return { kind: 'refused', ...refusalOf(status, contentType, body), status };
}

/**
 * The retry loop shared by uploads and acknowledgement fetches. `mode` says what the next request is:
 * `put` uploads, `probe` asks for the ack (at `ackPath`) because an earlier upload may have arrived
 * (404 → upload again), `ack` asks for an ack the receiver has (404 is a refusal).
 */
async function transfer(ackPath: string, mode: 'put' | 'ack', settings: Settings, upload?: Upload): Promise<TransferOutcome> {
  let next: 'put' | 'probe' | 'ack' = mode;
  // Consecutive failures of this call; the call ends at its first success, so each call starts at 0.
  let failures = 0;
  let lastError = '';
  for (;;) {
    const method = next === 'put' ? 'PUT' : 'GET';
    const put = next === 'put' ? upload : undefined;
    const verdict = judge(await exchange(put?.path ?? ackPath, method, settings, put), method);
    if (verdict.kind === 'aborted') return { kind: 'gave_up', attempts: failures, lastError: 'aborted' };
    if (verdict.kind === 'ack') return verdict;
    if (verdict.kind === 'refused') {
      // Switching between upload and fetch is an answer, not a failure; each switch is one-way, so this cannot loop.
      if (next === 'put' && verdict.code === 'batch_replayed') {
        next = 'ack';
        continue;
      }
      if (next === 'probe' && verdict.code === 'batch_unknown') {
        next = 'put';
        continue;
      }
      return verdict;
    }
    failures += 1;
    lastError = verdict.error;
    if (failures >= settings.maxAttempts) return { kind: 'gave_up', attempts: failures, lastError };
    if (next === 'put' && verdict.receiverHasBody) next = 'probe';
    const waited = await waitToRetry(failures, verdict, settings);
    if (!waited) return { kind: 'gave_up', attempts: failures, lastError: 'aborted' };
  }
}

/** After `failedAttempts` consecutive failures: says so (onRetry), then waits; false when the wait was aborted. */
function waitToRetry(failedAttempts: number, failure: { error: string; reason: SyncRetryReason; retryAfterMs: number | undefined }, settings: Settings): Promise<boolean> {
  const delayMs = retryDelayMs(failedAttempts - 1, failure.retryAfterMs, settings);
  settings.onRetry?.({ failedAttempts, maxAttempts: settings.maxAttempts, delayMs, reason: failure.reason, detail: failure.error });
  return pause(delayMs, settings);
}

/** Waits, or returns false as soon as the signal aborts. */
function pause(ms: number, settings: Settings): Promise<boolean> {
  const signal = settings.signal;
  if (!signal) return settings.sleep(ms).then(() => true);
  if (signal.aborted) return Promise.resolve(false);
  return new Promise((resolve) => {
    const onAbort = (): void => resolve(false);
    signal.addEventListener('abort', onAbort, { once: true });
    settings.sleep(ms).then(
      () => {
        signal.removeEventListener('abort', onAbort);
        resolve(!signal.aborted);
      },
      () => resolve(false),
    );
  });
}

/**
 * PUT /v1/batches/{batchId}; on 409 batch_replayed → fetch the ack instead; after a failure where the whole
 * body had been written (answer lost) or a 202, the next attempt first asks GET …/ack (200 → done;
 * 404 batch_unknown → PUT again). Every attempt sends the whole file, so progress starts again from 0.
 */
export function uploadBatch(
  batchId: string,
  file: Buffer,
  encrypted: boolean,
  options: HttpTransportOptions,
  onProgress?: (sentBytes: number, totalBytes: number) => void,
): Promise<TransferOutcome> {
  checkBatchId(batchId);
  const settings = resolveSettings(options);
  const contentType = encrypted ? ENCRYPTED_BATCH_CONTENT_TYPE : BATCH_CONTENT_TYPE;
  return transfer(`/v1/batches/${batchId}/ack`, 'put', settings, { path: `/v1/batches/${batchId}`, body: file, contentType, onProgress });
}

/** GET /v1/batches/{batchId}/ack with the same retry rules; 404 batch_unknown → refused batch_unknown. */
export function fetchAck(batchId: string, options: HttpTransportOptions): Promise<TransferOutcome> {
  checkBatchId(batchId);
  return transfer(`/v1/batches/${batchId}/ack`, 'ack', resolveSettings(options));
}

/**
 * GET /v1/stations/{stationCode}/last-batch, signed like the acknowledgement look-ups: the acknowledgement of the
 * highest-numbered batch of this station the receiver holds, with the same retry rules; 404 batch_unknown
 * when it holds none. A station rebuilt from a backup asks it before writing its first batch.
 */
export function fetchLastBatchAck(stationCode: string, options: HttpTransportOptions): Promise<TransferOutcome> {
  if (!STATION_CODE.test(stationCode)) throw new TypeError(`not a station code: ${stationCode}`);
  return transfer(`/v1/stations/${stationCode}/last-batch`, 'ack', resolveSettings(options));
}

const receiverInfoSchema = z.object({
  protocolVersions: z.array(z.number().int()),
  schemaVersions: z.array(z.number().int()),
  maxBatchBytes: z.number().int().positive(),
  signingKeyIds: z.array(z.string()),
  encryptionKeyId: z.string(),
});

/** GET /v1/info, once (a settings check wants a prompt answer, not back-off): the parsed JSON or ReceiverInfoError. */
export async function fetchReceiverInfo(options: HttpTransportOptions): Promise<ReceiverInfo> {
  return receiverInfoOf(await exchange('/v1/info', 'GET', resolveSettings(options)));
}

/**
 * GET /v1/info before a send, retried with the uploads' back-off while the receiver cannot be reached or
 * answers a retryable status (an unreachable province is a passing fault, and staff see the retries);
 * `unreachable` once the attempts are spent, any other ReceiverInfoError at once.
 */
export async function fetchReceiverInfoPatiently(options: HttpTransportOptions): Promise<ReceiverInfo> {
  const settings = resolveSettings(options);
  for (let failures = 1; ; failures++) {
    const result = await exchange('/v1/info', 'GET', settings);
    // A 200 is read as the info (it is JSON, which `judge` would take for a wrong acknowledgement).
    const retryable = result.kind === 'fault' || (result.kind === 'answer' && result.status !== 200 && isRetryableStatus(result.status));
    const failure = retryable ? judge(result, 'GET') : null;
    if (failure?.kind !== 'retry') return receiverInfoOf(result);
    if (failures >= settings.maxAttempts) throw new ReceiverInfoError('unreachable', failure.error);
    if (!(await waitToRetry(failures, failure, settings))) throw new ReceiverInfoError('aborted', 'aborted');
  }
}

/** The receiver's info in an answer to GET /v1/info, or why there is none (ReceiverInfoError). */
function receiverInfoOf(result: Exchange): ReceiverInfo {
  if (result.kind === 'aborted') throw new ReceiverInfoError('aborted', 'aborted');
  if (result.kind === 'fault') throw new ReceiverInfoError('unreachable', result.error);
  if (result.status !== 200) throw new ReceiverInfoError('bad_status', `HTTP ${result.status}`);
  let parsed: unknown;
  try {
    parsed = JSON.parse(result.body.toString('utf8'));
  } catch {
    throw new ReceiverInfoError('invalid_answer', 'the answer is not JSON');
  }
  const info = receiverInfoSchema.safeParse(parsed);
  if (!info.success) throw new ReceiverInfoError('invalid_answer', `the answer is not the receiver's info: ${info.error.message}`);
  return info.data;
}
