import { generateKeyPairSync } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { addStationKey } from '../../hub/db/repositories/stations';
import { importBatchFolder } from '../../hub/ingest/import-folder';
import { loadOrCreateProvinceKeys, type ProvinceKeys } from '../../hub/keys/province-keys';
import { stationsOverview } from '../../hub/stations/stations-overview';
import { makeTempDir } from '../fixtures/temp-station';
import { PROVINCE, registerStation } from './support/batches';
import { describeOnBothEngines, type OpenedHub } from './support/both-engines';
import { craftedBatch, kmu01Key, registrationLine } from './support/crafted-batches';

describeOnBothEngines('hub station health: last batch, last seen, refusals, rejections, batches not taken, audit-head alert, silence', (open) => {
  let folder: ReturnType<typeof makeTempDir>;
  let keys: ProvinceKeys;
  let hub: OpenedHub;
  const kmu01Fingerprint = () => hub.db.selectFrom('station_key').select('key_fingerprint').where('station_code', '=', 'KMU01').executeTakeFirstOrThrow();

  beforeEach(async () => {
    folder = makeTempDir('relay-hub-station-health-');
    keys = loadOrCreateProvinceKeys(join(folder.dir, 'keys')).keys;
    hub = await open();
    await registerStation(hub.db, 'KMU01');
    await registerStation(hub.db, 'DLM01');
    await addStationKey(hub.db, { provinceCode: PROVINCE, stationCode: 'KMU01', publicKeySpki: kmu01Key.publicKey.export({ type: 'spki', format: 'der' }), registeredAt: '2026-11-01T00:00:00.000Z' });
  });
  afterEach(() => folder.remove());

  /** Imports these files from a stick at a moment. */
  async function importAt(at: string, files: Record<string, Buffer>): Promise<void> {
    const stick = join(folder.dir, `stick-${at.replace(/:/g, '')}`);
    mkdirSync(stick, { recursive: true });
    for (const [name, bytes] of Object.entries(files)) writeFileSync(join(stick, name), bytes);
    await importBatchFolder(stick, { hub, provinceCode: PROVINCE, keys, now: () => new Date(at) });
  }

  const audit = (seq: number) => ({ auditHead: { seq, hash: 'a'.repeat(64) } });

  it('tells each station apart from what reached the hub', async () => {
    await importAt('2026-11-20T08:00:00.000Z', {
      'KMU01-B000001.rsb': craftedBatch(1, [registrationLine(1, 1)], audit(100)).file,
      'KMU01-B000002.rsb': craftedBatch(2, [registrationLine(2, 1, { program: 'organ' }), registrationLine(3, 2)], audit(200)).file,
    });
    // Batch 3 never arrives; batch 4's audit head is below batch 2's: the station lost audit entries.
    await importAt('2026-12-01T08:00:00.000Z', { 'KMU01-B000004.rsb': craftedBatch(4, [registrationLine(4, 3)], audit(150)).file });
    await importAt('2026-12-02T08:00:00.000Z', { 'KMU01-B000005.rsb': Buffer.from('damaged on the stick'), 'KMU01-B000006.rsb': Buffer.from('also damaged') });

    const overview = await stationsOverview(hub, PROVINCE, { now: new Date('2026-12-05T00:00:00.000Z') });
    expect(overview.map((station) => station.code)).toEqual(['DLM01', 'KMU01']);
    const [dali, kunming] = overview;
    expect(kunming).toEqual({
      code: 'KMU01',
      kind: 'university_station',
      regionCode: '530102',
      name: '站点 KMU01',
      keys: [{ fingerprint: (await kmu01Fingerprint()).key_fingerprint, registeredAt: '2026-11-01T00:00:00.000Z', replacedAt: null }],
      lastBatch: { batchId: 'KMU01-B000004', batchSeq: 4, receivedAt: '2026-12-01T08:00:00.000Z' },
      lastSeenAt: '2026-12-02T08:00:00.000Z',
      refusedSinceLastTaken: 2,
      // Batch 2's first line held another content under a version taken in batch 1.
      rejectedRecordsLast30Days: 1,
      batchesNotTaken: 1,
      auditHeadAlert: { batchId: 'KMU01-B000004', batchSeq: 4, receivedAt: '2026-12-01T08:00:00.000Z' },
      silent: false,
    });
    // Registered on 1 November and never heard from.
    expect(dali).toMatchObject({ keys: [], lastBatch: null, lastSeenAt: null, refusedSinceLastTaken: 0, rejectedRecordsLast30Days: 0, batchesNotTaken: 0, auditHeadAlert: null, silent: true });

    // A month later: the rejections have aged out, and Kunming has gone silent.
    const later = await stationsOverview(hub, PROVINCE, { now: new Date('2027-01-05T00:00:00.000Z'), silentAfterDays: 30 });
    expect(later[1]).toMatchObject({ rejectedRecordsLast30Days: 0, silent: true });
    expect((await stationsOverview(hub, PROVINCE, { now: new Date('2026-12-05T00:00:00.000Z'), silentAfterDays: 2 }))[1]?.silent).toBe(true);

    // A batch taken again clears the refusals counted since.
    await importAt('2026-12-06T08:00:00.000Z', { 'KMU01-B000007.rsb': craftedBatch(7, [registrationLine(5, 4)], audit(300)).file });
    expect((await stationsOverview(hub, PROVINCE, { now: new Date('2026-12-07T00:00:00.000Z') }))[1]).toMatchObject({ refusedSinceLastTaken: 0, batchesNotTaken: 3, lastBatch: { batchSeq: 7 } });
  });

  it('keeps every key of a station: when each was registered and when the next one replaced it', async () => {
    const original = (await kmu01Fingerprint()).key_fingerprint;
    // The station was reinstalled twice: each new key is registered before the first batch it signs.
    const spki = () => generateKeyPairSync('ed25519').publicKey.export({ type: 'spki', format: 'der' });
    const second = await addStationKey(hub.db, { provinceCode: PROVINCE, stationCode: 'KMU01', publicKeySpki: spki(), registeredAt: '2026-11-15T09:30:00.000Z' });
    const third = await addStationKey(hub.db, { provinceCode: PROVINCE, stationCode: 'KMU01', publicKeySpki: spki(), registeredAt: '2026-12-03T16:00:00.000Z' });

    const [dali, kunming] = await stationsOverview(hub, PROVINCE, { now: new Date('2026-12-05T00:00:00.000Z') });
    expect(kunming?.keys).toEqual([
      { fingerprint: original, registeredAt: '2026-11-01T00:00:00.000Z', replacedAt: '2026-11-15T09:30:00.000Z' },
      { fingerprint: second.fingerprint, registeredAt: '2026-11-15T09:30:00.000Z', replacedAt: '2026-12-03T16:00:00.000Z' },
      { fingerprint: third.fingerprint, registeredAt: '2026-12-03T16:00:00.000Z', replacedAt: null },
    ]);
    expect(dali?.keys).toEqual([]);
  });
});
