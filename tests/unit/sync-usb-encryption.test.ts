import { createPublicKey, generateKeyPairSync, randomBytes } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { keyId, rawPublicKey } from '../../electron/sync/keys';
import { decryptFromStation, encryptForProvince, isEncryptedBatch, recipientKeyIdOf } from '../../electron/sync/usb-encryption';
import { expectRefusal, onlyRefuses } from '../fixtures/sync-codec';

const province = generateKeyPairSync('x25519');
const retired = generateKeyPairSync('x25519');
const plain = Buffer.concat([Buffer.from('RSB1'), randomBytes(3000)]);
const encrypted = encryptForProvince(plain, province.publicKey);

function flipped(file: Buffer, index: number): Buffer {
  const copy = Buffer.from(file);
  copy[index] = (copy[index] ?? 0) ^ 0x01;
  return copy;
}

describe('USB encryption (RSE1)', () => {
  it('lays out the header of §7 and adds 97 bytes', () => {
    expect(encrypted.length).toBe(81 + plain.length + 16);
    expect(encrypted.subarray(0, 5).toString('hex')).toBe('5253453101');
    expect(recipientKeyIdOf(encrypted)).toBe(keyId(province.publicKey));
    expect(isEncryptedBatch(encrypted)).toBe(true);
    expect(isEncryptedBatch(plain)).toBe(false);
    expect(isEncryptedBatch(Buffer.from('RSE'))).toBe(false);
  });

  it('decrypts with the matching key among several', () => {
    expect(decryptFromStation(encrypted, [retired.privateKey, province.privateKey]).equals(plain)).toBe(true);
    expect(decryptFromStation(encryptForProvince(Buffer.alloc(0), province.publicKey), [province.privateKey])).toHaveLength(0);
  });

  it('uses a new ephemeral key and nonce for every file', () => {
    const again = encryptForProvince(plain, province.publicKey);
    expect(again.subarray(37, 69).equals(encrypted.subarray(37, 69))).toBe(false);
    expect(again.subarray(69, 81).equals(encrypted.subarray(69, 81))).toBe(false);
    expect(decryptFromStation(again, [province.privateKey]).equals(plain)).toBe(true);
  });

  it('reproduces a file from a fixed ephemeral key and nonce', () => {
    const ephemeral = generateKeyPairSync('x25519');
    const fixed = { ephemeralPrivateKey: ephemeral.privateKey, nonce: Buffer.alloc(12, 7) };
    const first = encryptForProvince(plain, province.publicKey, fixed);
    expect(encryptForProvince(plain, province.publicKey, fixed).equals(first)).toBe(true);
    expect(first.subarray(37, 69).equals(rawPublicKey(ephemeral.publicKey))).toBe(true);
  });

  it('refuses a file for a key it does not hold', () => {
    expectRefusal(() => decryptFromStation(encrypted, [retired.privateKey]), 'recipient_key_unknown');
    expectRefusal(() => decryptFromStation(encrypted, []), 'recipient_key_unknown');
    // The recipient key id is part of the header: changing it names another key.
    expectRefusal(() => decryptFromStation(flipped(encrypted, 5), [province.privateKey]), 'recipient_key_unknown');
  });

  it('refuses any change to the ephemeral key, nonce, ciphertext or tag', () => {
    for (const index of [37, 68, 69, 80, 81, 81 + 1500, encrypted.length - 17, encrypted.length - 16, encrypted.length - 1]) {
      expectRefusal(() => decryptFromStation(flipped(encrypted, index), [province.privateKey]), 'decryption_failed');
    }
    expectRefusal(() => decryptFromStation(encrypted.subarray(0, encrypted.length - 1), [province.privateKey]), 'decryption_failed');
  });

  it('refuses an ephemeral key of low order, whose shared secret is all zeros', () => {
    const lowOrder = Buffer.from(encrypted);
    Buffer.alloc(32).copy(lowOrder, 37);
    expectRefusal(() => decryptFromStation(lowOrder, [province.privateKey]), 'decryption_failed');
    const orderEight = Buffer.from(encrypted);
    Buffer.from('e0eb7a7c3b41b8ae1656e3faf19fc46ada098deb9c32b1fd866205165f49b800', 'hex').copy(orderEight, 37);
    expectRefusal(() => decryptFromStation(orderEight, [province.privateKey]), 'decryption_failed');
  });

  it('calls another magic, scheme or a file too short malformed', () => {
    expectRefusal(() => recipientKeyIdOf(Buffer.concat([Buffer.from('RSB1'), encrypted.subarray(4)])), 'malformed_container');
    expectRefusal(() => decryptFromStation(flipped(encrypted, 4), [province.privateKey]), 'malformed_container');
    expectRefusal(() => decryptFromStation(encrypted.subarray(0, 96), [province.privateKey]), 'malformed_container');
    expectRefusal(() => recipientKeyIdOf(Buffer.alloc(0)), 'malformed_container');
  });

  it('encrypts only to an X25519 public key', () => {
    expect(() => encryptForProvince(plain, generateKeyPairSync('ed25519').publicKey)).toThrow(TypeError);
    expect(() => encryptForProvince(plain, province.privateKey)).toThrow(TypeError);
    expect(keyId(createPublicKey(province.privateKey))).toBe(recipientKeyIdOf(encrypted));
  });

  it('throws nothing but a SyncProtocolError on any bytes', () => {
    const keys = [province.privateKey];
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 300 }), (random) => {
        onlyRefuses(() => decryptFromStation(Buffer.from(random), keys));
        onlyRefuses(() => decryptFromStation(Buffer.concat([encrypted.subarray(0, 37), Buffer.from(random)]), keys));
      }),
    );
    fc.assert(fc.property(fc.nat(encrypted.length), (length) => onlyRefuses(() => decryptFromStation(encrypted.subarray(0, length), keys))));
    fc.assert(
      fc.property(fc.nat(encrypted.length - 1), fc.integer({ min: 1, max: 255 }), (index, mask) => {
        const damaged = Buffer.from(encrypted);
        damaged[index] = (damaged[index] ?? 0) ^ mask;
        expect(() => decryptFromStation(damaged, keys)).toThrow();
        onlyRefuses(() => decryptFromStation(damaged, keys));
      }),
    );
  });
});
