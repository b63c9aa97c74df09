import { randomUUID } from 'node:crypto';
import { expect, it } from 'vitest';
import { batchById, batchesOfStation } from '../../hub/db/repositories/batches';
import { conflictsOfStation } from '../../hub/db/repositories/conflicts';
import { countRecordVersions, recordVersionsOf } from '../../hub/db/repositories/record-versions';
import { takeBatch } from '../../hub/db/repositories/take-batch';
import { batchOf, PROVINCE, recordVersion, registerStation, sha256Hex, statuses } from './support/batches';
import { describeOnBothEngines } from './support/both-engines';

const registration = (entityId: string) => ({ provinceCode: PROVINCE, stationCode: 'KMU01', entityKind: 'registration', entityId });

describeOnBothEngines('takeBatch: each batch and each record version once, by constraint', (open) => {
  it('stores a batch once: taken again it replays the stored acknowledgement, byte for byte', async () => {
    const hub = await open();
    await registerStation(hub.db);
    const person = randomUUID();
    const batch = batchOf('KMU01', 1, [recordVersion(person, 1, 'v1'), recordVersion(person, 2, 'v2')]);

    const first = await takeBatch(hub, batch);
    expect(first.outcome).toBe('applied');
    if (first.outcome !== 'applied') return;
    expect(statuses(first.records)).toEqual(['accepted', 'accepted']);

    const again = await takeBatch(hub, batch);
    expect(again).toEqual({ outcome: 'replayed', ack: first.ack });
    expect(batch.acknowledged).toHaveLength(1);
    expect((await batchById(hub.db, PROVINCE, batch.batchId))?.ack?.equals(first.ack)).toBe(true);
    expect(await batchesOfStation(hub.db, PROVINCE, 'KMU01')).toHaveLength(1);
    expect(await countRecordVersions(hub.db, PROVINCE, 'KMU01')).toBe(2);
  });

  it('refuses the same batch id with another manifest as a conflict and applies nothing of it', async () => {
    const hub = await open();
    await registerStation(hub.db);
    const person = randomUUID();
    const original = batchOf('KMU01', 1, [recordVersion(person, 1, 'v1')]);
    await takeBatch(hub, original);

    const other = batchOf('KMU01', 1, [recordVersion(person, 2, 'v2'), recordVersion(randomUUID(), 1, 'else')], 'other bytes');
    expect(await takeBatch(hub, other)).toEqual({ outcome: 'conflict', heldManifestSha256: original.manifestSha256 });
    expect(other.acknowledged).toHaveLength(0);
    expect(await countRecordVersions(hub.db, PROVINCE, 'KMU01')).toBe(1);
    expect((await batchById(hub.db, PROVINCE, original.batchId))?.manifestSha256).toBe(original.manifestSha256);
  });

  it('refuses a manifest already taken under another batch id', async () => {
    const hub = await open();
    await registerStation(hub.db);
    const first = batchOf('KMU01', 1, [recordVersion(randomUUID(), 1, 'v1')]);
    await takeBatch(hub, first);
    const renamed = { ...batchOf('KMU01', 2, [recordVersion(randomUUID(), 1, 'v1')]), manifestSha256: first.manifestSha256 };
    expect(await takeBatch(hub, renamed)).toEqual({ outcome: 'conflict', heldManifestSha256: first.manifestSha256 });
    expect(await batchById(hub.db, PROVINCE, renamed.batchId)).toBeNull();
    expect(await countRecordVersions(hub.db, PROVINCE, 'KMU01')).toBe(1);
  });

  it('takes a version seen again with the same content as a duplicate, with another content as a conflict kept for review', async () => {
    const hub = await open();
    await registerStation(hub.db);
    const person = randomUUID();
    await takeBatch(hub, batchOf('KMU01', 1, [recordVersion(person, 1, 'the content')]));

    const resent = await takeBatch(hub, batchOf('KMU01', 2, [recordVersion(person, 1, 'the content', 7)]));
    expect(resent.outcome === 'applied' && statuses(resent.records)).toEqual(['duplicate']);

    const cloned = await takeBatch(hub, batchOf('KMU01', 3, [recordVersion(person, 1, 'another content', 8), recordVersion(person, 2, 'v2', 9)]));
    expect(cloned.outcome === 'applied' && statuses(cloned.records)).toEqual(['conflict', 'accepted']);
    // Sent once more, the same refused content adds no second review item.
    const clonedAgain = await takeBatch(hub, batchOf('KMU01', 4, [recordVersion(person, 1, 'another content', 10)]));
    expect(clonedAgain.outcome === 'applied' && statuses(clonedAgain.records)).toEqual(['conflict']);

    const held = await recordVersionsOf(hub.db, registration(person));
    expect(held.map((version) => [version.version, version.sealedPayload?.toString('utf8'), version.batchId, version.lineSeq])).toEqual([
      [1, 'the content', 'KMU01-B000001', 1],
      [2, 'v2', 'KMU01-B000003', 9],
    ]);
    expect(held[0]?.contentSha256).toBe(sha256Hex('the content'));
    const conflicts = await conflictsOfStation(hub.db, PROVINCE, 'KMU01');
    expect(conflicts).toHaveLength(1);
    expect(conflicts[0]).toMatchObject({
      entityId: person,
      version: 1,
      contentSha256: sha256Hex('another content'),
      heldContentSha256: sha256Hex('the content'),
      batchId: 'KMU01-B000003',
      lineSeq: 8,
      reviewedAt: null,
    });
    expect(conflicts[0]?.sealedPayload.toString('utf8')).toBe('another content');
  });

  it('judges a version named twice in one batch as lines one after the other', async () => {
    const hub = await open();
    await registerStation(hub.db);
    const person = randomUUID();
    const taken = await takeBatch(
      hub,
      batchOf('KMU01', 1, [recordVersion(person, 1, 'a', 1), recordVersion(person, 1, 'a', 2), recordVersion(person, 1, 'b', 3)]),
    );
    expect(taken.outcome === 'applied' && statuses(taken.records)).toEqual(['accepted', 'duplicate', 'conflict']);
    expect((await recordVersionsOf(hub.db, registration(person))).map((version) => version.lineSeq)).toEqual([1]);
  });

  it('applies exactly one of two concurrent takes of the same batch', async () => {
    const hub = await open();
    await registerStation(hub.db);
    const batch = batchOf('KMU01', 1, [recordVersion(randomUUID(), 1, 'x'), recordVersion(randomUUID(), 1, 'y')]);
    const taken = await Promise.all([takeBatch(hub, batch), takeBatch(hub, batch)]);
    expect(taken.map((result) => result.outcome).sort()).toEqual(['applied', 'replayed']);
    expect(taken[0]?.outcome !== 'conflict' && taken[1]?.outcome !== 'conflict' && taken[0]?.ack.equals(taken[1]!.ack)).toBe(true);
    expect(batch.acknowledged).toHaveLength(1);
    expect(await batchesOfStation(hub.db, PROVINCE, 'KMU01')).toHaveLength(1);
    expect(await countRecordVersions(hub.db, PROVINCE, 'KMU01')).toBe(2);
  });

  it('stores each version once when two batches of a station carrying it arrive at the same time', async () => {
    const hub = await open();
    await registerStation(hub.db);
    const people = Array.from({ length: 20 }, () => randomUUID());
    const lines = people.map((person, index) => recordVersion(person, 1, `content ${index}`, index + 1));
    const taken = await Promise.all([takeBatch(hub, batchOf('KMU01', 1, lines)), takeBatch(hub, batchOf('KMU01', 2, [...lines].reverse()))]);
    const all = taken.flatMap((result) => (result.outcome === 'applied' ? statuses(result.records) : []));
    expect(all.filter((status) => status === 'accepted')).toHaveLength(20);
    expect(all.filter((status) => status === 'duplicate')).toHaveLength(20);
    expect(await countRecordVersions(hub.db, PROVINCE, 'KMU01')).toBe(20);
  });

  it('takes a batch larger than one statement, and all of it again as duplicates', async () => {
    const hub = await open();
    await registerStation(hub.db);
    const lines = Array.from({ length: 1_200 }, (_, index) => recordVersion(randomUUID(), 1, `content ${index}`, index + 1));
    const first = await takeBatch(hub, batchOf('KMU01', 1, lines));
    expect(first.outcome === 'applied' && first.records.every((record) => record.status === 'accepted')).toBe(true);
    const resent = await takeBatch(hub, batchOf('KMU01', 2, lines));
    expect(resent.outcome === 'applied' && resent.records.every((record) => record.status === 'duplicate')).toBe(true);
    expect(await countRecordVersions(hub.db, PROVINCE, 'KMU01')).toBe(1_200);
  });

  it('tells new from held versions line by line when a batch larger than one statement mixes them', async () => {
    const hub = await open();
    await registerStation(hub.db);
    const people = Array.from({ length: 1_100 }, () => randomUUID());
    // Every third version is held already, one of them with another content.
    const heldBefore = people.filter((_, index) => index % 3 === 0).map((person, index) => recordVersion(person, 1, index === 5 ? 'held content' : `content ${person}`, index + 1));
    await takeBatch(hub, batchOf('KMU01', 1, heldBefore));
    const lines = people.map((person, index) => recordVersion(person, 1, `content ${person}`, index + 1));
    const taken = await takeBatch(hub, batchOf('KMU01', 2, lines));
    const expected = people.map((_, index) => (index % 3 !== 0 ? 'accepted' : index === 15 ? 'conflict' : 'duplicate'));
    expect(taken.outcome === 'applied' && statuses(taken.records)).toEqual(expected);
    expect(await countRecordVersions(hub.db, PROVINCE, 'KMU01')).toBe(1_100);
    expect((await recordVersionsOf(hub.db, registration(people[1]!)))[0]?.batchId).toBe('KMU01-B000002');
    expect((await recordVersionsOf(hub.db, registration(people[3]!)))[0]?.batchId).toBe('KMU01-B000001');
  });

  it('refuses a batch of a station the province never registered (foreign keys are on)', async () => {
    const hub = await open();
    await expect(takeBatch(hub, batchOf('ZZZ01', 1, [recordVersion(randomUUID(), 1, 'x')]))).rejects.toThrow();
    expect(await batchById(hub.db, PROVINCE, 'ZZZ01-B000001')).toBeNull();
  });
});
