import { createPublicKey } from 'node:crypto';
import { request } from 'node:http';
import { afterEach, describe, expect, it } from 'vitest';
import { openAckFile, verifyAckSignature } from '../../electron/sync/ack-file';
import { envelopeLine, sha256Hex, writeBatchFile } from '../../electron/sync/batch-file';
import { exampleKeyPair, keyId, publicKeyToPem } from '../../electron/sync/keys';
import { requestSigner } from '../../electron/sync/request-signature';
import { encryptForProvince } from '../../electron/sync/usb-encryption';
import { startTestReceiver, type TestReceiver, type TestReceiverOptions } from '../fixtures/receiver';

const station = exampleKeyPair('relay-station test: station KMU01', 'ed25519');
const otherStation = exampleKeyPair('relay-station test: station YNU02', 'ed25519');
const stranger = exampleKeyPair('relay-station test: a key nobody registered', 'ed25519');
const stationPem = publicKeyToPem(station.publicKey);
const AT = '2026-11-20T06:12:41.207Z';

const opened: TestReceiver[] = [];
afterEach(async () => {
  for (const receiver of opened.splice(0)) await receiver.close();
});

async function receiverFor(options: Partial<TestReceiverOptions> = {}): Promise<TestReceiver> {
  const receiver = await startTestReceiver({
    stationPublicKeyPem: stationPem,
    otherStations: [{ code: 'YNU02', publicKeyPem: publicKeyToPem(otherStation.publicKey) }],
    ...options,
  });
  opened.push(receiver);
  return receiver;
}

/** A signed batch of one document line of KMU01 (or of `key`'s making). */
function batch(batchSeq: number, key = station.privateKey): { file: Buffer; manifestBytes: Buffer; batchId: string } {
  const line = envelopeLine({ seq: batchSeq, kind: 'document', entityId: `00000000-0000-4000-8000-00000000000${batchSeq}`, version: 1, station: 'KMU01', createdAt: AT, changedAt: AT, payload: { serial: `S${batchSeq}` } });
  const written = writeBatchFile(
    { stationCode: 'KMU01', batchSeq, firstSeq: batchSeq, lastSeq: batchSeq, omittedCount: 0, createdAt: AT, auditHead: { seq: batchSeq, hash: 'b8'.repeat(32) }, software: 'relay-station/test' },
    [{ seq: batchSeq, kind: 'document', line }],
    key,
  );
  return { file: written.file, manifestBytes: written.manifestBytes, batchId: written.manifest.batchId };
}

interface Answer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: Buffer;
}

function http(url: string, method: string, body?: Buffer, headers: Record<string, string> = {}): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const outgoing = request(url, { method, headers: body ? { 'content-length': String(body.length), ...headers } : headers, agent: false }, (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('end', () => resolve({ status: response.statusCode ?? 0, headers: response.headers, body: Buffer.concat(chunks) }));
    });
    outgoing.on('error', reject);
    outgoing.end(body);
  });
}

function errorOf(answer: Answer): { error: { code: string }; ack?: string } {
  return JSON.parse(answer.body.toString('utf8')) as { error: { code: string }; ack?: string };
}

const CHUNK = 64 * 1024;

/**
 * A PUT that announces `declaredLength` bytes, sends `head` and then filler one chunk at a time for as long as
 * no answer has come (the socket's back-pressure paces it): the answer, and how many bytes had been handed
 * over when it arrived.
 */
function uploadUntilAnswered(url: string, head: Buffer, declaredLength: number): Promise<Answer & { sentBeforeAnswer: number }> {
  return new Promise((resolve, reject) => {
    let answered = false;
    let sent = 0;
    const outgoing = request(url, { method: 'PUT', headers: { 'content-length': String(declaredLength) }, agent: false }, (response) => {
      answered = true;
      const sentBeforeAnswer = sent;
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('end', () => resolve({ status: response.statusCode ?? 0, headers: response.headers, body: Buffer.concat(chunks), sentBeforeAnswer }));
    });
    // Once answered, the receiver may close the connection under the rest of the body.
    outgoing.on('error', (error) => {
      if (!answered) reject(error);
    });
    const pump = (): void => {
      while (!answered && sent < declaredLength) {
        const chunk = sent === 0 ? head : Buffer.alloc(Math.min(CHUNK, declaredLength - sent));
        sent += chunk.length;
        if (!outgoing.write(chunk)) {
          outgoing.once('drain', pump);
          return;
        }
      }
      if (sent >= declaredLength) outgoing.end();
    };
    pump();
  });
}

describe('acknowledgement look-ups', () => {
  it('are answered only to the station that sent the batch, signing the request with its registered key', async () => {
    const receiver = await receiverFor();
    const { file, batchId } = batch(1);
    expect((await http(`${receiver.url}/v1/batches/${batchId}`, 'PUT', file)).status).toBe(200);
    const path = `/v1/batches/${batchId}/ack`;
    const url = `${receiver.url}${path}`;
    const signedBy = (key: typeof station, at = new Date()) => requestSigner(keyId(key.publicKey), key.privateKey, () => at)('GET', path);

    const unsigned = await http(url, 'GET');
    expect([unsigned.status, errorOf(unsigned).error.code]).toEqual([401, 'unauthorized']);
    expect((await http(url, 'GET', undefined, signedBy(stranger))).status).toBe(401);
    expect((await http(url, 'GET', undefined, signedBy(station, new Date(Date.now() - 60 * 60_000)))).status).toBe(401);
    // A signature made for another path does not open this one.
    const forOtherPath = requestSigner(keyId(station.publicKey), station.privateKey)('GET', '/v1/batches/KMU01-B000009/ack');
    expect((await http(url, 'GET', undefined, forOtherPath)).status).toBe(401);
    // Another registered station learns nothing of KMU01's batches.
    const other = await http(url, 'GET', undefined, signedBy(otherStation));
    expect([other.status, errorOf(other).error.code]).toEqual([404, 'batch_unknown']);

    const own = await http(url, 'GET', undefined, signedBy(station));
    expect(own.status).toBe(200);
    expect(openAckFile(own.body).body.batchId).toBe(batchId);
  });
});

describe('uploads', () => {
  it('are refused from their first bytes when the signature does not hold, before the body is read', async () => {
    const receiver = await receiverFor();
    const { file, manifestBytes, batchId } = batch(1);
    const damaged = Buffer.from(file);
    // A byte of the station's signature over the manifest changed.
    const signatureAt = 8 + manifestBytes.length;
    damaged[signatureAt] = (damaged[signatureAt] ?? 0) ^ 0x01;
    const declared = 48 * 1024 * 1024;

    const plain = await uploadUntilAnswered(`${receiver.url}/v1/batches/${batchId}`, damaged, declared);
    expect([plain.status, errorOf(plain).error.code]).toEqual([422, 'signature_invalid']);
    expect(plain.sentBeforeAnswer).toBeLessThan(declared);

    const encryptionKey = createPublicKey(receiver.provinceEncryptionPublicPem);
    const unknownKey = encryptForProvince(batch(1, stranger.privateKey).file, encryptionKey);
    const encrypted = await uploadUntilAnswered(`${receiver.url}/v1/batches/${batchId}`, unknownKey, declared);
    expect([encrypted.status, errorOf(encrypted).error.code]).toEqual([403, 'station_key_unknown']);
    expect(encrypted.sentBeforeAnswer).toBeLessThan(declared);

    expect(receiver.store.countBatches()).toBe(0);
    // The intact file still goes through.
    expect((await http(`${receiver.url}/v1/batches/${batchId}`, 'PUT', encryptForProvince(file, encryptionKey))).status).toBe(200);
    expect(receiver.store.batch(batchId)?.manifestSha256).toBe(sha256Hex(manifestBytes));
  });

  it('are refused with a signed refusal of the manifest read, and unsigned when none could be read', async () => {
    const receiver = await receiverFor();
    const { file, manifestBytes } = batch(1);

    const mismatch = await http(`${receiver.url}/v1/batches/KMU01-B000002`, 'PUT', file);
    const answer = errorOf(mismatch);
    expect([mismatch.status, answer.error.code]).toEqual([400, 'batch_id_mismatch']);
    const refusal = openAckFile(Buffer.from(answer.ack ?? '', 'base64'));
    expect(verifyAckSignature(refusal, [createPublicKey(receiver.provinceSigningPublicPem)])).toBe(true);
    expect(refusal.body).toMatchObject({ outcome: 'refused', batchId: 'KMU01-B000001', manifestSha256: sha256Hex(manifestBytes), error: { code: 'batch_id_mismatch' } });

    const unreadable = encryptForProvince(file, createPublicKey(receiver.provinceEncryptionPublicPem));
    unreadable[unreadable.length - 1] = (unreadable[unreadable.length - 1] ?? 0) ^ 0x01;
    const damaged = await http(`${receiver.url}/v1/batches/KMU01-B000001`, 'PUT', unreadable);
    expect(errorOf(damaged)).toEqual({ error: { code: 'decryption_failed', message: expect.any(String) } });
  });

  it('are taken a few at a time: one more is told to come back later', async () => {
    const receiver = await receiverFor({ maxConcurrentUploads: 1 });
    const first = batch(1);
    const second = batch(2);
    const seen: { busy: Answer | null } = { busy: null };
    const firstAnswer = new Promise<number>((resolve, reject) => {
      const outgoing = request(
        `${receiver.url}/v1/batches/${first.batchId}`,
        { method: 'PUT', headers: { 'content-length': String(first.file.length), expect: '100-continue' }, agent: false },
        (response) => {
          response.resume();
          resolve(response.statusCode ?? 0);
        },
      );
      outgoing.on('error', reject);
      // The receiver says "continue" once it has taken the upload on; only then does the second one start.
      outgoing.once('continue', () => {
        void http(`${receiver.url}/v1/batches/${second.batchId}`, 'PUT', second.file).then((busy) => {
          seen.busy = busy;
          outgoing.end(first.file);
        }, reject);
      });
      outgoing.flushHeaders();
    });

    expect(await firstAnswer).toBe(200);
    const { busy } = seen;
    expect(busy && [busy.status, errorOf(busy).error.code, busy.headers['retry-after']]).toEqual([503, 'unavailable', '5']);
    expect((await http(`${receiver.url}/v1/batches/${second.batchId}`, 'PUT', second.file)).status).toBe(200);
  });
});

describe('station keys', () => {
  it('name one station: a key registered under a second station code is refused', async () => {
    await expect(receiverFor({ otherStations: [{ code: 'YNU02', publicKeyPem: stationPem }] })).rejects.toThrow(/already registered for station KMU01/);
    // The same key again under its own code is no conflict.
    const receiver = await receiverFor({ otherStations: [{ code: 'KMU01', publicKeyPem: stationPem }] });
    expect(receiver.store.stationKeysById(keyId(station.publicKey)).map((key) => key.code)).toEqual(['KMU01']);
  });
});
