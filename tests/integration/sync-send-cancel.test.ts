import { readdirSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CallOutput } from '../../shared/contract/calls';
import { callsOn } from '../fixtures/dispatch';
import { refusingPort } from '../fixtures/refusing-port';
import { sampleRegistration } from '../fixtures/registrations';
import { makeTempDir, openTempStation, sampleSetup } from '../fixtures/temp-station';
import { startTestHub, type TestHub } from '../fixtures/test-hub';

type TempStation = Awaited<ReturnType<typeof openTempStation>>;
type Status = CallOutput<'sync:status'>;

let station: TempStation;
let receiver: TestHub;
let usbStick: ReturnType<typeof makeTempDir>;
/** The outbox rows the registration left waiting. */
let rows: number;
const admin = { sessionKey: 'admin-desk' };
const { ok } = callsOn(() => station, () => admin);

/** Reads sync:status until `wanted` holds; fails with the last status after a generous ceiling, never on time alone. */
async function statusWhen(wanted: (status: Status) => boolean): Promise<Status> {
  let last: Status | null = null;
  for (let read = 0; read < 600; read++) {
    last = await ok('sync:status', undefined);
    if (wanted(last)) return last;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`sync:status never reached the wanted state; last: ${JSON.stringify({ sending: last?.sending, activity: last?.activity, lastRun: last?.lastRun })}`);
}

function batchStates(): Record<string, string> {
  const rows = station.connection.sqlite.prepare('select batch_id, state from sync_batch order by batch_seq').all() as { batch_id: string; state: string }[];
  return Object.fromEntries(rows.map((row) => [row.batch_id, row.state]));
}

function outboxStates(): Record<string, number> {
  const rows = station.connection.sqlite.prepare('select state, count(*) as n from outbox group by state').all() as { state: string; n: number }[];
  return Object.fromEntries(rows.map((row) => [row.state, row.n]));
}

beforeEach(async () => {
  station = await openTempStation();
  usbStick = makeTempDir('relay-usb-');
  await station.dispatch('station:setup', sampleSetup, admin);
  await ok('registration:create', sampleRegistration());
  rows = outboxStates().pending ?? 0;
  expect(rows).toBeGreaterThan(0);
  const { publicKey } = await ok('documents:publicKey', undefined);
  receiver = await startTestHub({ stationPublicKeyPem: publicKey });
  await ok('sync:importProvinceKey', { use: 'signing', pem: receiver.provinceSigningPublicPem });
  await ok('sync:importProvinceKey', { use: 'encryption', pem: receiver.provinceEncryptionPublicPem });
  // Short waits and many attempts: the send keeps retrying until the test cancels it.
  station.services.sync.transfer.transportOptions = { baseDelayMs: 200, maxDelayMs: 1_000, maxAttempts: 1_000 };
});
afterEach(async () => {
  await receiver.close();
  await station.remove();
  usbStick.remove();
});

describe('sending to a province that cannot be reached', () => {
  it('says it is retrying, lets an export run meanwhile, and stops on cancel with nothing lost', async () => {
    const port = await refusingPort();
    await ok('sync:settings', { endpoint: `http://127.0.0.1:${port}/relay`, batchSize: 100, twoPersonApproval: false });
    expect(await ok('sync:send', undefined)).toEqual({ started: true });

    const retrying = await statusWhen((status) => (status.sending?.retry?.failedAttempts ?? 0) >= 1);
    expect(retrying.sending?.retry).toMatchObject({ maxAttempts: 1_000, reason: 'connection_refused' });
    expect(retrying.sending?.retry?.detail).toContain('ECONNREFUSED');
    expect(retrying.sending?.retry?.nextAttemptInSeconds).toBeGreaterThanOrEqual(0);
    expect(await ok('sync:send', undefined)).toEqual({ started: false });

    // The USB export does not wait for the send: it writes the waiting rows into a batch on the stick.
    const exported = await ok('sync:export', { folder: usbStick.dir });
    expect(exported.files).toHaveLength(1);
    expect(readdirSync(usbStick.dir)).toEqual(exported.files);
    const [batchId] = Object.keys(batchStates());
    expect(exported.files).toEqual([`${batchId}.rse`]);
    expect((await ok('sync:status', undefined)).sending).not.toBeNull();

    expect(await ok('sync:cancelSend', undefined)).toEqual({ cancelled: true });
    const after = await ok('sync:status', undefined);
    expect(after.sending).toBeNull();
    expect(after.lastRun?.error).toBe('cancelled');
    expect(await ok('sync:cancelSend', undefined)).toEqual({ cancelled: false });

    // Nothing half-acknowledged: the batch still waits for the province, its rows with it.
    expect(batchStates()).toEqual({ [batchId as string]: 'sent' });
    expect(outboxStates()).toEqual({ in_batch: rows });
    const [batch] = (await ok('sync:batches', undefined)).batches;
    expect(batch?.acknowledgedAt).toBeNull();

    // …and goes with the next send, to a province that answers.
    await ok('sync:settings', { endpoint: receiver.url, batchSize: 100, twoPersonApproval: false });
    expect(await ok('sync:send', undefined)).toEqual({ started: true });
    const done = await statusWhen((status) => status.sending === null && status.lastRun?.error !== 'cancelled');
    expect(done.lastRun?.error).toBeNull();
    expect(batchStates()).toEqual({ [batchId as string]: 'acknowledged' });
    expect(outboxStates()).toEqual({ done: rows });
  }, 60_000);

  it('reports the retries of an upload the receiver keeps refusing as busy, and cancels it mid-wait', async () => {
    await receiver.close();
    const { publicKey } = await ok('documents:publicKey', undefined);
    // Every upload is answered 503: the endpoint check passes, the batch cannot land.
    receiver = await startTestHub({ stationPublicKeyPem: publicKey, faults: { seed: 7, unavailableRate: 1 } });
    await ok('sync:importProvinceKey', { use: 'signing', pem: receiver.provinceSigningPublicPem });
    await ok('sync:importProvinceKey', { use: 'encryption', pem: receiver.provinceEncryptionPublicPem });
    await ok('sync:settings', { endpoint: receiver.url, batchSize: 100, twoPersonApproval: false });
    expect(await ok('sync:send', undefined)).toEqual({ started: true });

    const retrying = await statusWhen((status) => (status.sending?.retry?.failedAttempts ?? 0) >= 2);
    expect(retrying.sending?.retry?.reason).toBe('busy');
    expect(retrying.activity?.step).toBe('sending');

    expect(await ok('sync:cancelSend', undefined)).toEqual({ cancelled: true });
    expect((await ok('sync:status', undefined)).lastRun?.error).toBe('cancelled');
    const [batch] = (await ok('sync:batches', undefined)).batches;
    expect(batch?.state).toBe('sent');
    expect(batch?.acknowledgedAt).toBeNull();
    expect(outboxStates()).toEqual({ in_batch: rows });
  }, 60_000);
});
