import { afterEach, beforeEach, expect, it } from 'vitest';
import { openAckFile, verifyAckSignature, type AckBody } from '../../electron/sync/ack-file';
import { exampleKeyPair, keyId } from '../../electron/sync/keys';
import { requestSigner } from '../../electron/sync/request-signature';
import { encryptForProvince } from '../../electron/sync/usb-encryption';
import type { HubStore } from '../../hub/db/open';
import { batchesOfStation } from '../../hub/db/repositories/batches';
import { countRecordVersions } from '../../hub/db/repositories/record-versions';
import { addStationKey } from '../../hub/db/repositories/stations';
import type { FaultOptions } from '../../hub/http/faults';
import { startHubServer, type RunningHubServer } from '../../hub/http/server';
import { loadOrCreateProvinceKeys, type ProvinceKeys } from '../../hub/keys/province-keys';
import { makeTempDir } from '../fixtures/temp-station';
import { PROVINCE, registerStation } from './support/batches';
import { describeOnBothEngines } from './support/both-engines';
import { craftedBatch, documentLine, kmu01Key, registrationLine, strangerKey } from './support/crafted-batches';
import { errorOf, http, type Answer } from './support/http-client';

describeOnBothEngines('hub serve: refusals by status, and the faults a test can inject', (open) => {
  let folder: ReturnType<typeof makeTempDir>;
  let keys: ProvinceKeys;
  let hub: HubStore;
  const servers: RunningHubServer[] = [];

  beforeEach(async () => {
    folder = makeTempDir('relay-hub-faults-');
    keys = loadOrCreateProvinceKeys(folder.dir).keys;
    hub = await open();
    await registerStation(hub.db, 'KMU01');
    await addStationKey(hub.db, { provinceCode: PROVINCE, stationCode: 'KMU01', publicKeySpki: kmu01Key.publicKey.export({ type: 'spki', format: 'der' }), registeredAt: '2026-11-01T00:00:00.000Z' });
  });
  afterEach(async () => {
    await Promise.all(servers.splice(0).map((server) => server.close()));
    folder.remove();
  });

  async function serve(faults?: FaultOptions): Promise<RunningHubServer> {
    const server = await startHubServer({ hub, provinceCode: PROVINCE, keys, faults, stopGraceMs: 1_000 });
    servers.push(server);
    return server;
  }

  function ackOf(bytes: Buffer): AckBody {
    const read = openAckFile(bytes);
    expect(verifyAckSignature(read, [keys.signing.publicKey])).toBe(true);
    return read.body;
  }

  /** A look-up signed by KMU01 (§10.2), over the protocol's path. */
  function signedGet(url: string): Promise<Answer> {
    const protocolPath = new URL(url).pathname.replace(/^.*(?=\/v1\/)/, '');
    return http(url, 'GET', undefined, requestSigner(keyId(kmu01Key.publicKey), kmu01Key.privateKey)('GET', protocolPath));
  }

  it('answers refusals with the statuses of §12.1', async () => {
    const { url } = await serve();
    const { file, batchId } = craftedBatch(1, [documentLine(1, 1)]);
    const answer = async (path: string, body: Buffer) => {
      const reply = await http(`${url}${path}`, 'PUT', body);
      return [reply.status, errorOf(reply).error.code];
    };
    expect(await answer(`/v1/batches/${batchId}`, Buffer.from('RSB1garbage'))).toEqual([400, 'malformed_container']);
    expect(await answer(`/v1/batches/${batchId}`, Buffer.from('RSB7garbage'))).toEqual([400, 'protocol_unsupported']);
    expect(await answer('/v1/batches/ZZZ99-B000001', craftedBatch(1, [documentLine(1, 1)], { stationCode: 'ZZZ99' }).file)).toEqual([403, 'station_unknown']);
    expect(await answer(`/v1/batches/${batchId}`, craftedBatch(1, [documentLine(1, 1)], { key: strangerKey.privateKey }).file)).toEqual([403, 'station_key_unknown']);
    const damaged = Buffer.from(file);
    damaged[damaged.length - 3] = (damaged[damaged.length - 3] ?? 0) ^ 0x10;
    expect(await answer(`/v1/batches/${batchId}`, damaged)).toEqual([422, 'payload_hash_mismatch']);
    expect(await answer(`/v1/batches/${batchId}`, encryptForProvince(file, exampleKeyPair('relay-station test: another province', 'x25519').publicKey))).toEqual([422, 'recipient_key_unknown']);
    expect(await batchesOfStation(hub.db, PROVINCE, 'KMU01')).toEqual([]);

    const encrypted = await http(`${url}/v1/batches/${batchId}`, 'PUT', encryptForProvince(file, keys.encryption.publicKey), { 'content-type': 'application/vnd.relay-station.batch-encrypted' });
    expect(encrypted.status).toBe(200);
    expect(encrypted.headers['content-type']).toBe('application/vnd.relay-station.ack');
    expect(ackOf(encrypted.body).batchId).toBe(batchId);
  });

  it('draws errors and unavailability from the seed and counts them', async () => {
    const statuses = async (): Promise<{ seen: number[]; server: RunningHubServer }> => {
      const server = await serve({ seed: 7, errorRate: 0.3, unavailableRate: 0.3 });
      const seen: number[] = [];
      for (let call = 0; call < 30; call += 1) {
        const answer = await signedGet(`${server.url}/v1/batches/KMU01-B000001/ack`);
        if (answer.status === 503) expect(answer.headers['retry-after']).toBe('1');
        seen.push(answer.status);
      }
      return { seen, server };
    };
    const first = await statuses();
    const second = await statuses();
    expect(second.seen).toEqual(first.seen);
    expect(new Set(first.seen)).toEqual(new Set([404, 500, 503]));
    expect(first.server.faultCounts.error).toBe(first.seen.filter((status) => status === 500).length);
    expect(first.server.faultCounts.unavailable).toBe(first.seen.filter((status) => status === 503).length);
    // /v1/info is never faulted.
    for (let call = 0; call < 10; call += 1) expect((await http(`${first.server.url}/v1/info`, 'GET')).status).toBe(200);
  });

  it('drops the connection before taking a batch, or after committing it so only the answer is lost', async () => {
    const before = await serve({ dropBeforeRate: 1 });
    const { file, batchId } = craftedBatch(1, [documentLine(1, 1)]);
    await expect(http(`${before.url}/v1/batches/${batchId}`, 'PUT', file)).rejects.toThrow();
    expect(before.faultCounts.dropBefore).toBe(1);
    expect(await batchesOfStation(hub.db, PROVINCE, 'KMU01')).toEqual([]);

    const after = await serve({ dropAfterRate: 1 });
    await expect(http(`${after.url}/v1/batches/${batchId}`, 'PUT', file)).rejects.toThrow();
    expect(after.faultCounts.dropAfter).toBe(1);
    const fetched = await signedGet(`${after.url}/v1/batches/${batchId}/ack`);
    expect(fetched.status).toBe(200);
    expect(ackOf(fetched.body).batchId).toBe(batchId);
  });

  it('answers with an earlier batch’s acknowledgement, rejects lines as unavailable and answers slowly', async () => {
    const stray = await serve({ duplicateAckRate: 1 });
    const first = craftedBatch(1, [documentLine(1, 1)]);
    const second = craftedBatch(2, [documentLine(2, 2)]);
    expect(ackOf((await http(`${stray.url}/v1/batches/${first.batchId}`, 'PUT', first.file)).body).batchId).toBe(first.batchId);
    expect(stray.faultCounts.duplicateAck).toBe(0);
    expect(ackOf((await http(`${stray.url}/v1/batches/${second.batchId}`, 'PUT', second.file)).body).batchId).toBe(first.batchId);
    expect(stray.faultCounts.duplicateAck).toBe(1);
    expect(ackOf((await signedGet(`${stray.url}/v1/batches/${second.batchId}/ack`)).body).batchId).toBe(second.batchId);

    const unavailable = await serve({ recordUnavailableRate: 1, slowRate: 1, slowMs: 300 });
    const third = craftedBatch(3, [documentLine(3, 3), registrationLine(4, 4)]);
    const started = Date.now();
    const answer = await http(`${unavailable.url}/v1/batches/${third.batchId}`, 'PUT', third.file);
    expect(Date.now() - started).toBeGreaterThanOrEqual(290);
    expect(ackOf(answer.body).records.map((record) => record.code)).toEqual(['temporarily_unavailable', 'temporarily_unavailable']);
    expect(unavailable.faultCounts).toMatchObject({ recordUnavailable: 2, slow: 1 });
    expect(await countRecordVersions(hub.db, PROVINCE, 'KMU01')).toBe(2);
  });

  it('refuses a fault rate outside 0 to 1', async () => {
    await expect(serve({ errorRate: 1.5 })).rejects.toThrow(RangeError);
  });
});
