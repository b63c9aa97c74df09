import { afterEach, beforeEach, expect, it } from 'vitest';
import { openAckFile, verifyAckSignature, type AckBody } from '../../electron/sync/ack-file';
import { sha256Hex } from '../../electron/sync/batch-file';
import { canonicalJson } from '../../electron/sync/canonical-json';
import { exampleKeyPair, signBytes } from '../../electron/sync/keys';
import { encryptForProvince } from '../../electron/sync/usb-encryption';
import type { HubStore } from '../../hub/db/open';
import { batchById } from '../../hub/db/repositories/batches';
import { countRecordVersions, recordVersionsOf } from '../../hub/db/repositories/record-versions';
import { addStationKey } from '../../hub/db/repositories/stations';
import { ingestBatchFile, type IngestContext, type IngestResult } from '../../hub/ingest/ingest-batch';
import { loadOrCreateProvinceKeys, type ProvinceKeys } from '../../hub/keys/province-keys';
import { makeTempDir } from '../fixtures/temp-station';
import { PROVINCE, registerStation } from './support/batches';
import { describeOnBothEngines } from './support/both-engines';
import { CRAFTED_AUDIT_HEAD, craftedBatch, documentLine, kmu01Key, registrationLine, registrationPayload, strangerKey, uuid, type Line } from './support/crafted-batches';

describeOnBothEngines('hub ingest: each line judged, the file refused whole only when it must be', (open) => {
  let folder: ReturnType<typeof makeTempDir>;
  let keys: ProvinceKeys;
  let hub: HubStore;

  beforeEach(async () => {
    folder = makeTempDir('relay-hub-lines-');
    keys = loadOrCreateProvinceKeys(folder.dir).keys;
    hub = await open();
    await registerStation(hub.db, 'KMU01');
    await addStationKey(hub.db, { provinceCode: PROVINCE, stationCode: 'KMU01', publicKeySpki: kmu01Key.publicKey.export({ type: 'spki', format: 'der' }), registeredAt: '2026-11-01T00:00:00.000Z' });
  });
  afterEach(() => folder.remove());

  function take(file: Buffer, rules: Partial<IngestContext> = {}, fileName?: string): Promise<IngestResult> {
    return ingestBatchFile(file, { hub, provinceCode: PROVINCE, keys, ...rules }, fileName);
  }

  /** The acknowledgement of a result, its signature checked against the province's key. */
  function ackOf(result: IngestResult): AckBody {
    if (!result.ack) throw new Error(`no acknowledgement: ${JSON.stringify(result)}`);
    const read = openAckFile(result.ack);
    expect(verifyAckSignature(read, [keys.signing.publicKey])).toBe(true);
    return read.body;
  }

  const versionsOf = (entityId: string) => recordVersionsOf(hub.db, { provinceCode: PROVINCE, stationCode: 'KMU01', entityKind: 'registration', entityId });

  it('accepts new lines, signs the acknowledgement and stores each version once with its audit head', async () => {
    const { file, manifestBytes, batchId } = craftedBatch(1, [registrationLine(1, 1), documentLine(2, 2), { seq: 3, kind: 'visitor_sign_in', entityId: uuid(3), version: 1, payload: { id: uuid(3), party_size: 2 } }]);
    const body = ackOf(await take(file));
    expect(body).toMatchObject({ batchId, stationCode: 'KMU01', outcome: 'processed', error: null, manifestSha256: sha256Hex(manifestBytes), provinceKeyId: keys.signing.keyId });
    expect(body.counts).toEqual({ accepted: 3, duplicate: 0, rejected: 0 });
    expect(body.records.map((record) => [record.seq, record.status])).toEqual([
      [1, 'accepted'],
      [2, 'accepted'],
      [3, 'accepted'],
    ]);
    expect(await countRecordVersions(hub.db, PROVINCE, 'KMU01')).toBe(3);
    const [held] = await versionsOf(uuid(1));
    expect(held?.contentSha256).toBe(sha256Hex(Buffer.from(canonicalJson(registrationPayload(1)), 'utf8')));
    expect((await batchById(hub.db, PROVINCE, batchId))?.auditHead).toEqual(CRAFTED_AUDIT_HEAD);
  });

  it('answers the same content under a new batch id as duplicates, and another content of a held version as version_conflict', async () => {
    await take(craftedBatch(1, [registrationLine(1, 1), documentLine(2, 2)]).file);
    // Re-sent rows: the same record versions in a later batch (their outbox rows numbered anew here).
    const again = ackOf(await take(craftedBatch(2, [registrationLine(3, 1), documentLine(4, 2), documentLine(5, 5)]).file));
    expect(again.records.map((record) => record.status)).toEqual(['duplicate', 'duplicate', 'accepted']);
    expect(again.counts).toEqual({ accepted: 1, duplicate: 2, rejected: 0 });

    const changed = ackOf(await take(craftedBatch(3, [registrationLine(6, 1, { program: 'organ' })]).file));
    expect(changed.records[0]).toMatchObject({ status: 'rejected', code: 'version_conflict', path: null });
    expect(changed.records[0]?.reason).toMatch(/不同内容/);
    const held = await versionsOf(uuid(1));
    expect(held.map((version) => version.contentSha256)).toEqual([sha256Hex(Buffer.from(canonicalJson(registrationPayload(1)), 'utf8'))]);
    expect(await countRecordVersions(hub.db, PROVINCE, 'KMU01')).toBe(3);
  });

  it('rejects unknown kinds, broken envelopes, invalid payloads and lines of another station one by one', async () => {
    const noDocumentNumber = registrationLine(3, 3);
    (noDocumentNumber.payload.person as Record<string, unknown>).documentNumber = 42;
    const lines: Line[] = [
      documentLine(1, 1),
      { ...registrationLine(2, 2), payload: { ...registrationPayload(2), id: uuid(77) } },
      noDocumentNumber,
      { ...registrationLine(4, 4), station: 'YNU02' },
      registrationLine(5, 5),
      { seq: 6, kind: 'tombstone', entityId: uuid(9), version: 1, payload: { covers: [{ kind: 'registration', entityId: uuid(1) }] } },
    ];
    const body = ackOf(await take(craftedBatch(1, lines).file, { knownKinds: new Set(['registration', 'tombstone']) }));
    expect(body.records.map((record) => [record.status, record.code, record.path])).toEqual([
      ['rejected', 'kind_unknown', null],
      ['rejected', 'envelope_invalid', null],
      ['rejected', 'payload_invalid', 'person.documentNumber'],
      ['rejected', 'station_mismatch', null],
      ['accepted', null, null],
      ['rejected', 'payload_invalid', 'covers.0.throughVersion'],
    ]);
    expect(await countRecordVersions(hub.db, PROVINCE, 'KMU01')).toBe(1);
  });

  it('rejects a kind the protocol does not know as kind_unknown and keeps the rest of the batch', async () => {
    const body = ackOf(await take(craftedBatch(1, [documentLine(1, 1), { seq: 2, kind: 'future_kind', entityId: uuid(2), version: 1, payload: {} }]).file));
    expect(body.records.map((record) => [record.status, record.code])).toEqual([
      ['accepted', null],
      ['rejected', 'kind_unknown'],
    ]);
    expect(body.records[1]?.reason).toContain('future_kind');
  });

  it('replays a batch taken before with its stored acknowledgement, and refuses a changed manifest under a used id', async () => {
    const first = craftedBatch(1, [documentLine(1, 1)]);
    const taken = await take(first.file, {}, 'KMU01-B000001.rse');
    const again = await take(first.file);
    expect(again).toMatchObject({ outcome: 'replayed', batchId: first.batchId });
    expect(again.ack?.equals(taken.ack as Buffer)).toBe(true);
    const conflicting = craftedBatch(1, [documentLine(1, 1)], { software: 'relay-station/other' });
    const refused = await take(conflicting.file);
    expect(refused).toMatchObject({ outcome: 'refused', code: 'batch_id_conflict' });
    expect(ackOf(refused)).toMatchObject({ outcome: 'refused', manifestSha256: sha256Hex(conflicting.manifestBytes), error: { code: 'batch_id_conflict' } });
  });

  it('refuses a signature made by another key, an unknown station and an unregistered key; the refusal names the manifest read', async () => {
    const { file, manifestBytes } = craftedBatch(1, [documentLine(1, 1)]);
    const signedLength = 8 + manifestBytes.length;
    const forged = Buffer.concat([file.subarray(0, signedLength), signBytes(file.subarray(0, signedLength), strangerKey.privateKey), file.subarray(signedLength + 64)]);
    expect(await take(forged)).toMatchObject({ outcome: 'refused', code: 'signature_invalid' });
    expect(await take(craftedBatch(1, [documentLine(1, 1)], { stationCode: 'ZZZ99' }).file)).toMatchObject({ code: 'station_unknown' });
    const unregistered = craftedBatch(1, [documentLine(1, 1)], { key: strangerKey.privateKey });
    const body = ackOf(await take(unregistered.file));
    expect(body).toMatchObject({ outcome: 'refused', batchId: 'KMU01-B000001', manifestSha256: sha256Hex(unregistered.manifestBytes), counts: { accepted: 0, duplicate: 0, rejected: 0 } });
    expect(body.error?.code).toBe('station_key_unknown');
    expect(body.error?.reason).toMatch(/站点密钥/);
    expect(await take(Buffer.from('not a batch'))).toMatchObject({ outcome: 'refused', code: 'malformed_container', ack: null });
    expect(await countRecordVersions(hub.db, PROVINCE, 'KMU01')).toBe(0);
  });

  it('decrypts a file encrypted to the province key, and refuses tampered ciphertext unsigned, named only by its file', async () => {
    const { file, manifestBytes } = craftedBatch(1, [registrationLine(1, 1)]);
    const encrypted = encryptForProvince(file, keys.encryption.publicKey);
    const tampered = Buffer.from(encrypted);
    tampered[100] = (tampered[100] ?? 0) ^ 0xff;
    // Nothing of it could be read: no manifest to bind a refusal to, so none is signed (a station could take it as final).
    expect(await take(tampered, {}, 'KMU01-B000001.rse')).toMatchObject({ outcome: 'refused', code: 'decryption_failed', batchId: 'KMU01-B000001', stationCode: 'KMU01', ack: null });
    const otherProvince = exampleKeyPair('relay-station test: another province', 'x25519');
    expect(await take(encryptForProvince(file, otherProvince.publicKey))).toMatchObject({ outcome: 'refused', code: 'recipient_key_unknown', ack: null });

    const body = ackOf(await take(encrypted, {}, 'KMU01-B000001.rse'));
    expect(body).toMatchObject({ outcome: 'processed', manifestSha256: sha256Hex(manifestBytes), counts: { accepted: 1 } });
  });

  it('applies a deployment policy rule, never to a version it holds already', async () => {
    const policy = (envelope: { kind: string }) => (envelope.kind === 'document' ? { reason: '暂不接收凭证', path: 'serial' } : null);
    await take(craftedBatch(1, [documentLine(1, 1)]).file);
    const body = ackOf(await take(craftedBatch(2, [documentLine(2, 1), documentLine(3, 3), registrationLine(4, 4)]).file, { policy }));
    expect(body.records.map((record) => [record.status, record.code, record.path, record.reason])).toEqual([
      ['duplicate', null, null, null],
      ['rejected', 'policy_refused', 'serial', '暂不接收凭证'],
      ['accepted', null, null, null],
    ]);
    expect(await countRecordVersions(hub.db, PROVINCE, 'KMU01')).toBe(2);
  });

  it('rejects the lines it cannot store just now as temporarily_unavailable, to be sent again', async () => {
    const body = ackOf(await take(craftedBatch(1, [documentLine(1, 1), registrationLine(2, 2)]).file, { unavailable: (envelope) => envelope.kind === 'registration' }));
    expect(body.records.map((record) => [record.status, record.code])).toEqual([
      ['accepted', null],
      ['rejected', 'temporarily_unavailable'],
    ]);
    expect(await versionsOf(uuid(2))).toEqual([]);
    const later = ackOf(await take(craftedBatch(2, [registrationLine(3, 2)]).file));
    expect(later.records[0]?.status).toBe('accepted');
  });
});
