import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { countPeople, openReviews, personFields, registrationsAwaitingReview, registrationsOfPerson } from '../../hub/db/repositories/people';
import { momentText } from '../../hub/db/values';
import { ingestBatchFile, type IngestContext } from '../../hub/ingest/ingest-batch';
import { loadOrCreateProvinceKeys, type ProvinceKeys } from '../../hub/keys/province-keys';
import type { PersonDetails } from '../../hub/people/payloads';
import { HubSealer, SEALED_COLUMNS } from '../../hub/people/sealing';
import { residentId } from '../fixtures/registrations';
import { makeTempDir } from '../fixtures/temp-station';
import { PROVINCE } from './support/batches';
import { describeOnBothEngines } from './support/both-engines';
import { ProtocolStation, registrationPayload, type PersonShape } from './support/protocol-stations';

const ZHANG: PersonShape = { name: '张晓明', documentKind: 'resident_id', documentNumber: residentId('530102', '19900307', '101'), birthDate: '1990-03-07' };
const LI: PersonShape = { name: '李华', documentKind: 'resident_id', documentNumber: residentId('530102', '19850512', '202'), birthDate: '1985-05-12' };
const WANG: PersonShape = { name: '王芳', documentKind: 'resident_id', documentNumber: residentId('530102', '19921121', '303'), birthDate: '1992-11-21' };

function registrationLine(registrationId: string, person: PersonShape, version = 1, state = 'active') {
  return { kind: 'registration', entityId: registrationId, version, payload: registrationPayload(registrationId, randomUUID(), person, { version, state }) };
}

describeOnBothEngines('hub people: a batch of many registrations ends as its lines taken one after the other', (open) => {
  let folders: ReturnType<typeof makeTempDir>;
  let keys: ProvinceKeys;

  beforeEach(() => {
    folders = makeTempDir('relay-hub-people-batch-');
    keys = loadOrCreateProvinceKeys(join(folders.dir, 'keys')).keys;
  });
  afterEach(() => folders.remove());

  it('adds, amends and reviews people within one batch as the lines come', async () => {
    const hub = await open();
    const [kunming, dali] = [new ProtocolStation('KMU01'), new ProtocolStation('DLM01')];
    for (const station of [kunming, dali]) await station.registerAt(hub.db);
    const context: IngestContext = { hub, provinceCode: PROVINCE, keys };
    const sealer = new HubSealer(keys.data);
    expect((await ingestBatchFile(dali.batchFile(dali.queue(registrationLine(randomUUID(), LI))), context)).outcome).toBe('applied');

    const [first, second, review] = [randomUUID(), randomUUID(), randomUUID()];
    const lines = kunming.queue(
      registrationLine(first, ZHANG),
      // The same holder with a new phone: the person's fields follow, within the batch.
      registrationLine(second, { ...ZHANG, phone: '13900000000' }),
      registrationLine(first, { ...ZHANG, phone: '13900000000' }, 2, 'withdrawn'),
      // Another station holds this document under another name: reviewed, merged with nobody.
      registrationLine(review, { ...LI, name: '李明' }),
      registrationLine(randomUUID(), WANG),
    );
    expect((await ingestBatchFile(kunming.batchFile(lines), context)).outcome).toBe('applied');

    expect(await countPeople(hub.db, PROVINCE)).toBe(3);
    const zhangKey = sealer.personKey(ZHANG.documentKind, ZHANG.documentNumber);
    const fields = sealer.openJson<PersonDetails>((await personFields(hub.db, PROVINCE, zhangKey)) as Buffer, SEALED_COLUMNS.personFields);
    expect(fields.phone).toBe('13900000000');
    const zhang = await hub.db.selectFrom('person').select(['created_at', 'updated_at']).where('person_key', '=', zhangKey).executeTakeFirstOrThrow();
    expect([momentText(zhang.created_at), momentText(zhang.updated_at)]).toEqual([lines[0]!.changedAt, lines[1]!.changedAt]);

    const registrations = await registrationsOfPerson(hub.db, PROVINCE, zhangKey);
    expect(registrations.map((registration) => [registration.registrationId, registration.state, registration.latestVersion]).sort()).toEqual(
      [
        [first, 'withdrawn', 2],
        [second, 'active', 1],
      ].sort(),
    );
    expect((await registrationsAwaitingReview(hub.db, PROVINCE)).map((registration) => registration.registrationId)).toEqual([review]);
    expect((await openReviews(hub.db, PROVINCE)).map((entry) => [entry.registrationId, entry.heldStationCodes])).toEqual([[review, ['DLM01']]]);
  });
});
