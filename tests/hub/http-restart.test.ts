import { createPublicKey } from 'node:crypto';
import { afterEach, beforeEach, expect, it } from 'vitest';
import type { CallInput } from '../../shared/contract/calls';
import { batchesOfStation } from '../../hub/db/repositories/batches';
import { countRecordVersions } from '../../hub/db/repositories/record-versions';
import { addStationKey } from '../../hub/db/repositories/stations';
import { loadOrCreateProvinceKeys, provincePublicPems } from '../../hub/keys/province-keys';
import { callsOn } from '../fixtures/dispatch';
import { residentId, sampleRegistration } from '../fixtures/registrations';
import { makeTempDir, openTempStation, sampleSetup } from '../fixtures/temp-station';
import { PROVINCE, registerStation } from './support/batches';
import { describeOnBothEngines } from './support/both-engines';
import { databaseArgs, startHubProcess, type HubProcess } from './support/hub-process';

type TempStation = Awaited<ReturnType<typeof openTempStation>>;

describeOnBothEngines('hub serve as a process: killed mid-send and started again', (open) => {
  let station: TempStation;
  let folder: ReturnType<typeof makeTempDir>;
  const running: HubProcess[] = [];
  const admin = { sessionKey: 'admin-desk' };
  const system = { id: null, role: 'system' };
  const { ok } = callsOn(() => station, () => admin);

  beforeEach(async () => {
    station = await openTempStation();
    await station.dispatch('station:setup', sampleSetup, admin);
    folder = makeTempDir('relay-hub-restart-');
  });
  afterEach(async () => {
    for (const hub of running.splice(0)) await hub.kill();
    await station.remove();
    folder.remove();
  });

  function outboxStates(): Record<string, number> {
    const rows = station.connection.sqlite.prepare('select state, count(*) as n from outbox group by state').all() as { state: string; n: number }[];
    return Object.fromEntries(rows.map((row) => [row.state, row.n]));
  }

  function acknowledgedBatches(): number {
    return (station.connection.sqlite.prepare("select count(*) as n from sync_batch where state = 'acknowledged'").get() as { n: number }).n;
  }

  it('leaves nothing half-taken, and the station resends what was not acknowledged; SIGTERM stops it gracefully', async () => {
    // The database and the station's key, prepared before the hub process opens the database.
    const prepared = await open();
    await registerStation(prepared.db, 'KMU01');
    const published = await ok('documents:publicKey', undefined);
    const publicKeySpki = createPublicKey(published.publicKey).export({ type: 'spki', format: 'der' });
    await addStationKey(prepared.db, { provinceCode: PROVINCE, stationCode: 'KMU01', publicKeySpki, registeredAt: '2026-11-01T00:00:00.000Z' });
    await prepared.close();
    const keysDir = `${folder.dir}/keys`;
    const pems = provincePublicPems(loadOrCreateProvinceKeys(keysDir).keys);
    await ok('sync:importProvinceKey', { use: 'signing', pem: pems.signing });
    await ok('sync:importProvinceKey', { use: 'encryption', pem: pems.encryption });

    for (let i = 0; i < 80; i++) {
      const input: CallInput<'registration:create'> = sampleRegistration({
        person: { document: { kind: 'resident_id', number: residentId('530102', '19900307', String(100 + i).padStart(3, '0')) }, name: '张明', phone: '13812345678', ethnicGroup: '01' },
        programs: [{ program: 'cornea' }],
      });
      await ok('registration:create', input);
    }
    const rows = outboxStates().pending ?? 0;
    const args = [...databaseArgs(prepared.options), '--keys', keysDir, '--province', PROVINCE, '--port', '0'];

    const first = await startHubProcess(args);
    running.push(first);
    await ok('sync:settings', { endpoint: first.url, batchSize: 10, twoPersonApproval: false });
    const transfer = station.services.sync.transfer;
    transfer.transportOptions = { baseDelayMs: 1, maxDelayMs: 5, maxAttempts: 3 };
    const interrupted = transfer.sendAll(system);
    while (acknowledgedBatches() < 3) await new Promise((resolve) => setTimeout(resolve, 5));
    await first.kill();
    running.splice(running.indexOf(first), 1);
    const cut = await interrupted;
    expect(cut.error).not.toBeNull();
    expect(acknowledgedBatches()).toBeLessThan(rows / 10);

    const second = await startHubProcess(args);
    running.push(second);
    await ok('sync:settings', { endpoint: second.url, batchSize: 10, twoPersonApproval: false });
    const resent = await transfer.sendAll(system);
    expect(resent.error).toBeNull();
    expect(outboxStates()).toEqual({ done: rows });

    await second.stop();
    running.splice(running.indexOf(second), 1);
    expect(second.lines.at(-1)).toEqual({ stopped: 'SIGTERM' });
    // The operator's log: one line per upload answered, each batch the second hub took named with its counts.
    const taken = second.lines.filter((line) => line.outcome === 'applied');
    expect(taken.length).toBeGreaterThan(0);
    expect(taken[0]).toMatchObject({ station: 'KMU01', batchId: expect.stringMatching(/^KMU01-B\d{6}$/), counts: { accepted: expect.any(Number) } });
    expect(taken.some((line) => 'alert' in line)).toBe(false);

    const hub = await open(prepared.options);
    expect(await countRecordVersions(hub.db, PROVINCE, 'KMU01')).toBe(rows);
    const batches = await batchesOfStation(hub.db, PROVINCE, 'KMU01');
    expect(batches).toHaveLength(acknowledgedBatches());
    expect(batches.every((batch) => batch.ack !== null)).toBe(true);
  }, 120_000);
});
