import { spawn, spawnSync } from 'node:child_process';
import { createPublicKey, type KeyObject } from 'node:crypto';
import { existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { openAckFile, verifyAckSignature, type AckBody } from '../../electron/sync/ack-file';
import { envelopeLine, sha256Hex, writeBatchFile, type Envelope } from '../../electron/sync/batch-file';
import { canonicalJson } from '../../electron/sync/canonical-json';
import { exampleKeyPair, keyId, publicKeyToPem, signBytes } from '../../electron/sync/keys';
import { SyncProtocolError } from '../../electron/sync/protocol-error';
import { requestSigner } from '../../electron/sync/request-signature';
import { encryptForProvince } from '../../electron/sync/usb-encryption';
import { loadOrCreateProvinceKeys } from '../../receiver/province-keys';
import { makeTempDir } from '../fixtures/temp-station';
import { startTestReceiver, type TestReceiver, type TestReceiverOptions } from '../fixtures/receiver';

const station = exampleKeyPair('relay-station test: station KMU01', 'ed25519');
const otherStation = exampleKeyPair('relay-station test: station YNU02', 'ed25519');
const stranger = exampleKeyPair('relay-station test: a key nobody registered', 'ed25519');
const stationPem = publicKeyToPem(station.publicKey);
const repositoryRoot = fileURLToPath(new URL('../..', import.meta.url));

const AT = '2026-11-20T06:12:41.207Z';
const AUDIT_HEAD = { seq: 88213, hash: 'b81f37a043a6f767e7c94d105f4bd31282f3ecc20680bb9d09bd93461cf4c863' };

const opened: TestReceiver[] = [];
const temps: Array<{ remove(): void }> = [];
afterEach(async () => {
  for (const receiver of opened.splice(0)) await receiver.close();
  for (const temp of temps.splice(0)) temp.remove();
});

async function receiverFor(options: Partial<TestReceiverOptions> = {}): Promise<TestReceiver> {
  const receiver = await startTestReceiver({ stationPublicKeyPem: stationPem, ...options });
  opened.push(receiver);
  return receiver;
}

function uuid(n: number): string {
  return `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
}

interface RegistrationOptions {
  program?: string;
  state?: string;
  documentNumber?: string;
  number?: string;
  version?: number;
}

function registrationPayload(entity: number, options: RegistrationOptions = {}): Record<string, unknown> {
  return {
    id: uuid(entity),
    number: options.number ?? `KMU01-2026-R${String(entity).padStart(6, '0')}`,
    personId: uuid(9000 + entity),
    program: options.program ?? 'cornea',
    state: options.state ?? 'active',
    version: options.version ?? 1,
    event: 'created',
    channel: 'kiosk',
    choice: { program: options.program ?? 'cornea' },
    person: {
      name: '陈静',
      documentKind: 'residence_permit',
      documentNumber: options.documentNumber ?? '810000199408230021',
      phone: '13987654321',
      ethnicGroup: null,
      birthDate: '1994-08-23',
      sex: 'female',
    },
    consents: [],
    at: AT,
  };
}

type Line = Pick<Envelope, 'seq' | 'kind' | 'entityId' | 'version' | 'payload'> & { station?: string };

function envelope(line: Line, stationCode: string): Envelope {
  return { station: stationCode, createdAt: AT, changedAt: AT, ...line };
}

function registrationLine(seq: number, entity: number, options: RegistrationOptions = {}): Line {
  const version = options.version ?? 1;
  return { seq, kind: 'registration', entityId: uuid(entity), version, payload: registrationPayload(entity, { ...options, version }) };
}

function documentLine(seq: number, entity: number, version = 1): Line {
  return { seq, kind: 'document', entityId: uuid(entity), version, payload: { id: uuid(entity), serial: `KMU01-2026-RCP-${entity}`, state: 'issued' } };
}

interface BatchOptions {
  stationCode?: string;
  key?: KeyObject;
  auditSeq?: number;
  software?: string;
}

/** A signed .rsb of consecutive lines (firstSeq … lastSeq from the lines themselves). */
function batch(batchSeq: number, lines: Line[], options: BatchOptions = {}): { file: Buffer; manifestBytes: Buffer; batchId: string } {
  const stationCode = options.stationCode ?? 'KMU01';
  const records = lines.map((line) => ({ seq: line.seq, kind: line.kind, line: envelopeLine(envelope(line, stationCode)) }));
  const seqs = lines.map((line) => line.seq);
  const written = writeBatchFile(
    {
      stationCode,
      batchSeq,
      firstSeq: Math.min(...seqs),
      lastSeq: Math.max(...seqs),
      omittedCount: Math.max(...seqs) - Math.min(...seqs) + 1 - lines.length,
      createdAt: AT,
      auditHead: { ...AUDIT_HEAD, seq: options.auditSeq ?? AUDIT_HEAD.seq },
      software: options.software ?? 'relay-station/test',
    },
    records,
    options.key ?? station.privateKey,
  );
  return { file: written.file, manifestBytes: written.manifestBytes, batchId: written.manifest.batchId };
}

function ackOf(receiver: TestReceiver, ack: Buffer): AckBody {
  const read = openAckFile(ack);
  expect(verifyAckSignature(read, [createPublicKey(receiver.provinceSigningPublicPem)])).toBe(true);
  return read.body;
}

function refusalCode(run: () => unknown): string {
  try {
    run();
  } catch (error) {
    if (error instanceof SyncProtocolError) return error.code;
    throw error;
  }
  throw new Error('expected a refusal');
}

describe('processing a batch (§6.4, §8.1)', () => {
  it('accepts new records, signs the acknowledgement and stores each version once', async () => {
    const receiver = await receiverFor();
    const { file, manifestBytes, batchId } = batch(1, [registrationLine(1, 1), documentLine(2, 2), { seq: 3, kind: 'visitor_sign_in', entityId: uuid(3), version: 1, payload: { id: uuid(3), party_size: 2 } }]);
    const body = ackOf(receiver, receiver.processFile(file));
    expect(body).toMatchObject({ batchId, stationCode: 'KMU01', outcome: 'processed', error: null, manifestSha256: sha256Hex(manifestBytes) });
    expect(body.provinceKeyId).toBe(receiver.provinceSigningKeyId);
    expect(body.counts).toEqual({ accepted: 3, duplicate: 0, rejected: 0 });
    expect(body.records.map((record) => [record.seq, record.status])).toEqual([
      [1, 'accepted'],
      [2, 'accepted'],
      [3, 'accepted'],
    ]);
    expect(receiver.store.countVersions('KMU01')).toBe(3);
    const [held] = receiver.store.versionsOf('KMU01', 'registration', uuid(1));
    expect(held?.digest).toBe(sha256Hex(Buffer.from(canonicalJson(registrationPayload(1)), 'utf8')));
    expect(held?.payload).toEqual(registrationPayload(1));
    expect(receiver.store.batch(batchId)?.auditHead).toEqual(AUDIT_HEAD);
  });

  it('answers the same content under a new batch id as duplicates and stores nothing twice', async () => {
    const receiver = await receiverFor();
    receiver.processFile(batch(1, [registrationLine(1, 1), documentLine(2, 2)]).file);
    // A re-sent row: the same record version in a later batch (its outbox row numbered anew here).
    const body = ackOf(receiver, receiver.processFile(batch(2, [registrationLine(3, 1), documentLine(4, 2), documentLine(5, 5)]).file));
    expect(body.records.map((record) => record.status)).toEqual(['duplicate', 'duplicate', 'accepted']);
    expect(body.counts).toEqual({ accepted: 1, duplicate: 2, rejected: 0 });
    expect(receiver.store.countVersions()).toBe(3);
    expect(receiver.store.versionsOf('KMU01', 'registration', uuid(1))).toHaveLength(1);
  });

  it('rejects a version held with another digest as version_conflict', async () => {
    const receiver = await receiverFor();
    receiver.processFile(batch(1, [registrationLine(1, 1)]).file);
    const changed = registrationLine(2, 1, { program: 'organ' });
    const body = ackOf(receiver, receiver.processFile(batch(2, [changed]).file));
    expect(body.records[0]).toMatchObject({ status: 'rejected', code: 'version_conflict', path: null });
    expect(body.records[0]?.reason).toMatch(/不同内容/);
    expect(receiver.store.versionsOf('KMU01', 'registration', uuid(1))[0]?.payload).toMatchObject({ program: 'cornea' });
  });

  it('notices an audit head that went back between batches (§8.4)', async () => {
    const receiver = await receiverFor();
    expect(receiver.process(batch(1, [documentLine(1, 1)], { auditSeq: 500 }).file)).toMatchObject({ outcome: 'processed', auditHeadRegressed: false });
    expect(receiver.process(batch(3, [documentLine(3, 3)], { auditSeq: 900 }).file)).toMatchObject({ auditHeadRegressed: false });
    // Batch 2 arrives last (a USB trip) with a head between its neighbours: in order, no alert.
    expect(receiver.process(batch(2, [documentLine(2, 2)], { auditSeq: 700 }).file)).toMatchObject({ auditHeadRegressed: false });
    expect(receiver.process(batch(4, [documentLine(4, 4)], { auditSeq: 600 }).file)).toMatchObject({ auditHeadRegressed: true });
  });

  it('rejects unknown kinds, broken envelopes and invalid payloads record by record', async () => {
    const receiver = await receiverFor({ knownKinds: ['registration', 'tombstone'] });
    const noDocumentNumber = registrationLine(3, 3);
    (noDocumentNumber.payload.person as Record<string, unknown>).documentNumber = 42;
    const lines: Line[] = [
      documentLine(1, 1),
      { ...registrationLine(2, 2), payload: { ...registrationPayload(2), id: uuid(77) } },
      noDocumentNumber,
      { ...registrationLine(4, 4), station: 'YNU02' },
      registrationLine(5, 5),
    ];
    const body = ackOf(receiver, receiver.processFile(batch(1, lines).file));
    expect(body.records.map((record) => [record.status, record.code, record.path])).toEqual([
      ['rejected', 'kind_unknown', null],
      ['rejected', 'envelope_invalid', null],
      ['rejected', 'payload_invalid', 'person.documentNumber'],
      ['rejected', 'station_mismatch', null],
      ['accepted', null, null],
    ]);
    expect(receiver.store.countVersions()).toBe(1);
  });

  it('refuses a kind outside schema 1 by default as kind_unknown and keeps the rest', async () => {
    const receiver = await receiverFor();
    const body = ackOf(receiver, receiver.processFile(batch(1, [documentLine(1, 1), { seq: 2, kind: 'future_kind', entityId: uuid(2), version: 1, payload: {} }]).file));
    expect(body.records.map((record) => record.code)).toEqual([null, 'kind_unknown']);
  });

  it('refuses a replay with batch_replayed and a changed manifest under a used id with batch_id_conflict', async () => {
    const receiver = await receiverFor();
    const first = batch(1, [documentLine(1, 1)]);
    const ack = receiver.processFile(first.file, 'KMU01-B000001.rse');
    const again = receiver.process(first.file);
    expect(again).toMatchObject({ outcome: 'replayed', batchId: first.batchId });
    expect(again.ack?.equals(ack)).toBe(true);
    // Importing the same file from a stick again yields the stored acknowledgement again (§10.1).
    expect(receiver.processFile(first.file).equals(ack)).toBe(true);
    const conflicting = batch(1, [documentLine(1, 1)], { software: 'relay-station/other' });
    expect(receiver.process(conflicting.file)).toMatchObject({ outcome: 'refused', code: 'batch_id_conflict' });
    expect(receiver.store.countBatches()).toBe(1);
  });
});

describe('whole-file refusals', () => {
  it('refuses a flipped manifest byte as signature_invalid, and a flipped payload byte as payload_hash_mismatch', async () => {
    const receiver = await receiverFor();
    const { file } = batch(1, [documentLine(1, 1)]);
    const inManifest = Buffer.from(file);
    const at = inManifest.indexOf('relay-station/test');
    inManifest[at] = 'R'.charCodeAt(0);
    expect(receiver.process(inManifest)).toMatchObject({ outcome: 'refused', code: 'signature_invalid' });
    const inPayload = Buffer.from(file);
    inPayload[inPayload.length - 5] = (inPayload[inPayload.length - 5] ?? 0) ^ 0x01;
    expect(receiver.process(inPayload)).toMatchObject({ outcome: 'refused', code: 'payload_hash_mismatch' });
    expect(receiver.store.countVersions()).toBe(0);
    expect(receiver.store.countBatches()).toBe(0);
  });

  it('refuses a signature made by another key, an unknown station and an unregistered key', async () => {
    const receiver = await receiverFor();
    const { file, manifestBytes } = batch(1, [documentLine(1, 1)]);
    const signedLength = 8 + manifestBytes.length;
    const forged = Buffer.concat([file.subarray(0, signedLength), signBytes(file.subarray(0, signedLength), stranger.privateKey), file.subarray(signedLength + 64)]);
    expect(receiver.process(forged)).toMatchObject({ outcome: 'refused', code: 'signature_invalid' });
    expect(receiver.process(batch(1, [documentLine(1, 1)], { stationCode: 'ZZZ99' }).file)).toMatchObject({ code: 'station_unknown' });
    expect(receiver.process(batch(1, [documentLine(1, 1)], { key: stranger.privateKey }).file)).toMatchObject({ code: 'station_key_unknown' });
  });

  it('decrypts a file encrypted to the province key and refuses tampered ciphertext unsigned, named only by its file', async () => {
    const receiver = await receiverFor();
    const { file, manifestBytes } = batch(1, [registrationLine(1, 1)]);
    const encrypted = encryptForProvince(file, createPublicKey(receiver.provinceEncryptionPublicPem));
    const tampered = Buffer.from(encrypted);
    tampered[100] = (tampered[100] ?? 0) ^ 0xff;
    expect(refusalCode(() => receiver.processFile(tampered))).toBe('decryption_failed');
    // Nothing of it could be read: no manifest to bind a refusal to, so none is signed (a station could take it as final).
    expect(receiver.process(tampered, 'KMU01-B000001.rse')).toMatchObject({ outcome: 'refused', code: 'decryption_failed', batchId: 'KMU01-B000001', stationCode: 'KMU01', ack: null });
    const otherProvince = exampleKeyPair('relay-station test: another province', 'x25519');
    expect(refusalCode(() => receiver.processFile(encryptForProvince(file, otherProvince.publicKey)))).toBe('recipient_key_unknown');

    const body = ackOf(receiver, receiver.processFile(encrypted, 'KMU01-B000001.rse'));
    expect(body).toMatchObject({ outcome: 'processed', manifestSha256: sha256Hex(manifestBytes), counts: { accepted: 1 } });
  });

  it('answers a refused readable file on removable media with the manifest named', async () => {
    const receiver = await receiverFor();
    const { file, manifestBytes } = batch(1, [documentLine(1, 1)], { key: stranger.privateKey });
    const body = ackOf(receiver, receiver.processFile(file));
    expect(body).toMatchObject({ outcome: 'refused', batchId: 'KMU01-B000001', manifestSha256: sha256Hex(manifestBytes), counts: { accepted: 0, duplicate: 0, rejected: 0 } });
    expect(body.error?.code).toBe('station_key_unknown');
    expect(body.error?.reason).toMatch(/站点密钥/);
    expect(refusalCode(() => receiver.processFile(Buffer.from('not a batch')))).toBe('malformed_container');
  });
});

describe('withdrawn consent (§5.4)', () => {
  it('deletes the payloads a tombstone covers and stores a covered version arriving later without payload', async () => {
    const receiver = await receiverFor();
    receiver.processFile(batch(1, [registrationLine(1, 1)]).file);
    const tombstone: Line = {
      seq: 2,
      kind: 'tombstone',
      entityId: uuid(500),
      version: 1,
      payload: { reason: 'consent_withdrawn', purpose: 'provincial_sync', personId: uuid(9001), withdrawnAt: AT, covers: [{ kind: 'registration', entityId: uuid(1), throughVersion: 2 }] },
    };
    expect(ackOf(receiver, receiver.processFile(batch(2, [tombstone]).file)).counts.accepted).toBe(1);
    expect(receiver.store.versionsOf('KMU01', 'registration', uuid(1))).toEqual([expect.objectContaining({ version: 1, payload: null, withdrawn: true })]);

    // Version 2 crossed the tombstone on its way; version 3 follows a renewed consent.
    const late = ackOf(receiver, receiver.processFile(batch(3, [registrationLine(3, 1, { version: 2 }), registrationLine(4, 1, { version: 3 })]).file));
    expect(late.records.map((record) => record.status)).toEqual(['accepted', 'accepted']);
    const versions = receiver.store.versionsOf('KMU01', 'registration', uuid(1));
    expect(versions.map((version) => [version.version, version.withdrawn, version.payload === null])).toEqual([
      [1, true, true],
      [2, true, true],
      [3, false, false],
    ]);
    // The digest stays, so the covered version re-sent is still a duplicate, not a conflict.
    const resent = ackOf(receiver, receiver.processFile(batch(4, [registrationLine(5, 1, { version: 2 })]).file));
    expect(resent.records[0]?.status).toBe('duplicate');
  });

  it('rejects a tombstone without covers as payload_invalid', async () => {
    const receiver = await receiverFor();
    const body = ackOf(receiver, receiver.processFile(batch(1, [{ seq: 1, kind: 'tombstone', entityId: uuid(9), version: 1, payload: { covers: [{ kind: 'registration', entityId: uuid(1) }] } }]).file));
    expect(body.records[0]).toMatchObject({ code: 'payload_invalid', path: 'covers.0.throughVersion' });
  });
});

describe('provincial rules', () => {
  const ynu = { code: 'YNU02', publicKeyPem: publicKeyToPem(otherStation.publicKey), name: '云南大学' };

  it('refuses an active registration of a program the person holds at another station (§15)', async () => {
    const receiver = await receiverFor({ otherStations: [ynu] });
    const elsewhere = { number: 'YNU02-2025-R000077' };
    receiver.processFile(batch(1, [registrationLine(1, 77, elsewhere)], { stationCode: 'YNU02', key: otherStation.privateKey }).file);

    const body = ackOf(receiver, receiver.processFile(batch(1, [registrationLine(1, 1), registrationLine(2, 2, { program: 'organ' })]).file));
    expect(body.records[0]).toMatchObject({ status: 'rejected', code: 'policy_refused', path: null });
    expect(body.records[0]?.reason).toBe('该证件号已有有效的角膜捐献登记（YNU02-2025-R000077，云南大学登记站），请核实后撤回其中一条。');
    expect(body.records[1]?.status).toBe('accepted');
    expect(JSON.stringify(body)).not.toContain('810000199408230021');

    // Once the other station's registration is withdrawn, the same version is accepted unchanged.
    receiver.processFile(batch(2, [registrationLine(2, 77, { ...elsewhere, version: 2, state: 'withdrawn' })], { stationCode: 'YNU02', key: otherStation.privateKey }).file);
    expect(ackOf(receiver, receiver.processFile(batch(2, [registrationLine(3, 1)]).file)).records[0]?.status).toBe('accepted');
  });

  it('applies a deployment policy hook', async () => {
    const receiver = await receiverFor({ policy: (envelope) => (envelope.kind === 'document' ? { reason: '暂不接收凭证', path: 'serial' } : null) });
    const body = ackOf(receiver, receiver.processFile(batch(1, [documentLine(1, 1), registrationLine(2, 2)]).file));
    expect(body.records.map((record) => [record.code, record.path, record.reason])).toEqual([
      ['policy_refused', 'serial', '暂不接收凭证'],
      [null, null, null],
    ]);
  });
});

interface HttpAnswer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: Buffer;
}

function http(url: string, method: string, body?: Buffer, headers: Record<string, string> = {}): Promise<HttpAnswer> {
  return new Promise((resolve, reject) => {
    const outgoing = request(url, { method, headers: body ? { 'content-length': String(body.length), ...headers } : headers, agent: false }, (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('end', () => resolve({ status: response.statusCode ?? 0, headers: response.headers, body: Buffer.concat(chunks) }));
      response.on('error', reject);
    });
    outgoing.on('error', reject);
    outgoing.end(body);
  });
}

/** An acknowledgement look-up signed by the station KMU01 (§10.2), over the protocol's path (from /v1 on). */
function signedGet(url: string): Promise<HttpAnswer> {
  const protocolPath = new URL(url).pathname.replace(/^.*(?=\/v1\/)/, '');
  return http(url, 'GET', undefined, requestSigner(keyId(station.publicKey), station.privateKey)('GET', protocolPath));
}

function errorCode(answer: HttpAnswer): string {
  return (JSON.parse(answer.body.toString('utf8')) as { error: { code: string } }).error.code;
}

describe('HTTP API (§10.2)', () => {
  it('serves info, uploads, replays and fetches acknowledgements under the base path', async () => {
    const receiver = await receiverFor({ basePath: '/relay' });
    expect(receiver.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/relay$/);
    const info = await http(`${receiver.url}/v1/info`, 'GET');
    expect(info.status).toBe(200);
    expect(JSON.parse(info.body.toString('utf8'))).toEqual({
      protocolVersions: [1],
      schemaVersions: [1],
      maxBatchBytes: 67108864,
      signingKeyIds: [receiver.provinceSigningKeyId],
      encryptionKeyId: receiver.provinceEncryptionKeyId,
    });
    expect((await http(`${receiver.url.replace('/relay', '')}/v1/info`, 'GET')).status).toBe(404);

    const { file, batchId } = batch(1, [registrationLine(1, 1)]);
    expect(errorCode(await signedGet(`${receiver.url}/v1/batches/${batchId}/ack`))).toBe('batch_unknown');
    const put = await http(`${receiver.url}/v1/batches/${batchId}`, 'PUT', file, { 'content-type': 'application/vnd.relay-station.batch' });
    expect(put.status).toBe(200);
    expect(put.headers['content-type']).toBe('application/vnd.relay-station.ack');
    expect(ackOf(receiver, put.body).counts.accepted).toBe(1);

    const replay = await http(`${receiver.url}/v1/batches/${batchId}`, 'PUT', file);
    expect([replay.status, errorCode(replay)]).toEqual([409, 'batch_replayed']);
    const fetched = await signedGet(`${receiver.url}/v1/batches/${batchId}/ack`);
    expect(fetched.status).toBe(200);
    expect(fetched.body.equals(put.body)).toBe(true);
  });

  it('answers refusals with the statuses of §12.1', async () => {
    const receiver = await receiverFor();
    const { file, batchId } = batch(1, [documentLine(1, 1)]);
    const answer = async (path: string, body: Buffer) => {
      const reply = await http(`${receiver.url}${path}`, 'PUT', body);
      return [reply.status, errorCode(reply)];
    };
    expect(await answer('/v1/batches/KMU01-B000002', file)).toEqual([400, 'batch_id_mismatch']);
    expect(await answer(`/v1/batches/${batchId}`, Buffer.from('RSB1garbage'))).toEqual([400, 'malformed_container']);
    expect(await answer(`/v1/batches/${batchId}`, Buffer.from('RSB7garbage'))).toEqual([400, 'protocol_unsupported']);
    expect(await answer('/v1/batches/ZZZ99-B000001', batch(1, [documentLine(1, 1)], { stationCode: 'ZZZ99' }).file)).toEqual([403, 'station_unknown']);
    expect(await answer(`/v1/batches/${batchId}`, batch(1, [documentLine(1, 1)], { key: stranger.privateKey }).file)).toEqual([403, 'station_key_unknown']);
    const damaged = Buffer.from(file);
    damaged[damaged.length - 3] = (damaged[damaged.length - 3] ?? 0) ^ 0x10;
    expect(await answer(`/v1/batches/${batchId}`, damaged)).toEqual([422, 'payload_hash_mismatch']);
    expect(await answer(`/v1/batches/${batchId}`, encryptForProvince(file, exampleKeyPair('relay-station test: another province', 'x25519').publicKey))).toEqual([
      422,
      'recipient_key_unknown',
    ]);
    const encrypted = await http(`${receiver.url}/v1/batches/${batchId}`, 'PUT', encryptForProvince(file, createPublicKey(receiver.provinceEncryptionPublicPem)), {
      'content-type': 'application/vnd.relay-station.batch-encrypted',
    });
    expect(encrypted.status).toBe(200);
    expect(ackOf(receiver, encrypted.body).batchId).toBe(batchId);

    const chunked = await http(`${receiver.url}/v1/batches/${batchId}`, 'PUT', undefined, { 'transfer-encoding': 'chunked' });
    expect([chunked.status, errorCode(chunked)]).toEqual([411, 'length_required']);
    const tooLarge = await http(`${receiver.url}/v1/batches/${batchId}`, 'PUT', undefined, { 'content-length': String(64 * 1024 * 1024 + 1) });
    expect([tooLarge.status, errorCode(tooLarge)]).toEqual([413, 'batch_too_large']);
    expect((await http(`${receiver.url}/v1/batches/${batchId}`, 'POST', file)).status).toBe(405);
  });
});

describe('injected faults', () => {
  it('draws errors and unavailability from the seed and counts them', async () => {
    const statuses = async (): Promise<{ seen: number[]; receiver: TestReceiver }> => {
      const receiver = await receiverFor({ faults: { seed: 7, errorRate: 0.3, unavailableRate: 0.3 } });
      const seen: number[] = [];
      for (let call = 0; call < 30; call += 1) {
        const answer = await signedGet(`${receiver.url}/v1/batches/KMU01-B000001/ack`);
        if (answer.status === 503) expect(answer.headers['retry-after']).toBe('1');
        seen.push(answer.status);
      }
      return { seen, receiver };
    };
    const first = await statuses();
    const second = await statuses();
    expect(second.seen).toEqual(first.seen);
    expect(new Set(first.seen)).toEqual(new Set([404, 500, 503]));
    expect(first.receiver.faultCounts.error).toBe(first.seen.filter((status) => status === 500).length);
    expect(first.receiver.faultCounts.unavailable).toBe(first.seen.filter((status) => status === 503).length);
  });

  it('drops the connection before processing, or after committing so only the answer is lost', async () => {
    const before = await receiverFor({ faults: { dropBeforeRate: 1 } });
    const { file, batchId } = batch(1, [documentLine(1, 1)]);
    await expect(http(`${before.url}/v1/batches/${batchId}`, 'PUT', file)).rejects.toThrow();
    expect(before.faultCounts.dropBefore).toBe(1);
    expect(before.store.countBatches()).toBe(0);

    const after = await receiverFor({ faults: { dropAfterRate: 1 } });
    await expect(http(`${after.url}/v1/batches/${batchId}`, 'PUT', file)).rejects.toThrow();
    expect(after.faultCounts.dropAfter).toBe(1);
    const fetched = await signedGet(`${after.url}/v1/batches/${batchId}/ack`);
    expect(fetched.status).toBe(200);
    expect(ackOf(after, fetched.body).batchId).toBe(batchId);
  });

  it('answers with an earlier batch acknowledgement, rejects records as unavailable and answers slowly', async () => {
    const receiver = await receiverFor({ faults: { duplicateAckRate: 1 } });
    const first = batch(1, [documentLine(1, 1)]);
    const second = batch(2, [documentLine(2, 2)]);
    expect(ackOf(receiver, (await http(`${receiver.url}/v1/batches/${first.batchId}`, 'PUT', first.file)).body).batchId).toBe(first.batchId);
    expect(receiver.faultCounts.duplicateAck).toBe(0);
    expect(ackOf(receiver, (await http(`${receiver.url}/v1/batches/${second.batchId}`, 'PUT', second.file)).body).batchId).toBe(first.batchId);
    expect(receiver.faultCounts.duplicateAck).toBe(1);
    expect(ackOf(receiver, (await signedGet(`${receiver.url}/v1/batches/${second.batchId}/ack`)).body).batchId).toBe(second.batchId);

    const unavailable = await receiverFor({ faults: { recordUnavailableRate: 1, slowRate: 1, slowMs: 300 } });
    const started = Date.now();
    const answer = await http(`${unavailable.url}/v1/batches/${first.batchId}`, 'PUT', batch(1, [documentLine(1, 1), registrationLine(2, 2)]).file);
    expect(Date.now() - started).toBeGreaterThanOrEqual(290);
    expect(ackOf(unavailable, answer.body).records.map((record) => record.code)).toEqual(['temporarily_unavailable', 'temporarily_unavailable']);
    expect(unavailable.faultCounts).toMatchObject({ recordUnavailable: 2, slow: 1 });
    expect(unavailable.store.countVersions()).toBe(0);
  });
});

describe('command line', () => {
  const tsxArgs = ['--import', 'tsx', join(repositoryRoot, 'receiver/main.ts')];

  it('serves with fresh province keys, then imports files from a stick and writes their acknowledgements', async () => {
    const temp = makeTempDir('relay-receiver-cli-');
    temps.push(temp);
    const dir = join(temp.dir, 'province');
    const out = join(temp.dir, 'out');

    const server = spawn(process.execPath, [...tsxArgs, '--dir', dir, '--port', '0', '--base-path', '/relay'], { cwd: repositoryRoot, stdio: ['ignore', 'pipe', 'inherit'] });
    const exited = new Promise<number | null>((resolve) => server.once('exit', (code) => resolve(code)));
    const firstLine = await new Promise<string>((resolve) => createInterface({ input: server.stdout }).once('line', resolve));
    const started = JSON.parse(firstLine) as { url: string; provinceSigningKeyId: string; keysCreated: boolean };
    expect(started.keysCreated).toBe(true);
    expect(started.url).toMatch(/\/relay$/);
    const info = JSON.parse((await http(`${started.url}/v1/info`, 'GET')).body.toString('utf8')) as { signingKeyIds: string[] };
    expect(info.signingKeyIds).toEqual([started.provinceSigningKeyId]);
    server.kill('SIGTERM');
    expect(await exited).toBe(0);
    expect(statSync(join(dir, 'province-signing.key.pem')).mode & 0o777).toBe(0o600);
    expect(statSync(join(dir, 'province-encryption.key.pem')).mode & 0o777).toBe(0o600);

    const stationFile = join(temp.dir, 'station.pem');
    writeFileSync(stationFile, stationPem);
    const encryptionKey = createPublicKey(readFileSync(join(dir, 'province-encryption.pub.pem'), 'utf8'));
    const good = join(temp.dir, 'KMU01-B000001.rse');
    writeFileSync(good, encryptForProvince(batch(1, [registrationLine(1, 1)]).file, encryptionKey));
    const damaged = join(temp.dir, 'KMU01-B000002.rse');
    const damagedBytes = encryptForProvince(batch(2, [documentLine(2, 2)]).file, encryptionKey);
    damagedBytes[90] = (damagedBytes[90] ?? 0) ^ 0x01;
    writeFileSync(damaged, damagedBytes);

    const run = spawnSync(process.execPath, [...tsxArgs, 'import', '--dir', dir, '--station', `KMU01=${stationFile}`, good, damaged, '--out', out], {
      cwd: repositoryRoot,
      encoding: 'utf8',
      timeout: 25_000,
    });
    expect(run.status).toBe(1);
    const lines = run.stdout.trim().split('\n').map((line) => JSON.parse(line) as { outcome: string; code?: string });
    expect(lines.map((line) => [line.outcome, line.code])).toEqual([
      ['processed', undefined],
      ['refused', 'decryption_failed'],
    ]);
    const signing = [createPublicKey(readFileSync(join(dir, 'province-signing.pub.pem'), 'utf8'))];
    const processed = openAckFile(readFileSync(join(out, 'KMU01-B000001.rsa')));
    expect(verifyAckSignature(processed, signing)).toBe(true);
    expect(processed.body.counts.accepted).toBe(1);
    // The damaged copy could not be opened: reported, but no signed refusal is written for it.
    expect(existsSync(join(out, 'KMU01-B000002.rsa'))).toBe(false);
    expect(existsSync(join(out, 'KMU01-B000001.rsa.partial'))).toBe(false);

    // The province keys are made once: a second run uses them again.
    expect(loadOrCreateProvinceKeys(dir).created).toBe(false);
  });
});
