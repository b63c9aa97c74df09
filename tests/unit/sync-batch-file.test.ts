import { generateKeyPairSync } from 'node:crypto';
import { once } from 'node:events';
import { createGzip, gzipSync } from 'node:zlib';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  BatchPayloadWriter,
  batchIdOf,
  envelopeLine,
  envelopeLineAround,
  envelopeProblem,
  openBatchFile,
  readBatchRecords,
  sha256Hex,
  verifyBatchSignature,
  writeBatchFile,
  type Envelope,
  type Manifest,
} from '../../electron/sync/batch-file';
import { canonicalJson } from '../../electron/sync/canonical-json';
import { writeSignedContainer } from '../../electron/sync/containers';
import { keyId } from '../../electron/sync/keys';
import { envelope, expectRefusal, header, onlyRefuses, recordsOf } from '../fixtures/sync-codec';

const station = generateKeyPairSync('ed25519');
const stranger = generateKeyPairSync('ed25519');
const envelopes = [envelope(101), envelope(102, { kind: 'document', payload: { id: envelope(102).entityId, serial: 'KMU01-2026-RCP-000318' } }), envelope(103)];
const written = writeBatchFile(header(), recordsOf(envelopes), station.privateKey);

/** A signed file around any manifest object and payload, to reach the checks behind the signature. */
function fileWith(manifest: object, payload: Buffer): Buffer {
  return writeSignedContainer('RSB1', Buffer.from(canonicalJson(manifest), 'utf8'), station.privateKey, payload);
}

/** The good manifest with some fields changed and those named in `remove` left out. */
function manifestWith(changes: Record<string, unknown>, remove: string[] = []): Record<string, unknown> {
  const manifest: Record<string, unknown> = { ...written.manifest, ...changes };
  for (const name of remove) delete manifest[name];
  return manifest;
}

/** A correctly signed batch whose payload is the gzip of `ndjson`, its length and hash in the manifest. */
function batchWithPayload(ndjson: string | Buffer, changes: Record<string, unknown> = {}): Buffer {
  const payload = gzipSync(typeof ndjson === 'string' ? Buffer.from(ndjson, 'utf8') : ndjson);
  return fileWith(manifestWith({ payloadBytes: payload.length, payloadSha256: sha256Hex(payload), ...changes }), payload);
}

const lines = (items: Envelope[]): string => items.map(envelopeLine).join('');

async function gzipOfZeros(bytes: number): Promise<Buffer> {
  const gzip = createGzip({ level: 1 });
  const chunks: Buffer[] = [];
  gzip.on('data', (chunk: Buffer) => chunks.push(chunk));
  const ended = once(gzip, 'end');
  const zeros = Buffer.alloc(1 << 20);
  for (let written = 0; written < bytes; written += zeros.length) {
    if (!gzip.write(zeros)) await once(gzip, 'drain');
  }
  gzip.end();
  await ended;
  return Buffer.concat(chunks);
}

describe('writeBatchFile', () => {
  it('computes the manifest of §6.2', () => {
    expect(written.manifest).toEqual({
      protocolVersion: 1,
      schemaVersion: 1,
      stationCode: 'KMU01',
      stationKeyId: keyId(station.publicKey),
      batchId: 'KMU01-B000007',
      batchSeq: 7,
      previousBatchId: 'KMU01-B000006',
      firstSeq: 101,
      lastSeq: 103,
      recordCount: 3,
      omittedCount: 0,
      resentCount: 0,
      kindCounts: { document: 1, visitor_sign_in: 2 },
      createdAt: '2026-11-20T06:15:02.431Z',
      payloadBytes: written.file.length - 8 - written.manifestBytes.length - 64,
      payloadSha256: sha256Hex(written.file.subarray(8 + written.manifestBytes.length + 64)),
      auditHead: header().auditHead,
      software: 'relay-station/0.1.0',
    });
    expect(written.manifestBytes.toString('utf8')).toBe(canonicalJson(written.manifest));
    expect(written.file.readUInt32BE(4)).toBe(written.manifestBytes.length);
  });

  it('names batches with at least six digits and the first one without a predecessor', () => {
    expect(batchIdOf('KMU01', 42)).toBe('KMU01-B000042');
    expect(batchIdOf('KMU01', 1_234_567)).toBe('KMU01-B1234567');
    const first = writeBatchFile(header({ batchSeq: 1 }), recordsOf(envelopes), station.privateKey);
    expect(first.manifest.batchId).toBe('KMU01-B000001');
    expect(first.manifest.previousBatchId).toBeNull();
  });

  it('counts omitted rows of the range and re-sent rows outside it', () => {
    const items = [envelope(40, { kind: 'education_survey' }), envelope(101), envelope(103), envelope(105)];
    const { manifest, file } = writeBatchFile(header({ firstSeq: 101, lastSeq: 105, omittedCount: 2 }), recordsOf(items), station.privateKey);
    expect(manifest).toMatchObject({ firstSeq: 101, lastSeq: 105, recordCount: 4, omittedCount: 2, resentCount: 1 });
    expect(manifest.kindCounts).toEqual({ education_survey: 1, visitor_sign_in: 3 });
    expect(readBatchRecords(openBatchFile(file))).toEqual(items);
  });

  it('writes a batch of re-sends alone with a null range', () => {
    const items = [envelope(40), envelope(41)];
    const { manifest, file } = writeBatchFile(header({ firstSeq: null, lastSeq: null }), recordsOf(items), station.privateKey);
    expect(manifest).toMatchObject({ firstSeq: null, lastSeq: null, recordCount: 2, resentCount: 2 });
    expect(readBatchRecords(openBatchFile(file))).toEqual(items);
  });

  it.each([
    ['no records', header(), []],
    ['records out of order', header(), recordsOf([envelope(102), envelope(101), envelope(103)])],
    ['a seq twice', header({ lastSeq: 102 }), recordsOf([envelope(101), envelope(102), envelope(102)])],
    ['a row of the range missing', header(), recordsOf([envelope(101), envelope(103)])],
    ['more omitted rows than missing', header({ omittedCount: 1 }), recordsOf(envelopes)],
    ['only one end of the range', header({ lastSeq: null }), recordsOf(envelopes)],
    ['a bad station code', header({ stationCode: 'kmu01' }), recordsOf(envelopes)],
    ['a timestamp without milliseconds', header({ createdAt: '2026-11-20T06:15:02Z' }), recordsOf(envelopes)],
    ['a line without LF', header(), [{ seq: 101, kind: 'visitor_sign_in', line: '{"seq":101}' }]],
    ['two lines in one', header(), [{ seq: 101, kind: 'visitor_sign_in', line: '{"seq":101}\n{"seq":102}\n' }]],
    ['an empty line', header({ lastSeq: 101 }), [{ seq: 101, kind: 'visitor_sign_in', line: '' }]],
    ['a line over 1 MiB', header({ lastSeq: 101 }), [{ seq: 101, kind: 'visitor_sign_in', line: `{"x":"${'汉'.repeat(350_000)}"}\n` }]],
  ])('refuses to sign %s (RangeError), also line by line', async (_label, batchHeader, records) => {
    expect(() => writeBatchFile(batchHeader, records, station.privateKey)).toThrow(RangeError);
    const lineByLine = async () => {
      const payload = new BatchPayloadWriter();
      for (const record of records) await payload.add(record);
      return payload.finish(batchHeader, station.privateKey);
    };
    await expect(lineByLine()).rejects.toThrow(RangeError);
  });
});

describe('BatchPayloadWriter', () => {
  // Enough lines of about a kilobyte for several hand-overs to the compressor.
  const many = Array.from({ length: 600 }, (_, index) => envelope(101 + index, { payload: { note: `第${index}条 ${'x'.repeat(900 + (index % 97))}` } }));
  const manyHeader = header({ firstSeq: 101, lastSeq: 700 });

  it.each([3, 6])('writes, line by line at level %i, the bytes writeBatchFile writes', async (level) => {
    const payload = new BatchPayloadWriter(level);
    for (const record of recordsOf(many)) await payload.add(record);
    const streamed = await payload.finish(manyHeader, station.privateKey);
    const whole = writeBatchFile(manyHeader, recordsOf(many), station.privateKey, level);
    expect(streamed.file.equals(whole.file)).toBe(true);
    expect(streamed.manifest).toEqual(whole.manifest);
    expect(readBatchRecords(openBatchFile(streamed.file))).toEqual(many);
  });
});

describe('envelopeLineAround', () => {
  it('writes in UTF-8 the line envelopeLine writes, around the payload bytes of JSON.stringify', () => {
    fc.assert(
      fc.property(fc.dictionary(fc.string({ unit: 'grapheme' }), fc.jsonValue({ stringUnit: 'grapheme' })), fc.integer({ min: 1, max: 2 ** 40 }), (payload, seq) => {
        const { payload: _unused, ...rest } = envelope(seq);
        expect(envelopeLineAround(rest, Buffer.from(JSON.stringify(payload), 'utf8')).toString('utf8')).toBe(envelopeLine({ ...rest, payload }));
      }),
    );
  });

  it('keeps the gzip level a parameter: any level reads back the same records', () => {
    const fast = writeBatchFile(header(), recordsOf(envelopes), station.privateKey, 1);
    expect(readBatchRecords(openBatchFile(fast.file))).toEqual(envelopes);
    expect(fast.manifest.payloadSha256).not.toBe(written.manifest.payloadSha256);
  });

  it('refuses a payload text that is not an object', () => {
    const { payload: _unused, ...rest } = envelope(7);
    for (const text of ['[1]', '"x"', '1', '']) expect(() => envelopeLineAround(rest, Buffer.from(text, 'utf8'))).toThrow(RangeError);
  });
});

describe('openBatchFile and verifyBatchSignature', () => {
  it('opens what was written and verifies it with the station key only', () => {
    const opened = openBatchFile(written.file);
    expect(opened.manifest).toEqual(written.manifest);
    expect(opened.manifestBytes.equals(written.manifestBytes)).toBe(true);
    expect(opened.signedBytes.equals(written.file.subarray(0, 8 + written.manifestBytes.length))).toBe(true);
    expect(verifyBatchSignature(opened, station.publicKey)).toBe(true);
    expect(verifyBatchSignature(opened, stranger.publicKey)).toBe(false);
  });

  it('refuses a signature over other manifest bytes, or a key the manifest does not name', () => {
    const tampered = Buffer.from(written.file.toString('latin1').replace('06:15:02.431Z', '06:15:03.431Z'), 'latin1');
    const opened = openBatchFile(tampered);
    expect(opened.manifest.createdAt).toBe('2026-11-20T06:15:03.431Z');
    expect(verifyBatchSignature(opened, station.publicKey)).toBe(false);
    const signedByStranger = writeSignedContainer('RSB1', written.manifestBytes, stranger.privateKey, openBatchFile(written.file).payload);
    expect(verifyBatchSignature(openBatchFile(signedByStranger), stranger.publicKey)).toBe(false);
    expect(verifyBatchSignature(openBatchFile(signedByStranger), station.publicKey)).toBe(false);
  });

  it('refuses a manifest that is not canonical', () => {
    const payload = openBatchFile(written.file).payload;
    const spaced = Buffer.from(JSON.stringify(written.manifest, null, 1), 'utf8');
    expectRefusal(() => openBatchFile(writeSignedContainer('RSB1', spaced, station.privateKey, payload)), 'manifest_invalid');
    const duplicated = Buffer.from(written.manifestBytes.toString('utf8').replace('{"auditHead"', '{"auditHead":1,"auditHead"'), 'utf8');
    expectRefusal(() => openBatchFile(writeSignedContainer('RSB1', duplicated, station.privateKey, payload)), 'manifest_invalid');
  });

  it.each(Object.keys(written.manifest))('refuses a manifest without %s', (field) => {
    expectRefusal(() => openBatchFile(fileWith(manifestWith({}, [field]), Buffer.alloc(20))), 'manifest_invalid');
  });

  it.each([
    ['protocolVersion as text', { protocolVersion: '1' }],
    ['a lower-case station code', { stationCode: 'kmu01', batchId: 'kmu01-B000007', previousBatchId: 'kmu01-B000006' }],
    ['an upper-case key id', { stationKeyId: keyId(station.publicKey).toUpperCase() }],
    ['batchSeq 0', { batchSeq: 0, batchId: 'KMU01-B000000', previousBatchId: null }],
    ['firstSeq 0', { firstSeq: 0 }],
    ['a negative omittedCount', { omittedCount: -1 }],
    ['a kind counted 0', { kindCounts: { document: 1, visitor_sign_in: 2, tombstone: 0 } }],
    ['kindCounts as an array', { kindCounts: [3] }],
    ['createdAt without milliseconds', { createdAt: '2026-11-20T06:15:02Z' }],
    ['createdAt on 30 February', { createdAt: '2026-02-30T06:15:02.431Z' }],
    ['a short payloadSha256', { payloadSha256: 'abc' }],
    ['auditHead without its hash', { auditHead: { seq: 1 } }],
    ['software as a number', { software: 1 }],
    ['a batchId that disagrees', { batchId: 'KMU01-B7' }],
    ['a previousBatchId that is not the batch before', { previousBatchId: 'KMU01-B000005' }],
    ['a previousBatchId on the first batch', { batchSeq: 1, batchId: 'KMU01-B000001', previousBatchId: 'KMU01-B000000' }],
    ['firstSeq after lastSeq', { firstSeq: 104 }],
    ['only one end of the range', { lastSeq: null }],
    ['a recordCount that disagrees with the range', { recordCount: 4 }],
    ['kindCounts that do not add up', { kindCounts: { document: 1, visitor_sign_in: 3 } }],
    ['more omitted rows than the range', { omittedCount: 4 }],
    ['a manifest that is an array', null],
  ])('refuses %s (manifest_invalid)', (_label, changes) => {
    const manifest = changes === null ? [written.manifest] : manifestWith(changes);
    expectRefusal(() => openBatchFile(fileWith(manifest, Buffer.alloc(20))), 'manifest_invalid');
  });

  it('ignores manifest fields it does not know', () => {
    const opened = openBatchFile(fileWith(manifestWith({ zoneInfo: 'Asia/Shanghai' }), Buffer.alloc(20)));
    expect(opened.manifest).toEqual({ ...written.manifest });
  });

  it('calls a later protocol unsupported', () => {
    expectRefusal(() => openBatchFile(fileWith(manifestWith({ protocolVersion: 2 }), Buffer.alloc(20))), 'protocol_unsupported');
    expectRefusal(() => openBatchFile(Buffer.concat([Buffer.from('RSB2'), written.file.subarray(4)])), 'protocol_unsupported');
  });

  it('refuses a manifest over 64 KiB', () => {
    const big = manifestWith({ software: 'x'.repeat(65_536) });
    expectRefusal(() => openBatchFile(fileWith(big, Buffer.alloc(20))), 'malformed_container');
  });
});

describe('readBatchRecords', () => {
  it('returns the envelopes as written', () => {
    expect(readBatchRecords(openBatchFile(written.file))).toEqual(envelopes);
  });

  it('refuses a payload that differs from its length or hash', () => {
    const payloadStart = 8 + written.manifestBytes.length + 64;
    const flipped = Buffer.from(written.file);
    flipped[payloadStart + 20] = (flipped[payloadStart + 20] ?? 0) ^ 0x01;
    expectRefusal(() => readBatchRecords(openBatchFile(flipped)), 'payload_hash_mismatch');
    expectRefusal(() => readBatchRecords(openBatchFile(written.file.subarray(0, written.file.length - 1))), 'payload_hash_mismatch');
    expectRefusal(() => readBatchRecords(openBatchFile(Buffer.concat([written.file, Buffer.of(0)]))), 'payload_hash_mismatch');
  });

  it.each([
    ['a payload that is not gzip', null],
    ['no LF after the last line', lines(envelopes).slice(0, -1)],
    ['a blank line', `${envelopeLine(envelopes[0]!)}\n${lines(envelopes.slice(1))}`],
    ['CR LF line ends', lines(envelopes).replaceAll('\n', '\r\n')],
    ['a byte-order mark', `\ufeff${lines(envelopes)}`],
    ['a line that is not JSON', `${lines(envelopes.slice(0, 2))}{"seq":103,\n`],
    ['a line that is an array', `${lines(envelopes.slice(0, 2))}[103]\n`],
    ['a line without seq', `${lines(envelopes.slice(0, 2))}{"kind":"visitor_sign_in"}\n`],
    ['a fractional seq', `${lines(envelopes.slice(0, 2))}{"seq":102.5,"kind":"visitor_sign_in"}\n`],
    ['a seq as text', `${lines(envelopes.slice(0, 2))}{"seq":"103","kind":"visitor_sign_in"}\n`],
    ['a line without kind', `${lines(envelopes.slice(0, 2))}{"seq":103}\n`],
    ['lines out of order', lines([envelopes[0]!, envelopes[2]!, envelopes[1]!])],
    ['a seq twice', lines([envelopes[0]!, envelopes[1]!, envelopes[1]!])],
    ['a line short', lines(envelopes.slice(0, 2))],
    ['a line too many', lines([...envelopes, envelope(104)])],
    ['a row of the range replaced by a re-send', lines([envelope(50), ...envelopes.slice(1)])],
    ['kinds that differ from kindCounts', lines([envelopes[0]!, envelope(102), envelopes[2]!])],
    ['no lines at all', ''],
  ])('refuses %s (payload_invalid)', (_label, ndjson) => {
    const file =
      ndjson === null
        ? fileWith(manifestWith({ payloadBytes: 5, payloadSha256: sha256Hex(Buffer.from('hello')) }), Buffer.from('hello'))
        : batchWithPayload(ndjson);
    expectRefusal(() => readBatchRecords(openBatchFile(file)), 'payload_invalid');
  });

  it('refuses lines that are not UTF-8', () => {
    const ndjson = Buffer.concat([Buffer.from(lines(envelopes.slice(0, 2))), Buffer.from('{"seq":103,"kind":"visitor_sign_in","x":"'), Buffer.of(0xff), Buffer.from('"}\n')]);
    expectRefusal(() => readBatchRecords(openBatchFile(batchWithPayload(ndjson))), 'payload_invalid');
  });

  it('refuses a line over 1 MiB as too large', () => {
    const long = envelope(103, { payload: { note: 'x'.repeat(1024 * 1024) } });
    expectRefusal(() => readBatchRecords(openBatchFile(batchWithPayload(lines([...envelopes.slice(0, 2), long])))), 'batch_too_large');
  });

  it('stops decompressing beyond 256 MiB', async () => {
    const bomb = await gzipOfZeros(257 * 1024 * 1024);
    expect(bomb.length).toBeLessThan(2 * 1024 * 1024);
    const file = fileWith(manifestWith({ payloadBytes: bomb.length, payloadSha256: sha256Hex(bomb) }), bomb);
    expectRefusal(() => readBatchRecords(openBatchFile(file)), 'batch_too_large');
  });

  it('returns lines with wrong envelope fields for judging record by record', () => {
    const odd = { seq: 103, kind: 'visitor_sign_in', station: 'YNU02', version: '1' };
    const records = readBatchRecords(openBatchFile(batchWithPayload(`${lines(envelopes.slice(0, 2))}${JSON.stringify(odd)}\n`)));
    expect(records[2]).toEqual(odd);
    expect(envelopeProblem(records[2], written.manifest)).toBe('envelope_invalid');
  });

  it('throws nothing but a SyncProtocolError on damaged or random files', () => {
    const read = (file: Buffer) => readBatchRecords(openBatchFile(file));
    fc.assert(fc.property(fc.uint8Array({ maxLength: 400 }), (random) => onlyRefuses(() => read(Buffer.from(random)))));
    fc.assert(fc.property(fc.nat(written.file.length), (length) => onlyRefuses(() => read(written.file.subarray(0, length)))));
    fc.assert(
      fc.property(fc.nat(written.file.length - 1), fc.integer({ min: 1, max: 255 }), (index, mask) => {
        const damaged = Buffer.from(written.file);
        damaged[index] = (damaged[index] ?? 0) ^ mask;
        onlyRefuses(() => {
          const opened = openBatchFile(damaged);
          if (verifyBatchSignature(opened, station.publicKey)) readBatchRecords(opened);
        });
      }),
    );
    fc.assert(fc.property(fc.string({ unit: 'binary', maxLength: 300 }), (ndjson) => onlyRefuses(() => read(batchWithPayload(ndjson)))));
    fc.assert(
      fc.property(fc.array(fc.jsonValue(), { maxLength: 4 }), (values) =>
        onlyRefuses(() => read(batchWithPayload(values.map((value) => `${JSON.stringify(value)}\n`).join('')))),
      ),
    );
  });
});

describe('envelopeProblem', () => {
  const manifest: Manifest = written.manifest;
  const good = envelopes[0]!;

  it('finds nothing wrong with a well-formed envelope, with or without payload id and version', () => {
    expect(envelopeProblem(good, manifest)).toBeNull();
    expect(envelopeProblem({ ...good, payload: {} }, manifest)).toBeNull();
    expect(envelopeProblem({ ...good, kind: 'kind_from_the_future' }, manifest)).toBeNull();
  });

  it.each([
    ['not an object', 'x'],
    ['an array', [good]],
    ['seq 0', { ...good, seq: 0 }],
    ['an empty kind', { ...good, kind: '' }],
    ['an entity id that is not a UUID', { ...good, entityId: 'B7E2C1D4-5A3F-4E8B-9C21-6F0D8A4E13C7' }],
    ['version as text', { ...good, version: '1' }],
    ['version 0', { ...good, version: 0 }],
    ['station as a number', { ...good, station: 1 }],
    ['a createdAt that is no timestamp', { ...good, createdAt: '2026-11-20' }],
    ['changedAt missing', { ...good, changedAt: undefined }],
    ['a payload that is an array', { ...good, payload: [] }],
    ['a payload that is null', { ...good, payload: null }],
    ['a payload id that is not the entity id', { ...good, payload: { ...good.payload, id: envelope(999).entityId } }],
    ['a payload version that is not the version', { ...good, payload: { ...good.payload, version: 2 } }],
  ])('calls %s envelope_invalid', (_label, value) => {
    expect(envelopeProblem(value, manifest)).toBe('envelope_invalid');
  });

  it("calls another station's record station_mismatch", () => {
    expect(envelopeProblem({ ...good, station: 'YNU02' }, manifest)).toBe('station_mismatch');
  });
});
