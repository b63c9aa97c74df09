import { randomUUID } from 'node:crypto';
import { request } from 'node:http';
import { setTimeout as delay } from 'node:timers/promises';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { openAckFile, verifyAckSignature } from '../../electron/sync/ack-file';
import { openBatchFile, sha256Hex } from '../../electron/sync/batch-file';
import { uploadBatch, type RetryNotice } from '../../electron/sync/http-transport';
import { encryptForProvince } from '../../electron/sync/usb-encryption';
import type { HubStore } from '../../hub/db/open';
import { batchesOfStation } from '../../hub/db/repositories/batches';
import { countPeople } from '../../hub/db/repositories/people';
import { countRecordVersions } from '../../hub/db/repositories/record-versions';
import { startHubServer, type RunningHubServer } from '../../hub/http/server';
import { loadOrCreateProvinceKeys, type ProvinceKeys } from '../../hub/keys/province-keys';
import { residentId } from '../fixtures/registrations';
import { makeTempDir } from '../fixtures/temp-station';
import { PROVINCE } from './support/batches';
import { describeOnBothEngines } from './support/both-engines';
import { ProtocolStation, registrationPayload } from './support/protocol-stations';

const STATIONS = 20;
const BATCHES_PER_STATION = 3;
const LINES_PER_BATCH = 2;
/** Fewer upload slots than stations, so that most of them are told to come back later at first. */
const UPLOAD_SLOTS = 2;

/** A station's batch as written and sent. */
interface SentBatch {
  stationCode: string;
  batchId: string;
  manifestSha256: string;
  file: Buffer;
}

/** The station's batches, each holding registrations of people of its own (numbered across the province). */
function batchesOf(station: ProtocolStation, stationIndex: number): SentBatch[] {
  return Array.from({ length: BATCHES_PER_STATION }, (_, batchIndex) => {
    const lines = Array.from({ length: LINES_PER_BATCH }, (_, lineIndex) => {
      const serial = (stationIndex * BATCHES_PER_STATION + batchIndex) * LINES_PER_BATCH + lineIndex + 1;
      const registrationId = randomUUID();
      const person = { name: `测试${serial}`, documentKind: 'resident_id', documentNumber: residentId('530102', '19900101', String(serial).padStart(3, '0')), birthDate: '1990-01-01' };
      return { kind: 'registration', entityId: registrationId, version: 1, payload: registrationPayload(registrationId, randomUUID(), person) };
    });
    const file = station.batchFile(station.queue(...lines));
    const opened = openBatchFile(file);
    return { stationCode: station.code, batchId: opened.manifest.batchId, manifestSha256: sha256Hex(opened.manifestBytes), file };
  });
}

/**
 * An upload that takes one of the hub's slots and holds it: the hub has said "continue", the body waits for
 * `release`. The acknowledgement comes once the body is sent.
 */
function heldUpload(url: string, batch: SentBatch): Promise<{ release: () => Promise<Buffer> }> {
  return new Promise((resolveHeld, reject) => {
    const answered = new Promise<Buffer>((resolveAnswer, rejectAnswer) => {
      const outgoing = request(
        `${url}/v1/batches/${batch.batchId}`,
        { method: 'PUT', headers: { 'content-length': String(batch.file.length), expect: '100-continue' }, agent: false },
        (response) => {
          const chunks: Buffer[] = [];
          response.on('data', (chunk: Buffer) => chunks.push(chunk));
          response.on('end', () => (response.statusCode === 200 ? resolveAnswer(Buffer.concat(chunks)) : rejectAnswer(new Error(`${batch.batchId}: ${response.statusCode}`))));
        },
      );
      outgoing.on('error', (error) => {
        reject(error);
        rejectAnswer(error);
      });
      outgoing.once('continue', () =>
        resolveHeld({
          release: () => {
            outgoing.end(batch.file);
            return answered;
          },
        }),
      );
      outgoing.flushHeaders();
    });
  });
}

describeOnBothEngines('hub serve: 20 stations uploading at once', (open) => {
  let folder: ReturnType<typeof makeTempDir>;
  let keys: ProvinceKeys;
  let hub: HubStore;
  let server: RunningHubServer | null = null;

  beforeEach(async () => {
    folder = makeTempDir('relay-hub-many-');
    keys = loadOrCreateProvinceKeys(folder.dir).keys;
    hub = await open();
  });
  afterEach(async () => {
    await server?.close();
    server = null;
    folder.remove();
  });

  it('takes every batch exactly once and acknowledges each right, the stations retrying when the hub is busy', { timeout: 120_000 }, async () => {
    const stations = Array.from({ length: STATIONS }, (_, index) => new ProtocolStation(`ST${String(index + 1).padStart(2, '0')}`));
    for (const station of stations) await station.registerAt(hub.db);
    const sent = stations.map((station, index) => batchesOf(station, index));
    server = await startHubServer({ hub, provinceCode: PROVINCE, keys, maxConcurrentUploads: UPLOAD_SLOTS });
    const { url } = server;

    // The first stations' first uploads hold every slot, so that the others are told to come back later.
    const holders = await Promise.all(sent.slice(0, UPLOAD_SLOTS).map((batches) => heldUpload(url, batches[0] as SentBatch)));
    const retries: RetryNotice[] = [];
    let everyOtherStationTurnedAway: () => void = () => undefined;
    const turnedAway = new Promise<void>((resolve) => (everyOtherStationTurnedAway = resolve));
    const onRetry = (notice: RetryNotice) => {
      retries.push(notice);
      if (retries.length >= STATIONS - UPLOAD_SLOTS) everyOtherStationTurnedAway();
    };
    // The station's own transport: the hub's Retry-After is honoured up to maxDelayMs, kept short for the test.
    const transport = { baseUrl: url, maxAttempts: 200, baseDelayMs: 20, maxDelayMs: 60, sleep: (ms: number) => delay(ms), onRetry };
    // Every station at once; each sends its batches in order, the next once the last is acknowledged.
    const answers = await Promise.all(
      sent.map(async (batches, stationIndex) => {
        const acks: Buffer[] = [];
        const holder = holders[stationIndex];
        if (holder) {
          await turnedAway;
          acks.push(await holder.release());
        }
        for (const batch of batches.slice(acks.length)) {
          const outcome = await uploadBatch(batch.batchId, encryptForProvince(batch.file, keys.encryption.publicKey), true, transport);
          if (outcome.kind !== 'ack') throw new Error(`${batch.batchId}: ${JSON.stringify(outcome)}`);
          acks.push(outcome.ack);
        }
        return acks;
      }),
    );

    expect(retries.length).toBeGreaterThanOrEqual(STATIONS - UPLOAD_SLOTS);
    expect(new Set(retries.map((notice) => notice.reason))).toEqual(new Set(['busy']));
    for (const [stationIndex, batches] of sent.entries()) {
      const stationCode = stations[stationIndex]?.code as string;
      for (const [batchIndex, batch] of batches.entries()) {
        const ack = openAckFile(answers[stationIndex]?.[batchIndex] as Buffer);
        expect(verifyAckSignature(ack, [keys.signing.publicKey])).toBe(true);
        expect(ack.body).toMatchObject({
          outcome: 'processed',
          batchId: batch.batchId,
          stationCode,
          manifestSha256: batch.manifestSha256,
          counts: { accepted: LINES_PER_BATCH, duplicate: 0, rejected: 0 },
        });
        expect(ack.body.records.map((record) => record.status)).toEqual(Array(LINES_PER_BATCH).fill('accepted'));
      }
      // Each batch stored once, with the acknowledgement the station was given.
      const stored = await batchesOfStation(hub.db, PROVINCE, stationCode);
      expect(stored.map((held) => [held.batchId, held.manifestSha256])).toEqual(batches.map((batch) => [batch.batchId, batch.manifestSha256]));
      expect(stored.map((held) => held.ack)).toEqual(answers[stationIndex]);
      expect(await countRecordVersions(hub.db, PROVINCE, stationCode)).toBe(BATCHES_PER_STATION * LINES_PER_BATCH);
    }
    expect(await countPeople(hub.db, PROVINCE)).toBe(STATIONS * BATCHES_PER_STATION * LINES_PER_BATCH);
  });
});
