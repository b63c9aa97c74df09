import { createPublicKey } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, expect, it } from 'vitest';
import type { CallInput } from '../../shared/contract/calls';
import type { HubStore } from '../../hub/db/open';
import { personKeys, registrationsOfPerson } from '../../hub/db/repositories/people';
import { addStationKey } from '../../hub/db/repositories/stations';
import { importBatchFolder } from '../../hub/ingest/import-folder';
import { loadOrCreateProvinceKeys, provincePublicPems, type ProvinceKeys } from '../../hub/keys/province-keys';
import { callsOn } from '../fixtures/dispatch';
import { residentId, sampleRegistration } from '../fixtures/registrations';
import { makeTempDir, openTempStation, sampleSetup } from '../fixtures/temp-station';
import { PROVINCE, registerStation } from './support/batches';
import { describeOnBothEngines } from './support/both-engines';
import { holdsInClear, rawStorage } from './support/raw-storage';

type TempStation = Awaited<ReturnType<typeof openTempStation>>;

const PEOPLE = [
  { name: '李春华', number: residentId('530102', '19850412', '213') },
  { name: '王秋月', number: residentId('530102', '19920101', '324') },
];

describeOnBothEngines('hub people from a real station: its exported batches make one sealed person per document', (open) => {
  let station: TempStation;
  let folders: ReturnType<typeof makeTempDir>;
  let keys: ProvinceKeys;
  const admin = { sessionKey: 'admin-desk' };
  const { ok } = callsOn(() => station, () => admin);

  beforeEach(async () => {
    station = await openTempStation();
    await station.dispatch('station:setup', sampleSetup, admin);
    folders = makeTempDir('relay-hub-people-station-');
    keys = loadOrCreateProvinceKeys(join(folders.dir, 'keys')).keys;
    const pems = provincePublicPems(keys);
    await ok('sync:importProvinceKey', { use: 'signing', pem: pems.signing });
    await ok('sync:importProvinceKey', { use: 'encryption', pem: pems.encryption });
    await ok('sync:settings', { endpoint: null, batchSize: 50, twoPersonApproval: false });
  });
  afterEach(async () => {
    await station.remove();
    folders.remove();
  });

  async function registerAtHub(hub: HubStore): Promise<void> {
    await registerStation(hub.db, 'KMU01');
    const published = await ok('documents:publicKey', undefined);
    const publicKeySpki = createPublicKey(published.publicKey).export({ type: 'spki', format: 'der' });
    await addStationKey(hub.db, { provinceCode: PROVINCE, stationCode: 'KMU01', publicKeySpki, registeredAt: '2026-11-01T00:00:00.000Z' });
  }

  it('keys each registered person once, links every program to them, and keeps no name or document number in clear', async () => {
    const hub = await open();
    await registerAtHub(hub);
    for (const person of PEOPLE) {
      const input: CallInput<'registration:create'> = sampleRegistration({
        person: { document: { kind: 'resident_id', number: person.number }, name: person.name, phone: '13987654321', ethnicGroup: '01' },
        programs: [{ program: 'cornea' }, { program: 'organ', organs: { kind: 'all' } }],
      });
      await ok('registration:create', input);
    }
    const stick = join(folders.dir, 'stick');
    mkdirSync(stick);
    await ok('sync:export', { folder: stick });
    const taken = await importBatchFolder(stick, { hub, provinceCode: PROVINCE, keys });
    expect(taken.map(({ result }) => result.outcome)).toEqual(taken.map(() => 'applied'));

    const people = await personKeys(hub.db, PROVINCE);
    expect(people).toHaveLength(PEOPLE.length);
    for (const personKey of people) {
      expect((await registrationsOfPerson(hub.db, PROVINCE, personKey)).map((registration) => [registration.stationCode, registration.program, registration.state]).sort()).toEqual([
        ['KMU01', 'cornea', 'active'],
        ['KMU01', 'organ', 'active'],
      ]);
    }

    const raw = await rawStorage(hub);
    for (const needle of [...PEOPLE.flatMap((person) => [person.name, person.number]), '13987654321']) {
      expect(holdsInClear(raw, needle), `${needle} in clear`).toBe(false);
    }
  });
});
