import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { fetchReceiverInfoPatiently, ReceiverInfoError, uploadBatch, type RetryNotice } from '../../electron/sync/http-transport';
import { refusingPort } from '../fixtures/refusing-port';

const INFO = { protocolVersions: [1], schemaVersions: [1], maxBatchBytes: 1_000_000, signingKeyIds: ['s'], encryptionKeyId: 'e' };
const servers: Server[] = [];

afterEach(async () => {
  for (const server of servers.splice(0)) {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  }
});

/** A receiver answering 503 to the first `busyFor` requests, then its info. */
async function busyReceiver(busyFor: number): Promise<string> {
  let count = 0;
  const server = createServer((req, res) => {
    if (count++ < busyFor) {
      res.writeHead(503, { 'content-type': 'application/json', 'retry-after': '0' }).end(JSON.stringify({ error: { code: 'unavailable', message: 'busy' } }));
      return;
    }
    res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(INFO));
  });
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}/relay`;
}

const quick = { baseDelayMs: 1, maxDelayMs: 2, sleep: () => Promise.resolve() };

describe('retries staff are told about', () => {
  it('the endpoint check waits out a busy receiver, telling each failed attempt, busy, of how many', async () => {
    const notices: RetryNotice[] = [];
    const info = await fetchReceiverInfoPatiently({ ...quick, baseUrl: await busyReceiver(2), maxAttempts: 5, onRetry: (notice) => notices.push(notice) });
    expect(info).toEqual(INFO);
    expect(notices.map((notice) => [notice.failedAttempts, notice.maxAttempts, notice.reason])).toEqual([
      [1, 5, 'busy'],
      [2, 5, 'busy'],
    ]);
    expect(notices[0]?.detail).toContain('HTTP 503 unavailable');
  });

  it('the endpoint check gives up as unreachable after its attempts when nothing listens, each refusal told', async () => {
    const notices: RetryNotice[] = [];
    const check = fetchReceiverInfoPatiently({ ...quick, baseUrl: `http://127.0.0.1:${await refusingPort()}/relay`, maxAttempts: 3, onRetry: (notice) => notices.push(notice) });
    await expect(check).rejects.toSatisfy((error) => error instanceof ReceiverInfoError && error.reason === 'unreachable');
    expect(notices.map((notice) => [notice.failedAttempts, notice.reason])).toEqual([
      [1, 'connection_refused'],
      [2, 'connection_refused'],
    ]);
  });

  it('an upload to a port nothing listens on is told as refused, and stops when aborted during the wait', async () => {
    const abort = new AbortController();
    const notices: RetryNotice[] = [];
    const outcome = await uploadBatch('KMU01-B000001', Buffer.from('batch'), true, {
      baseUrl: `http://127.0.0.1:${await refusingPort()}/relay`,
      baseDelayMs: 60_000,
      maxAttempts: 10,
      random: () => 1,
      signal: abort.signal,
      onRetry: (notice) => {
        notices.push(notice);
        abort.abort();
      },
    });
    expect(outcome).toEqual({ kind: 'gave_up', attempts: 1, lastError: 'aborted' });
    expect(notices).toHaveLength(1);
    expect(notices[0]).toMatchObject({ failedAttempts: 1, maxAttempts: 10, delayMs: 60_000, reason: 'connection_refused' });
  });
});
