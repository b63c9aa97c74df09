import { randomUUID } from 'node:crypto';
import { chmodSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, expect, it } from 'vitest';
import type { HubStore } from '../../hub/db/open';
import { countPeople, openReviews, personFields, personKeys, registrationOf, registrationsAwaitingReview, registrationsOfPerson } from '../../hub/db/repositories/people';
import { recordVersionsOf } from '../../hub/db/repositories/record-versions';
import { ingestBatchFile, type IngestContext } from '../../hub/ingest/ingest-batch';
import { DATA_KEY_FILE } from '../../hub/keys/data-keys';
import { loadOrCreateProvinceKeys, type ProvinceKeys } from '../../hub/keys/province-keys';
import type { PersonDetails } from '../../hub/people/payloads';
import { HubSealer, SEALED_COLUMNS } from '../../hub/people/sealing';
import { residentId } from '../fixtures/registrations';
import { makeTempDir } from '../fixtures/temp-station';
import { PROVINCE } from './support/batches';
import { describeOnBothEngines, type OpenedHub } from './support/both-engines';
import { holdsInClear, rawStorage } from './support/raw-storage';
import { ProtocolStation, registrationPayload, tombstoneLine, type PersonShape } from './support/protocol-stations';

const ZHANG: PersonShape = { name: '张晓明', documentKind: 'resident_id', documentNumber: residentId('530102', '19900307', '101'), birthDate: '1990-03-07' };

/** A line carrying one version of a registration. */
function registrationLine(registrationId: string, personId: string, person: PersonShape, version = 1, state = 'active', program = 'cornea') {
  return { kind: 'registration', entityId: registrationId, version, payload: registrationPayload(registrationId, personId, person, { version, state, program }) };
}

describeOnBothEngines('hub people: one person per document across the province, sealed at rest, erased by tombstones', (open) => {
  let folders: ReturnType<typeof makeTempDir>;
  let keys: ProvinceKeys;
  let sealer: HubSealer;

  beforeEach(() => {
    folders = makeTempDir('relay-hub-people-');
    keys = loadOrCreateProvinceKeys(join(folders.dir, 'keys')).keys;
    sealer = new HubSealer(keys.data);
  });
  afterEach(() => folders.remove());

  async function hubWith(...codes: string[]): Promise<{ hub: OpenedHub; context: IngestContext; stations: ProtocolStation[] }> {
    const hub = await open();
    const stations = codes.map((code) => new ProtocolStation(code));
    for (const station of stations) await station.registerAt(hub.db);
    return { hub, context: { hub, provinceCode: PROVINCE, keys }, stations };
  }

  async function take(context: IngestContext, file: Buffer) {
    const result = await ingestBatchFile(file, context);
    if (result.outcome === 'refused') throw new Error(`refused: ${result.code} ${result.message}`);
    return result;
  }

  async function theOnlyPerson(hub: HubStore): Promise<string> {
    const keysHeld = await personKeys(hub.db, PROVINCE);
    expect(keysHeld).toHaveLength(1);
    return keysHeld[0] as string;
  }

  it('keys the same person at three stations as one person with three registrations; a withdrawal at one changes only its registration', async () => {
    const { hub, context, stations } = await hubWith('KMU01', 'DLM01', 'QJB01');
    const registrationIds = stations.map(() => randomUUID());
    const personIds = stations.map(() => randomUUID());
    const programs = ['cornea', 'organ', 'body'];
    // The third station's number carries a space: the hub keys the normalised number.
    const typed = [ZHANG, ZHANG, { ...ZHANG, documentNumber: `${ZHANG.documentNumber.slice(0, 6)} ${ZHANG.documentNumber.slice(6)}` }];
    for (const [index, station] of stations.entries()) {
      const line = registrationLine(registrationIds[index] as string, personIds[index] as string, typed[index] as PersonShape, 1, 'active', programs[index]);
      expect((await take(context, station.batchFile(station.queue(line)))).outcome).toBe('applied');
    }
    const personKey = await theOnlyPerson(hub);
    const registrations = await registrationsOfPerson(hub.db, PROVINCE, personKey);
    expect(registrations.map((registration) => [registration.stationCode, registration.program, registration.state, registration.latestVersion])).toEqual([
      ['DLM01', 'organ', 'active', 1],
      ['KMU01', 'cornea', 'active', 1],
      ['QJB01', 'body', 'active', 1],
    ]);
    const fields = await personFields(hub.db, PROVINCE, personKey);
    expect(sealer.openJson<PersonDetails>(fields as Buffer, SEALED_COLUMNS.personFields)).toMatchObject({ name: ZHANG.name, documentNumber: ZHANG.documentNumber, birthDate: ZHANG.birthDate });

    const [, dali] = stations as [ProtocolStation, ProtocolStation, ProtocolStation];
    const daliRegistration = registrationIds[1] as string;
    const withdrawal = registrationLine(daliRegistration, personIds[1] as string, ZHANG, 2, 'withdrawn', 'organ');
    await take(context, dali.batchFile(dali.queue(withdrawal)));

    const after = await registrationsOfPerson(hub.db, PROVINCE, personKey);
    expect(after.map((registration) => [registration.stationCode, registration.state, registration.latestVersion])).toEqual([
      ['DLM01', 'withdrawn', 2],
      ['KMU01', 'active', 1],
      ['QJB01', 'active', 1],
    ]);
    expect(await countPeople(hub.db, PROVINCE)).toBe(1);
  });

  it('keeps the latest version as the current state when an older version arrives after a newer one', async () => {
    const { hub, context, stations } = await hubWith('KMU01');
    const [station] = stations as [ProtocolStation];
    const registrationId = randomUUID();
    const personId = randomUUID();
    const [first, second] = station.queue(registrationLine(registrationId, personId, ZHANG, 1), registrationLine(registrationId, personId, ZHANG, 2, 'withdrawn'));
    const older = station.batchFile([first!]);
    await take(context, station.batchFile([second!]));
    await take(context, older);
    const held = await registrationOf(hub.db, { provinceCode: PROVINCE, stationCode: 'KMU01', registrationId });
    expect(held).toMatchObject({ state: 'withdrawn', latestVersion: 2, registeredAt: first!.changedAt, stateChangedAt: second!.changedAt });
  });

  it('sends a document seen at another station with another name or birth date to review, sealed on both sides, and merges nothing', async () => {
    const { hub, context, stations } = await hubWith('KMU01', 'DLM01', 'QJB01');
    const [kunming, dali, qujing] = stations as [ProtocolStation, ProtocolStation, ProtocolStation];
    await take(context, kunming.batchFile(kunming.queue(registrationLine(randomUUID(), randomUUID(), ZHANG))));
    const otherName = randomUUID();
    await take(context, dali.batchFile(dali.queue(registrationLine(otherName, randomUUID(), { ...ZHANG, name: '张小明' }))));
    const otherBirth = randomUUID();
    await take(context, qujing.batchFile(qujing.queue(registrationLine(otherBirth, randomUUID(), { ...ZHANG, birthDate: '1990-03-08' }))));

    const personKey = await theOnlyPerson(hub);
    expect((await registrationsOfPerson(hub.db, PROVINCE, personKey)).map((registration) => registration.stationCode)).toEqual(['KMU01']);
    expect((await registrationsAwaitingReview(hub.db, PROVINCE)).map((registration) => [registration.stationCode, registration.registrationId, registration.personKey])).toEqual([
      ['DLM01', otherName, null],
      ['QJB01', otherBirth, null],
    ]);
    const reviews = await openReviews(hub.db, PROVINCE);
    expect(reviews.map((review) => [review.stationCode, review.registrationId, review.heldStationCodes, review.personKey])).toEqual([
      ['DLM01', otherName, ['KMU01'], personKey],
      ['QJB01', otherBirth, ['KMU01'], personKey],
    ]);
    const [byName] = reviews;
    expect(sealer.openJson<PersonDetails>(byName!.sealedHeld, SEALED_COLUMNS.reviewHeld).name).toBe(ZHANG.name);
    expect(sealer.openJson<PersonDetails>(byName!.sealedSeen, SEALED_COLUMNS.reviewSeen).name).toBe('张小明');
    expect(byName!.sealedSeen.toString('utf8')).not.toContain('张小明');
    const held = sealer.openJson<PersonDetails>((await personFields(hub.db, PROVINCE, personKey)) as Buffer, SEALED_COLUMNS.personFields);
    expect([held.name, held.birthDate]).toEqual([ZHANG.name, ZHANG.birthDate]);

    // The station corrects the name: the registration joins the person and leaves the review list.
    const corrected = await take(context, dali.batchFile(dali.queue(registrationLine(otherName, randomUUID(), ZHANG, 2))));
    expect(corrected.outcome).toBe('applied');
    expect((await registrationsOfPerson(hub.db, PROVINCE, personKey)).map((registration) => registration.stationCode)).toEqual(['DLM01', 'KMU01']);
    expect((await openReviews(hub.db, PROVINCE)).map((review) => review.stationCode)).toEqual(['QJB01']);
  });

  it('keeps the data key ring in an owner-only file and refuses to read it when others can', () => {
    const file = join(folders.dir, 'keys', DATA_KEY_FILE);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    chmodSync(file, 0o640);
    expect(() => loadOrCreateProvinceKeys(join(folders.dir, 'keys'))).toThrow();
  });

  it('erases what a tombstone names: payloads null, registration, review entries and person gone; a replay and a re-send are still duplicates', async () => {
    const { hub, context, stations } = await hubWith('KMU01', 'DLM01');
    const [kunming, dali] = stations as [ProtocolStation, ProtocolStation];
    const registrationId = randomUUID();
    const personId = randomUUID();
    const [first, second] = kunming.queue(registrationLine(registrationId, personId, ZHANG, 1), registrationLine(registrationId, personId, { ...ZHANG, phone: '13900000000' }, 2));
    const firstFile = kunming.batchFile([first!, second!]);
    await take(context, firstFile);
    await take(context, dali.batchFile(dali.queue(registrationLine(randomUUID(), randomUUID(), { ...ZHANG, name: '张小明' }))));
    expect(await openReviews(hub.db, PROVINCE)).toHaveLength(1);

    await take(context, kunming.batchFile(kunming.queue(tombstoneLine(personId, [{ kind: 'registration', entityId: registrationId, throughVersion: 2 }]))));

    const name = { provinceCode: PROVINCE, stationCode: 'KMU01', entityKind: 'registration', entityId: registrationId };
    expect((await recordVersionsOf(hub.db, name)).map((version) => [version.version, version.sealedPayload, version.contentSha256.length])).toEqual([
      [1, null, 64],
      [2, null, 64],
    ]);
    expect(await registrationOf(hub.db, { provinceCode: PROVINCE, stationCode: 'KMU01', registrationId })).toBeUndefined();
    expect(await openReviews(hub.db, PROVINCE)).toEqual([]);
    // The registration that waited on the erased person meets no one now: it becomes the document's person.
    const personKey = await theOnlyPerson(hub);
    expect((await registrationsOfPerson(hub.db, PROVINCE, personKey)).map((registration) => registration.stationCode)).toEqual(['DLM01']);
    expect(sealer.openJson<PersonDetails>((await personFields(hub.db, PROVINCE, personKey)) as Buffer, SEALED_COLUMNS.personFields).name).toBe('张小明');

    expect((await ingestBatchFile(firstFile, context)).outcome).toBe('replayed');
    const resent = await take(context, kunming.batchFile([first!], { firstSeq: null, lastSeq: null }));
    expect(resent).toMatchObject({ outcome: 'applied', counts: { accepted: 0, duplicate: 1, rejected: 0 } });
    expect((await recordVersionsOf(hub.db, name)).map((version) => version.sealedPayload)).toEqual([null, null]);
    expect(await registrationOf(hub.db, { provinceCode: PROVINCE, stationCode: 'KMU01', registrationId })).toBeUndefined();
  });

  it('keeps a person another station still registers when one station erases its registration', async () => {
    const { hub, context, stations } = await hubWith('KMU01', 'DLM01');
    const [kunming, dali] = stations as [ProtocolStation, ProtocolStation];
    const erased = randomUUID();
    const personId = randomUUID();
    await take(context, kunming.batchFile(kunming.queue(registrationLine(erased, personId, ZHANG))));
    await take(context, dali.batchFile(dali.queue(registrationLine(randomUUID(), randomUUID(), ZHANG))));
    await take(context, kunming.batchFile(kunming.queue(tombstoneLine(personId, [{ kind: 'registration', entityId: erased, throughVersion: 1 }]))));
    const personKey = await theOnlyPerson(hub);
    expect((await registrationsOfPerson(hub.db, PROVINCE, personKey)).map((registration) => registration.stationCode)).toEqual(['DLM01']);
  });

  it('erases a version that arrives after the tombstone naming it, as it lands', async () => {
    const { hub, context, stations } = await hubWith('KMU01');
    const [station] = stations as [ProtocolStation];
    const registrationId = randomUUID();
    const personId = randomUUID();
    const [registration, tombstone] = station.queue(registrationLine(registrationId, personId, ZHANG), tombstoneLine(personId, [{ kind: 'registration', entityId: registrationId, throughVersion: 1 }]));
    const earlier = station.batchFile([registration!]);
    await take(context, station.batchFile([tombstone!]));
    expect(await take(context, earlier)).toMatchObject({ counts: { accepted: 1, duplicate: 0, rejected: 0 } });
    const versions = await recordVersionsOf(hub.db, { provinceCode: PROVINCE, stationCode: 'KMU01', entityKind: 'registration', entityId: registrationId });
    expect(versions.map((version) => version.sealedPayload)).toEqual([null]);
    expect(await countPeople(hub.db, PROVINCE)).toBe(0);
    expect(await registrationOf(hub.db, { provinceCode: PROVINCE, stationCode: 'KMU01', registrationId })).toBeUndefined();
  });

  it('stores payloads and personal fields sealed: the raw tables hold no name or document number', async () => {
    const { hub, context, stations } = await hubWith('KMU01', 'DLM01');
    const [kunming, dali] = stations as [ProtocolStation, ProtocolStation];
    const registrationId = randomUUID();
    await take(context, kunming.batchFile(kunming.queue(registrationLine(registrationId, randomUUID(), ZHANG))));
    await take(context, dali.batchFile(dali.queue(registrationLine(randomUUID(), randomUUID(), { ...ZHANG, name: '张小明' }))));
    expect(await openReviews(hub.db, PROVINCE)).toHaveLength(1);

    const [stored] = await recordVersionsOf(hub.db, { provinceCode: PROVINCE, stationCode: 'KMU01', entityKind: 'registration', entityId: registrationId });
    expect(JSON.parse(sealer.openPayload(stored!.sealedPayload as Buffer))).toMatchObject({ id: registrationId, person: { name: ZHANG.name } });

    const raw = await rawStorage(hub);
    // What is not personal stays readable, so the search would find a name in clear: the station's name is one.
    expect(raw).toContain(registrationId);
    expect(holdsInClear(raw, '站点 KMU01')).toBe(true);
    for (const needle of [ZHANG.name, '张小明', ZHANG.documentNumber, '13812345678']) {
      expect(holdsInClear(raw, needle), `${needle} in clear`).toBe(false);
    }
  });
});
