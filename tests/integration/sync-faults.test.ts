import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { callsOn } from '../fixtures/dispatch';
import { residentId, sampleRegistration } from '../fixtures/registrations';
import { openTempStation, sampleSetup } from '../fixtures/temp-station';
import { startTestHub, type TestHub } from '../fixtures/test-hub';

type TempStation = Awaited<ReturnType<typeof openTempStation>>;

let station: TempStation;
let receiver: TestHub;
const admin = { sessionKey: 'admin-desk' };
const { ok } = callsOn(() => station, () => admin);
const system = { id: null, role: 'system' };

const REGISTRATIONS = 250; // two rows each: the registration and its receipt
const VISITS = 9_500;
const RECORDS = REGISTRATIONS * 2 + VISITS;

beforeEach(async () => {
  station = await openTempStation();
  await station.dispatch('station:setup', sampleSetup, admin);
});
afterEach(async () => {
  await receiver?.close();
  await station.remove();
});

function outboxStates(): Record<string, number> {
  const rows = station.connection.sqlite.prepare('select state, count(*) as n from outbox group by state').all() as { state: string; n: number }[];
  return Object.fromEntries(rows.map((row) => [row.state, row.n]));
}

describe('sync through an unreliable link', () => {
  it(`delivers ${RECORDS} records over 100 batches exactly once despite dropped connections, errors and stray acknowledgements`, async () => {
    for (let i = 0; i < REGISTRATIONS; i++) {
      const number = residentId('530102', '19900307', String(i).padStart(3, '0'));
      await ok('registration:create', sampleRegistration({ person: { document: { kind: 'resident_id', number }, name: '赵丽', phone: '13812345678', ethnicGroup: '01' }, programs: [{ program: 'cornea' }] }));
    }
    for (let i = 0; i < VISITS; i++) await ok('visitor:signIn', { partySize: 1 + (i % 4), purpose: 'tour' });
    expect(outboxStates()).toEqual({ pending: RECORDS });

    const { publicKey } = await ok('documents:publicKey', undefined);
    receiver = await startTestHub({
      stationPublicKeyPem: publicKey,
      faults: { seed: 20261122, dropBeforeRate: 0.1, dropAfterRate: 0.1, errorRate: 0.1, unavailableRate: 0.05, slowRate: 0.05, slowMs: 30, duplicateAckRate: 0.1, recordUnavailableRate: 0.005 },
    });
    await ok('sync:importProvinceKey', { use: 'signing', pem: receiver.provinceSigningPublicPem });
    await ok('sync:importProvinceKey', { use: 'encryption', pem: receiver.provinceEncryptionPublicPem });
    await ok('sync:settings', { endpoint: receiver.url, batchSize: 100, twoPersonApproval: false });
    const transfer = station.services.sync.transfer;
    transfer.transportOptions = { baseDelayMs: 1, maxDelayMs: 5, maxAttempts: 6, idleTimeoutMs: 5_000 };

    // A run ends when the link looks dead for six attempts in a row; the station simply runs again later.
    const runs: (string | null)[] = [];
    while (runs.length < 40) {
      const { error } = await transfer.sendAll(system);
      runs.push(error);
      if (error === null) break;
    }
    expect(runs.at(-1)).toBeNull();

    expect(outboxStates()).toEqual({ done: RECORDS });
    expect(await receiver.store.countVersions('KMU01')).toBe(RECORDS);
    const faults = receiver.faultCounts;
    for (const fault of ['dropBefore', 'dropAfter', 'error', 'unavailable', 'duplicateAck', 'recordUnavailable'] as const) expect(faults[fault]).toBeGreaterThan(0);
    // At least the 100 batches of the range; records re-sent after a passing rejection add a few more.
    const batches = (station.connection.sqlite.prepare("select count(*) as n from sync_batch where state = 'acknowledged'").get() as { n: number }).n;
    expect(batches).toBeGreaterThanOrEqual(100);
    expect(await receiver.store.countBatches('KMU01')).toBe(batches);
  }, 240_000);
});
