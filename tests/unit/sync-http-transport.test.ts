import { createServer, type IncomingHttpHeaders, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import {
  ACK_CONTENT_TYPE,
  fetchAck,
  fetchReceiverInfo,
  ReceiverInfoError,
  uploadBatch,
  type HttpTransportOptions,
} from '../../electron/sync/http-transport';
import { parseRetryAfter, retryDelayMs } from '../../electron/sync/retry-policy';

const BATCH_ID = 'KMU01-B000042';
const ACK = Buffer.from('RSA1\0\0\0\x02{}' + 'S'.repeat(64), 'latin1');

interface Seen {
  method: string;
  url: string;
  headers: IncomingHttpHeaders;
  body: Buffer;
}

type Handler = (req: IncomingMessage, res: ServerResponse, index: number) => void | Promise<void>;

const servers: Server[] = [];

afterEach(async () => {
  for (const server of servers.splice(0)) {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  }
});

/** A receiver on 127.0.0.1 that records every request (once its body is in) and answers as `handle` says. */
async function serve(handle: Handler): Promise<{ baseUrl: string; seen: Seen[] }> {
  const seen: Seen[] = [];
  let count = 0;
  const server = createServer((req, res) => {
    const index = count++;
    const record: Seen = { method: req.method ?? '', url: req.url ?? '', headers: req.headers, body: Buffer.alloc(0) };
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      record.body = Buffer.concat(chunks);
      seen.push(record);
    });
    void handle(req, res, index);
  });
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return { baseUrl: `http://127.0.0.1:${port}/relay`, seen };
}

function bodyIn(req: IncomingMessage): Promise<void> {
  return new Promise((resolve) => {
    if (req.readableEnded) resolve();
    else req.on('end', () => resolve());
  });
}

async function answerAck(req: IncomingMessage, res: ServerResponse): Promise<void> {
  await bodyIn(req);
  res.writeHead(200, { 'content-type': ACK_CONTENT_TYPE, 'content-length': ACK.length }).end(ACK);
}

async function answerError(req: IncomingMessage, res: ServerResponse, status: number, code: string, headers: Record<string, string> = {}): Promise<void> {
  await bodyIn(req);
  const body = JSON.stringify({ error: { code, message: `because ${code}` } });
  res.writeHead(status, { 'content-type': 'application/json', ...headers }).end(body);
}

/** Options with a sleep that records each wait and returns at once, and a fixed random of 0.5. */
function fastOptions(baseUrl: string, extra: Partial<HttpTransportOptions> = {}): { options: HttpTransportOptions; delays: number[] } {
  const delays: number[] = [];
  const options: HttpTransportOptions = {
    baseUrl,
    sleep: async (ms) => {
      delays.push(ms);
    },
    random: () => 0.5,
    ...extra,
  };
  return { options, delays };
}

function requestLine(seen: Seen[]): string[] {
  return seen.map((request) => `${request.method} ${request.url}`);
}

const PUT_LINE = `PUT /relay/v1/batches/${BATCH_ID}`;
const GET_ACK_LINE = `GET /relay/v1/batches/${BATCH_ID}/ack`;

describe('uploadBatch', () => {
  it('PUTs the file in 64 KiB chunks with its type and length, reports progress and returns the ack', async () => {
    const { baseUrl, seen } = await serve((req, res) => answerAck(req, res));
    const file = Buffer.alloc(200 * 1024, 7);
    const progress: Array<[number, number]> = [];
    const { options, delays } = fastOptions(baseUrl);

    const outcome = await uploadBatch(BATCH_ID, file, false, options, (sent, total) => progress.push([sent, total]));

    expect(outcome).toEqual({ kind: 'ack', ack: ACK });
    expect(requestLine(seen)).toEqual([PUT_LINE]);
    expect(seen[0]?.headers['content-type']).toBe('application/vnd.relay-station.batch');
    expect(seen[0]?.headers['content-length']).toBe(String(file.length));
    expect(seen[0]?.body.equals(file)).toBe(true);
    expect(progress).toEqual([
      [65536, 204800],
      [131072, 204800],
      [196608, 204800],
      [204800, 204800],
    ]);
    expect(delays).toEqual([]);
  });

  it('sends an encrypted file as application/vnd.relay-station.batch-encrypted', async () => {
    const { baseUrl, seen } = await serve((req, res) => answerAck(req, res));
    const outcome = await uploadBatch(BATCH_ID, Buffer.from('RSE1 encrypted'), true, fastOptions(baseUrl).options);
    expect(outcome.kind).toBe('ack');
    expect(seen[0]?.headers['content-type']).toBe('application/vnd.relay-station.batch-encrypted');
  });

  it('retries after the connection is dropped and then succeeds', async () => {
    let puts = 0;
    const { baseUrl, seen } = await serve(async (req, res) => {
      if (req.method === 'GET') return answerError(req, res, 404, 'batch_unknown');
      puts += 1;
      if (puts === 1) {
        req.socket.destroy();
        return;
      }
      return answerAck(req, res);
    });
    const { options, delays } = fastOptions(baseUrl);

    const outcome = await uploadBatch(BATCH_ID, Buffer.alloc(1000, 1), false, options);

    expect(outcome).toEqual({ kind: 'ack', ack: ACK });
    expect(puts).toBe(2);
    expect(seen.at(-1)?.method).toBe('PUT');
    expect(delays).toEqual([1000]);
  });

  it('waits for Retry-After after a 503 when it is longer than the back-off, capped at maxDelayMs', async () => {
    const { baseUrl, seen } = await serve((req, res, index) => {
      if (index === 0) return answerError(req, res, 503, 'unavailable', { 'retry-after': '30' });
      if (index === 1) return answerError(req, res, 503, 'unavailable', { 'retry-after': '7200' });
      return answerAck(req, res);
    });
    const { options, delays } = fastOptions(baseUrl, { maxDelayMs: 60_000 });

    const outcome = await uploadBatch(BATCH_ID, Buffer.from('batch'), false, options);

    expect(outcome.kind).toBe('ack');
    expect(requestLine(seen)).toEqual([PUT_LINE, PUT_LINE, PUT_LINE]);
    expect(delays).toEqual([30_000, 60_000]);
  });

  it('gives up after maxAttempts answers of 500 with growing delays inside their bounds', async () => {
    const { baseUrl, seen } = await serve((req, res) => answerError(req, res, 500, 'internal_error'));
    const { options, delays } = fastOptions(baseUrl, { maxAttempts: 5 });

    const outcome = await uploadBatch(BATCH_ID, Buffer.from('batch'), false, options);

    expect(outcome).toEqual({ kind: 'gave_up', attempts: 5, lastError: 'HTTP 500 internal_error: because internal_error' });
    expect(requestLine(seen)).toEqual(Array(5).fill(PUT_LINE));
    // random 0.5 of min(15 min, 2 s × 2ⁿ) for n = 0…3; no wait after the last attempt.
    expect(delays).toEqual([1000, 2000, 4000, 8000]);
  });

  it('keeps every back-off below min(maxDelayMs, baseDelayMs × 2ⁿ) even with the largest random', async () => {
    const { baseUrl } = await serve((req, res) => answerError(req, res, 502, 'unavailable'));
    const { options, delays } = fastOptions(baseUrl, { maxAttempts: 7, baseDelayMs: 100, maxDelayMs: 1000, random: () => 0.999 });

    const outcome = await uploadBatch(BATCH_ID, Buffer.from('batch'), false, options);

    expect(outcome).toMatchObject({ kind: 'gave_up', attempts: 7 });
    expect(delays).toEqual([99, 199, 399, 799, 999, 999]);
  });

  it('fetches the stored acknowledgement after 409 batch_replayed', async () => {
    const { baseUrl, seen } = await serve((req, res) =>
      req.method === 'PUT' ? answerError(req, res, 409, 'batch_replayed') : answerAck(req, res),
    );
    const { options, delays } = fastOptions(baseUrl);

    const outcome = await uploadBatch(BATCH_ID, Buffer.from('batch'), false, options);

    expect(outcome).toEqual({ kind: 'ack', ack: ACK });
    expect(requestLine(seen)).toEqual([PUT_LINE, GET_ACK_LINE]);
    expect(delays).toEqual([]);
  });

  it('asks for the ack before uploading again when the answer to a complete upload was lost', async () => {
    const { baseUrl, seen } = await serve(async (req, res) => {
      if (req.method === 'GET') return answerAck(req, res);
      await bodyIn(req);
      req.socket.destroy();
    });
    const { options, delays } = fastOptions(baseUrl);

    const outcome = await uploadBatch(BATCH_ID, Buffer.alloc(5000, 3), false, options);

    expect(outcome).toEqual({ kind: 'ack', ack: ACK });
    expect(requestLine(seen)).toEqual([PUT_LINE, GET_ACK_LINE]);
    expect(delays).toEqual([1000]);
  });

  it('uploads again when the ack asked for after a lost answer is batch_unknown', async () => {
    let puts = 0;
    const { baseUrl, seen } = await serve(async (req, res) => {
      if (req.method === 'GET') return answerError(req, res, 404, 'batch_unknown');
      puts += 1;
      await bodyIn(req);
      if (puts === 1) req.socket.destroy();
      else await answerAck(req, res);
    });
    const outcome = await uploadBatch(BATCH_ID, Buffer.alloc(5000, 3), false, fastOptions(baseUrl).options);

    expect(outcome.kind).toBe('ack');
    expect(requestLine(seen)).toEqual([PUT_LINE, GET_ACK_LINE, PUT_LINE]);
  });

  it('is refused without retry on 422 signature_invalid', async () => {
    const { baseUrl, seen } = await serve((req, res) => answerError(req, res, 422, 'signature_invalid'));
    const { options, delays } = fastOptions(baseUrl);

    const outcome = await uploadBatch(BATCH_ID, Buffer.from('batch'), false, options);

    expect(outcome).toEqual({ kind: 'refused', code: 'signature_invalid', message: 'because signature_invalid', status: 422, ack: null });
    expect(seen).toHaveLength(1);
    expect(delays).toEqual([]);
  });

  it('reads a 4xx without the protocol error as internal_error, and a bare 413 as batch_too_large', async () => {
    const { baseUrl } = await serve(async (req, res, index) => {
      await bodyIn(req);
      if (index === 0) res.writeHead(400, { 'content-type': 'text/html' }).end('<h1>Bad Request</h1>');
      else if (index === 1) res.writeHead(400, { 'content-type': 'application/json' }).end('{"error":{"code":"made_up","message":"x"}}');
      else res.writeHead(413, { 'content-type': 'text/html' }).end('<h1>Too large</h1>');
    });
    const options = fastOptions(baseUrl).options;

    expect(await uploadBatch(BATCH_ID, Buffer.from('a'), false, options)).toEqual({
      kind: 'refused',
      code: 'internal_error',
      message: 'HTTP 400 without a protocol error (text/html)',
      status: 400,
      ack: null,
    });
    expect(await uploadBatch(BATCH_ID, Buffer.from('a'), false, options)).toEqual({
      kind: 'refused',
      code: 'internal_error',
      message: 'HTTP 400 with unknown code made_up: x',
      status: 400,
      ack: null,
    });
    expect(await uploadBatch(BATCH_ID, Buffer.from('a'), false, options)).toMatchObject({ kind: 'refused', code: 'batch_too_large', status: 413, ack: null });
  });

  it('retries a 200 that is not an acknowledgement', async () => {
    const { baseUrl, seen } = await serve(async (req, res, index) => {
      if (index > 0) return answerAck(req, res);
      await bodyIn(req);
      res.writeHead(200, { 'content-type': 'text/html' }).end('<p>captive portal</p>');
    });
    const { options, delays } = fastOptions(baseUrl);

    const outcome = await uploadBatch(BATCH_ID, Buffer.from('batch'), false, options);

    expect(outcome.kind).toBe('ack');
    expect(requestLine(seen)).toEqual([PUT_LINE, PUT_LINE]);
    expect(delays).toEqual([1000]);
  });

  it('after a 202 asks for the ack, waiting as Retry-After says', async () => {
    const { baseUrl, seen } = await serve(async (req, res, index) => {
      await bodyIn(req);
      if (index === 0) res.writeHead(202, { 'retry-after': '5' }).end();
      else await answerAck(req, res);
    });
    const { options, delays } = fastOptions(baseUrl);

    const outcome = await uploadBatch(BATCH_ID, Buffer.from('batch'), false, options);

    expect(outcome.kind).toBe('ack');
    expect(requestLine(seen)).toEqual([PUT_LINE, GET_ACK_LINE]);
    expect(delays).toEqual([5000]);
  });

  it('retries when the receiver accepts the upload and never answers', async () => {
    let puts = 0;
    const { baseUrl, seen } = await serve(async (req, res) => {
      if (req.method === 'GET') return answerError(req, res, 404, 'batch_unknown');
      puts += 1;
      if (puts > 1) return answerAck(req, res);
      // The first upload is read and then left without an answer.
    });
    const { options, delays } = fastOptions(baseUrl, { idleTimeoutMs: 200 });

    const started = Date.now();
    const outcome = await uploadBatch(BATCH_ID, Buffer.alloc(3000, 9), false, options);

    expect(outcome.kind).toBe('ack');
    expect(Date.now() - started).toBeGreaterThanOrEqual(190);
    expect(requestLine(seen)).toEqual([PUT_LINE, GET_ACK_LINE, PUT_LINE]);
    expect(delays).toEqual([1000]);
  });

  it('reports the idle timeout as the last error when it gives up', async () => {
    const { baseUrl } = await serve(() => undefined);
    const outcome = await uploadBatch(BATCH_ID, Buffer.from('batch'), false, fastOptions(baseUrl, { idleTimeoutMs: 100, maxAttempts: 2 }).options);
    expect(outcome).toEqual({ kind: 'gave_up', attempts: 2, lastError: 'no progress for 100 ms' });
  });

  it('gives up on connection errors to a closed port', async () => {
    const server = createServer();
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    await new Promise((resolve) => server.close(resolve));

    const outcome = await uploadBatch(BATCH_ID, Buffer.from('batch'), false, fastOptions(`http://127.0.0.1:${port}`, { maxAttempts: 3 }).options);

    expect(outcome).toMatchObject({ kind: 'gave_up', attempts: 3 });
    expect(outcome.kind === 'gave_up' && outcome.lastError).toContain('ECONNREFUSED');
  });

  it('gives up promptly when aborted while waiting for an answer', async () => {
    const { baseUrl } = await serve(() => undefined);
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 50);

    const started = Date.now();
    const outcome = await uploadBatch(BATCH_ID, Buffer.from('batch'), false, { baseUrl, signal: controller.signal });

    expect(outcome).toEqual({ kind: 'gave_up', attempts: 0, lastError: 'aborted' });
    expect(Date.now() - started).toBeLessThan(2000);
  });

  it('gives up promptly when aborted during the back-off wait', async () => {
    const { baseUrl, seen } = await serve((req, res) => answerError(req, res, 503, 'unavailable'));
    const controller = new AbortController();
    const options: HttpTransportOptions = {
      baseUrl,
      signal: controller.signal,
      // A wait that would never end by itself.
      sleep: () => {
        setTimeout(() => controller.abort(), 10);
        return new Promise(() => undefined);
      },
    };

    const outcome = await uploadBatch(BATCH_ID, Buffer.from('batch'), false, options);

    expect(outcome).toEqual({ kind: 'gave_up', attempts: 1, lastError: 'aborted' });
    expect(seen).toHaveLength(1);
  });

  it('throws only for programming errors: a base URL that is not http(s), a malformed batch id', () => {
    expect(() => uploadBatch(BATCH_ID, Buffer.from('a'), false, { baseUrl: 'ftp://example.cn/relay' })).toThrow(TypeError);
    expect(() => uploadBatch(BATCH_ID, Buffer.from('a'), false, { baseUrl: 'not a url' })).toThrow(TypeError);
    expect(() => fetchAck('../info', { baseUrl: 'http://127.0.0.1:1/relay' })).toThrow(TypeError);
  });
});

describe('fetchAck', () => {
  it('GETs the acknowledgement', async () => {
    const { baseUrl, seen } = await serve((req, res) => answerAck(req, res));
    expect(await fetchAck(BATCH_ID, fastOptions(`${baseUrl}/`).options)).toEqual({ kind: 'ack', ack: ACK });
    expect(requestLine(seen)).toEqual([GET_ACK_LINE]);
  });

  it('is refused as batch_unknown on 404', async () => {
    const { baseUrl, seen } = await serve((req, res) => answerError(req, res, 404, 'batch_unknown'));
    const { options, delays } = fastOptions(baseUrl);

    expect(await fetchAck(BATCH_ID, options)).toEqual({ kind: 'refused', code: 'batch_unknown', message: 'because batch_unknown', status: 404, ack: null });
    expect(seen).toHaveLength(1);
    expect(delays).toEqual([]);
  });

  it('retries 429 with Retry-After as an HTTP date', async () => {
    const { baseUrl } = await serve((req, res, index) =>
      index === 0
        ? answerError(req, res, 429, 'rate_limited', { 'retry-after': new Date(Date.now() + 120_000).toUTCString() })
        : answerAck(req, res),
    );
    const { options, delays } = fastOptions(baseUrl);

    expect((await fetchAck(BATCH_ID, options)).kind).toBe('ack');
    expect(delays).toHaveLength(1);
    expect(delays[0]).toBeGreaterThan(110_000);
    expect(delays[0]).toBeLessThanOrEqual(120_000);
  });
});

describe('fetchReceiverInfo', () => {
  const info = {
    protocolVersions: [1],
    schemaVersions: [1],
    maxBatchBytes: 67108864,
    signingKeyIds: ['40e35f4f512453902b2b7e7042ef1e6913d5c9fad36e8df9aefbbd199015765d'],
    encryptionKeyId: 'a'.repeat(64),
  };

  it('returns the parsed info of GET /v1/info', async () => {
    const { baseUrl, seen } = await serve((req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ ...info, extra: true }));
    });
    expect(await fetchReceiverInfo({ baseUrl })).toEqual(info);
    expect(requestLine(seen)).toEqual(['GET /relay/v1/info']);
  });

  it('throws ReceiverInfoError for an answer that is not the info, an error status or no receiver', async () => {
    const { baseUrl } = await serve((req, res, index) => {
      if (index === 0) res.writeHead(200, { 'content-type': 'application/json' }).end('{"protocolVersions":"1"}');
      else if (index === 1) res.writeHead(200, { 'content-type': 'text/html' }).end('<html>');
      else res.writeHead(500).end();
    });
    await expect(fetchReceiverInfo({ baseUrl })).rejects.toMatchObject({ name: 'ReceiverInfoError', reason: 'invalid_answer' });
    await expect(fetchReceiverInfo({ baseUrl })).rejects.toMatchObject({ reason: 'invalid_answer' });
    await expect(fetchReceiverInfo({ baseUrl })).rejects.toMatchObject({ reason: 'bad_status', message: 'HTTP 500' });
    await expect(fetchReceiverInfo({ baseUrl: 'http://127.0.0.1:1' })).rejects.toBeInstanceOf(ReceiverInfoError);
  });
});

describe('retry policy', () => {
  const settings = { baseDelayMs: 2000, maxDelayMs: 15 * 60_000, random: () => 1 };

  it('caps the jittered ceiling at maxDelayMs', () => {
    expect(retryDelayMs(0, undefined, settings)).toBe(2000);
    expect(retryDelayMs(8, undefined, settings)).toBe(512_000);
    expect(retryDelayMs(9, undefined, settings)).toBe(900_000);
    expect(retryDelayMs(60, undefined, settings)).toBe(900_000);
    expect(retryDelayMs(3, undefined, { ...settings, random: () => 0 })).toBe(0);
  });

  it('takes Retry-After only when longer, and never above maxDelayMs', () => {
    expect(retryDelayMs(3, 1000, settings)).toBe(16_000);
    expect(retryDelayMs(3, 20_000, settings)).toBe(20_000);
    expect(retryDelayMs(3, 3_600_000, settings)).toBe(900_000);
  });

  it('parses Retry-After seconds and HTTP dates', () => {
    const now = Date.parse('2026-11-20T06:15:00.000Z');
    expect(parseRetryAfter('120', now)).toBe(120_000);
    expect(parseRetryAfter('Fri, 20 Nov 2026 06:16:00 GMT', now)).toBe(60_000);
    expect(parseRetryAfter('Fri, 20 Nov 2026 06:14:00 GMT', now)).toBe(0);
    expect(parseRetryAfter('soon', now)).toBeUndefined();
    expect(parseRetryAfter(undefined, now)).toBeUndefined();
  });
});
