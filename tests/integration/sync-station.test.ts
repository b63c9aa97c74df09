import { createPublicKey } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CallInput } from '../../shared/contract/calls';
import { openBatchFile, readBatchRecords, verifyBatchSignature } from '../../electron/sync/batch-file';
import { keyId } from '../../electron/sync/keys';
import { findBatchById } from '../../electron/db/repositories/sync';
import { SealedValueError } from '../../electron/security/field-cipher';
import { callsOn, signInStaffDesks } from '../fixtures/dispatch';
import { acknowledge, makeProvince, refuse, type TestProvince } from '../fixtures/province';
import { residentId, sampleRegistration } from '../fixtures/registrations';
import { openTempStation, sampleSetup } from '../fixtures/temp-station';

type TempStation = Awaited<ReturnType<typeof openTempStation>>;

let station: TempStation;
let province: TestProvince;
const admin = { sessionKey: 'admin-desk' };
const supervisorA = { sessionKey: 'supervisor-a' };
const supervisorB = { sessionKey: 'supervisor-b' };
const { ok, refusalCode } = callsOn(() => station, () => admin);

beforeEach(async () => {
  station = await openTempStation({ clock: { now: () => new Date('2026-11-20T06:00:00.000Z') } });
  await station.dispatch('station:setup', sampleSetup, admin);
  province = makeProvince();
  await ok('sync:importProvinceKey', { use: 'signing', pem: province.signing.pem });
  await ok('sync:importProvinceKey', { use: 'encryption', pem: province.encryption.pem });
});
afterEach(async () => {
  await station.remove();
});

/** Registers `count` different people for the cornea program: two outbox rows each (registration, receipt). */
async function register(count: number, from = 0): Promise<void> {
  for (let i = from; i < from + count; i++) {
    const input: CallInput<'registration:create'> = sampleRegistration({
      person: { document: { kind: 'resident_id', number: residentId('530102', '19900307', String(100 + i).padStart(3, '0')) }, name: `张${'一二三四五六七八九十'[i % 10]}明`, phone: '13812345678', ethnicGroup: '01' },
      programs: [{ program: 'cornea' }],
    });
    await ok('registration:create', input);
  }
}

function rows(where = '1 = 1'): { seq: number; kind: string; state: string; batch_seq: number | null }[] {
  return station.connection.sqlite.prepare(`select seq, kind, state, batch_seq from outbox where ${where} order by seq`).all() as never;
}

function personOf(seq: number): string {
  return (station.connection.sqlite.prepare('select person_id from outbox where seq = ?').get(seq) as { person_id: string }).person_id;
}

async function setBatchSize(batchSize: number, twoPersonApproval = false): Promise<void> {
  await ok('sync:settings', { endpoint: null, batchSize, twoPersonApproval });
}

const system = { id: null, role: 'system' };

async function writeNext() {
  const written = await station.services.sync.batches.writeNext(system);
  if (!written) throw new Error('no batch written');
  const batch = await findBatchById(station.connection.db, written.batch_id);
  if (!batch) throw new Error('the batch written is not stored');
  return { batch, file: station.services.sync.batches.fileOf(batch) };
}

async function importAck(ack: Buffer) {
  return ok('sync:importAck', { fileName: 'x.rsa', content: ack.toString('base64') });
}

describe('batches', () => {
  it('carry a contiguous run of the outbox, signed by the station key, each record once', async () => {
    await register(6);
    await setBatchSize(10);
    const first = await writeNext();
    const opened = openBatchFile(first.file);
    const published = await ok('documents:publicKey', undefined);
    const stationKey = createPublicKey(published.publicKey);
    expect(verifyBatchSignature(opened, stationKey)).toBe(true);
    expect(verifyBatchSignature(opened, createPublicKey(province.signing.pem))).toBe(false);
    expect(opened.manifest).toMatchObject({ batchId: 'KMU01-B000001', batchSeq: 1, previousBatchId: null, firstSeq: 1, lastSeq: 10, recordCount: 10, omittedCount: 0, resentCount: 0, stationKeyId: published.fingerprint });
    expect(opened.manifest.kindCounts).toEqual({ document: 5, registration: 5 });
    const records = readBatchRecords(opened);
    expect(records.map((record) => record.seq)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    const registration = records.find((record) => record.kind === 'registration');
    expect(registration?.payload).toMatchObject({ program: 'cornea', person: { name: '张一明' } });

    const second = await writeNext();
    expect(openBatchFile(second.file).manifest).toMatchObject({ batchId: 'KMU01-B000002', previousBatchId: 'KMU01-B000001', firstSeq: 11, lastSeq: 12, recordCount: 2 });
    expect(await station.services.sync.batches.writeNext(system)).toBeNull();
    expect(rows().every((row) => row.state === 'in_batch')).toBe(true);
  });

  it('are not written while a payload fails to open: nothing changes, and the rows leave once it opens again', async () => {
    await register(2);
    const stored = station.connection.sqlite.prepare('select payload from outbox_payload where seq = 3').get() as { payload: string };
    // One character of the ciphertext changed: the seal fails authentication, as a damaged value would.
    const at = stored.payload.length - 10;
    const damaged = `${stored.payload.slice(0, at)}${stored.payload[at] === 'A' ? 'B' : 'A'}${stored.payload.slice(at + 1)}`;
    station.connection.sqlite.prepare('update outbox_payload set payload = ? where seq = 3').run(damaged);
    await expect(station.services.sync.batches.writeNext(system)).rejects.toThrow(SealedValueError);
    expect(station.connection.sqlite.prepare('select count(*) as n from sync_batch').get()).toEqual({ n: 0 });
    expect(rows().map((row) => [row.state, row.batch_seq])).toEqual(Array.from({ length: 4 }, () => ['pending', null]));

    station.connection.sqlite.prepare('update outbox_payload set payload = ? where seq = 3').run(stored.payload);
    const { file } = await writeNext();
    expect(readBatchRecords(openBatchFile(file)).map((record) => record.seq)).toEqual([1, 2, 3, 4]);
  });

  it('leave names, phones and free text of visits and education records at the station', async () => {
    await ok('visitor:signIn', { partySize: 3, purpose: 'remembrance', visitorName: '王小红', relation: 'family', groupName: '王家' });
    const { file } = await writeNext();
    const [visit] = readBatchRecords(openBatchFile(file));
    expect(visit?.kind).toBe('visitor_sign_in');
    expect(visit?.payload).toMatchObject({ partySize: 3, purpose: 'remembrance', relation: 'family', stationCode: 'KMU01' });
    expect(JSON.stringify(visit?.payload)).not.toMatch(/王小红|王家|visitor_name|group_name/);
  });
});

describe('acknowledgements', () => {
  it('mark accepted rows done once, and change nothing when applied again', async () => {
    await register(2);
    const { batch, file } = await writeNext();
    const ack = acknowledge(file, province.signing.privateKey);
    expect(await importAck(ack)).toMatchObject({ batchId: batch.batch_id, outcome: 'processed', accepted: 4, rejected: 0, alreadyApplied: false });
    expect(rows().map((row) => row.state)).toEqual(['done', 'done', 'done', 'done']);
    expect(await importAck(ack)).toMatchObject({ alreadyApplied: true });
    const [view] = (await ok('sync:batches', undefined)).batches;
    expect(view).toMatchObject({ state: 'acknowledged', accepted: 4, rejected: 0 });
    // Acknowledged: the file (personal data) is not kept any more.
    expect(station.connection.sqlite.prepare('select file from sync_batch').get()).toEqual({ file: null });
  });

  it('are refused when signed by another key, for another station or another manifest', async () => {
    await register(1);
    const { file } = await writeNext();
    const stranger = makeProvince();
    expect(await refusalCode('sync:importAck', { fileName: 'x.rsa', content: acknowledge(file, stranger.signing.privateKey).toString('base64') })).toBe('ack_signature_invalid');
    expect(await refusalCode('sync:importAck', { fileName: 'x.rsa', content: Buffer.from('not an ack').toString('base64') })).toBe('ack_invalid');
    // The same batch id, other contents: an acknowledgement of a file this station did not write.
    station.connection.sqlite.prepare("update sync_batch set manifest_sha256 = 'ff'").run();
    expect(await refusalCode('sync:importAck', { fileName: 'x.rsa', content: acknowledge(file, province.signing.privateKey).toString('base64') })).toBe('ack_mismatch');
    expect(rows().every((row) => row.state === 'in_batch')).toBe(true);
  });

  it('show rejected records with the reason; a passing rejection is re-sent outside the next range', async () => {
    await register(2);
    const { file } = await writeNext();
    const ack = acknowledge(file, province.signing.privateKey, (envelope) => {
      if (envelope.seq === 1) return { status: 'rejected', code: 'policy_refused', reason: '该证件号已有有效的角膜捐献登记', path: null };
      if (envelope.seq === 2) return { status: 'rejected', code: 'temporarily_unavailable', reason: null, path: null };
      return { status: 'accepted', code: null, reason: null, path: null };
    });
    expect(await importAck(ack)).toMatchObject({ accepted: 2, rejected: 2 });
    expect(rows().map((row) => row.state)).toEqual(['rejected', 'resend', 'done', 'done']);
    const { records } = await ok('sync:rejections', undefined);
    expect(records).toHaveLength(1);
    expect(records[0]).toMatchObject({ seq: 1, kind: 'registration', code: 'policy_refused', reason: '该证件号已有有效的角膜捐献登记', registrationNumber: expect.stringMatching(/^KMU01-2026-R\d{6}$/) });

    await register(1, 5);
    const next = openBatchFile((await writeNext()).file);
    expect(next.manifest).toMatchObject({ firstSeq: 5, lastSeq: 6, resentCount: 1, recordCount: 3 });
    expect(readBatchRecords(next).map((record) => record.seq)).toEqual([2, 5, 6]);

    // Once the province resolved the policy question, staff send the same version again.
    expect((await ok('sync:resend', { seq: 1 })).records).toEqual([]);
    expect(openBatchFile((await writeNext()).file).manifest).toMatchObject({ firstSeq: null, lastSeq: null, resentCount: 1 });
    expect(await refusalCode('sync:resend', { seq: 3 })).toBe('outbox_row_not_rejected');
  });

  it('of a batch refused for good free its rows for a new batch; a passing refusal keeps the file for a retry', async () => {
    await register(1);
    const first = await writeNext();
    expect(await importAck(refuse(first.file, province.signing.privateKey, 'unavailable'))).toMatchObject({ outcome: 'refused', error: 'unavailable' });
    expect((await ok('sync:batches', undefined)).batches[0]).toMatchObject({ state: 'ready', lastError: 'unavailable' });
    expect(await importAck(refuse(first.file, province.signing.privateKey, 'payload_invalid'))).toMatchObject({ outcome: 'refused', error: 'payload_invalid' });
    expect(rows().map((row) => [row.state, row.batch_seq])).toEqual([['pending', null], ['pending', null]]);
    const second = openBatchFile((await writeNext()).file);
    expect(second.manifest).toMatchObject({ batchId: 'KMU01-B000002', firstSeq: 1, lastSeq: 2 });
  });

  it('do not wait behind rows of a refused batch that were left out since', async () => {
    await register(1);
    const personId = personOf(1);
    await importAck(acknowledge((await writeNext()).file, province.signing.privateKey));
    await ok('person:amend', { personId, expectedVersion: 1, name: '张一明', phone: '13900003333' });
    const amendment = await writeNext();
    await register(1, 1);
    await importAck(acknowledge((await writeNext()).file, province.signing.privateKey));
    await importAck(refuse(amendment.file, province.signing.privateKey, 'payload_invalid'));
    const amendmentSeq = openBatchFile(amendment.file).manifest.firstSeq!;
    await ok('person:consent', { personId, expectedVersion: 2, purpose: 'provincial_sync', granted: false, signature: { kind: 'paper' } });
    expect(rows(`seq = ${amendmentSeq}`)[0]).toMatchObject({ state: 'omitted', batch_seq: null });

    // The left-out amendment sits between rows already sent; the tombstone queued for the person's
    // registration (sent in the first batch) must not wait behind it.
    const [tombstone] = rows("state = 'pending'");
    expect(tombstone).toMatchObject({ kind: 'tombstone' });
    const fourth = openBatchFile((await writeNext()).file);
    expect(fourth.manifest).toMatchObject({ firstSeq: tombstone!.seq, lastSeq: tombstone!.seq, omittedCount: 0 });
  });

  it('count rows left out right before the oldest waiting one in the range that follows them', async () => {
    await register(2);
    const withdrawn = personOf(1);
    await ok('person:consent', { personId: withdrawn, expectedVersion: 1, purpose: 'provincial_sync', granted: false, signature: { kind: 'paper' } });
    const leftOut = rows("state = 'omitted'").map((row) => row.seq);
    expect(leftOut).toEqual([1]);
    const batch = openBatchFile((await writeNext()).file);
    expect(batch.manifest).toMatchObject({ firstSeq: 1, lastSeq: 4, omittedCount: 1, recordCount: 3 });
    expect(rows('seq = 1')[0]).toMatchObject({ state: 'omitted', batch_seq: batch.manifest.batchSeq });
  });
});

describe('two-person approval', () => {
  beforeEach(async () => {
    await signInStaffDesks(station, admin, [
      { role: 'supervisor', desk: supervisorA, account: { username: 'sup.a' } },
      { role: 'supervisor', desk: supervisorB, account: { username: 'sup.b' } },
    ]);
    await setBatchSize(10, true);
  });

  it('lets a batch leave only after another account approved it', async () => {
    await register(1);
    const dir = (await import('node:fs')).mkdtempSync('/tmp/relay-usb-');
    expect(await ok('sync:export', { folder: dir }, supervisorA)).toEqual({ files: [], pendingApproval: 1 });
    expect(await refusalCode('sync:approve', { batchId: 'KMU01-B000001' }, supervisorA)).toBe('approval_needs_second_person');
    expect(await ok('sync:approve', { batchId: 'KMU01-B000001' }, supervisorB)).toMatchObject({ state: 'ready' });
    expect(await ok('sync:export', { folder: dir }, supervisorA)).toEqual({ files: ['KMU01-B000001.rse'], pendingApproval: 0 });
    const actions = station.connection.sqlite.prepare("select action from audit_log where object_type = 'sync_batch' order by seq").all();
    expect(actions).toEqual([{ action: 'batch_write' }, { action: 'batch_approve' }, { action: 'batch_send' }]);
  });

  it('takes back a declined batch with the later ones, and uses their numbers again', async () => {
    await register(3);
    await setBatchSize(10, true);
    await station.services.sync.batches.writeNext(system);
    await register(1, 3);
    await station.services.sync.batches.writeNext(system);
    expect(await ok('sync:decline', { batchId: 'KMU01-B000001' }, supervisorB)).toEqual({ declined: ['KMU01-B000001', 'KMU01-B000002'] });
    expect(rows().every((row) => row.state === 'pending' && row.batch_seq === null)).toBe(true);
    const again = openBatchFile((await writeNext()).file);
    expect(again.manifest).toMatchObject({ batchId: 'KMU01-B000001', firstSeq: 1, lastSeq: 8 });
  });
});

describe('province keys', () => {
  it('are imported once per key, of the right type only, and audited', async () => {
    const keys = (await ok('sync:status', undefined)).provinceKeys;
    expect(keys.map((key) => key.use)).toEqual(['signing', 'encryption']);
    expect(keys[0]?.id).toBe(keyId(createPublicKey(province.signing.privateKey)));
    await ok('sync:importProvinceKey', { use: 'signing', pem: province.signing.pem });
    expect((await ok('sync:status', undefined)).provinceKeys).toHaveLength(2);
    expect(await refusalCode('sync:importProvinceKey', { use: 'signing', pem: province.encryption.pem })).toBe('province_key_invalid');
    expect(station.connection.sqlite.prepare("select count(*) as n from audit_log where action = 'province_key_import'").get()).toEqual({ n: 2 });
  });
});
