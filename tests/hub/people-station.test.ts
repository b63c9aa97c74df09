import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import type { CallInput } from '../../shared/contract/calls';
import { personKeys, registrationsOfPerson } from '../../hub/db/repositories/people';
import { importBatchFolder } from '../../hub/ingest/import-folder';
import { residentId, sampleRegistration } from '../fixtures/registrations';
import { PROVINCE } from './support/batches';
import { describeOnBothEngines } from './support/both-engines';
import { useExportingStation } from './support/exporting-station';
import { holdsInClear, rawStorage } from './support/raw-storage';

const PEOPLE = [
  { name: '李春华', number: residentId('530102', '19850412', '213') },
  { name: '王秋月', number: residentId('530102', '19920101', '324') },
];

describeOnBothEngines('hub people from a real station: its exported batches make one sealed person per document', (open) => {
  const exporting = useExportingStation({ batchSize: 50, folderPrefix: 'relay-hub-people-station-' });
  const { ok, registerAtHub } = exporting;

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
    const stick = join(exporting.folders.dir, 'stick');
    mkdirSync(stick);
    await ok('sync:export', { folder: stick });
    const taken = await importBatchFolder(stick, { hub, provinceCode: PROVINCE, keys: exporting.keys });
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
