import { afterEach, beforeEach, expect, it } from 'vitest';
import type { HubStore } from '../../hub/db/open';
import { addStationKey } from '../../hub/db/repositories/stations';
import { ingestBatchFile, type IngestResult } from '../../hub/ingest/ingest-batch';
import { loadOrCreateProvinceKeys, type ProvinceKeys } from '../../hub/keys/province-keys';
import { makeTempDir } from '../fixtures/temp-station';
import { PROVINCE, registerStation } from './support/batches';
import { describeOnBothEngines } from './support/both-engines';
import { craftedBatch, kmu01Key, registrationLine } from './support/crafted-batches';

describeOnBothEngines('hub ingest: a station audit head that goes back is an alert (§8.4)', (open) => {
  let folder: ReturnType<typeof makeTempDir>;
  let keys: ProvinceKeys;
  let hub: HubStore;

  beforeEach(async () => {
    folder = makeTempDir('relay-hub-audit-head-');
    keys = loadOrCreateProvinceKeys(folder.dir).keys;
    hub = await open();
    await registerStation(hub.db, 'KMU01');
    await addStationKey(hub.db, { provinceCode: PROVINCE, stationCode: 'KMU01', publicKeySpki: kmu01Key.publicKey.export({ type: 'spki', format: 'der' }), registeredAt: '2026-11-01T00:00:00.000Z' });
  });
  afterEach(() => folder.remove());

  function take(batchSeq: number, entity: number, auditSeq: number): Promise<IngestResult> {
    const { file } = craftedBatch(batchSeq, [registrationLine(batchSeq, entity)], { auditHead: { seq: auditSeq, hash: 'a'.repeat(64) } });
    return ingestBatchFile(file, { hub, provinceCode: PROVINCE, keys });
  }

  function regressed(result: IngestResult): boolean | undefined {
    return result.outcome === 'applied' ? result.auditHeadRegressed : undefined;
  }

  it('takes batches whose audit heads climb without an alert, in order or not', async () => {
    expect(regressed(await take(1, 1, 100))).toBe(false);
    expect(regressed(await take(3, 3, 300))).toBe(false);
    // Batch 2 arrives last: compared by batchSeq, its head between 1's and 3's is in order.
    expect(regressed(await take(2, 2, 200))).toBe(false);
  });

  it('raises the alert when a later batch holds a lower head, or an earlier one a higher head, and still takes the batch', async () => {
    expect(regressed(await take(1, 1, 500))).toBe(false);
    const restored = await take(2, 2, 120);
    expect(restored.outcome).toBe('applied');
    expect(regressed(restored)).toBe(true);
    // An earlier batch arriving late with a head above a later batch's is the same gap seen from the other side.
    expect(regressed(await take(4, 4, 600))).toBe(false);
    expect(regressed(await take(3, 3, 700))).toBe(true);
  });
});
