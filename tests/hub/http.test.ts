import type { KeyObject } from 'node:crypto';
import { request } from 'node:http';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { openAckFile, verifyAckSignature } from '../../electron/sync/ack-file';
import { envelopeLine, sha256Hex, writeBatchFile } from '../../electron/sync/batch-file';
import { exampleKeyPair, keyId } from '../../electron/sync/keys';
import { requestSigner } from '../../electron/sync/request-signature';
import { encryptForProvince } from '../../electron/sync/usb-encryption';
import type { HubStore } from '../../hub/db/open';
import { batchesOfStation } from '../../hub/db/repositories/batches';
import { countRecordVersions } from '../../hub/db/repositories/record-versions';
import { addStationKey } from '../../hub/db/repositories/stations';
import { startHubServer, type RunningHubServer } from '../../hub/http/server';
import { MAX_BATCH_BYTES } from '../../hub/ingest/ingest-batch';
import { loadOrCreateProvinceKeys, type ProvinceKeys } from '../../hub/keys/province-keys';
import { makeTempDir } from '../fixtures/temp-station';
import { PROVINCE, registerStation } from './support/batches';
import { describeOnBothEngines } from './support/both-engines';
import { errorOf, http, uploadUntilAnswered, type Answer } from './support/http-client';

const station = exampleKeyPair('relay-station test: station KMU01', 'ed25519');
const otherStation = exampleKeyPair('relay-station test: station YNU02', 'ed25519');
const stranger = exampleKeyPair('relay-station test: a key nobody registered', 'ed25519');
const AT = '2026-11-20T06:12:41.207Z';

/** A signed batch of one document line of KMU01 (or of `key`'s making). */
function batch(batchSeq: number, key: KeyObject = station.privateKey): { file: Buffer; manifestBytes: Buffer; batchId: string } {
  const line = envelopeLine({ seq: batchSeq, kind: 'document', entityId: `00000000-0000-4000-8000-00000000000${batchSeq}`, version: 1, station: 'KMU01', createdAt: AT, changedAt: AT, payload: { serial: `S${batchSeq}` } });
  const written = writeBatchFile(
    { stationCode: 'KMU01', batchSeq, firstSeq: batchSeq, lastSeq: batchSeq, omittedCount: 0, createdAt: AT, auditHead: { seq: batchSeq, hash: 'b8'.repeat(32) }, software: 'relay-station/test' },
    [{ seq: batchSeq, kind: 'document', line }],
    key,
  );
  return { file: written.file, manifestBytes: written.manifestBytes, batchId: written.manifest.batchId };
}

async function registerKey(hub: HubStore, stationCode: string, publicKey: KeyObject): Promise<void> {
  await registerStation(hub.db, stationCode);
  await addStationKey(hub.db, { provinceCode: PROVINCE, stationCode, publicKeySpki: publicKey.export({ type: 'spki', format: 'der' }), registeredAt: AT });
}

describeOnBothEngines('hub serve: the protocol over HTTP', (open) => {
  let folder: ReturnType<typeof makeTempDir>;
  let keys: ProvinceKeys;
  let hub: HubStore;
  let server: RunningHubServer | null = null;

  beforeEach(async () => {
    folder = makeTempDir('relay-hub-http-');
    keys = loadOrCreateProvinceKeys(folder.dir).keys;
    hub = await open();
    await registerKey(hub, 'KMU01', station.publicKey);
    await registerKey(hub, 'YNU02', otherStation.publicKey);
  });
  afterEach(async () => {
    await server?.close();
    server = null;
    folder.remove();
  });

  async function serve(maxConcurrentUploads?: number): Promise<RunningHubServer> {
    server = await startHubServer({ hub, provinceCode: PROVINCE, keys, basePath: '/relay', maxConcurrentUploads });
    return server;
  }

  it('tells its limits and keys, takes an upload once and replays it as taken', async () => {
    const { url } = await serve();
    expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/relay$/);
    const info = await http(`${url}/v1/info`, 'GET');
    expect(JSON.parse(info.body.toString('utf8'))).toEqual({
      protocolVersions: [1],
      schemaVersions: [1],
      maxBatchBytes: MAX_BATCH_BYTES,
      signingKeyIds: [keys.signing.keyId],
      encryptionKeyId: keys.encryption.keyId,
    });

    const { file, manifestBytes, batchId } = batch(1);
    const encrypted = encryptForProvince(file, keys.encryption.publicKey);
    const taken = await http(`${url}/v1/batches/${batchId}`, 'PUT', encrypted);
    expect(taken.status).toBe(200);
    const ack = openAckFile(taken.body);
    expect(verifyAckSignature(ack, [keys.signing.publicKey])).toBe(true);
    expect(ack.body).toMatchObject({ outcome: 'processed', batchId, manifestSha256: sha256Hex(manifestBytes), counts: { accepted: 1, duplicate: 0, rejected: 0 } });

    const again = await http(`${url}/v1/batches/${batchId}`, 'PUT', encrypted);
    expect([again.status, errorOf(again).error.code]).toEqual([409, 'batch_replayed']);
    expect(await countRecordVersions(hub.db, PROVINCE, 'KMU01')).toBe(1);
    expect((await batchesOfStation(hub.db, PROVINCE, 'KMU01')).map((stored) => stored.ack)).toEqual([taken.body]);

    expect((await http(`${url}/v1/batches/${batchId}`, 'GET')).status).toBe(405);
    expect((await http(`${url}/v2/info`, 'GET')).status).toBe(404);
  });

  it('answers acknowledgement and last-batch look-ups only to the station that sent the batch', async () => {
    const { url } = await serve();
    const { file, batchId } = batch(1);
    const taken = await http(`${url}/v1/batches/${batchId}`, 'PUT', file);
    expect(taken.status).toBe(200);
    const signed = (key: typeof station, path: string, at = new Date()) => requestSigner(keyId(key.publicKey), key.privateKey, () => at)('GET', path);
    const ackPath = `/v1/batches/${batchId}/ack`;

    const unsigned = await http(`${url}${ackPath}`, 'GET');
    expect([unsigned.status, errorOf(unsigned).error.code]).toEqual([401, 'unauthorized']);
    expect((await http(`${url}${ackPath}`, 'GET', undefined, signed(stranger, ackPath))).status).toBe(401);
    expect((await http(`${url}${ackPath}`, 'GET', undefined, signed(station, ackPath, new Date(Date.now() - 60 * 60_000)))).status).toBe(401);
    expect((await http(`${url}${ackPath}`, 'GET', undefined, signed(station, '/v1/batches/KMU01-B000009/ack'))).status).toBe(401);
    const other = await http(`${url}${ackPath}`, 'GET', undefined, signed(otherStation, ackPath));
    expect([other.status, errorOf(other).error.code]).toEqual([404, 'batch_unknown']);
    const own = await http(`${url}${ackPath}`, 'GET', undefined, signed(station, ackPath));
    expect([own.status, own.headers['content-type']]).toEqual([200, 'application/vnd.relay-station.ack']);
    expect(own.body).toEqual(taken.body);

    const lastPath = '/v1/stations/KMU01/last-batch';
    expect((await http(`${url}${lastPath}`, 'GET', undefined, signed(station, lastPath))).body).toEqual(taken.body);
    const asked = await http(`${url}${lastPath}`, 'GET', undefined, signed(otherStation, lastPath));
    expect([asked.status, errorOf(asked).error.code]).toEqual([404, 'batch_unknown']);
    const ownNone = '/v1/stations/YNU02/last-batch';
    expect((await http(`${url}${ownNone}`, 'GET', undefined, signed(otherStation, ownNone))).status).toBe(404);
  });

  it('refuses an upload from its first bytes when the signature does not hold, before the body is read', async () => {
    const { url } = await serve();
    const { file, manifestBytes, batchId } = batch(1);
    const forged = Buffer.from(file);
    const signatureAt = 8 + manifestBytes.length;
    forged[signatureAt] = (forged[signatureAt] ?? 0) ^ 0x01;
    const declared = 48 * 1024 * 1024;

    const plain = await uploadUntilAnswered(`${url}/v1/batches/${batchId}`, forged, declared);
    expect([plain.status, errorOf(plain).error.code]).toEqual([422, 'signature_invalid']);
    expect(plain.sentBeforeAnswer).toBeLessThan(declared / 4);
    // Signed for the manifest read: the station may take it as final.
    const refusal = openAckFile(Buffer.from(errorOf(plain).ack ?? '', 'base64'));
    expect(verifyAckSignature(refusal, [keys.signing.publicKey])).toBe(true);
    expect(refusal.body).toMatchObject({ outcome: 'refused', batchId, error: { code: 'signature_invalid' } });

    const unknownKey = encryptForProvince(batch(1, stranger.privateKey).file, keys.encryption.publicKey);
    const encrypted = await uploadUntilAnswered(`${url}/v1/batches/${batchId}`, unknownKey, declared);
    expect([encrypted.status, errorOf(encrypted).error.code]).toEqual([403, 'station_key_unknown']);
    expect(encrypted.sentBeforeAnswer).toBeLessThan(declared / 4);

    expect(await batchesOfStation(hub.db, PROVINCE, 'KMU01')).toEqual([]);
    expect((await http(`${url}/v1/batches/${batchId}`, 'PUT', file)).status).toBe(200);
  });

  it('refuses a batch the URL does not name with a signed refusal, and a file nothing can be read of unsigned', async () => {
    const { url } = await serve();
    const { file, manifestBytes } = batch(1);
    const mismatch = await http(`${url}/v1/batches/KMU01-B000002`, 'PUT', file);
    expect([mismatch.status, errorOf(mismatch).error.code]).toEqual([400, 'batch_id_mismatch']);
    const refusal = openAckFile(Buffer.from(errorOf(mismatch).ack ?? '', 'base64'));
    expect(refusal.body).toMatchObject({ outcome: 'refused', batchId: 'KMU01-B000001', manifestSha256: sha256Hex(manifestBytes), error: { code: 'batch_id_mismatch' } });

    const unreadable = encryptForProvince(file, keys.encryption.publicKey);
    unreadable[unreadable.length - 1] = (unreadable[unreadable.length - 1] ?? 0) ^ 0x01;
    const damaged = await http(`${url}/v1/batches/KMU01-B000001`, 'PUT', unreadable);
    expect(errorOf(damaged)).toEqual({ error: { code: 'decryption_failed', message: expect.any(String) } });
    expect(await batchesOfStation(hub.db, PROVINCE, 'KMU01')).toEqual([]);
  });

  it('refuses a body over the limit, or of no stated length, before reading it', async () => {
    const { url } = await serve();
    const tooLarge = await uploadUntilAnswered(`${url}/v1/batches/KMU01-B000001`, batch(1).file, MAX_BATCH_BYTES + 1);
    expect([tooLarge.status, errorOf(tooLarge).error.code]).toEqual([413, 'batch_too_large']);
    expect(tooLarge.sentBeforeAnswer).toBeLessThan(MAX_BATCH_BYTES / 4);

    const chunked = await new Promise<Answer>((resolve, reject) => {
      const outgoing = request(`${url}/v1/batches/KMU01-B000001`, { method: 'PUT', agent: false }, (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () => resolve({ status: response.statusCode ?? 0, headers: response.headers, body: Buffer.concat(chunks) }));
      });
      outgoing.on('error', reject);
      outgoing.write(batch(1).file);
      outgoing.end();
    });
    expect([chunked.status, errorOf(chunked).error.code]).toEqual([411, 'length_required']);
    expect(await batchesOfStation(hub.db, PROVINCE, 'KMU01')).toEqual([]);
  });

  it('takes uploads a few at a time: one more is told to come back later', async () => {
    const { url } = await serve(1);
    const first = batch(1);
    const second = batch(2);
    const seen: { busy: Answer | null } = { busy: null };
    const firstAnswer = new Promise<number>((resolve, reject) => {
      const outgoing = request(
        `${url}/v1/batches/${first.batchId}`,
        { method: 'PUT', headers: { 'content-length': String(first.file.length), expect: '100-continue' }, agent: false },
        (response) => {
          response.resume();
          resolve(response.statusCode ?? 0);
        },
      );
      outgoing.on('error', reject);
      // "continue" comes once the hub has taken the upload on; only then does the second one start.
      outgoing.once('continue', () => {
        void http(`${url}/v1/batches/${second.batchId}`, 'PUT', second.file).then((busy) => {
          seen.busy = busy;
          outgoing.end(first.file);
        }, reject);
      });
      outgoing.flushHeaders();
    });

    expect(await firstAnswer).toBe(200);
    const { busy } = seen;
    expect(busy && [busy.status, errorOf(busy).error.code, busy.headers['retry-after']]).toEqual([503, 'unavailable', '5']);
    expect((await http(`${url}/v1/batches/${second.batchId}`, 'PUT', second.file)).status).toBe(200);
    expect(await countRecordVersions(hub.db, PROVINCE, 'KMU01')).toBe(2);
  });
});
