import { readFileSync, rmSync } from 'node:fs';
import { createServer, request, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openStation, type OpenStation } from '../../electron/app/open-station';
import { openAckFile } from '../../electron/sync/ack-file';
import { envelopeLine, writeBatchFile } from '../../electron/sync/batch-file';
import { fetchLastBatchAck, uploadBatch } from '../../electron/sync/http-transport';
import { exampleKeyPair, keyId, publicKeyToPem } from '../../electron/sync/keys';
import { requestSigner } from '../../electron/sync/request-signature';
import { runCli } from '../fixtures/cli';
import { useCleanups } from '../fixtures/cleanups';
import { callOk, callRefused } from '../fixtures/dispatch';
import { residentId, sampleRegistration } from '../fixtures/registrations';
import { sampleSetup } from '../fixtures/temp-station';
import { startTestHub, type TestHub } from '../fixtures/test-hub';

/**
 * A station rebuilt on a new machine from a backup does not know the batches it sent after that backup.
 * It must learn the province's last batch before writing one (over HTTP it asks, over USB it refuses until
 * the province's latest acknowledgement is imported), so the province never sees a batch id twice.
 */

const { tempDir, defer } = useCleanups();
const admin = { sessionKey: 'batch-floor-admin' };
const system = { id: null, role: 'system' };
const CLI = { timeoutMs: 60_000 };
const TEST_TIMEOUT_MS = 180_000;
const FAST_LINK = { baseDelayMs: 1, maxDelayMs: 5, maxAttempts: 3, idleTimeoutMs: 5_000 };

async function withStation<T>(dataDir: string, work: (station: OpenStation) => Promise<T>): Promise<T> {
  const station = await openStation({ dataDir });
  try {
    station.services.sync.transfer.transportOptions = FAST_LINK;
    return await work(station);
  } finally {
    await station.close();
  }
}

let people = 0;
async function register(station: OpenStation): Promise<void> {
  people += 1;
  const number = residentId('530102', '19850611', String(people).padStart(3, '0'));
  const person = { document: { kind: 'resident_id' as const, number }, name: '王芳', phone: '13812345678', ethnicGroup: '01' };
  await callOk(station, 'registration:create', sampleRegistration({ person, programs: [{ program: 'cornea' }] }), admin);
}

async function sendOverHttp(station: OpenStation): Promise<void> {
  expect(await station.services.sync.transfer.sendAll(system)).toMatchObject({ error: null });
}

function batchesOf(station: OpenStation): { batch_id: string; state: string }[] {
  return station.connection.sqlite.prepare('select batch_id, state from sync_batch order by batch_seq').all() as { batch_id: string; state: string }[];
}

interface History {
  dataDir: string;
  recoveryCode: string;
  backupFile: string;
  receiver: TestHub;
}

/**
 * A station that sent one batch, was backed up, then sent two more batches (KMU01-B000002, -B000003) the
 * backup does not know; then its whole data folder is lost and it is rebuilt from the backup and its code.
 */
async function lostAfterTwoMoreBatches(): Promise<History> {
  const dataDir = tempDir();
  const backups = tempDir();
  const history = await withStation(dataDir, async (station) => {
    const setUp = await callOk(station, 'station:setup', sampleSetup, admin);
    const { publicKey } = await callOk(station, 'documents:publicKey', undefined, admin);
    const receiver = await startTestHub({ stationPublicKeyPem: publicKey });
    defer(() => receiver.close());
    await callOk(station, 'sync:importProvinceKey', { use: 'signing', pem: receiver.provinceSigningPublicPem }, admin);
    await callOk(station, 'sync:importProvinceKey', { use: 'encryption', pem: receiver.provinceEncryptionPublicPem }, admin);
    await callOk(station, 'sync:settings', { endpoint: receiver.url, batchSize: 100, twoPersonApproval: false }, admin);
    await register(station);
    await sendOverHttp(station);
    const backupFile = (await station.services.backup.take(system, backups)).backup.file;
    await register(station);
    await sendOverHttp(station);
    await register(station);
    await sendOverHttp(station);
    expect(batchesOf(station)).toEqual(['KMU01-B000001', 'KMU01-B000002', 'KMU01-B000003'].map((batch_id) => ({ batch_id, state: 'acknowledged' })));
    return { recoveryCode: setUp.recovery.code, backupFile, receiver };
  });
  rmSync(dataDir, { recursive: true, force: true });
  const restored = runCli(dataDir, ['restore', history.backupFile], { ...CLI, env: { RELAY_RECOVERY_CODE: history.recoveryCode } });
  expect(restored.code, restored.stderr).toBe(0);
  // The backup knows only the first batch.
  expect(JSON.parse(restored.stdout)).toMatchObject({ ok: true, batchSeqFloor: 1 });
  return { dataDir, ...history };
}

/** The receiver at `target` behind a front that answers the last-batch look-up itself, with `lastBatch`. */
async function inFrontOf(target: string, lastBatch: (answer: ServerResponse) => void): Promise<{ url: string; close(): Promise<void> }> {
  const server = createServer((incoming, answer) => {
    if (incoming.url?.endsWith('/last-batch')) {
      lastBatch(answer);
      return;
    }
    const upstream = request(`${target}${incoming.url ?? ''}`, { method: incoming.method, headers: incoming.headers }, (reply) => {
      answer.writeHead(reply.statusCode ?? 502, reply.headers);
      reply.pipe(answer);
    });
    incoming.pipe(upstream);
  });
  await new Promise<void>((listening) => server.listen(0, '127.0.0.1', listening));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: () => new Promise<void>((closed) => server.close(() => closed())),
  };
}

async function logIn(station: OpenStation): Promise<void> {
  await callOk(station, 'session:login', { username: sampleSetup.admin.username, password: sampleSetup.admin.password }, admin);
}

/** The audited changes of the batch-number floor. */
function floorChanges(station: OpenStation): unknown[] {
  const rows = station.connection.sqlite.prepare("select detail from audit_log where action = 'settings_change' and object_id = 'syncBatchSeqFloor' order by seq").all() as { detail: string }[];
  return rows.map((row) => JSON.parse(row.detail) as unknown);
}

describe('a station rebuilt from a backup on a new machine', () => {
  it(
    'asks the province for its last batch before sending: every batch is held once, no batch_id_conflict, new ids above those sent after the backup',
    async () => {
      const { dataDir, receiver } = await lostAfterTwoMoreBatches();
      await withStation(dataDir, async (station) => {
        await logIn(station);
        await register(station);
        await register(station);
        await sendOverHttp(station);

        // No batch was refused (a reused id is refused as batch_id_conflict): the next number follows the province's last.
        expect(batchesOf(station)).toEqual([
          { batch_id: 'KMU01-B000001', state: 'acknowledged' },
          { batch_id: 'KMU01-B000004', state: 'acknowledged' },
        ]);
        expect(station.connection.sqlite.prepare("select count(*) as n from outbox where state <> 'done'").get()).toEqual({ n: 0 });
        expect(floorChanges(station)).toEqual([{ from: 1, to: 3, confirmed: true, batchId: 'KMU01-B000003' }]);

        // Later runs do not ask again, and go on numbering.
        await register(station);
        await sendOverHttp(station);
        expect(batchesOf(station).at(-1)).toEqual({ batch_id: 'KMU01-B000005', state: 'acknowledged' });
      });
      expect(await receiver.store.countBatches('KMU01')).toBe(5);
      for (let seq = 1; seq <= 5; seq++) expect(await receiver.store.batch(`KMU01-B00000${seq}`)).not.toBeNull();
      // Every registration (with its receipt) reached the province once: six people, two records each.
      expect(await receiver.store.countVersions('KMU01')).toBe(12);
    },
    TEST_TIMEOUT_MS,
  );

  it(
    'writes nothing when the province cannot be asked (an older receiver) or the answer is not the province’s, and asks again on the next run',
    async () => {
      const { dataDir, receiver } = await lostAfterTwoMoreBatches();
      const older = await inFrontOf(receiver.url, (answer) => {
        answer.writeHead(404, { 'content-type': 'application/json' }).end(JSON.stringify({ error: { code: 'not_found', message: 'no such call' } }));
      });
      defer(() => older.close());
      // The province's acknowledgement of the first batch, one byte changed: its signature no longer holds.
      const forged = Buffer.from((await receiver.store.batch('KMU01-B000001'))?.ack as Buffer);
      forged[forged.length - 1] = (forged[forged.length - 1] ?? 0) ^ 0x01;
      const forging = await inFrontOf(receiver.url, (answer) => {
        answer.writeHead(200, { 'content-type': 'application/vnd.relay-station.ack' }).end(forged);
      });
      defer(() => forging.close());
      await withStation(dataDir, async (station) => {
        await logIn(station);
        await register(station);
        for (const front of [older, forging]) {
          expect(await station.services.sync.transfer.sendAll(system, front.url)).toMatchObject({ error: 'sync_batch_floor_unconfirmed' });
          expect(batchesOf(station)).toHaveLength(1);
          expect(floorChanges(station)).toEqual([]);
        }

        await sendOverHttp(station);
        expect(batchesOf(station).at(-1)).toEqual({ batch_id: 'KMU01-B000004', state: 'acknowledged' });
      });
      expect(await receiver.store.countBatches('KMU01')).toBe(4);
    },
    TEST_TIMEOUT_MS,
  );

  it(
    'refuses to export to a stick until the province’s latest acknowledgement is imported, then numbers above it',
    async () => {
      const { dataDir, receiver } = await lostAfterTwoMoreBatches();
      const stick = tempDir();
      await withStation(dataDir, async (station) => {
        await logIn(station);
        await register(station);
        const refused = await callRefused(station, 'sync:export', { folder: stick }, admin);
        expect(refused.code).toBe('sync_batch_floor_unconfirmed');
        expect(batchesOf(station)).toHaveLength(1);

        // The acknowledgement of the last batch the lost station sent, as the province hands it out again.
        const latest = (await receiver.store.batch('KMU01-B000003'))?.ack as Buffer;
        const imported = await callOk(station, 'sync:importAck', { fileName: 'KMU01-B000003.rsa', content: latest.toString('base64') }, admin);
        expect(imported).toMatchObject({ batchId: 'KMU01-B000003', alreadyApplied: true });
        expect(floorChanges(station)).toEqual([{ from: 1, to: 3, confirmed: true, batchId: 'KMU01-B000003' }]);

        const { files } = await callOk(station, 'sync:export', { folder: stick }, admin);
        expect(files).toEqual(['KMU01-B000004.rse']);
        const ack = await receiver.processFile(readFileSync(join(stick, 'KMU01-B000004.rse')), 'KMU01-B000004.rse');
        expect(await callOk(station, 'sync:importAck', { fileName: 'KMU01-B000004.rsa', content: ack.toString('base64') }, admin)).toMatchObject({ outcome: 'processed', accepted: 2 });
      });
      expect(await receiver.store.countBatches('KMU01')).toBe(4);
    },
    TEST_TIMEOUT_MS,
  );
});

describe('the province’s last-batch look-up', () => {
  const kmu01 = exampleKeyPair('relay-station test: station KMU01', 'ed25519');
  const ynu02 = exampleKeyPair('relay-station test: station YNU02', 'ed25519');
  const AT = '2026-11-20T06:12:41.207Z';
  const path = '/v1/stations/KMU01/last-batch';

  function signedBy(key: typeof kmu01) {
    return requestSigner(keyId(key.publicKey), key.privateKey);
  }

  /** A signed batch of KMU01 carrying one document line. */
  function batchFile(batchSeq: number): Buffer {
    const line = envelopeLine({ seq: batchSeq, kind: 'document', entityId: `00000000-0000-4000-8000-00000000000${batchSeq}`, version: 1, station: 'KMU01', createdAt: AT, changedAt: AT, payload: { serial: `S${batchSeq}` } });
    const header = { stationCode: 'KMU01', batchSeq, firstSeq: batchSeq, lastSeq: batchSeq, omittedCount: 0, createdAt: AT, auditHead: { seq: batchSeq, hash: 'b8'.repeat(32) }, software: 'relay-station/test' };
    return writeBatchFile(header, [{ seq: batchSeq, kind: 'document', line }], kmu01.privateKey).file;
  }

  it('answers a station, signing its request, with the acknowledgement of its highest batch, and nobody else', async () => {
    const receiver = await startTestHub({ stationPublicKeyPem: publicKeyToPem(kmu01.publicKey), otherStations: [{ code: 'YNU02', publicKeyPem: publicKeyToPem(ynu02.publicKey) }] });
    defer(() => receiver.close());
    const asKmu01 = { baseUrl: receiver.url, signRequest: signedBy(kmu01), maxAttempts: 1 };
    expect(await fetchLastBatchAck('KMU01', asKmu01)).toMatchObject({ kind: 'refused', code: 'batch_unknown', status: 404 });

    // Out of order, as batches from a stick may arrive: the highest number counts, not the latest arrival.
    for (const seq of [1, 3, 2]) expect(await uploadBatch(`KMU01-B00000${seq}`, batchFile(seq), false, asKmu01)).toMatchObject({ kind: 'ack' });
    const answer = await fetchLastBatchAck('KMU01', asKmu01);
    expect(answer.kind).toBe('ack');
    expect(answer.kind === 'ack' && openAckFile(answer.ack).body).toMatchObject({ stationCode: 'KMU01', batchId: 'KMU01-B000003', outcome: 'processed' });

    const unsigned = await fetch(`${receiver.url}${path}`);
    expect([unsigned.status, await unsigned.json()]).toMatchObject([401, { error: { code: 'unauthorized' } }]);
    const forOtherPath = await fetch(`${receiver.url}${path}`, { headers: signedBy(kmu01)('GET', '/v1/stations/YNU02/last-batch') });
    expect(forOtherPath.status).toBe(401);
    // Another registered station learns nothing of KMU01's batches.
    expect(await fetchLastBatchAck('KMU01', { ...asKmu01, signRequest: signedBy(ynu02) })).toMatchObject({ kind: 'refused', code: 'batch_unknown' });
  });
});
