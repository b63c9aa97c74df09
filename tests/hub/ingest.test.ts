import { copyFileSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { openAckFile, verifyAckSignature } from '../../electron/sync/ack-file';
import { openBatchFile, sha256Hex } from '../../electron/sync/batch-file';
import { decryptFromStation } from '../../electron/sync/usb-encryption';
import type { CallInput } from '../../shared/contract/calls';
import { batchesOfStation } from '../../hub/db/repositories/batches';
import { countRecordVersions } from '../../hub/db/repositories/record-versions';
import { importBatchFolder } from '../../hub/ingest/import-folder';
import { residentId, sampleRegistration } from '../fixtures/registrations';
import { PROVINCE, registerStation } from './support/batches';
import { describeOnBothEngines } from './support/both-engines';
import { useExportingStation } from './support/exporting-station';

/** A copy of `bytes` with the lowest bit of one byte flipped. */
function flipByte(bytes: Buffer, at: number): Buffer {
  const copy = Buffer.from(bytes);
  copy.writeUInt8((copy.readUInt8(at) ^ 0x01) & 0xff, at);
  return copy;
}

describeOnBothEngines('hub import: the batch files of a station from a stick, each taken once', (open) => {
  const exporting = useExportingStation({ batchSize: 10, folderPrefix: 'relay-hub-ingest-' });
  const { ok, registerAtHub } = exporting;

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

  /** Exports every batch waiting to a fresh stick folder. */
  async function exportToStick(name = 'stick'): Promise<string> {
    const folder = join(exporting.folders.dir, name);
    mkdirSync(folder);
    const { files } = await ok('sync:export', { folder });
    expect(files.length).toBeGreaterThan(0);
    return folder;
  }

  function outboxStates(): string[] {
    return (exporting.station.connection.sqlite.prepare('select state from outbox order by seq').all() as { state: string }[]).map((row) => row.state);
  }

  it('takes every batch, settles the outbox with its acknowledgements, and replays the same bytes when imported again', async () => {
    const hub = await open();
    await registerAtHub(hub);
    await register(6);
    const stick = await exportToStick();
    const context = { hub, provinceCode: PROVINCE, keys: exporting.keys };

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
    const damaged = join(exporting.folders.dir, 'damaged');
    mkdirSync(damaged);

    // Encrypted: the tag fails, nothing of the file can be read, so no signed answer can name it.
    const flippedCipher = flipByte(encrypted, Math.floor(encrypted.length / 2));
    writeFileSync(join(damaged, name), flippedCipher);
    // Plain: the manifest reads and verifies, the payload does not match it; the refusal names that manifest.
    const plain = decryptFromStation(encrypted, exporting.keys.encryptionPrivateKeys);
    const flippedPlain = flipByte(plain, plain.length - 1);
    writeFileSync(join(damaged, name.replace(/\.rse$/, '.rsb')), flippedPlain);

    const context = { hub, provinceCode: PROVINCE, keys: exporting.keys };
    const [asPlain, asEncrypted] = await importBatchFolder(damaged, context, join(exporting.folders.dir, 'answers'));
    expect(asEncrypted?.result).toMatchObject({ outcome: 'refused', code: 'decryption_failed', batchId: 'KMU01-B000001', ack: null });
    expect(asPlain?.result).toMatchObject({ outcome: 'refused', code: 'payload_hash_mismatch', batchId: 'KMU01-B000001' });
    const refusal = openAckFile(readFileSync(asPlain?.ackFile ?? ''));
    expect(verifyAckSignature(refusal, [exporting.keys.signing.publicKey])).toBe(true);
    expect(refusal.body).toMatchObject({ outcome: 'refused', error: { code: 'payload_hash_mismatch' }, manifestSha256: sha256Hex(openBatchFile(plain).manifestBytes) });

    // A byte of the signature: the station's registered key does not verify it.
    const forged = join(exporting.folders.dir, 'forged');
    mkdirSync(forged);
    const signatureByte = 8 + openBatchFile(plain).manifestBytes.length + 10;
    writeFileSync(join(forged, name.replace(/\.rse$/, '.rsb')), flipByte(plain, signatureByte));
    const [badSignature] = await importBatchFolder(forged, context);
    expect(badSignature?.result).toMatchObject({ outcome: 'refused', code: 'signature_invalid', batchId: 'KMU01-B000001' });
    expect(openAckFile(readFileSync(badSignature?.ackFile ?? '')).body.error?.code).toBe('signature_invalid');

    expect(await batchesOfStation(hub.db, PROVINCE, 'KMU01')).toEqual([]);
    expect(await countRecordVersions(hub.db, PROVINCE, 'KMU01')).toBe(0);

    const intact = join(exporting.folders.dir, 'intact');
    mkdirSync(intact);
    copyFileSync(join(stick, name), join(intact, name));
    const [taken] = await importBatchFolder(intact, context);
    expect(taken?.result.outcome).toBe('applied');
  });

  it('refuses the batches of a station the province has not registered, or signed by a key it does not hold for the station', async () => {
    const hub = await open();
    await register(1);
    const stick = await exportToStick();
    const context = { hub, provinceCode: PROVINCE, keys: exporting.keys };

    const [unknown] = await importBatchFolder(stick, context, join(exporting.folders.dir, 'unknown'));
    expect(unknown?.result).toMatchObject({ outcome: 'refused', code: 'station_unknown', batchId: 'KMU01-B000001' });
    const refusal = openAckFile(readFileSync(unknown?.ackFile ?? ''));
    expect(verifyAckSignature(refusal, [exporting.keys.signing.publicKey])).toBe(true);
    expect(refusal.body).toMatchObject({ outcome: 'refused', error: { code: 'station_unknown' }, stationCode: 'KMU01' });

    await registerStation(hub.db, 'KMU01');
    const [keyUnknown] = await importBatchFolder(stick, context, join(exporting.folders.dir, 'key-unknown'));
    expect(keyUnknown?.result).toMatchObject({ outcome: 'refused', code: 'station_key_unknown' });
    expect(await batchesOfStation(hub.db, PROVINCE, 'KMU01')).toEqual([]);
    expect(await countRecordVersions(hub.db, PROVINCE, 'KMU01')).toBe(0);

    const answer = await ok('sync:importAck', { fileName: 'KMU01-B000001.rsa', content: readFileSync(unknown?.ackFile ?? '').toString('base64') });
    expect(answer).toMatchObject({ batchId: 'KMU01-B000001', outcome: 'refused', error: 'station_unknown' });
  });
});
