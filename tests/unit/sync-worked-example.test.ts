import { readFileSync } from 'node:fs';
import { createPublicKey } from 'node:crypto';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { openAckFile, verifyAckSignature, writeAckFile, type AckBody } from '../../electron/sync/ack-file';
import { batchIdOf, openBatchFile, readBatchRecords, sha256Hex, verifyBatchSignature, writeBatchFile, type Envelope } from '../../electron/sync/batch-file';
import { canonicalJson } from '../../electron/sync/canonical-json';
import { exampleKeyPair, keyId, publicKeyToPem, rawPublicKey, signBytes } from '../../electron/sync/keys';
import { decryptFromStation, deriveFileKey, encryptForProvince, recipientKeyIdOf, sharedSecret } from '../../electron/sync/usb-encryption';
import { verifyPayload } from '../../electron/security/document-signature';

/**
 * Reproduces the worked example of docs/sync-protocol.md §15 from its seeds. Every expected value is read
 * from the document itself, so the document and the code cannot drift apart unnoticed.
 */

const doc = readFileSync(new URL('../../docs/sync-protocol.md', import.meta.url), 'utf8');

/** The text of subsection 15.n (or all of §15 before 15.1 for n = 0). */
function section(n: number): string {
  const start = n === 0 ? doc.indexOf('## 15. Worked example') : doc.indexOf(`### 15.${n} `);
  expect(start).toBeGreaterThan(-1);
  const next = doc.indexOf('\n#', start + 4);
  return next === -1 ? doc.slice(start) : doc.slice(start, next);
}

/** The fenced blocks of a text, without their final newline. */
function blocks(text: string): string[] {
  return [...text.matchAll(/```[a-z]*\n([\s\S]*?)\n```/g)].map((match) => match[1] ?? '');
}

function found(text: string, pattern: RegExp): string[] {
  const match = pattern.exec(text);
  expect(match, `${pattern} in the document`).not.toBeNull();
  return (match ?? []).slice(1);
}

/** "1 164" → 1164: the document groups digits by thousands with a space. */
const count = (text: string | undefined): number => Number((text ?? '').replaceAll(' ', ''));

const byteList = (text: string | undefined): Buffer => Buffer.from((text ?? '').replaceAll(' ', ''), 'hex');

const seeds = 'relay-station example: ';
const station = exampleKeyPair(`${seeds}station KMU01`, 'ed25519');
const provinceSigning = exampleKeyPair(`${seeds}province signing`, 'ed25519');
const provinceEncryption = exampleKeyPair(`${seeds}province encryption`, 'x25519');
const ephemeral = exampleKeyPair(`${seeds}ephemeral`, 'x25519');

const ndjson = blocks(section(1))[0] ?? '';
const ndjsonText = `${ndjson}\n`;
const envelopes = ndjson.split('\n').map((line) => JSON.parse(line) as Envelope);
const manifestText = blocks(section(2))[0] ?? '';
const stationSignature = blocks(section(2))[1] ?? '';
const ackText = blocks(section(5))[0] ?? '';
const provinceSignature = blocks(section(5))[1] ?? '';
const [gzipLength, gzipSha256] = found(section(1), /took ([\d ]+) bytes with SHA-256\s+`([0-9a-f]{64})`/);

describe('worked example (docs/sync-protocol.md §15)', () => {
  it('derives the keys of the table from their seeds', () => {
    const rows = [...section(0).matchAll(/^\| [^|]+ \| `relay-station example: ([^`]+)` \| ([^|]+) \| ([^|]+) \|$/gm)];
    expect(rows.map((row) => row[1])).toEqual(['station KMU01', 'province signing', 'province encryption', 'ephemeral']);
    const keys = [station, provinceSigning, provinceEncryption];
    keys.forEach((key, index) => {
      const [, , spki, fingerprint] = rows[index] ?? [];
      expect(spki?.trim()).toBe(`\`${publicKeyToPem(key.publicKey).split('\n')[1]}\``);
      expect(fingerprint?.trim()).toBe(`\`${keyId(key.publicKey)}\``);
    });
    expect(rows[3]?.[2]?.trim()).toBe(`raw \`${rawPublicKey(ephemeral.publicKey).toString('hex')}\``);
    expect(blocks(section(0))[0]).toBe(publicKeyToPem(station.publicKey).trimEnd());
  });

  it('has the NDJSON payload of the stated length, one envelope per line', () => {
    expect(Buffer.byteLength(ndjsonText, 'utf8')).toBe(count(found(section(1), /NDJSON payload \(([\d ]+) bytes/)[0]));
    expect(Buffer.byteLength(ndjsonText, 'utf8')).toBe(3265);
    expect(envelopes.map((item) => [item.seq, item.kind, item.version])).toEqual([
      [1041, 'registration', 1],
      [1042, 'document', 1],
      [1043, 'registration', 3],
    ]);
  });

  it("gives the document's content digest and its QR text verifies with the station key", () => {
    const document = envelopes[1]!;
    const [digest] = found(section(1), /content digest, SHA-256 of the canonical\s+payload, is `([0-9a-f]{64})`/);
    expect(sha256Hex(Buffer.from(canonicalJson(document.payload), 'utf8'))).toBe(digest);
    const check = verifyPayload(document.payload.payload, station.publicKey);
    expect(check).toMatchObject({ status: 'genuine', claims: { serial: 'KMU01-2026-RCP-000318', issuedOn: '2026-11-20', subject: '陈*' } });
  });

  it('builds the canonical manifest of §15.2 byte for byte, and its signature', () => {
    const kindCounts: Record<string, number> = {};
    for (const { kind } of envelopes) kindCounts[kind] = (kindCounts[kind] ?? 0) + 1;
    const manifest = {
      protocolVersion: 1,
      schemaVersion: 1,
      stationCode: 'KMU01',
      stationKeyId: keyId(station.publicKey),
      batchId: batchIdOf('KMU01', 42),
      batchSeq: 42,
      previousBatchId: batchIdOf('KMU01', 41),
      firstSeq: envelopes[0]?.seq,
      lastSeq: envelopes.at(-1)?.seq,
      recordCount: envelopes.length,
      omittedCount: 0,
      resentCount: 0,
      kindCounts,
      createdAt: '2026-11-20T06:15:02.431Z',
      payloadBytes: count(gzipLength),
      payloadSha256: gzipSha256,
      auditHead: { seq: 88213, hash: 'b81f37a043a6f767e7c94d105f4bd31282f3ecc20680bb9d09bd93461cf4c863' },
      software: 'relay-station/0.1.0',
    };
    const manifestBytes = Buffer.from(canonicalJson(manifest), 'utf8');
    expect(manifestBytes.toString('utf8')).toBe(manifestText);
    const [length, lengthHex] = found(section(2), /one line of ([\d ]+) bytes \(M = [\d ]+ = `0x([0-9a-f]+)`\)/);
    expect(manifestBytes.length).toBe(count(length));
    expect(manifestBytes.length).toBe(Number.parseInt(lengthHex ?? '', 16));

    const [signedLength, signedStart, signedSha256] = found(section(2), /The signed message is ([\d ]+) bytes: `([0-9a-f ]+)`[\s\S]*?SHA-256 is `([0-9a-f]{64})`/);
    const signed = Buffer.concat([Buffer.from('RSB1'), Buffer.alloc(4), manifestBytes]);
    signed.writeUInt32BE(manifestBytes.length, 4);
    expect(signed.length).toBe(count(signedLength));
    expect(signed.subarray(0, 8).equals(byteList(signedStart))).toBe(true);
    expect(sha256Hex(signed)).toBe(signedSha256);
    expect(signBytes(signed, station.privateKey).toString('base64')).toBe(stationSignature);
  });

  it('reproduces the shared secret and file key of §15.3', () => {
    const text = blocks(section(3))[0] ?? '';
    const [z] = found(text, /^Z \(X25519\)\s+([0-9a-f]{64})$/m);
    const [saltStart, saltEnd, recipientRaw] = found(text, /^salt\s+([0-9a-f]{8})…([0-9a-f]{8}) ‖ ([0-9a-f]{64})$/m);
    const [k] = found(text, /^K \(HKDF\)\s+([0-9a-f]{64})$/m);
    const ephemeralRaw = rawPublicKey(ephemeral.publicKey);
    const provinceRaw = rawPublicKey(provinceEncryption.publicKey);
    const secret = sharedSecret(ephemeral.privateKey, provinceEncryption.publicKey);
    expect(secret.toString('hex')).toBe(z);
    expect(sharedSecret(provinceEncryption.privateKey, ephemeral.publicKey).toString('hex')).toBe(z);
    expect(ephemeralRaw.toString('hex').startsWith(saltStart ?? '-')).toBe(true);
    expect(ephemeralRaw.toString('hex').endsWith(saltEnd ?? '-')).toBe(true);
    expect(provinceRaw.toString('hex')).toBe(recipientRaw);
    expect(deriveFileKey(secret, ephemeralRaw, provinceRaw).toString('hex')).toBe(k);
  });

  it('writes the acknowledgement of §15.5 and its signature, which the station verifies', () => {
    const body = JSON.parse(ackText) as AckBody;
    expect(canonicalJson(body)).toBe(ackText);
    const [length] = found(section(5), /canonical, ([\d ]+) bytes \(`A = 0x([0-9a-f]+)`\)/);
    expect(Buffer.byteLength(ackText, 'utf8')).toBe(count(length));
    expect(body.manifestSha256).toBe(sha256Hex(Buffer.from(manifestText, 'utf8')));
    expect(body.provinceKeyId).toBe(keyId(provinceSigning.publicKey));

    const file = writeAckFile(body, provinceSigning.privateKey);
    const [start] = found(section(5), /The file is\s+`([0-9a-f ]+)`/);
    expect(file.subarray(0, 8).equals(byteList(start))).toBe(true);
    expect(file.subarray(file.length - 64).toString('base64')).toBe(provinceSignature);
    const [contentLength] = found(section(4), /HTTP\/1\.1 200 OK\nContent-Type: application\/vnd\.relay-station\.ack\nContent-Length: (\d+)/);
    expect(file.length).toBe(Number(contentLength));

    const opened = openAckFile(file);
    expect(opened.body).toEqual(body);
    expect(verifyAckSignature(opened, [station.publicKey, provinceSigning.publicKey])).toBe(true);
    expect(opened.body.records.map((record) => [record.seq, record.status, record.code])).toEqual([
      [1041, 'rejected', 'policy_refused'],
      [1042, 'accepted', null],
      [1043, 'accepted', null],
    ]);
  });

  it('round-trips the example: written, opened, verified, read; encrypted and decrypted', () => {
    const records = ndjson.split('\n').map((line, index) => ({ seq: envelopes[index]!.seq, kind: envelopes[index]!.kind, line: `${line}\n` }));
    const header = {
      stationCode: 'KMU01',
      batchSeq: 42,
      firstSeq: 1041,
      lastSeq: 1043,
      omittedCount: 0,
      createdAt: '2026-11-20T06:15:02.431Z',
      auditHead: { seq: 88213, hash: 'b81f37a043a6f767e7c94d105f4bd31282f3ecc20680bb9d09bd93461cf4c863' },
      software: 'relay-station/0.1.0',
    };
    const { file } = writeBatchFile(header, records, station.privateKey);
    const opened = openBatchFile(file);
    expect(verifyBatchSignature(opened, station.publicKey)).toBe(true);
    expect(verifyBatchSignature(opened, provinceSigning.publicKey)).toBe(false);
    expect(readBatchRecords(opened)).toEqual(envelopes);

    const encrypted = encryptForProvince(file, provinceEncryption.publicKey);
    expect(recipientKeyIdOf(encrypted)).toBe(keyId(provinceEncryption.publicKey));
    expect(decryptFromStation(encrypted, [provinceEncryption.privateKey]).equals(file)).toBe(true);
    expect(keyId(createPublicKey(provinceEncryption.privateKey))).toBe(keyId(provinceEncryption.publicKey));
  });

  // The gzip bytes are zlib's at level 6, as Node bundles it; the document allows other bytes from other
  // implementations. The OS byte of the gzip header is set to Unix (3), the value the example was made with.
  it("with Node's zlib, gives the example's payload, batch file and encrypted file byte for byte", () => {
    const gzip = gzipSync(Buffer.from(ndjsonText, 'utf8'));
    gzip[9] = 3;
    expect(gzip.length).toBe(count(gzipLength));
    expect(sha256Hex(gzip)).toBe(gzipSha256);

    const file = Buffer.concat([Buffer.from('RSB1'), Buffer.alloc(4), Buffer.from(manifestText, 'utf8'), Buffer.from(stationSignature, 'base64'), gzip]);
    file.writeUInt32BE(Buffer.byteLength(manifestText, 'utf8'), 4);
    const [fileLength] = found(section(2), /= ([\d ]+) bytes\./);
    expect(file.length).toBe(count(fileLength));
    const [putLength] = found(section(4), /Content-Length: (\d+)\n\nRSB1/);
    expect(file.length).toBe(Number(putLength));
    const opened = openBatchFile(file);
    expect(verifyBatchSignature(opened, station.publicKey)).toBe(true);
    expect(readBatchRecords(opened)).toEqual(envelopes);

    const text = blocks(section(3))[0] ?? '';
    const [nonce] = found(section(3), /nonce `([0-9a-f]{24})`/);
    const encrypted = encryptForProvince(file, provinceEncryption.publicKey, { ephemeralPrivateKey: ephemeral.privateKey, nonce: byteList(nonce) });
    const [headerLines] = found(text, /^header \(81 bytes[^\n]*\n((?: {2}[^\n]*\n)+)/m);
    const header = (headerLines ?? '').split('\n').map((line) => line.trim().split(/\s{2,}/)[0] ?? '').join('');
    expect(encrypted.subarray(0, 81).equals(byteList(header))).toBe(true);
    const [ciphertextStart, ciphertextLength] = found(text, /^ciphertext\s+([0-9a-f]+)… \(([\d ]+) bytes\)$/m);
    const [tag] = found(text, /^tag\s+([0-9a-f]{32})$/m);
    expect(encrypted.subarray(81, encrypted.length - 16).toString('hex').startsWith(ciphertextStart ?? '-')).toBe(true);
    expect(encrypted.length - 81 - 16).toBe(count(ciphertextLength));
    expect(encrypted.subarray(encrypted.length - 16).toString('hex')).toBe(tag);
    const [rseLength] = found(section(3), /`KMU01-B000042\.rse` is 81 \+ [\d ]+ \+ 16 = ([\d ]+) bytes/);
    expect(encrypted.length).toBe(count(rseLength));
    expect(decryptFromStation(encrypted, [provinceEncryption.privateKey]).equals(file)).toBe(true);
  });
});
