import { randomUUID } from 'node:crypto';
import { afterEach, beforeEach, expect, it } from 'vitest';
import type { HubStore } from '../../hub/db/open';
import { countPeople, openReviews, personFields, personKeys, registrationOf, registrationsOfPerson } from '../../hub/db/repositories/people';
import { recordVersionsOf } from '../../hub/db/repositories/record-versions';
import { ingestBatchFile, type IngestContext } from '../../hub/ingest/ingest-batch';
import type { PersonDetails } from '../../hub/people/payloads';
import { HubSealer, SEALED_COLUMNS } from '../../hub/people/sealing';
import { residentId } from '../fixtures/registrations';
import { makeTempDir } from '../fixtures/temp-station';
import { PROVINCE } from './support/batches';
import { describeOnBothEngines, type OpenedHub } from './support/both-engines';
import { registrationLine, sendLines, twoStationHub, ZHANG } from './support/two-stations';
import { holdsInClear, rawStorage } from './support/raw-storage';
import { personLine, ProtocolStation, tombstoneLine, type OutboxLine } from './support/protocol-stations';


describeOnBothEngines('hub person changes: a name or phone amended at a station reaches the provincial person, latest change first, never merged by guess', (open) => {
  let folders: ReturnType<typeof makeTempDir>;
  let sealer: HubSealer;
  let hub: OpenedHub;
  let context: IngestContext;
  let kunming: ProtocolStation;
  let dali: ProtocolStation;

  beforeEach(async () => {
    ({ folders, sealer, hub, context, kunming, dali } = await twoStationHub(open, 'relay-hub-person-changes-'));
  });
  afterEach(() => folders.remove());

  const send = (station: ProtocolStation, ...lines: OutboxLine[]): Promise<void> => sendLines(context, station, ...lines);

  async function theOnlyPerson(store: HubStore): Promise<{ personKey: string; fields: PersonDetails }> {
    const held = await personKeys(store.db, PROVINCE);
    expect(held).toHaveLength(1);
    const personKey = held[0] as string;
    return { personKey, fields: sealer.openJson<PersonDetails>((await personFields(store.db, PROVINCE, personKey)) as Buffer, SEALED_COLUMNS.personFields) };
  }

  it('renames the person and changes their phone when only the sending station holds them', async () => {
    const personId = randomUUID();
    await send(kunming, registrationLine(randomUUID(), personId, ZHANG, 1, '2026-03-01T02:00:00.000Z'));
    await send(kunming, personLine(personId, 2, { ...ZHANG, name: '张晓鸣', phone: '13900000001' }, '2026-03-10T02:00:00.000Z'));
    // A contact change of a document no registration has brought to the hub makes no person: people come from registrations.
    await send(kunming, personLine(randomUUID(), 2, { ...ZHANG, documentNumber: residentId('530102', '19920101', '324') }, '2026-03-11T02:00:00.000Z'));
    expect(await countPeople(hub.db, PROVINCE)).toBe(1);
    const { fields } = await theOnlyPerson(hub);
    expect([fields.name, fields.phone, fields.documentNumber]).toEqual(['张晓鸣', '13900000001', ZHANG.documentNumber]);
    expect(await openReviews(hub.db, PROVINCE)).toEqual([]);
    const raw = await rawStorage(hub);
    for (const needle of ['张晓鸣', '13900000001']) expect(holdsInClear(raw, needle), `${needle} in clear`).toBe(false);
  });

  it('keeps the latest change: an older person version or registration version arriving late never overwrites it', async () => {
    const personId = randomUUID();
    const registrationId = randomUUID();
    await send(kunming, registrationLine(registrationId, personId, ZHANG, 1, '2026-03-01T02:00:00.000Z'));
    const [amendedRegistration, older, newer] = kunming.queue(
      registrationLine(registrationId, personId, ZHANG, 2, '2026-03-05T02:00:00.000Z'),
      personLine(personId, 2, { ...ZHANG, phone: '13900000002' }, '2026-03-10T02:00:00.000Z'),
      personLine(personId, 3, { ...ZHANG, phone: '13900000003' }, '2026-03-20T02:00:00.000Z'),
    );
    // Batches crossed on the way: the newest change arrives first.
    for (const envelope of [newer!, older!, amendedRegistration!]) {
      expect((await ingestBatchFile(kunming.batchFile([envelope]), context)).outcome).toBe('applied');
    }
    const { fields } = await theOnlyPerson(hub);
    expect(fields.phone).toBe('13900000003');
    // The registration itself still follows its own latest version.
    expect(await registrationOf(hub.db, { provinceCode: PROVINCE, stationCode: 'KMU01', registrationId })).toMatchObject({ latestVersion: 2 });

    // A later change made at the station still goes through.
    await send(kunming, personLine(personId, 4, { ...ZHANG, phone: '13900000004' }, '2026-04-01T02:00:00.000Z'));
    expect((await theOnlyPerson(hub)).fields.phone).toBe('13900000004');
  });

  it('applies the latest version of a record when one batch carries several', async () => {
    const personId = randomUUID();
    await send(kunming, registrationLine(randomUUID(), personId, ZHANG, 1, '2026-03-01T02:00:00.000Z'));
    await send(
      kunming,
      personLine(personId, 2, { ...ZHANG, phone: '13900000002' }, '2026-03-10T02:00:00.000Z'),
      personLine(personId, 3, { ...ZHANG, phone: '13900000003' }, '2026-03-20T02:00:00.000Z'),
    );
    expect((await theOnlyPerson(hub)).fields.phone).toBe('13900000003');
  });

  it('sends a new name another station contradicts to review, keeps the held name, and takes a phone that agrees', async () => {
    const personId = randomUUID();
    await send(kunming, registrationLine(randomUUID(), personId, ZHANG, 1, '2026-03-01T02:00:00.000Z'));
    await send(dali, registrationLine(randomUUID(), randomUUID(), ZHANG, 1, '2026-03-02T02:00:00.000Z'));

    await send(kunming, personLine(personId, 2, { ...ZHANG, name: '张小明' }, '2026-03-10T02:00:00.000Z'));
    const { personKey, fields } = await theOnlyPerson(hub);
    expect(fields.name).toBe(ZHANG.name);
    const reviews = await openReviews(hub.db, PROVINCE);
    expect(reviews.map((review) => [review.recordKind, review.stationCode, review.registrationId, review.heldStationCodes, review.personKey])).toEqual([
      ['person', 'KMU01', personId, ['DLM01'], personKey],
    ]);
    expect(sealer.openJson<PersonDetails>(reviews[0]!.sealedSeen, SEALED_COLUMNS.reviewSeen).name).toBe('张小明');
    expect(sealer.openJson<PersonDetails>(reviews[0]!.sealedHeld, SEALED_COLUMNS.reviewHeld).name).toBe(ZHANG.name);
    // Both stations' registrations stay linked to the person: only the name change waits.
    expect((await registrationsOfPerson(hub.db, PROVINCE, personKey)).map((registration) => registration.stationCode)).toEqual(['DLM01', 'KMU01']);

    // The station puts the name back and changes the phone: the entry leaves the list, the phone is taken.
    await send(kunming, personLine(personId, 3, { ...ZHANG, phone: '13900000003' }, '2026-03-20T02:00:00.000Z'));
    expect(await openReviews(hub.db, PROVINCE)).toEqual([]);
    expect((await theOnlyPerson(hub)).fields).toMatchObject({ name: ZHANG.name, phone: '13900000003' });
  });

  it("takes an erased station's contact change out of the person another station still registers", async () => {
    const personId = randomUUID();
    const registrationId = randomUUID();
    await send(kunming, registrationLine(registrationId, personId, ZHANG, 1, '2026-03-01T02:00:00.000Z'));
    await send(dali, registrationLine(randomUUID(), randomUUID(), { ...ZHANG, phone: '13700000000' }, 1, '2026-03-02T02:00:00.000Z'));
    await send(kunming, personLine(personId, 2, { ...ZHANG, phone: '13900000002' }, '2026-03-10T02:00:00.000Z'));
    expect((await theOnlyPerson(hub)).fields.phone).toBe('13900000002');

    await send(
      kunming,
      tombstoneLine(personId, [
        { kind: 'registration', entityId: registrationId, throughVersion: 1 },
        { kind: 'person', entityId: personId, throughVersion: 2 },
      ]),
    );
    // The details standing now are the other station's registration's.
    expect((await theOnlyPerson(hub)).fields).toMatchObject({ name: ZHANG.name, phone: '13700000000' });
  });

  it('erases a contact change a tombstone names, with its review entry; the person another station holds stays', async () => {
    const personId = randomUUID();
    const registrationId = randomUUID();
    await send(kunming, registrationLine(registrationId, personId, ZHANG, 1, '2026-03-01T02:00:00.000Z'));
    await send(dali, registrationLine(randomUUID(), randomUUID(), ZHANG, 1, '2026-03-02T02:00:00.000Z'));
    await send(kunming, personLine(personId, 2, { ...ZHANG, name: '张小明' }, '2026-03-10T02:00:00.000Z'));
    expect(await openReviews(hub.db, PROVINCE)).toHaveLength(1);

    await send(
      kunming,
      tombstoneLine(personId, [
        { kind: 'registration', entityId: registrationId, throughVersion: 1 },
        { kind: 'person', entityId: personId, throughVersion: 2 },
      ]),
    );
    expect(await openReviews(hub.db, PROVINCE)).toEqual([]);
    const versions = await recordVersionsOf(hub.db, { provinceCode: PROVINCE, stationCode: 'KMU01', entityKind: 'person', entityId: personId });
    expect(versions.map((version) => [version.version, version.sealedPayload])).toEqual([[2, null]]);
    const { personKey, fields } = await theOnlyPerson(hub);
    expect(fields.name).toBe(ZHANG.name);
    expect((await registrationsOfPerson(hub.db, PROVINCE, personKey)).map((registration) => registration.stationCode)).toEqual(['DLM01']);
  });
});
