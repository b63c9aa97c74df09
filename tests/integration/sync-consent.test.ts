import { createPublicKey } from 'node:crypto';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CallInput } from '../../shared/contract/calls';
import { openBatchFile, readBatchRecords, type Envelope } from '../../electron/sync/batch-file';
import { writeAckFile } from '../../electron/sync/ack-file';
import { keyId } from '../../electron/sync/keys';
import { decryptFromStation } from '../../electron/sync/usb-encryption';
import { findBatchById } from '../../electron/db/repositories/sync';
import { callsOn, signInStaffDesks } from '../fixtures/dispatch';
import { acknowledge, makeProvince, refuse, type Judgement, type TestProvince } from '../fixtures/province';
import { residentId, sampleRegistration } from '../fixtures/registrations';
import { openTempStation, sampleSetup } from '../fixtures/temp-station';
import { startTestHub, type TestHub } from '../fixtures/test-hub';

/**
 * Consent to report (docs/sync-protocol.md §5.4) holds whenever a batch is written: whatever put a row of a
 * person who withdrew back on its way (a batch taken back, a refusal, an acknowledgement asking for a
 * re-send, a supervisor's re-send), nothing of that person is in a file that leaves the station, and a
 * withdrawal's tombstone names exactly what may have reached the province.
 */

type TempStation = Awaited<ReturnType<typeof openTempStation>>;

let station: TempStation;
let province: TestProvince;
/** Every batch file that left the station in this test, as the province decrypts it from the stick. */
let delivered: Buffer[];
const admin = { sessionKey: 'admin-desk' };
const supervisorB = { sessionKey: 'supervisor-b' };
const { ok } = callsOn(() => station, () => admin);

beforeEach(async () => {
  station = await openTempStation({ clock: { now: () => new Date('2026-11-20T06:00:00.000Z') } });
  await station.dispatch('station:setup', sampleSetup, admin);
  province = makeProvince();
  delivered = [];
  await ok('sync:importProvinceKey', { use: 'signing', pem: province.signing.pem });
  await ok('sync:importProvinceKey', { use: 'encryption', pem: province.encryption.pem });
});
afterEach(async () => {
  await station.remove();
});

/** Registers one person for the cornea program (a registration and its receipt); returns their person id. */
async function register(index: number): Promise<string> {
  const input: CallInput<'registration:create'> = sampleRegistration({
    person: { document: { kind: 'resident_id', number: residentId('530102', '19900307', String(100 + index).padStart(3, '0')) }, name: `张${'一二三四五'[index]}明`, phone: '13812345678', ethnicGroup: '01' },
    programs: [{ program: 'cornea' }],
  });
  return (await ok('registration:create', input)).personId;
}

async function withdraw(personId: string, expectedVersion = 1): Promise<void> {
  await ok('person:consent', { personId, expectedVersion, purpose: 'provincial_sync', granted: false, signature: { kind: 'paper' } });
}

async function setSync(batchSize: number, twoPersonApproval = false): Promise<void> {
  await ok('sync:settings', { endpoint: null, batchSize, twoPersonApproval });
}

/** Writes what waits and exports every batch not yet acknowledged to a stick; returns the files as the province opens them. */
async function exportBatches(): Promise<Buffer[]> {
  const folder = mkdtempSync(join(tmpdir(), 'relay-usb-'));
  const { files } = await ok('sync:export', { folder });
  const opened = files.map((name) => decryptFromStation(readFileSync(join(folder, name)), [province.encryption.privateKey]));
  delivered.push(...opened);
  return opened;
}

async function importAck(ack: Buffer) {
  return ok('sync:importAck', { fileName: 'x.rsa', content: ack.toString('base64') });
}

/** The registration and person records of the person in a batch file (a tombstone naming them is not one). */
function linesAbout(file: Buffer, personId: string): Envelope[] {
  return readBatchRecords(openBatchFile(file)).filter(
    (line) => (line.kind === 'registration' || line.kind === 'person') && (line.entityId === personId || line.payload.personId === personId),
  );
}

function outboxRow(where: string): { seq: number; kind: string; state: string; batch_seq: number | null; sent_at: string | null } {
  return station.connection.sqlite.prepare(`select seq, kind, state, batch_seq, sent_at from outbox where ${where}`).get() as never;
}

function registrationRowOf(personId: string) {
  return outboxRow(`kind = 'registration' and person_id = '${personId}'`);
}

function tombstoneCovers(): unknown[] {
  const rows = station.connection.sqlite.prepare("select payload from outbox join outbox_payload using (seq) where kind = 'tombstone' order by seq").all() as { payload: string }[];
  return rows.map((row) => (JSON.parse(station.services.protection.open(row.payload, 'outbox.payload')) as { covers: unknown }).covers);
}

function batchRow(batchId: string): { state: string; file: string | null; last_error: string | null } | undefined {
  return station.connection.sqlite.prepare('select state, file, last_error from sync_batch where batch_id = ?').get(batchId) as never;
}

/** Nothing of the person's registration or person records left the station in this test. */
function expectNothingDeliveredOf(personId: string): void {
  expect(delivered.length).toBeGreaterThan(0);
  for (const file of delivered) expect(linesAbout(file, personId)).toEqual([]);
}

/** A refusal signed by the province for a file it could not read, named only by its file name (§9.2). */
function refusalOfUnreadableFile(batchId: string, code: string): Buffer {
  const at = '2026-11-20T06:15:04.196Z';
  return writeAckFile(
    {
      protocolVersion: 1,
      batchId,
      stationCode: 'KMU01',
      manifestSha256: null,
      provinceKeyId: keyId(createPublicKey(province.signing.privateKey)),
      outcome: 'refused',
      error: { code, reason: '批次无法处理' },
      receivedAt: at,
      processedAt: at,
      counts: { accepted: 0, duplicate: 0, rejected: 0 },
      records: [],
    },
    province.signing.privateKey,
  );
}

const accepted: Judgement = { status: 'accepted', code: null, reason: null, path: null };

describe('a withdrawal while the person’s rows wait in a batch not yet sent', () => {
  beforeEach(async () => {
    await signInStaffDesks(station, admin, [{ role: 'supervisor', desk: supervisorB, account: { username: 'sup.b' } }]);
    await setSync(10, true);
  });

  it('takes the batch waiting for approval back: no tombstone, and the next batch leaves the person out and counts them', async () => {
    const withdrawn = await register(0);
    await register(1);
    expect(await ok('sync:export', { folder: mkdtempSync(join(tmpdir(), 'relay-usb-')) })).toEqual({ files: [], pendingApproval: 1 });
    expect(registrationRowOf(withdrawn)).toMatchObject({ state: 'in_batch', batch_seq: 1 });

    await withdraw(withdrawn);

    // The file holding the person never left, and never will: nothing to forget at the province.
    expect(tombstoneCovers()).toEqual([]);
    expect(batchRow('KMU01-B000001')).toBeUndefined();
    expect(registrationRowOf(withdrawn)).toMatchObject({ state: 'omitted', batch_seq: null });
    const declined = station.connection.sqlite.prepare("select detail from audit_log where action = 'batch_decline'").all();
    expect(declined).toEqual([{ detail: JSON.stringify({ batches: ['KMU01-B000001'], reason: 'consent_withdrawn' }) }]);

    await station.services.sync.batches.writeNext({ id: null, role: 'system' });
    await ok('sync:approve', { batchId: 'KMU01-B000001' }, supervisorB);
    const [file] = await exportBatches();
    expect(openBatchFile(file!).manifest).toMatchObject({ batchId: 'KMU01-B000001', firstSeq: 1, lastSeq: 4, omittedCount: 1, recordCount: 3 });
    expectNothingDeliveredOf(withdrawn);
  });

  it('after a batch left: the tombstone names exactly the versions sent, not the one in the batch taken back', async () => {
    const personId = await register(0);
    await station.services.sync.batches.writeNext({ id: null, role: 'system' });
    await ok('sync:approve', { batchId: 'KMU01-B000001' }, supervisorB);
    await exportBatches();
    const registration = registrationRowOf(personId);
    expect(registration.sent_at).not.toBeNull();
    await ok('person:amend', { personId, expectedVersion: 1, name: '张一明', phone: '13900003333' });
    await station.services.sync.batches.writeNext({ id: null, role: 'system' });
    expect(outboxRow(`kind = 'person' and entity_id = '${personId}'`)).toMatchObject({ state: 'in_batch', batch_seq: 2, sent_at: null });

    await withdraw(personId, 2);

    const entityId = (station.connection.sqlite.prepare('select entity_id from outbox where seq = ?').get(registration.seq) as { entity_id: string }).entity_id;
    expect(tombstoneCovers()).toEqual([[{ kind: 'registration', entityId, throughVersion: 1 }]]);
    expect(batchRow('KMU01-B000002')).toBeUndefined();
    expect(outboxRow(`kind = 'person' and entity_id = '${personId}'`)).toMatchObject({ state: 'omitted', batch_seq: null });
  });
});

describe('a withdrawal while the person’s rows are in a batch that left', () => {
  beforeEach(async () => {
    await setSync(10);
  });

  it('refused for good: the rows the refusal frees come back left out, the next batch counts them, the tombstone still names them', async () => {
    const withdrawn = await register(0);
    await register(1);
    const [first] = await exportBatches();
    await withdraw(withdrawn);
    const entityId = linesAbout(first!, withdrawn)[0]!.entityId;
    expect(tombstoneCovers()).toEqual([[{ kind: 'registration', entityId, throughVersion: 1 }]]);

    await importAck(refuse(first!, province.signing.privateKey, 'payload_invalid'));
    expect(batchRow('KMU01-B000001')).toMatchObject({ state: 'refused' });
    expect(registrationRowOf(withdrawn)).toMatchObject({ state: 'omitted', batch_seq: null });

    const [second] = await exportBatches();
    const manifest = openBatchFile(second!).manifest;
    expect(manifest).toMatchObject({ batchId: 'KMU01-B000002', firstSeq: 1, lastSeq: 5, omittedCount: 1, recordCount: 4, resentCount: 0 });
    expect(readBatchRecords(openBatchFile(second!)).map((line) => line.kind)).toContain('tombstone');
    expect(linesAbout(second!, withdrawn)).toEqual([]);
    // The refused file did reach the province: its versions stay covered by a later withdrawal too.
    expect(registrationRowOf(withdrawn).sent_at).not.toBeNull();
  });

  it('refused before the withdrawal: the tombstone still names what the refused file carried, and the rows stay out', async () => {
    const withdrawn = await register(0);
    const [first] = await exportBatches();
    await importAck(refuse(first!, province.signing.privateKey, 'payload_invalid'));
    expect(registrationRowOf(withdrawn)).toMatchObject({ state: 'pending', batch_seq: null });

    await withdraw(withdrawn);

    const entityId = linesAbout(first!, withdrawn)[0]!.entityId;
    expect(tombstoneCovers()).toEqual([[{ kind: 'registration', entityId, throughVersion: 1 }]]);
    const [second] = await exportBatches();
    expect(openBatchFile(second!).manifest).toMatchObject({ firstSeq: 1, lastSeq: 3, omittedCount: 1 });
    expect(linesAbout(second!, withdrawn)).toEqual([]);
  });

  it('an acknowledgement asking to re-send (temporarily_unavailable, kind_unknown): the rows are left out, not re-sent', async () => {
    const withdrawn = await register(0);
    const other = await register(1);
    const [first] = await exportBatches();
    await withdraw(withdrawn);
    const withdrawnSeq = registrationRowOf(withdrawn).seq;
    const otherSeq = registrationRowOf(other).seq;
    const ack = acknowledge(first!, province.signing.privateKey, (line) => {
      if (line.seq === withdrawnSeq) return { status: 'rejected', code: 'temporarily_unavailable', reason: null, path: null };
      if (line.seq === otherSeq) return { status: 'rejected', code: 'kind_unknown', reason: null, path: null };
      return accepted;
    });
    expect(await importAck(ack)).toMatchObject({ rejected: 2 });
    expect(registrationRowOf(withdrawn)).toMatchObject({ state: 'omitted' });
    expect(registrationRowOf(other)).toMatchObject({ state: 'resend' });

    const [second] = await exportBatches();
    const records = readBatchRecords(openBatchFile(second!));
    expect(records.map((line) => [line.seq, line.kind])).toEqual([
      [otherSeq, 'registration'],
      [5, 'tombstone'],
    ]);
    expect(openBatchFile(second!).manifest).toMatchObject({ firstSeq: 5, lastSeq: 5, resentCount: 1, omittedCount: 0 });
    // Only the first batch, sent before the withdrawal, carried the person.
    expect(delivered.slice(1).flatMap((file) => linesAbout(file, withdrawn))).toEqual([]);
  });

  it('a re-send a supervisor asks for, of a row the province rejected: the row is left out instead', async () => {
    const withdrawn = await register(0);
    const [first] = await exportBatches();
    const seq = registrationRowOf(withdrawn).seq;
    await importAck(acknowledge(first!, province.signing.privateKey, (line) => (line.seq === seq ? { status: 'rejected', code: 'policy_refused', reason: '该证件号已有有效的角膜捐献登记', path: null } : accepted)));
    await withdraw(withdrawn);
    expect(registrationRowOf(withdrawn)).toMatchObject({ state: 'rejected' });

    expect((await ok('sync:resend', { seq })).records).toEqual([]);

    expect(registrationRowOf(withdrawn)).toMatchObject({ state: 'omitted' });
    const audited = station.connection.sqlite.prepare("select detail from audit_log where action = 'amend' and object_type = 'outbox'").get() as { detail: string };
    expect(JSON.parse(audited.detail)).toMatchObject({ resend: false, leftOut: true });
    const [second] = await exportBatches();
    expect(readBatchRecords(openBatchFile(second!)).map((line) => line.kind)).toEqual(['tombstone']);
    expect(openBatchFile(second!).manifest).toMatchObject({ resentCount: 0 });
    expect(linesAbout(second!, withdrawn)).toEqual([]);
  });
});

describe('a withdrawal while the person’s rows are in a batch written and about to be sent', () => {
  let receiver: TestHub | undefined;
  afterEach(async () => {
    await receiver?.close();
    receiver = undefined;
  });

  it('a refusal over HTTP that frees the batch: the person’s rows come back left out and never reach the province', async () => {
    const { publicKey } = await ok('documents:publicKey', undefined);
    receiver = await startTestHub({ stationPublicKeyPem: publicKey });
    await ok('sync:importProvinceKey', { use: 'signing', pem: receiver.provinceSigningPublicPem });
    await ok('sync:importProvinceKey', { use: 'encryption', pem: receiver.provinceEncryptionPublicPem });
    await signInStaffDesks(station, admin, [{ role: 'supervisor', desk: supervisorB, account: { username: 'sup.b' } }]);
    // A stale copy of batch 1 (a batch declined after a stick was written, say) reached the province first.
    await setSync(10, true);
    await register(1);
    const stale = await station.services.sync.batches.writeNext({ id: null, role: 'system' });
    const staleFile = station.services.sync.batches.fileOf((await findBatchById(station.connection.db, stale!.batch_id))!);
    await ok('sync:decline', { batchId: 'KMU01-B000001' }, supervisorB);
    await receiver.processFile(staleFile);

    await setSync(10);
    const withdrawn = await register(0);
    await station.services.sync.batches.writeNext({ id: null, role: 'system' });
    await withdraw(withdrawn);
    expect(registrationRowOf(withdrawn)).toMatchObject({ state: 'in_batch', batch_seq: 1 });

    station.services.sync.transfer.transportOptions = { baseDelayMs: 1, maxDelayMs: 5, maxAttempts: 3, idleTimeoutMs: 5_000 };
    const run = await station.services.sync.transfer.sendAll({ id: null, role: 'system' }, receiver.url);

    expect(run.error).toBeNull();
    expect(batchRow('KMU01-B000001')).toMatchObject({ state: 'refused', last_error: 'batch_id_conflict' });
    expect(registrationRowOf(withdrawn)).toMatchObject({ state: 'omitted' });
    const entityId = (station.connection.sqlite.prepare('select entity_id from outbox where seq = ?').get(registrationRowOf(withdrawn).seq) as { entity_id: string }).entity_id;
    expect(await receiver.store.versionsOf('KMU01', 'registration', entityId)).toEqual([]);
    expect(await receiver.store.coveredThrough('KMU01', 'registration', entityId)).toBe(1);
    const rewritten = station.connection.sqlite.prepare("select omitted_count from sync_batch where state = 'acknowledged' and first_seq = 1").get();
    expect(rewritten).toEqual({ omitted_count: 1 });
  });
});

describe('refusals (M3)', () => {
  beforeEach(async () => {
    await setSync(10);
  });

  it('a signed refusal that names no manifest keeps the batch and its file for a retry', async () => {
    await register(0);
    const [first] = await exportBatches();
    const refusal = refusalOfUnreadableFile('KMU01-B000001', 'payload_invalid');
    expect(await importAck(refusal)).toMatchObject({ outcome: 'refused', error: 'payload_invalid', alreadyApplied: false });
    expect(batchRow('KMU01-B000001')).toMatchObject({ state: 'sent', last_error: 'payload_invalid', file: expect.any(String) });
    expect(station.connection.sqlite.prepare('select distinct state, batch_seq from outbox').all()).toEqual([{ state: 'in_batch', batch_seq: 1 }]);

    // The same file goes again, byte for byte, and is acknowledged.
    const [again] = await exportBatches();
    expect(again!.equals(first!)).toBe(true);
    expect(await importAck(acknowledge(again!, province.signing.privateKey))).toMatchObject({ outcome: 'processed', accepted: 2 });
  });

  it('a processed acknowledgement after a refusal is applied: rows still waiting are done, rows in a later batch go on with it', async () => {
    for (let index = 0; index < 6; index++) await register(index);
    await setSync(12);
    const [first] = await exportBatches();
    await importAck(refuse(first!, province.signing.privateKey, 'payload_invalid'));
    await setSync(10);
    // Ten of the twelve freed rows are written again; the last two still wait.
    await station.services.sync.batches.writeNext({ id: null, role: 'system' });

    const late = await importAck(acknowledge(first!, province.signing.privateKey));

    expect(late).toMatchObject({ outcome: 'processed', accepted: 12, alreadyApplied: false });
    expect(batchRow('KMU01-B000001')).toMatchObject({ state: 'acknowledged', last_error: null });
    const states = station.connection.sqlite.prepare('select state, batch_seq, count(*) as n from outbox group by state, batch_seq order by state').all();
    expect(states).toEqual([
      { state: 'done', batch_seq: 1, n: 2 },
      { state: 'in_batch', batch_seq: 2, n: 10 },
    ]);
    expect(station.connection.sqlite.prepare("select seq from outbox where state = 'done' order by seq").all()).toEqual([{ seq: 11 }, { seq: 12 }]);
    expect(await importAck(acknowledge(first!, province.signing.privateKey))).toMatchObject({ alreadyApplied: true });
    expect(await station.services.sync.batches.writeNext({ id: null, role: 'system' })).toBeNull();
  });
});
