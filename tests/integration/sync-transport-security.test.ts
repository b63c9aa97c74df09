import { readFileSync, lstatSync, mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { findBatchById } from '../../electron/db/repositories/sync';
import { isErrorCode } from '../../shared/contract/errors';
import { callsOn, signInStaffDesks } from '../fixtures/dispatch';
import { residentId, sampleRegistration } from '../fixtures/registrations';
import { makeTempDir, openTempStation, sampleSetup } from '../fixtures/temp-station';
import { startTestHub, type TestHub } from '../fixtures/test-hub';
import { startTlsProxy, TEST_TLS_CERT } from '../fixtures/tls-proxy';

type TempStation = Awaited<ReturnType<typeof openTempStation>>;

const admin = { sessionKey: 'admin-desk' };
const supervisor = { sessionKey: 'supervisor-desk' };
const system = { id: null, role: 'system' };
const PERSON_NAME = '张一明';
const DOCUMENT_NUMBER = residentId('530102', '19900307', '101');
const localesRoot = fileURLToPath(new URL('../../resources/locales/', import.meta.url));

let station: TempStation;
let receiver: TestHub;
const closers: Array<() => Promise<void> | void> = [];
const { ok, refusalCode } = callsOn(() => station, () => admin);

beforeEach(async () => {
  station = await openTempStation();
  await station.dispatch('station:setup', sampleSetup, admin);
  await ok('registration:create', sampleRegistration({
    person: { document: { kind: 'resident_id', number: DOCUMENT_NUMBER }, name: PERSON_NAME, phone: '13812345678', ethnicGroup: '01' },
    programs: [{ program: 'cornea' }],
  }));
  const { publicKey } = await ok('documents:publicKey', undefined);
  receiver = await startTestHub({ stationPublicKeyPem: publicKey });
  await ok('sync:importProvinceKey', { use: 'signing', pem: receiver.provinceSigningPublicPem });
  await ok('sync:importProvinceKey', { use: 'encryption', pem: receiver.provinceEncryptionPublicPem });
  station.services.sync.transfer.transportOptions = { baseDelayMs: 1, maxDelayMs: 5, maxAttempts: 3, idleTimeoutMs: 5_000 };
});
afterEach(async () => {
  for (const close of closers.splice(0).reverse()) await close();
  await receiver.close();
  await station.remove();
});

function outboxStates(): Record<string, number> {
  const rows = station.connection.sqlite.prepare('select state, count(*) as n from outbox group by state').all() as { state: string; n: number }[];
  return Object.fromEntries(rows.map((row) => [row.state, row.n]));
}

/** The receiver's /v1/info as JSON, for servers that stand in for it. */
async function receiverInfo(): Promise<Record<string, unknown>> {
  return (await (await fetch(`${receiver.url}/v1/info`)).json()) as Record<string, unknown>;
}

/** A local server answering /v1/info with `info` and every other request with `answer`; counts the uploads it got. */
async function standIn(info: Record<string, unknown>, answer: (request: IncomingMessage, response: ServerResponse) => void): Promise<{ url: string; puts: () => number }> {
  let puts = 0;
  const server = createServer((request, response) => {
    request.resume();
    request.on('end', () => {
      if (request.url === '/v1/info') {
        response.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(info));
        return;
      }
      if (request.method === 'PUT') puts += 1;
      answer(request, response);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  closers.push(() => new Promise<void>((resolve) => server.close(() => resolve())));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, puts: () => puts };
}

describe('refusals that are not the province signing for this batch (M3)', () => {
  it('keep the batch and its rows after a bare 413 or an unsigned payload_invalid, and report the error', async () => {
    const info = await receiverInfo();
    const proxy = await standIn(info, (_request, response) => response.writeHead(413, { 'content-type': 'text/html' }).end('<h1>Request Entity Too Large</h1>'));
    const forged = await standIn(info, (_request, response) =>
      response.writeHead(422, { 'content-type': 'application/json' }).end(JSON.stringify({ error: { code: 'payload_invalid', message: 'forged' } })),
    );
    const transfer = station.services.sync.transfer;

    expect((await transfer.sendAll(system, proxy.url)).error).toBe('batch_too_large');
    expect((await transfer.sendAll(system, forged.url)).error).toBe('payload_invalid');
    expect([proxy.puts(), forged.puts()]).toEqual([1, 1]);
    const batch = await findBatchById(station.connection.db, 'KMU01-B000001');
    expect(batch).toMatchObject({ state: 'sent', last_error: 'payload_invalid' });
    expect(batch?.file).not.toBeNull();
    expect(outboxStates()).toEqual({ in_batch: 2 });

    // The same batch, byte for byte, reaches the province later.
    expect((await transfer.sendAll(system, receiver.url)).error).toBeNull();
    expect(outboxStates()).toEqual({ done: 2 });
    expect(await receiver.store.countBatches('KMU01')).toBe(1);
  });

  it('end a batch when the receiver refuses it with its signed refusal of that manifest', async () => {
    const { batch_id: batchId } = (await station.services.sync.batches.writeNext(system)) ?? { batch_id: '' };
    // The province holds another batch under this id: the file can never be taken (batch_id_conflict, final).
    await receiver.store.holdBatch({ batchId, stationCode: 'KMU01', batchSeq: 1, manifestSha256: 'ab'.repeat(32) });

    const run = await station.services.sync.transfer.sendAll(system, receiver.url);

    const refused = await findBatchById(station.connection.db, batchId);
    expect(refused).toMatchObject({ state: 'refused', last_error: 'batch_id_conflict', file: null });
    // Its rows left in a new batch, which the province took.
    expect(run.error).toBeNull();
    expect(outboxStates()).toEqual({ done: 2 });
  });
});

describe('what leaves the station (M6)', () => {
  it('is encrypted to the province key on https too: a TLS-inspecting proxy sees no name or ID number', async () => {
    const proxy = await startTlsProxy(receiver.url);
    closers.push(() => proxy.close());
    station.services.sync.transfer.transportOptions = { ...station.services.sync.transfer.transportOptions, ca: TEST_TLS_CERT };

    expect((await station.services.sync.transfer.sendAll(system, proxy.url)).error).toBeNull();

    expect(outboxStates()).toEqual({ done: 2 });
    expect(proxy.uploads).toHaveLength(1);
    const [body = Buffer.alloc(0)] = proxy.uploads;
    expect(body.subarray(0, 4).toString('latin1')).toBe('RSE1');
    for (const secret of [PERSON_NAME, DOCUMENT_NUMBER, 'KMU01-B000001']) expect(body.includes(Buffer.from(secret, 'utf8'))).toBe(false);
  });

  it('is nothing at all when the endpoint does not name the imported keys', async () => {
    const info = await receiverInfo();
    const answerAll = (_request: IncomingMessage, response: ServerResponse) => response.writeHead(500).end();
    const otherProvince = await startTestHub({ stationPublicKeyPem: (await ok('documents:publicKey', undefined)).publicKey });
    closers.push(() => otherProvince.close());
    const strangeSigner = await standIn({ ...info, signingKeyIds: ['ab'.repeat(32)] }, answerAll);
    const notAReceiver = await standIn({ hello: 'world' }, answerAll);
    const transfer = station.services.sync.transfer;

    for (const endpoint of [otherProvince.url, strangeSigner.url, notAReceiver.url]) {
      expect((await transfer.sendAll(system, endpoint)).error).toBe('sync_endpoint_unverified');
    }

    expect(await otherProvince.store.countBatches()).toBe(0);
    expect([strangeSigner.puts(), notAReceiver.puts()]).toEqual([0, 0]);
    expect(outboxStates()).toEqual({ pending: 2 });
    // The run's error is shown in words, in both languages.
    expect(isErrorCode('sync_endpoint_unverified')).toBe(true);
    for (const locale of ['zh-CN', 'en']) {
      const errors = JSON.parse(readFileSync(join(localesRoot, locale, 'errors.json'), 'utf8')) as Record<string, string>;
      expect(errors.sync_endpoint_unverified).toMatch(/\S/);
    }
  });

  it('goes to an endpoint only an administrator set: a supervisor keeps the other settings', async () => {
    await signInStaffDesks(station, admin, [{ role: 'supervisor', desk: supervisor }]);
    await ok('sync:settings', { endpoint: receiver.url, batchSize: 1000, twoPersonApproval: false });

    expect(await refusalCode('sync:settings', { endpoint: 'https://elsewhere.example.cn/relay', batchSize: 1000, twoPersonApproval: false }, supervisor)).toBe('sync_endpoint_admin_only');
    expect(await refusalCode('sync:settings', { endpoint: null, batchSize: 1000, twoPersonApproval: false }, supervisor)).toBe('sync_endpoint_admin_only');
    expect((await ok('sync:status', undefined)).settings.endpoint).toBe(receiver.url);
    expect(await ok('sync:settings', { endpoint: receiver.url, batchSize: 200, twoPersonApproval: true }, supervisor)).toEqual({ endpoint: receiver.url, batchSize: 200, twoPersonApproval: true });
  });
});

describe('acknowledgement look-ups (L3)', () => {
  it('are signed by the station, so a batch whose answer was lost is still acknowledged', async () => {
    const lossy = await startTestHub({ stationPublicKeyPem: (await ok('documents:publicKey', undefined)).publicKey, faults: { dropAfterRate: 1 } });
    closers.push(() => lossy.close());
    await ok('sync:importProvinceKey', { use: 'signing', pem: lossy.provinceSigningPublicPem });
    await ok('sync:importProvinceKey', { use: 'encryption', pem: lossy.provinceEncryptionPublicPem });

    expect((await station.services.sync.transfer.sendAll(system, lossy.url)).error).toBeNull();

    expect(lossy.faultCounts.dropAfter).toBe(1);
    expect(outboxStates()).toEqual({ done: 2 });
  });
});

describe('USB export (L4)', () => {
  it('never writes through a link planted at the partial or the final name', async () => {
    const stick = makeTempDir('relay-usb-');
    const elsewhere = makeTempDir('relay-outside-');
    closers.push(() => stick.remove(), () => elsewhere.remove());
    const database = join(elsewhere.dir, 'station.sqlite');
    const other = join(elsewhere.dir, 'other.txt');
    writeFileSync(database, 'the database');
    writeFileSync(other, 'another file');
    mkdirSync(stick.dir, { recursive: true });
    symlinkSync(database, join(stick.dir, 'KMU01-B000001.rse.partial'));
    symlinkSync(other, join(stick.dir, 'KMU01-B000001.rse'));

    expect(await ok('sync:export', { folder: stick.dir })).toEqual({ files: ['KMU01-B000001.rse'], pendingApproval: 0 });

    expect(readFileSync(database, 'utf8')).toBe('the database');
    expect(readFileSync(other, 'utf8')).toBe('another file');
    const exported = join(stick.dir, 'KMU01-B000001.rse');
    expect(lstatSync(exported).isSymbolicLink()).toBe(false);
    // What lies there now is the batch, and the province takes it.
    const ack = await receiver.processFile(readFileSync(exported), 'KMU01-B000001.rse');
    expect((await ok('sync:importAck', { fileName: 'KMU01-B000001.rsa', content: ack.toString('base64') })).outcome).toBe('processed');
    const stored = await receiver.store.batch('KMU01-B000001');
    const batch = await findBatchById(station.connection.db, 'KMU01-B000001');
    expect(stored?.manifestSha256).toBe(batch?.manifest_sha256);
  });
});
