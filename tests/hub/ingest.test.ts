import { createPublicKey } from 'node:crypto';
import { copyFileSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { openAckFile, verifyAckSignature } from '../../electron/sync/ack-file';
import { openBatchFile, sha256Hex } from '../../electron/sync/batch-file';
import { decryptFromStation } from '../../electron/sync/usb-encryption';
import type { CallInput } from '../../shared/contract/calls';
import type { HubStore } from '../../hub/db/open';
import { batchesOfStation } from '../../hub/db/repositories/batches';
import { countRecordVersions } from '../../hub/db/repositories/record-versions';
import { addStationKey } from '../../hub/db/repositories/stations';
import { importBatchFolder } from '../../hub/ingest/import-folder';
import { loadOrCreateProvinceKeys, provincePublicPems, type ProvinceKeys } from '../../hub/keys/province-keys';
import { callsOn } from '../fixtures/dispatch';
import { residentId, sampleRegistration } from '../fixtures/registrations';
import { makeTempDir, openTempStation, sampleSetup } from '../fixtures/temp-station';
import { PROVINCE, registerStation } from './support/batches';
import { describeOnBothEngines } from './support/both-engines';

type TempStation = Awaited<ReturnType<typeof openTempStation>>;

/** A copy of `bytes` with the lowest bit of one byte flipped. */
function flipByte(bytes: Buffer, at: number): Buffer {
  const copy = Buffer.from(bytes);
  copy.writeUInt8((copy.readUInt8(at) ^ 0x01) & 0xff, at);
  return copy;
}

describeOnBothEngines('hub import: the batch files of a station from a stick, each taken once', (open) => {
  let station: TempStation;
  let folders: ReturnType<typeof makeTempDir>;
  let keys: ProvinceKeys;
  const admin = { sessionKey: 'admin-desk' };
  const { ok } = callsOn(() => station, () => admin);

  beforeEach(async () => {
    station = await openTempStation();
    await station.dispatch('station:setup', sampleSetup, admin);
    folders = makeTempDir('relay-hub-ingest-');
    keys = loadOrCreateProvinceKeys(join(folders.dir, 'keys')).keys;
    const pems = provincePublicPems(keys);
    await ok('sync:importProvinceKey', { use: 'signing', pem: pems.signing });
    await ok('sync:importProvinceKey', { use: 'encryption', pem: pems.encryption });
    await ok('sync:settings', { endpoint: null, batchSize: 10, twoPersonApproval: false });
  });
  afterEach(async () => {
    await station.remove();
    folders.remove();
  });

  /** Registers `count` people for the cornea program: a registration and its receipt each. */
  async function register(count: number): Promise<void> {
    for (let i = 0; i < count; i++) {
      const input: CallInput<'registration:create'> = sampleRegistration({
        person: { document: { kind: 'resident_id', number: residentId('530102', '19900307', String(100 + i).padStart(3, '0')) }, name: `张${'一二三四五六七八九十'[i % 10]}明`, phone: '13812345678', ethnicGroup: '01' },
        programs: [{ program: 'cornea' }],
      });
      await ok('registration:create', input);
    }
  }

  /** Registers the station under test at the hub with the signing key the station publishes. */
  async function registerAtHub(hub: HubStore): Promise<void> {
    await registerStation(hub.db, 'KMU01');
    const published = await ok('documents:publicKey', undefined);
    const publicKeySpki = createPublicKey(published.publicKey).export({ type: 'spki', format: 'der' });
    await addStationKey(hub.db, { provinceCode: PROVINCE, stationCode: 'KMU01', publicKeySpki, registeredAt: '2026-11-01T00:00:00.000Z' });
  }

  /** Exports every batch waiting to a fresh stick folder. */
  async function exportToStick(name = 'stick'): Promise<string> {
    const folder = join(folders.dir, name);
    mkdirSync(folder);
    const { files } = await ok('sync:export', { folder });
    expect(files.length).toBeGreaterThan(0);
    return folder;
  }

  function outboxStates(): string[] {
    return (station.connection.sqlite.prepare('select state from outbox order by seq').all() as { state: string }[]).map((row) => row.state);
  }

  it('takes every batch, settles the outbox with its acknowledgements, and replays the same bytes when imported again', async () => {
    const hub = await open();
    await registerAtHub(hub);
    await register(6);
    const stick = await exportToStick();
    const context = { hub, provinceCode: PROVINCE, keys };

    const first = await importBatchFolder(stick, context);
    expect(first.map(({ result }) => [result.batchId, result.outcome])).toEqual([
      ['KMU01-B000001', 'applied'],
      ['KMU01-B000002', 'applied'],
    ]);
    const rows = outboxStates().length;
    expect(first.map(({ result }) => (result.outcome === 'applied' ? result.counts : null))).toEqual([
      { accepted: 10, duplicate: 0, rejected: 0 },
      { accepted: rows - 10, duplicate: 0, rejected: 0 },
    ]);
    const ackBytes = first.map(({ ackFile }) => readFileSync(ackFile ?? ''));
    for (const [index, ack] of ackBytes.entries()) {
      expect(await ok('sync:importAck', { fileName: `KMU01-B00000${index + 1}.rsa`, content: ack.toString('base64') })).toMatchObject({ outcome: 'processed', rejected: 0, alreadyApplied: false });
    }
    expect(outboxStates()).toEqual(Array.from({ length: rows }, () => 'done'));
    expect(await countRecordVersions(hub.db, PROVINCE, 'KMU01')).toBe(rows);

    const again = await importBatchFolder(stick, context);
    expect(again.map(({ result }) => result.outcome)).toEqual(['replayed', 'replayed']);
    expect(again.map(({ ackFile }) => readFileSync(ackFile ?? ''))).toEqual(ackBytes);
    expect(await countRecordVersions(hub.db, PROVINCE, 'KMU01')).toBe(rows);
    expect((await batchesOfStation(hub.db, PROVINCE, 'KMU01')).map((batch) => batch.ack)).toEqual(ackBytes);
  });

  it('refuses a file with one flipped byte (ciphertext, payload or signature) and takes nothing of it; the intact file is taken afterwards', async () => {
    const hub = await open();
    await registerAtHub(hub);
    await register(1);
    const stick = await exportToStick();
    const [name] = readdirSync(stick);
    if (!name) throw new Error('nothing exported');
    const encrypted = readFileSync(join(stick, name));
    const damaged = join(folders.dir, 'damaged');
    mkdirSync(damaged);

    // Encrypted: the tag fails, nothing of the file can be read, so no signed answer can name it.
    const flippedCipher = flipByte(encrypted, Math.floor(encrypted.length / 2));
    writeFileSync(join(damaged, name), flippedCipher);
    // Plain: the manifest reads and verifies, the payload does not match it; the refusal names that manifest.
    const plain = decryptFromStation(encrypted, keys.encryptionPrivateKeys);
    const flippedPlain = flipByte(plain, plain.length - 1);
    writeFileSync(join(damaged, name.replace(/\.rse$/, '.rsb')), flippedPlain);

    const context = { hub, provinceCode: PROVINCE, keys };
    const [asPlain, asEncrypted] = await importBatchFolder(damaged, context, join(folders.dir, 'answers'));
    expect(asEncrypted?.result).toMatchObject({ outcome: 'refused', code: 'decryption_failed', batchId: 'KMU01-B000001', ack: null });
    expect(asPlain?.result).toMatchObject({ outcome: 'refused', code: 'payload_hash_mismatch', batchId: 'KMU01-B000001' });
    const refusal = openAckFile(readFileSync(asPlain?.ackFile ?? ''));
    expect(verifyAckSignature(refusal, [keys.signing.publicKey])).toBe(true);
    expect(refusal.body).toMatchObject({ outcome: 'refused', error: { code: 'payload_hash_mismatch' }, manifestSha256: sha256Hex(openBatchFile(plain).manifestBytes) });

    // A byte of the signature: the station's registered key does not verify it.
    const forged = join(folders.dir, 'forged');
    mkdirSync(forged);
    const signatureByte = 8 + openBatchFile(plain).manifestBytes.length + 10;
    writeFileSync(join(forged, name.replace(/\.rse$/, '.rsb')), flipByte(plain, signatureByte));
    const [badSignature] = await importBatchFolder(forged, context);
    expect(badSignature?.result).toMatchObject({ outcome: 'refused', code: 'signature_invalid', batchId: 'KMU01-B000001' });
    expect(openAckFile(readFileSync(badSignature?.ackFile ?? '')).body.error?.code).toBe('signature_invalid');

    expect(await batchesOfStation(hub.db, PROVINCE, 'KMU01')).toEqual([]);
    expect(await countRecordVersions(hub.db, PROVINCE, 'KMU01')).toBe(0);

    const intact = join(folders.dir, 'intact');
    mkdirSync(intact);
    copyFileSync(join(stick, name), join(intact, name));
    const [taken] = await importBatchFolder(intact, context);
    expect(taken?.result.outcome).toBe('applied');
  });

  it('refuses the batches of a station the province has not registered, or signed by a key it does not hold for the station', async () => {
    const hub = await open();
    await register(1);
    const stick = await exportToStick();
    const context = { hub, provinceCode: PROVINCE, keys };

    const [unknown] = await importBatchFolder(stick, context, join(folders.dir, 'unknown'));
    expect(unknown?.result).toMatchObject({ outcome: 'refused', code: 'station_unknown', batchId: 'KMU01-B000001' });
    const refusal = openAckFile(readFileSync(unknown?.ackFile ?? ''));
    expect(verifyAckSignature(refusal, [keys.signing.publicKey])).toBe(true);
    expect(refusal.body).toMatchObject({ outcome: 'refused', error: { code: 'station_unknown' }, stationCode: 'KMU01' });

    await registerStation(hub.db, 'KMU01');
    const [keyUnknown] = await importBatchFolder(stick, context, join(folders.dir, 'key-unknown'));
    expect(keyUnknown?.result).toMatchObject({ outcome: 'refused', code: 'station_key_unknown' });
    expect(await batchesOfStation(hub.db, PROVINCE, 'KMU01')).toEqual([]);
    expect(await countRecordVersions(hub.db, PROVINCE, 'KMU01')).toBe(0);

    const answer = await ok('sync:importAck', { fileName: 'KMU01-B000001.rsa', content: readFileSync(unknown?.ackFile ?? '').toString('base64') });
    expect(answer).toMatchObject({ batchId: 'KMU01-B000001', outcome: 'refused', error: 'station_unknown' });
  });
});
