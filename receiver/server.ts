import { createPublicKey } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { setTimeout as delay } from 'node:timers/promises';
import { sendAck, sendError, sendJson, sendProcessing, sendRefusal } from '../electron/sync/http-answers';
import { methodOf, normaliseBasePath, routeOf } from '../electron/sync/http-routes';
import { requestKeyId, verifyRequest } from '../electron/sync/request-signature';
import { declaredUploadLength, readUpload } from '../electron/sync/upload-reading';
import { SYNC_PROTOCOL_VERSION, SYNC_SCHEMA_VERSION } from '../shared/domain/sync';
import { FaultInjector, type FaultCounts, type FaultOptions } from './faults';
import { MAX_BATCH_BYTES, type ProcessResult } from './process-batch';
import { openReceiver, type Receiver, type ReceiverSetup } from './receiver';

export interface ReceiverOptions extends ReceiverSetup {
  /** Default 0 (any free port). */
  port?: number;
  /** Default 127.0.0.1. */
  host?: string;
  /** Prefix of every path, e.g. `/relay` for `http://127.0.0.1:8790/relay/v1/info`. */
  basePath?: string;
  faults?: FaultOptions;
  /** Uploads read at the same time; beyond, 503 with Retry-After. Default 4. */
  maxConcurrentUploads?: number;
}

export interface RunningReceiver {
  /** The base URL a station is configured with (including the base path). */
  url: string;
  port: number;
  receiver: Receiver;
  /** What was injected so far (live). */
  faultCounts: FaultCounts;
  close(): Promise<void>;
}

/**
 * The reference receiver's HTTP API (§10.2) on 127.0.0.1, with optional injected faults. Faults apply to
 * uploads and acknowledgement (and last-batch) look-ups, never to /v1/info.
 */
export async function startReceiver(options: ReceiverOptions): Promise<RunningReceiver> {
  const receiver = openReceiver(options);
  const basePath = normaliseBasePath(options.basePath);
  const faults = new FaultInjector(options.faults);
  const processing = new Set<string>();
  const now = options.now ?? (() => new Date());
  const maxUploads = options.maxConcurrentUploads ?? 4;
  let uploads = 0;

  const info = {
    protocolVersions: [SYNC_PROTOCOL_VERSION],
    schemaVersions: [...(options.schemaVersions ?? [SYNC_SCHEMA_VERSION])],
    maxBatchBytes: MAX_BATCH_BYTES,
    signingKeyIds: [receiver.keys.signing.keyId],
    encryptionKeyId: receiver.keys.encryption.keyId,
  };

  /** Before any processing: the connection drops, the receiver fails, or it is down. True when it answered. */
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

  async function upload(request: IncomingMessage, response: ServerResponse, batchId: string): Promise<void> {
    const length = declaredUploadLength(request, response, MAX_BATCH_BYTES);
    if (length === null) return;
    if (uploads >= maxUploads) {
      sendError(response, 'unavailable', `${maxUploads} uploads are under way; try again later`, { 'retry-after': '5', connection: 'close' });
      return;
    }
    uploads += 1;
    try {
      const read = await readUpload(request, length, (prefix) => receiver.checkHead(prefix, length));
      if (read.kind === 'refused') {
        const { code, message, ack } = read.refusal;
        sendRefusal(response, code, message, ack, { connection: 'close' });
      } else if (read.kind === 'body') {
        await processUpload(request, response, batchId, read.body);
      }
    } finally {
      uploads -= 1;
    }
  }

  async function processUpload(request: IncomingMessage, response: ServerResponse, batchId: string, body: Buffer): Promise<void> {
    if (earlyFault(request, response)) return;
    if (processing.has(batchId)) {
      sendProcessing(response);
      return;
    }
    processing.add(batchId);
    try {
      let result: ProcessResult;
      try {
        result = receiver.process(body, { urlBatchId: batchId, recordUnavailable: () => faults.strikes('recordUnavailable') });
      } catch (error) {
        sendError(response, 'internal_error', error instanceof Error ? error.message : String(error));
        return;
      }
      if (faults.strikes('dropAfter')) {
        request.socket.destroy();
        return;
      }
      await answerSlowly();
      if (result.outcome === 'processed') {
        const earlier = receiver.store.earlierBatch(result.stationCode, result.batchId);
        sendAck(response, earlier && faults.strikes('duplicateAck') ? earlier.ack : result.ack);
      } else if (result.outcome === 'replayed') {
        sendError(response, 'batch_replayed', `${result.batchId} was processed before; fetch its acknowledgement`);
      } else {
        sendRefusal(response, result.code, result.message, result.ack);
      }
    } finally {
      processing.delete(batchId);
    }
  }

  /** The station whose registered key signed this request for the protocol's `path` (§10.2), or null. */
  function signingStation(request: IncomingMessage, path: string): string | null {
    const id = requestKeyId(request.headers);
    const registered = id === null ? [] : receiver.store.stationKeysById(id);
    // One key names one station; a key an older database holds under two codes answers for neither.
    const [key] = registered;
    if (!key || registered.length > 1) return null;
    return verifyRequest(request.headers, 'GET', path, createPublicKey(key.publicKeyPem), now()) ? key.code : null;
  }

  async function fetchAck(request: IncomingMessage, response: ServerResponse, batchId: string, path: string): Promise<void> {
    if (earlyFault(request, response)) return;
    const station = signingStation(request, path);
    if (station === null) {
      sendError(response, 'unauthorized', 'sign the request with a registered station key');
      return;
    }
    // Another station's batches are not this station's business: answered as if never received.
    const own = batchId.startsWith(`${station}-B`);
    const stored = own ? receiver.store.batch(batchId) : null;
    await answerSlowly();
    if (stored?.station === station) sendAck(response, stored.ack);
    else if (own && !stored && processing.has(batchId)) sendProcessing(response);
    else sendError(response, 'batch_unknown', `${batchId} was never received`);
  }

  /** A station's own last batch (a station rebuilt from a backup asks before writing one): its acknowledgement. */
  async function fetchLastBatch(request: IncomingMessage, response: ServerResponse, stationCode: string, path: string): Promise<void> {
    if (earlyFault(request, response)) return;
    const station = signingStation(request, path);
    if (station === null) {
      sendError(response, 'unauthorized', 'sign the request with a registered station key');
      return;
    }
    // Another station's batches are not this station's business: answered as if it had sent none.
    const last = station === stationCode ? receiver.store.lastBatch(station) : null;
    await answerSlowly();
    if (last) sendAck(response, last.ack);
    else sendError(response, 'batch_unknown', `no batch of ${stationCode} was received`);
  }

  async function handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const path = new URL(request.url ?? '/', 'http://receiver').pathname;
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
    handle(request, response).catch((error: unknown) => {
      if (!response.headersSent) sendError(response, 'internal_error', error instanceof Error ? error.message : String(error));
      else response.destroy();
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, options.host ?? '127.0.0.1', () => resolve());
  });
  const address = server.address() as AddressInfo;
  const host = address.address.includes(':') ? `[${address.address}]` : address.address;
  return {
    url: `http://${host}:${address.port}${basePath}`,
    port: address.port,
    receiver,
    faultCounts: faults.counts,
    close: async () => {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      receiver.close();
    },
  };
}
