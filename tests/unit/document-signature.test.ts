import { sign } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
  generateSigningKey,
  keyFingerprint,
  payloadClaims,
  PAYLOAD_VERSION,
  privateKeyFromDer,
  publicKeyFromDer,
  publicKeyPem,
  signPayload,
  verifyPayload,
} from '../../electron/security/document-signature';

const stationKey = generateSigningKey();
const privateKey = privateKeyFromDer(stationKey.privateKeyDer);
const publicKey = publicKeyFromDer(stationKey.publicKeyDer);
const otherKey = generateSigningKey();

const claims = { serial: 'KMU01-2026-CERT-000045', issuedOn: '2026-04-04', subject: '𠮷*' };
const payload = signPayload(claims, privateKey);

const BASE64URL_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';

/** The payload with the character at `index` replaced by another one of the same kind. */
function withCharacterChanged(text: string, index: number, shift: number): string {
  const original = text[index] ?? '';
  const alphabet = original === '.' ? '.,' : BASE64URL_ALPHABET;
  const position = alphabet.indexOf(original);
  const replacement = alphabet[(position + shift) % alphabet.length] ?? 'A';
  return text.slice(0, index) + replacement + text.slice(index + 1);
}

/** Signs an arbitrary body the way signPayload would, to test the reader on claims signPayload refuses. */
function signedBody(json: string, version = PAYLOAD_VERSION): string {
  const body = Buffer.from(json, 'utf8').toString('base64url');
  const signed = `${version}.${body}`;
  return `${signed}.${sign(null, Buffer.from(signed, 'ascii'), privateKey).toString('base64url')}`;
}

describe('document payloads', () => {
  it('carry the serial, issue date and masked name in a short versioned text that verifies', () => {
    expect(payload).toMatch(/^RS1\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]{86}$/);
    expect(payload.length).toBeLessThan(300);
    expect(verifyPayload(payload, publicKey)).toEqual({
      status: 'genuine',
      claims: { ...claims, stationCode: 'KMU01', kind: 'registration_certificate' },
    });
    // As a scanner may deliver it, with a line end.
    expect(verifyPayload(`${payload}\r\n`, publicKey).status).toBe('genuine');
    expect(payloadClaims(payload)).toMatchObject(claims);
  });

  it('stay under 300 characters for the longest serial and subject a station writes', () => {
    const longest = signPayload({ serial: 'ABCDEFGHIJKL-2026-CARD-999999', issuedOn: '2026-12-31', subject: '𠮷'.repeat(7) + '*' }, privateKey);
    expect(longest.length).toBeLessThan(300);
    expect(verifyPayload(longest, publicKey).status).toBe('genuine');
  });

  it('fail when any character is changed, whichever it is', () => {
    for (let index = 0; index < payload.length; index += 1) {
      for (const shift of [1, 17, 63]) {
        const changed = withCharacterChanged(payload, index, shift);
        expect(changed).not.toBe(payload);
        expect(verifyPayload(changed, publicKey).status, `character ${index} shifted by ${shift}`).toBe('forged');
      }
    }
  });

  it('fail when any bit of any byte is flipped', () => {
    const bytes = Buffer.from(payload, 'ascii');
    for (let index = 0; index < bytes.length; index += 1) {
      for (let bit = 0; bit < 8; bit += 1) {
        const flipped = Buffer.from(bytes);
        flipped[index] = (flipped[index] ?? 0) ^ (1 << bit);
        const text = flipped.toString('latin1');
        // Flipping a letter's case bit of `RS1` gives `rS1`: still not this version.
        expect(verifyPayload(text, publicKey).status, `byte ${index} bit ${bit}`).toBe('forged');
      }
    }
  });

  it('fail for a payload signed by another key, and for any key of another station', () => {
    const foreign = signPayload(claims, privateKeyFromDer(otherKey.privateKeyDer));
    expect(verifyPayload(foreign, publicKey)).toEqual({ status: 'forged', reason: 'signature' });
    expect(verifyPayload(payload, publicKeyFromDer(otherKey.publicKeyDer))).toEqual({ status: 'forged', reason: 'signature' });
    // The signature of one document does not carry over to another's claims.
    const [, otherBody] = signPayload({ ...claims, serial: 'KMU01-2026-CERT-000046' }, privateKey).split('.');
    const [version, , signature] = payload.split('.');
    expect(verifyPayload(`${version}.${otherBody}.${signature}`, publicKey)).toEqual({ status: 'forged', reason: 'signature' });
  });

  it('say why a payload is forged, and never throw', () => {
    const [, body, signature] = payload.split('.');
    expect(verifyPayload(`RS2.${body}.${signature}`, publicKey)).toEqual({ status: 'forged', reason: 'version' });
    for (const garbage of [
      '',
      'RS1',
      'RS1..',
      `RS1.${body}`,
      `RS1.${body}.${signature}.extra`,
      `RS1.${body}.${signature?.slice(0, -2)}`,
      `RS1.${body}=.${signature}`,
      `RS1.${body}.${signature}=`,
      'x'.repeat(10_000),
      'RS1.%%%.%%%',
    ]) {
      expect(verifyPayload(garbage, publicKey), JSON.stringify(garbage.slice(0, 40))).toMatchObject({ status: 'forged' });
    }
    for (const notText of [undefined, null, 42, {}, Buffer.from(payload)]) {
      expect(verifyPayload(notText, publicKey)).toEqual({ status: 'forged', reason: 'malformed' });
    }
  });

  it('are genuine only when the signed claims are well-formed and consistent', () => {
    const good = { s: claims.serial, d: claims.issuedOn, n: claims.subject };
    expect(verifyPayload(signedBody(JSON.stringify(good)), publicKey).status).toBe('genuine');
    for (const bad of [
      { ...good, s: 'kmu01-2026-cert-000045' },
      { ...good, s: 'KMU01-2026-R000045' },
      { ...good, d: '2025-12-31' },
      { ...good, d: '2026-02-29' },
      { ...good, n: '' },
      { ...good, n: 7 },
      { ...good, extra: 1 },
      { s: good.s, d: good.d },
    ]) {
      expect(verifyPayload(signedBody(JSON.stringify(bad)), publicKey), JSON.stringify(bad)).toEqual({ status: 'forged', reason: 'malformed' });
    }
    expect(verifyPayload(signedBody('[1,2]'), publicKey)).toEqual({ status: 'forged', reason: 'malformed' });
    expect(verifyPayload(signedBody('{not json'), publicKey)).toEqual({ status: 'forged', reason: 'malformed' });
  });

  it('are never signed for claims the station could not issue', () => {
    expect(() => signPayload({ ...claims, serial: 'KMU01-2026-XYZ-000001' }, privateKey)).toThrow(RangeError);
    expect(() => signPayload({ ...claims, issuedOn: '2027-01-01' }, privateKey)).toThrow(RangeError);
    expect(() => signPayload({ ...claims, subject: '李'.repeat(9) }, privateKey)).toThrow(RangeError);
  });

  it('export the public key as PEM and name it by its fingerprint', () => {
    expect(publicKeyPem(stationKey.publicKeyDer)).toMatch(/^-----BEGIN PUBLIC KEY-----\n[A-Za-z0-9+/=\n]+-----END PUBLIC KEY-----\n$/);
    expect(keyFingerprint(stationKey.publicKeyDer)).toMatch(/^[0-9a-f]{64}$/);
    expect(keyFingerprint(stationKey.publicKeyDer)).not.toBe(keyFingerprint(otherKey.publicKeyDer));
  });
});
