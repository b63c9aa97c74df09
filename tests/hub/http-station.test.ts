import { createPublicKey } from 'node:crypto';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { findBatchById } from '../../electron/db/repositories/sync';
import type { CallInput, CallOutput } from '../../shared/contract/calls';
import type { HubStore } from '../../hub/db/open';
import { batchesOfStation } from '../../hub/db/repositories/batches';
import { countRecordVersions } from '../../hub/db/repositories/record-versions';
import { addStationKey } from '../../hub/db/repositories/stations';
import { startHubServer, type RunningHubServer } from '../../hub/http/server';
import { loadOrCreateProvinceKeys, provincePublicPems, type ProvinceKeys } from '../../hub/keys/province-keys';
import { callsOn } from '../fixtures/dispatch';
import { residentId, sampleRegistration } from '../fixtures/registrations';
import { makeTempDir, openTempStation, sampleSetup } from '../fixtures/temp-station';
import { PROVINCE, registerStation } from './support/batches';
import { describeOnBothEngines } from './support/both-engines';
import { http } from './support/http-client';

type TempStation = Awaited<ReturnType<typeof openTempStation>>;
type Status = CallOutput<'sync:status'>;

describeOnBothEngines('hub serve: a station sends over HTTP', (open) => {
  let station: TempStation;
  let folder: ReturnType<typeof makeTempDir>;
  let keys: ProvinceKeys;
  let hub: HubStore;
  let server: RunningHubServer;
  const admin = { sessionKey: 'admin-desk' };
  const system = { id: null, role: 'system' };
  const { ok } = callsOn(() => station, () => admin);

  beforeEach(async () => {
    station = await openTempStation();
    await station.dispatch('station:setup', sampleSetup, admin);
    folder = makeTempDir('relay-hub-http-station-');
    keys = loadOrCreateProvinceKeys(folder.dir).keys;
    hub = await open();
    await registerStation(hub.db, 'KMU01');
    const published = await ok('documents:publicKey', undefined);
    const publicKeySpki = createPublicKey(published.publicKey).export({ type: 'spki', format: 'der' });
    await addStationKey(hub.db, { provinceCode: PROVINCE, stationCode: 'KMU01', publicKeySpki, registeredAt: '2026-11-01T00:00:00.000Z' });
    server = await startHubServer({ hub, provinceCode: PROVINCE, keys, basePath: '/relay' });
    const pems = provincePublicPems(keys);
    await ok('sync:importProvinceKey', { use: 'signing', pem: pems.signing });
    await ok('sync:importProvinceKey', { use: 'encryption', pem: pems.encryption });
    await ok('sync:settings', { endpoint: server.url, batchSize: 10, twoPersonApproval: false });
    station.services.sync.transfer.transportOptions = { baseDelayMs: 1, maxDelayMs: 5, maxAttempts: 6 };
  });
  afterEach(async () => {
    await server.close();
    await station.remove();
    folder.remove();
  });

  /** Registers `count` people for the cornea program: a registration and its receipt each. */
  async function register(count: number, from = 0): Promise<void> {
    for (let i = from; i < from + count; i++) {
      const input: CallInput<'registration:create'> = sampleRegistration({
        person: { document: { kind: 'resident_id', number: residentId('530102', '19900307', String(100 + i).padStart(3, '0')) }, name: `张${'一二三四五六七八九十'[i % 10]}明`, phone: '13812345678', ethnicGroup: '01' },
        programs: [{ program: 'cornea' }],
      });
      await ok('registration:create', input);
    }
  }

  function outboxStates(): Record<string, number> {
    const rows = station.connection.sqlite.prepare('select state, count(*) as n from outbox group by state').all() as { state: string; n: number }[];
    return Object.fromEntries(rows.map((row) => [row.state, row.n]));
  }

  function acknowledgedBatches(): number {
    return (station.connection.sqlite.prepare("select count(*) as n from sync_batch where state = 'acknowledged'").get() as { n: number }).n;
  }

  /** sync:send, then sync:status until the run has ended. */
  async function sendAndWait(): Promise<Status> {
    expect(await ok('sync:send', undefined)).toEqual({ started: true });
    for (let read = 0; read < 600; read++) {
      const status = await ok('sync:status', undefined);
      if (status.sending === null && status.lastRun !== null) return status;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    throw new Error('the send never ended');
  }

  it('delivers everything waiting once, settles every outbox row, and changes nothing when sent again', async () => {
    await register(12);
    const rows = outboxStates().pending ?? 0;
    expect(rows).toBe(24);

    const run = await sendAndWait();
    expect(run.lastRun?.error).toBeNull();
    expect(outboxStates()).toEqual({ done: rows });
    expect(await countRecordVersions(hub.db, PROVINCE, 'KMU01')).toBe(rows);
    const batches = await batchesOfStation(hub.db, PROVINCE, 'KMU01');
    expect(batches.map((batch) => batch.batchId)).toEqual(['KMU01-B000001', 'KMU01-B000002', 'KMU01-B000003']);
    expect(acknowledgedBatches()).toBe(3);

    const again = await station.services.sync.transfer.sendAll(system);
    expect(again.error).toBeNull();
    expect(outboxStates()).toEqual({ done: rows });
    expect(await countRecordVersions(hub.db, PROVINCE, 'KMU01')).toBe(rows);
    expect((await batchesOfStation(hub.db, PROVINCE, 'KMU01')).map((batch) => batch.ack)).toEqual(batches.map((batch) => batch.ack));
  }, 60_000);

  it('settles a batch whose answer was lost: the upload is replayed and its acknowledgement fetched with a signed look-up', async () => {
    await register(2);
    const written = await station.services.sync.batches.writeNext(system);
    if (!written) throw new Error('no batch written');
    const stored = await findBatchById(station.connection.db, written.batch_id);
    if (!stored) throw new Error('the batch written is not stored');
    const file = station.services.sync.batches.fileOf(stored);
    // The hub takes the batch, but the station never hears of it.
    const lost = await http(`${server.url}/v1/batches/${written.batch_id}`, 'PUT', file);
    expect(lost.status).toBe(200);
    expect(outboxStates()).toEqual({ in_batch: 4 });

    const run = await sendAndWait();
    expect(run.lastRun?.error).toBeNull();
    expect(outboxStates()).toEqual({ done: 4 });
    const [taken] = await batchesOfStation(hub.db, PROVINCE, 'KMU01');
    expect(taken?.ack).toEqual(lost.body);
    expect(await countRecordVersions(hub.db, PROVINCE, 'KMU01')).toBe(4);
  }, 60_000);
});
