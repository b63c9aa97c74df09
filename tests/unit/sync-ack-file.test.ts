import { generateKeyPairSync } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { openAckFile, verifyAckSignature, writeAckFile, type AckBody, type AckRecord } from '../../electron/sync/ack-file';
import { canonicalJson } from '../../electron/sync/canonical-json';
import { writeSignedContainer } from '../../electron/sync/containers';
import { keyId } from '../../electron/sync/keys';
import { expectRefusal, onlyRefuses } from '../fixtures/sync-codec';

const province = generateKeyPairSync('ed25519');
const retired = generateKeyPairSync('ed25519');
const stranger = generateKeyPairSync('ed25519');

const accepted = (seq: number): AckRecord => ({
  seq,
  kind: 'visitor_sign_in',
  entityId: `00000000-0000-4000-8000-${String(seq).padStart(12, '0')}`,
  version: 1,
  status: 'accepted',
  code: null,
  reason: null,
  path: null,
});

const processed: AckBody = {
  protocolVersion: 1,
  batchId: 'KMU01-B000007',
  stationCode: 'KMU01',
  manifestSha256: 'a'.repeat(64),
  provinceKeyId: keyId(province.publicKey),
  outcome: 'processed',
  error: null,
  receivedAt: '2026-11-20T06:15:04.018Z',
  processedAt: '2026-11-20T06:15:04.196Z',
  counts: { accepted: 1, duplicate: 1, rejected: 1 },
  records: [
    accepted(101),
    { ...accepted(102), status: 'duplicate' },
    { ...accepted(103), status: 'rejected', code: 'payload_invalid', reason: '电话号码格式不正确', path: 'person.phone' },
  ],
};

const refused: AckBody = {
  ...processed,
  manifestSha256: null,
  outcome: 'refused',
  error: { code: 'decryption_failed', reason: '文件已损坏' },
  counts: { accepted: 0, duplicate: 0, rejected: 0 },
  records: [],
};

/** A correctly signed acknowledgement around any body, to reach the checks behind the signature. */
function signedBody(body: unknown): Buffer {
  return writeSignedContainer('RSA1', Buffer.from(canonicalJson(body), 'utf8'), province.privateKey);
}

describe('acknowledgement files', () => {
  it('opens what was written, processed or refused, and verifies it', () => {
    for (const body of [processed, refused]) {
      const file = writeAckFile(body, province.privateKey);
      expect(file.subarray(0, 4).toString('ascii')).toBe('RSA1');
      const opened = openAckFile(file);
      expect(opened.body).toEqual(body);
      expect(opened.signedBytes.equals(file.subarray(0, file.length - 64))).toBe(true);
      expect(verifyAckSignature(opened, [province.publicKey])).toBe(true);
    }
  });

  it('verifies with the key the body names among several, and with no other', () => {
    const opened = openAckFile(writeAckFile(processed, province.privateKey));
    expect(verifyAckSignature(opened, [retired.publicKey, province.publicKey])).toBe(true);
    expect(verifyAckSignature(opened, [retired.publicKey, stranger.publicKey])).toBe(false);
    expect(verifyAckSignature(opened, [])).toBe(false);
    // Signed by a stranger in the province's name: the key the body names does not verify it.
    const forged = openAckFile(writeSignedContainer('RSA1', Buffer.from(canonicalJson(processed)), stranger.privateKey));
    expect(verifyAckSignature(forged, [province.publicKey, stranger.publicKey])).toBe(false);
  });

  it('does not verify a changed body', () => {
    const file = writeAckFile(processed, province.privateKey);
    const changed = Buffer.from(file.toString('latin1').replace('06:15:04.196Z', '06:15:05.196Z'), 'latin1');
    const opened = openAckFile(changed);
    expect(opened.body.processedAt).toBe('2026-11-20T06:15:05.196Z');
    expect(verifyAckSignature(opened, [province.publicKey])).toBe(false);
  });

  it('refuses bytes after the signature, truncation and other containers', () => {
    const file = writeAckFile(processed, province.privateKey);
    expectRefusal(() => openAckFile(Buffer.concat([file, Buffer.of(0)])), 'malformed_container');
    expectRefusal(() => openAckFile(file.subarray(0, file.length - 1)), 'malformed_container');
    expectRefusal(() => openAckFile(Buffer.concat([Buffer.from('RSB1'), file.subarray(4)])), 'malformed_container');
    expectRefusal(() => openAckFile(Buffer.concat([Buffer.from('RSA2'), file.subarray(4)])), 'protocol_unsupported');
    expectRefusal(() => openAckFile(signedBody({ ...processed, protocolVersion: 2 })), 'protocol_unsupported');
  });

  it('refuses a body that is not canonical', () => {
    const spaced = Buffer.from(JSON.stringify(processed, null, 2), 'utf8');
    expectRefusal(() => openAckFile(writeSignedContainer('RSA1', spaced, province.privateKey)), 'manifest_invalid');
  });

  it('ignores fields it does not know', () => {
    expect(openAckFile(signedBody({ ...processed, receiverVersion: '2.1' })).body).toEqual(processed);
  });

  const rejected = processed.records[2]!;
  it.each([
    ['a body that is an array', [processed]],
    ['no batchId', { ...processed, batchId: undefined }],
    ['a lower-case station code', { ...processed, stationCode: 'kmu01' }],
    ['a short manifestSha256', { ...processed, manifestSha256: 'abc' }],
    ['a processed batch without manifestSha256', { ...processed, manifestSha256: null }],
    ['no provinceKeyId', { ...processed, provinceKeyId: undefined }],
    ['an unknown outcome', { ...processed, outcome: 'partial' }],
    ['a processed batch with an error', { ...processed, error: { code: 'internal_error', reason: '' } }],
    ['a refusal without an error', { ...refused, error: null }],
    ['a refusal listing records', { ...refused, records: processed.records, counts: processed.counts }],
    ['an error without code', { ...refused, error: { reason: 'x' } }],
    ['receivedAt that is no timestamp', { ...processed, receivedAt: '2026-11-20 06:15:04' }],
    ['counts without duplicate', { ...processed, counts: { accepted: 1, rejected: 1 } }],
    ['counts that disagree with the records', { ...processed, counts: { accepted: 2, duplicate: 0, rejected: 1 } }],
    ['records as an object', { ...processed, records: {} }],
    ['records out of seq order', { ...processed, records: [processed.records[1], processed.records[0], rejected] }],
    ['a record with an unknown status', { ...processed, records: [{ ...accepted(101), status: 'lost' }, ...processed.records.slice(1)] }],
    ['an accepted record with a code', { ...processed, records: [{ ...accepted(101), code: 'policy_refused' }, ...processed.records.slice(1)] }],
    ['an accepted record with a reason', { ...processed, records: [{ ...accepted(101), reason: '原因' }, ...processed.records.slice(1)] }],
    ['a rejected record without a code', { ...processed, records: [...processed.records.slice(0, 2), { ...rejected, code: null }] }],
    ['a reason over 500 characters', { ...processed, records: [...processed.records.slice(0, 2), { ...rejected, reason: '长'.repeat(501) }] }],
    ['a record without path', { ...processed, records: [...processed.records.slice(0, 2), { ...rejected, path: undefined }] }],
    ['a record with version 0', { ...processed, records: [...processed.records.slice(0, 2), { ...rejected, version: 0 }] }],
  ])('refuses %s (manifest_invalid)', (_label, body) => {
    const withoutUndefined: unknown = JSON.parse(JSON.stringify(body));
    expectRefusal(() => openAckFile(signedBody(withoutUndefined)), 'manifest_invalid');
  });

  it('takes a reason of exactly 500 characters, counted as characters', () => {
    const body = { ...processed, records: [...processed.records.slice(0, 2), { ...rejected, reason: '𠮷'.repeat(500) }] };
    expect(openAckFile(writeAckFile(body, province.privateKey)).body.records[2]?.reason).toHaveLength(1000);
  });

  it('refuses to sign a body its reader would refuse (RangeError)', () => {
    expect(() => writeAckFile({ ...processed, counts: { accepted: 3, duplicate: 0, rejected: 0 } }, province.privateKey)).toThrow(RangeError);
    expect(() => writeAckFile({ ...processed, receivedAt: 'yesterday' }, province.privateKey)).toThrow(RangeError);
  });

  it('throws nothing but a SyncProtocolError on damaged or random files', () => {
    const file = writeAckFile(processed, province.privateKey);
    fc.assert(fc.property(fc.uint8Array({ maxLength: 400 }), (random) => onlyRefuses(() => openAckFile(Buffer.from(random)))));
    fc.assert(fc.property(fc.nat(file.length), (length) => onlyRefuses(() => openAckFile(file.subarray(0, length)))));
    fc.assert(
      fc.property(fc.nat(file.length - 1), fc.integer({ min: 1, max: 255 }), (index, mask) => {
        const damaged = Buffer.from(file);
        damaged[index] = (damaged[index] ?? 0) ^ mask;
        onlyRefuses(() => verifyAckSignature(openAckFile(damaged), [province.publicKey]));
      }),
    );
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        let body: Buffer;
        try {
          body = Buffer.from(canonicalJson(value), 'utf8');
        } catch {
          return; // fractions: not a canonical body at all
        }
        onlyRefuses(() => openAckFile(writeSignedContainer('RSA1', body.length > 0 ? body : Buffer.from('0'), province.privateKey)));
      }),
    );
  });
});
