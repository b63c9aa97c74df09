import { createHash, generateKeyPairSync } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readSignedContainer, writeSignedContainer } from '../../electron/sync/containers';
import { exampleKeyPair, keyId, publicKeyFromPem, publicKeyToPem, signBytes, verifyBytes } from '../../electron/sync/keys';
import { expectRefusal, onlyRefuses } from '../fixtures/sync-codec';

const station = generateKeyPairSync('ed25519');
const body = Buffer.from('{"batchId":"KMU01-B000001"}', 'utf8');
const rest = Buffer.from('payload bytes');

describe('keys', () => {
  it('names a key by the SHA-256 of its SPKI DER', () => {
    const der = station.publicKey.export({ type: 'spki', format: 'der' });
    expect(keyId(station.publicKey)).toBe(createHash('sha256').update(der).digest('hex'));
    expect(keyId(station.publicKey)).toMatch(/^[0-9a-f]{64}$/);
  });

  it('reads back the PEM it writes, only as the type asked for', () => {
    const pem = publicKeyToPem(station.publicKey);
    expect(pem).toMatch(/^-----BEGIN PUBLIC KEY-----\n/);
    expect(keyId(publicKeyFromPem(pem, 'ed25519'))).toBe(keyId(station.publicKey));
    expect(() => publicKeyFromPem(pem, 'x25519')).toThrow('key_invalid');
    const encryption = generateKeyPairSync('x25519');
    expect(keyId(publicKeyFromPem(publicKeyToPem(encryption.publicKey), 'x25519'))).toBe(keyId(encryption.publicKey));
    expect(() => publicKeyFromPem(publicKeyToPem(encryption.publicKey), 'ed25519')).toThrow('key_invalid');
  });

  it('refuses a private key, another algorithm or no key at all', () => {
    const privatePem = station.privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
    expect(() => publicKeyFromPem(privatePem, 'ed25519')).toThrow('key_invalid');
    const rsa = generateKeyPairSync('rsa', { modulusLength: 1024 });
    expect(() => publicKeyFromPem(publicKeyToPem(rsa.publicKey), 'ed25519')).toThrow('key_invalid');
    expect(() => publicKeyFromPem('-----BEGIN PUBLIC KEY-----\nAAAA\n-----END PUBLIC KEY-----\n', 'ed25519')).toThrow('key_invalid');
    expect(() => publicKeyFromPem('', 'ed25519')).toThrow('key_invalid');
  });

  it('signs 64 bytes that verify only for the same bytes and key, and never throws on verifying', () => {
    const signature = signBytes(body, station.privateKey);
    expect(signature).toHaveLength(64);
    expect(verifyBytes(body, signature, station.publicKey)).toBe(true);
    expect(verifyBytes(Buffer.concat([body, Buffer.of(0)]), signature, station.publicKey)).toBe(false);
    expect(verifyBytes(body, signature, generateKeyPairSync('ed25519').publicKey)).toBe(false);
    expect(verifyBytes(body, signature.subarray(0, 63), station.publicKey)).toBe(false);
    expect(verifyBytes(body, Buffer.alloc(64), station.publicKey)).toBe(false);
    expect(verifyBytes(body, signature, generateKeyPairSync('x25519').publicKey)).toBe(false);
    expect(verifyBytes(body, signature, generateKeyPairSync('ec', { namedCurve: 'P-256' }).publicKey)).toBe(false);
  });

  it('derives the same example key from the same text, and different keys from different texts', () => {
    const first = exampleKeyPair('a text', 'ed25519');
    expect(keyId(exampleKeyPair('a text', 'ed25519').publicKey)).toBe(keyId(first.publicKey));
    expect(keyId(exampleKeyPair('another text', 'ed25519').publicKey)).not.toBe(keyId(first.publicKey));
    expect(exampleKeyPair('a text', 'x25519').publicKey.asymmetricKeyType).toBe('x25519');
    expect(verifyBytes(body, signBytes(body, first.privateKey), first.publicKey)).toBe(true);
  });
});

describe('signed containers', () => {
  it('lays out magic, big-endian length, body, signature and rest', () => {
    const file = writeSignedContainer('RSB1', body, station.privateKey, rest);
    expect(file.subarray(0, 4).toString('ascii')).toBe('RSB1');
    expect(file.readUInt32BE(4)).toBe(body.length);
    expect(file.length).toBe(8 + body.length + 64 + rest.length);
    const read = readSignedContainer(file, 'RSB1', 65_536);
    expect(read.body.equals(body)).toBe(true);
    expect(read.signedBytes.equals(file.subarray(0, 8 + body.length))).toBe(true);
    expect(read.rest.equals(rest)).toBe(true);
    expect(verifyBytes(read.signedBytes, read.signature, station.publicKey)).toBe(true);
  });

  it('writes no rest unless given one', () => {
    const file = writeSignedContainer('RSA1', body, station.privateKey);
    expect(file.length).toBe(8 + body.length + 64);
    expect(readSignedContainer(file, 'RSA1', 1024).rest).toHaveLength(0);
  });

  it('calls a later version of the same container unsupported, anything else malformed', () => {
    const file = writeSignedContainer('RSB1', body, station.privateKey, rest);
    const withMagic = (magic: string) => Buffer.concat([Buffer.from(magic, 'latin1'), file.subarray(4)]);
    expectRefusal(() => readSignedContainer(withMagic('RSB2'), 'RSB1', 65_536), 'protocol_unsupported');
    expectRefusal(() => readSignedContainer(withMagic('RSA9'), 'RSA1', 65_536), 'protocol_unsupported');
    expectRefusal(() => readSignedContainer(withMagic('RSA1'), 'RSB1', 65_536), 'malformed_container');
    expectRefusal(() => readSignedContainer(withMagic('RSE1'), 'RSB1', 65_536), 'malformed_container');
    expectRefusal(() => readSignedContainer(withMagic('RSBx'), 'RSB1', 65_536), 'malformed_container');
    expectRefusal(() => readSignedContainer(withMagic('rsb1'), 'RSB1', 65_536), 'malformed_container');
    expectRefusal(() => readSignedContainer(Buffer.from('RSB'), 'RSB1', 65_536), 'malformed_container');
  });

  it('refuses lengths out of bounds and files too short for their body and signature', () => {
    const file = writeSignedContainer('RSB1', body, station.privateKey);
    expectRefusal(() => readSignedContainer(file, 'RSB1', body.length - 1), 'malformed_container');
    expect(readSignedContainer(file, 'RSB1', body.length).body.equals(body)).toBe(true);
    const zeroLength = Buffer.from(file);
    zeroLength.writeUInt32BE(0, 4);
    expectRefusal(() => readSignedContainer(zeroLength, 'RSB1', 65_536), 'malformed_container');
    const hugeLength = Buffer.from(file);
    hugeLength.writeUInt32BE(0xffffffff, 4);
    expectRefusal(() => readSignedContainer(hugeLength, 'RSB1', 65_536), 'malformed_container');
    for (const length of [0, 4, 7, 8, 8 + body.length, 8 + body.length + 63]) {
      expectRefusal(() => readSignedContainer(file.subarray(0, length), 'RSB1', 65_536), 'malformed_container');
    }
  });

  it('throws nothing but a SyncProtocolError on any bytes', () => {
    const file = writeSignedContainer('RSB1', body, station.privateKey, rest);
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 300 }), (random) => {
        onlyRefuses(() => readSignedContainer(Buffer.from(random), 'RSB1', 65_536));
        onlyRefuses(() => readSignedContainer(Buffer.concat([Buffer.from('RSB1'), Buffer.from(random)]), 'RSB1', 65_536));
      }),
    );
    fc.assert(fc.property(fc.nat(file.length), (length) => onlyRefuses(() => readSignedContainer(file.subarray(0, length), 'RSB1', 65_536))));
  });
});
