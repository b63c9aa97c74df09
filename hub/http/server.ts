import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { setTimeout as delay } from 'node:timers/promises';
import { sendAck, sendError, sendJson, sendProcessing, sendRefusal } from '../../electron/sync/http-answers';
import { methodOf, normaliseBasePath, routeOf } from '../../electron/sync/http-routes';
import { declaredUploadLength, readUpload } from '../../electron/sync/upload-reading';
import { SYNC_PROTOCOL_VERSION, SYNC_SCHEMA_VERSION } from '../../shared/domain/sync';
import { batchById, earlierBatchOf } from '../db/repositories/batches';
import { ingestBatchFile, MAX_BATCH_BYTES, type IngestContext, type IngestResult } from '../ingest/ingest-batch';
import type { ConsoleHttp } from '../console/http';
import { FaultInjector, type FaultCounts, type FaultOptions } from './faults';
import { lastBatchAck, signingStation } from './station-requests';
import { judgeUploadHead } from './upload-head';
import { recordIngestEvent } from '../ingest-log/record-event';

/** How the hub serves the protocol over HTTP: its storage and keys (as for an import), and where it listens. */
export interface HubServerOptions extends IngestContext {
  /** Default 127.0.0.1: TLS is terminated by a proxy in front of the hub (docs/hub.md). */
  host?: string;
  /** Default 0 (any free port). */
  port?: number;
  /** Prefix of every path, e.g. `/relay` for `https://hub.example/relay/v1/info`. */
  basePath?: string;
  /** Uploads read at the same time; beyond, 503 with Retry-After. Default 4. */
  maxConcurrentUploads?: number;
  /** How long a stop waits for the requests under way before it cuts their connections. Default 30 s. */
  stopGraceMs?: number;
  /** Faults to inject into uploads and look-ups (never /v1/info): for a hub started in the same process only. */
  faults?: FaultOptions;
  /** Told of every upload the hub answered for (taken, replayed or refused): the operator's log. */
  onUpload?: (result: IngestResult) => void;
  /** The provincial console (`hub/console/http.ts`): answers every path below `<base>/console/`. */
  console?: ConsoleHttp;
}

export interface RunningHubServer {
  /** The base URL a station is configured with (including the base path), behind the TLS proxy in production. */
  url: string;
  port: number;
  /** The faults injected so far (live); all zero unless `faults` were given. */
  faultCounts: FaultCounts;
  /**
   * Stops taking connections, lets the requests under way finish (a batch being taken commits or rolls back
   * whole), then closes what is left. The database stays open: whoever opened it closes it.
   */
  close(): Promise<void>;
}

/** Seconds a station is told to wait when every upload slot is taken. */
const BUSY_RETRY_AFTER_SECONDS = '5';

/**
 * The protocol's HTTP API (docs/sync-protocol.md §10.2) served by the hub on its own storage: GET /v1/info,
 * PUT /v1/batches/{batchId} (the head judged from the first bytes before the rest is read, then the file taken
 * by ingestBatchFile), and the signed look-ups GET /v1/batches/{batchId}/ack and
 * GET /v1/stations/{stationCode}/last-batch, answered only to the station the batch came from.
 */
export async function startHubServer(options: HubServerOptions): Promise<RunningHubServer> {
  const basePath = normaliseBasePath(options.basePath);
  const now = options.now ?? (() => new Date());
  const maxUploads = options.maxConcurrentUploads ?? 4;
  const { hub, provinceCode } = options;
  /** Batch ids being taken in this process: a look-up or a second upload meanwhile is told to ask again. */
  const processing = new Set<string>();
  const underWay = new Set<Promise<void>>();
  let uploads = 0;
  const faults = new FaultInjector(options.faults);
  const context: IngestContext = options.faults
    ? { ...options, unavailable: (envelope) => faults.strikes('recordUnavailable') || (options.unavailable?.(envelope) ?? false) }
    : options;

  /** Before anything is taken: the connection drops, the hub fails, or it is down. True when it answered. */
  function earlyFault(request: IncomingMessage, response: ServerResponse): boolean {
    if (faults.strikes('dropBefore')) {
      request.socket.destroy();
      return true;
    }
    if (faults.strikes('error')) {
      sendError(response, 'internal_error', 'injected fault');
      return true;
    }
    if (faults.strikes('unavailable')) {
      sendError(response, 'unavailable', 'injected fault', { 'retry-after': '1' });
      return true;
    }
    return false;
  }

  async function answerSlowly(): Promise<void> {
    if (faults.strikes('slow')) await delay(faults.slowMs);
  }

  const info = {
    protocolVersions: [SYNC_PROTOCOL_VERSION],
    schemaVersions: [...(options.schemaVersions ?? [SYNC_SCHEMA_VERSION])],
    maxBatchBytes: MAX_BATCH_BYTES,
    signingKeyIds: [options.keys.signing.keyId],
    encryptionKeyId: options.keys.encryption.keyId,
  };

  function upload(request: IncomingMessage, response: ServerResponse, batchId: string): Promise<void> | void {
    const length = declaredUploadLength(request, response, MAX_BATCH_BYTES);
    if (length === null) return;
    // Counted before anything is awaited: the cap holds however many requests arrive at once.
    if (uploads >= maxUploads) {
      sendError(response, 'unavailable', `${maxUploads} uploads are under way; try again later`, { 'retry-after': BUSY_RETRY_AFTER_SECONDS, connection: 'close' });
      return;
    }
    uploads += 1;
    return readAndTake(request, response, batchId, length).finally(() => {
      uploads -= 1;
    });
  }

  async function readAndTake(request: IncomingMessage, response: ServerResponse, batchId: string, length: number): Promise<void> {
    const read = await readUpload(request, length, (prefix) => judgeUploadHead(prefix, length, options));
    if (read.kind === 'refused') {
      await recordIngestEvent(hub, { provinceCode, via: 'http', result: read.refusal, bytes: length, receivedAt: now().toISOString() });
      const { code, message, ack } = read.refusal;
      sendRefusal(response, code, message, ack, { connection: 'close' });
      return;
    }
    if (read.kind === 'gone') return;
    if (earlyFault(request, response)) return;
    if (processing.has(batchId)) {
      sendProcessing(response);
      return;
    }
    processing.add(batchId);
    try {
      const receivedAt = now().toISOString();
      const result = await ingestBatchFile(read.body, { ...context, urlBatchId: batchId });
      // Written after the batch's transaction, so that a refusal, which stores nothing else, is kept too.
      await recordIngestEvent(hub, { provinceCode, via: 'http', result, bytes: read.body.length, receivedAt });
      options.onUpload?.(result);
      if (faults.strikes('dropAfter')) {
        request.socket.destroy();
        return;
      }
      await answerSlowly();
      if (result.outcome === 'applied') sendAck(response, await answeredAck(result.stationCode, result.batchId, result.ack));
      else if (result.outcome === 'replayed') sendError(response, 'batch_replayed', `${result.batchId} was taken before; fetch its acknowledgement`);
      else sendRefusal(response, result.code, result.message, result.ack);
    } finally {
      processing.delete(batchId);
    }
  }

  /** The acknowledgement to answer for a batch just taken: another batch's of the same station when that fault strikes. */
  async function answeredAck(stationCode: string, batchId: string, ack: Buffer): Promise<Buffer> {
    if (!options.faults?.duplicateAckRate) return ack;
    const earlier = await earlierBatchOf(hub.db, provinceCode, stationCode, batchId);
    return earlier?.ack && faults.strikes('duplicateAck') ? earlier.ack : ack;
  }

  async function fetchAck(request: IncomingMessage, response: ServerResponse, batchId: string, path: string): Promise<void> {
    if (earlyFault(request, response)) return;
    const station = await signingStation(hub.db, provinceCode, request.headers, 'GET', path, now());
    if (station === null) {
      sendError(response, 'unauthorized', 'sign the request with a registered station key');
      return;
    }
    // Another station's batches are not this station's business: answered as if never received.
    const own = batchId.startsWith(`${station}-B`);
    const stored = own ? await batchById(hub.db, provinceCode, batchId) : null;
    await answerSlowly();
    if (stored?.stationCode === station && stored.ack) sendAck(response, stored.ack);
    else if (own && !stored && processing.has(batchId)) sendProcessing(response);
    else sendError(response, 'batch_unknown', `${batchId} was never received`);
  }

  /** A station's own last batch (a station rebuilt from a backup asks before writing one): its acknowledgement. */
  async function fetchLastBatch(request: IncomingMessage, response: ServerResponse, stationCode: string, path: string): Promise<void> {
    if (earlyFault(request, response)) return;
    const station = await signingStation(hub.db, provinceCode, request.headers, 'GET', path, now());
    if (station === null) {
      sendError(response, 'unauthorized', 'sign the request with a registered station key');
      return;
    }
    // Another station's batches are not this station's business: answered as if it had sent none.
    const ack = station === stationCode ? await lastBatchAck(hub.db, provinceCode, station) : null;
    await answerSlowly();
    if (ack) sendAck(response, ack);
    else sendError(response, 'batch_unknown', `no batch of ${stationCode} was received`);
  }

  async function handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const path = new URL(request.url ?? '/', 'http://hub').pathname;
    const belowBase = path.startsWith(`${basePath}/`) ? path.slice(basePath.length) : null;
    if (options.console && belowBase !== null && options.console.owns(belowBase)) {
      await options.console.handle(request, response, belowBase, basePath);
      return;
    }
    const route = routeOf(path, basePath);
    if (!route) {
      sendError(response, 'not_found', 'no such call');
      return;
    }
    const method = methodOf(route);
    if (request.method !== method) {
      sendError(response, 'method_not_allowed', `${method} only`, { allow: method });
      return;
    }
    if (route.call === 'info') sendJson(response, 200, info);
    else if (route.call === 'upload') await upload(request, response, route.batchId);
    // Signed requests cover the protocol's path: a proxy in front may put the base path in or take it out.
    else if (route.call === 'ack') await fetchAck(request, response, route.batchId, path.slice(basePath.length));
    else await fetchLastBatch(request, response, route.stationCode, path.slice(basePath.length));
  }

  const server = createServer((request, response) => {
    const handled = handle(request, response).catch((error: unknown) => {
      if (!response.headersSent) sendError(response, 'internal_error', error instanceof Error ? error.message : String(error));
      else response.destroy();
    });
    underWay.add(handled);
    void handled.finally(() => underWay.delete(handled));
  });
  await listen(server, options.port ?? 0, options.host ?? '127.0.0.1');
  const address = server.address() as AddressInfo;
  const host = address.address.includes(':') ? `[${address.address}]` : address.address;
  return {
    url: `http://${host}:${address.port}${basePath}`,
    port: address.port,
    faultCounts: faults.counts,
    close: () => stop(server, underWay, options.stopGraceMs ?? 30_000),
  };
}

function listen(server: Server, port: number, host: string): Promise<void> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
}

/** Stops listening, waits up to `graceMs` for the requests under way, then cuts every connection left. */
async function stop(server: Server, underWay: Set<Promise<void>>, graceMs: number): Promise<void> {
  const closed = new Promise<void>((resolve) => server.close(() => resolve()));
  server.closeIdleConnections();
  let timer: NodeJS.Timeout | undefined;
  const graceOver = new Promise<void>((resolve) => {
    timer = setTimeout(resolve, graceMs);
  });
  await Promise.race([Promise.allSettled([...underWay]), graceOver]);
  clearTimeout(timer);
  server.closeAllConnections();
  await closed;
}
