import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { addStationKey } from '../../hub/db/repositories/stations';
import { startHubServer } from '../../hub/http/server';
import { importBatchFolder } from '../../hub/ingest/import-folder';
import { ingestLog } from '../../hub/ingest-log/ingest-log';
import { loadOrCreateProvinceKeys, type ProvinceKeys } from '../../hub/keys/province-keys';
import { batchRefusalReasons } from '../../electron/sync/refusal-reasons';
import { makeTempDir } from '../fixtures/temp-station';
import { PROVINCE, registerStation } from './support/batches';
import { describeOnBothEngines, type OpenedHub } from './support/both-engines';
import { craftedBatch, kmu01Key, registrationLine, strangerKey } from './support/crafted-batches';
import { http } from './support/http-client';

describeOnBothEngines('hub ingest log: every upload and imported file is logged once, refusals too, newest first', (open) => {
  let folder: ReturnType<typeof makeTempDir>;
  let keys: ProvinceKeys;
  let hub: OpenedHub;

  beforeEach(async () => {
    folder = makeTempDir('relay-hub-ingest-log-');
    keys = loadOrCreateProvinceKeys(join(folder.dir, 'keys')).keys;
    hub = await open();
    await registerStation(hub.db, 'KMU01');
    await addStationKey(hub.db, { provinceCode: PROVINCE, stationCode: 'KMU01', publicKeySpki: kmu01Key.publicKey.export({ type: 'spki', format: 'der' }), registeredAt: '2026-11-01T00:00:00.000Z' });
  });
  afterEach(() => folder.remove());

  it('logs an import: taken with its rejections by code, replayed, refused with its reason, a file nothing could be read of; no personal value', async () => {
    const stick = join(folder.dir, 'stick');
    const first = craftedBatch(1, [registrationLine(1, 1), registrationLine(2, 2)]);
    // The same version of entity 1 with another content: rejected as version_conflict.
    const second = craftedBatch(2, [registrationLine(3, 1, { program: 'organ' }), registrationLine(4, 3)]);
    const unknownStation = craftedBatch(1, [registrationLine(1, 5)], { stationCode: 'ZZZ01', key: strangerKey.privateKey });
    makeFolder(stick, {
      'KMU01-B000001.rsb': first.file,
      'KMU01-B000001-again.rsb': first.file,
      'KMU01-B000002.rsb': second.file,
      'KMU01-B000003.rsb': Buffer.from('not a batch'),
      'ZZZ01-B000001.rsb': unknownStation.file,
    });
    let clock = Date.parse('2026-12-01T08:00:00.000Z');
    await importBatchFolder(stick, { hub, provinceCode: PROVINCE, keys, now: () => new Date((clock += 1000)) });

    const { entries, nextPage } = await ingestLog(hub, PROVINCE, { pageSize: 50 });
    expect(nextPage).toBeNull();
    // Files are imported in name order; the log reads newest first.
    expect(entries.map((entry) => [entry.via, entry.outcome, entry.stationCode, entry.batchId, entry.refusal?.code ?? null])).toEqual([
      ['import', 'refused', 'ZZZ01', 'ZZZ01-B000001', 'station_unknown'],
      ['import', 'refused', 'KMU01', 'KMU01-B000003', 'malformed_container'],
      ['import', 'taken', 'KMU01', 'KMU01-B000002', null],
      ['import', 'replayed', 'KMU01', 'KMU01-B000001', null],
      ['import', 'taken', 'KMU01', 'KMU01-B000001', null],
    ]);
    const [unknown, junk, taken] = entries;
    expect(unknown?.refusal?.reason).toBe(batchRefusalReasons.station_unknown);
    expect(junk?.bytes).toBe('not a batch'.length);
    expect(taken).toMatchObject({ counts: { accepted: 1, duplicate: 0, rejected: 1 }, rejections: { count: 1, byCode: { version_conflict: 1 } }, bytes: second.file.length, alert: null });
    expect(entries.at(-1)).toMatchObject({ rejections: { count: 0, byCode: {} }, receivedAt: '2026-12-01T08:00:01.000Z' });
    expect(JSON.stringify(entries)).not.toMatch(/陈静|810000199408230021/);

    // Filters, and keyset pages that do not shift.
    expect((await ingestLog(hub, PROVINCE, { pageSize: 50, outcome: 'refused' })).entries.map((entry) => entry.batchId)).toEqual(['ZZZ01-B000001', 'KMU01-B000003']);
    expect((await ingestLog(hub, PROVINCE, { pageSize: 50, station: 'ZZZ01' })).entries).toHaveLength(1);
    const span = { from: entries[3]?.receivedAt, to: entries[1]?.receivedAt };
    expect((await ingestLog(hub, PROVINCE, { pageSize: 50, ...span })).entries.map((entry) => entry.outcome)).toEqual(['taken', 'replayed']);
    const pageOne = await ingestLog(hub, PROVINCE, { pageSize: 2 });
    const pageTwo = await ingestLog(hub, PROVINCE, { pageSize: 2, page: pageOne.nextPage });
    const pageThree = await ingestLog(hub, PROVINCE, { pageSize: 2, page: pageTwo.nextPage });
    expect([...pageOne.entries, ...pageTwo.entries, ...pageThree.entries].map((entry) => entry.seq)).toEqual(entries.map((entry) => entry.seq));
    expect(pageThree.nextPage).toBeNull();
  });

  it('logs uploads over HTTP once each: taken, replayed, and refused at the head before the body is read', async () => {
    const server = await startHubServer({ hub, provinceCode: PROVINCE, keys });
    try {
      const batch = craftedBatch(1, [registrationLine(1, 1)]);
      expect((await http(`${server.url}/v1/batches/${batch.batchId}`, 'PUT', batch.file)).status).toBe(200);
      expect((await http(`${server.url}/v1/batches/${batch.batchId}`, 'PUT', batch.file)).status).toBe(409);
      const stranger = craftedBatch(1, [registrationLine(1, 2)], { stationCode: 'ZZZ01', key: strangerKey.privateKey });
      expect((await http(`${server.url}/v1/batches/${stranger.batchId}`, 'PUT', stranger.file)).status).not.toBe(200);
    } finally {
      await server.close();
    }
    const { entries } = await ingestLog(hub, PROVINCE, { pageSize: 50 });
    expect(entries.map((entry) => [entry.via, entry.outcome, entry.stationCode, entry.refusal?.code ?? null])).toEqual([
      ['http', 'refused', 'ZZZ01', 'station_unknown'],
      ['http', 'replayed', 'KMU01', null],
      ['http', 'taken', 'KMU01', null],
    ]);
  });
});

function makeFolder(dir: string, files: Record<string, Buffer>): void {
  mkdirSync(dir, { recursive: true });
  for (const [name, bytes] of Object.entries(files)) writeFileSync(join(dir, name), bytes);
}
