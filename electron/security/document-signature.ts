import {
  createHash,
  createPrivateKey,
  createPublicKey,
  generateKeyPairSync,
  sign,
  verify,
  type KeyObject,
} from 'node:crypto';
import { isCalendarDate } from '../../shared/domain/age';
import { formatSerialNumber, parseSerialNumber, type SerialDocument } from '../../shared/domain/registration-number';

/**
 * The signed payload a document's QR code carries, so that anyone holding the station's public key can
 * tell a genuine document from a forged one offline.
 *
 * Format, version 1 (all ASCII, about 170 characters for a typical document, never more than about 210):
 *
 *     RS1.<claims>.<signature>
 *
 * - `RS1`: the format and its version. A later format gets a new prefix; this reader refuses it.
 * - `<claims>`: base64url (no padding) of the UTF-8 JSON object `{"s":…,"d":…,"n":…}`, exactly these keys:
 *   - `s`: the serial number, `<station code>-<year>-<kind code>-<6 digits>` (`KMU01-2026-CERT-000045`).
 *     It already names the station and the kind of document, so neither is repeated.
 *   - `d`: the issue date, YYYY-MM-DD in the station's time zone; its year is the serial's year.
 *   - `n`: the subject's name masked as screens show it (`李*`), 1–8 characters: enough to match the
 *     paper against the person holding it, never the whole name, because a QR code can be read by anyone.
 * - `<signature>`: base64url (no padding) of the 64-byte Ed25519 signature of the ASCII text
 *   `RS1.<claims>`, the version included so that it cannot be swapped.
 *
 * The signature covers the claims as transmitted, so a verifier needs no canonical JSON. Both parts are
 * decoded strictly (re-encoding must give back the same text), so changing any character of a payload,
 * even one of the spare bits of the last base64 character, makes it fail.
 */

export const PAYLOAD_VERSION = 'RS1';

/** Far above any payload this station writes; a longer text is not worth decoding. */
const MAX_PAYLOAD_LENGTH = 600;
/**
 * Masked names are a character and `*`; a little room for other masked subjects, and small enough
 * that the longest payload (12-character station code, 8 characters outside the basic plane) stays
 * near 210 characters.
 */
const MAX_SUBJECT_LENGTH = 8;
const SIGNATURE_BYTES = 64;
const BASE64URL = /^[A-Za-z0-9_-]+$/;

/** What a document's payload states. */
export interface DocumentClaims {
  serial: string;
  /** YYYY-MM-DD. */
  issuedOn: string;
  /** The subject's masked name. */
  subject: string;
}

/** The claims of a genuine payload, with what its serial number says. */
export interface VerifiedClaims extends DocumentClaims {
  stationCode: string;
  kind: SerialDocument;
}

export type ForgeryReason = 'malformed' | 'version' | 'signature';

export type PayloadCheck = { status: 'genuine'; claims: VerifiedClaims } | { status: 'forged'; reason: ForgeryReason };

/** A new Ed25519 key pair as stored: public key SPKI DER, private key PKCS#8 DER. */
export function generateSigningKey(): { publicKeyDer: Buffer; privateKeyDer: Buffer } {
  const { publicKey, privateKey } = generateKeyPairSync('ed25519');
  return {
    publicKeyDer: publicKey.export({ type: 'spki', format: 'der' }),
    privateKeyDer: privateKey.export({ type: 'pkcs8', format: 'der' }),
  };
}

export function publicKeyFromDer(der: Buffer): KeyObject {
  return createPublicKey({ key: der, format: 'der', type: 'spki' });
}

export function privateKeyFromDer(der: Buffer): KeyObject {
  return createPrivateKey({ key: der, format: 'der', type: 'pkcs8' });
}

/** The public key as PEM, the form the province imports. */
export function publicKeyPem(der: Buffer): string {
  return publicKeyFromDer(der).export({ type: 'spki', format: 'pem' }).toString();
}

/** SHA-256 of the public key (SPKI DER), hex: short enough to compare by reading it out on the phone. */
export function keyFingerprint(publicKeyDer: Buffer): string {
  return createHash('sha256').update(publicKeyDer).digest('hex');
}

/**
 * Signs a document's claims into its payload. Throws a RangeError for claims this station could never
 * issue (a malformed serial, a date not in the serial's year, an over-long subject): they come from the
 * station's own counters and records, so a bad one is a programming error.
 */
export function signPayload(claims: DocumentClaims, privateKey: KeyObject): string {
  if (readClaims({ s: claims.serial, d: claims.issuedOn, n: claims.subject }) === null) {
    throw new RangeError(`claims cannot be signed: ${JSON.stringify(claims)}`);
  }
  const body = Buffer.from(JSON.stringify({ s: claims.serial, d: claims.issuedOn, n: claims.subject }), 'utf8').toString('base64url');
  const signed = `${PAYLOAD_VERSION}.${body}`;
  return `${signed}.${sign(null, Buffer.from(signed, 'ascii'), privateKey).toString('base64url')}`;
}

/**
 * Whether `payload` was signed with the private key of `publicKey`, and what it states. Never throws:
 * anything that is not a well-formed version 1 payload with a valid signature is `forged`, with the
 * first reason found (surrounding white space, which scanners add, is ignored).
 */
export function verifyPayload(payload: unknown, publicKey: KeyObject): PayloadCheck {
  if (typeof payload !== 'string') return forged('malformed');
  const text = payload.trim();
  if (text.length > MAX_PAYLOAD_LENGTH) return forged('malformed');
  const parts = text.split('.');
  if (parts.length !== 3) return forged('malformed');
  const [version = '', body = '', signatureText = ''] = parts;
  if (version !== PAYLOAD_VERSION) return forged('version');
  const bodyBytes = strictBase64url(body);
  const signature = strictBase64url(signatureText);
  if (bodyBytes === null || signature === null || signature.length !== SIGNATURE_BYTES) return forged('malformed');
  if (!signatureHolds(Buffer.from(`${version}.${body}`, 'ascii'), signature, publicKey)) return forged('signature');
  const claims = readClaims(parseJson(bodyBytes));
  return claims === null ? forged('malformed') : { status: 'genuine', claims };
}

/**
 * The claims of a payload read without checking its signature, or null when it is malformed. Only for
 * payloads the station stored itself when it signed them; a scanned payload goes through
 * {@link verifyPayload}.
 */
export function payloadClaims(payload: string): VerifiedClaims | null {
  const [version, body, signature, ...rest] = payload.split('.');
  if (version !== PAYLOAD_VERSION || signature === undefined || rest.length > 0) return null;
  const bytes = strictBase64url(body ?? '');
  return bytes === null ? null : readClaims(parseJson(bytes));
}

function forged(reason: ForgeryReason): PayloadCheck {
  return { status: 'forged', reason };
}

function signatureHolds(data: Buffer, signature: Buffer, publicKey: KeyObject): boolean {
  try {
    return verify(null, data, publicKey, signature);
  } catch {
    // A key of another type (not Ed25519) cannot have made the signature.
    return false;
  }
}

/** The bytes of base64url text only if re-encoding them gives back the very same text. */
function strictBase64url(text: string): Buffer | null {
  if (!BASE64URL.test(text)) return null;
  const bytes = Buffer.from(text, 'base64url');
  return bytes.toString('base64url') === text ? bytes : null;
}

function parseJson(bytes: Buffer): unknown {
  try {
    return JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes));
  } catch {
    return null;
  }
}

/** The claims of a decoded body: exactly `s`, `d` and `n`, each well-formed and consistent; else null. */
function readClaims(value: unknown): VerifiedClaims | null {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return null;
  const record = value as Record<string, unknown>;
  if (Object.keys(record).sort().join(',') !== 'd,n,s') return null;
  const { s, d, n } = record;
  if (typeof s !== 'string' || typeof d !== 'string' || typeof n !== 'string') return null;
  const serial = parseSerialNumber(s);
  // Only the canonical spelling: the tolerant parser would also accept lower case or fullwidth digits.
  if (serial === null || formatSerialNumber(serial.stationCode, serial.year, serial.document, serial.sequence) !== s) return null;
  if (!isCalendarDate(d) || Number(d.slice(0, 4)) !== serial.year) return null;
  const subjectLength = Array.from(n).length;
  if (subjectLength === 0 || subjectLength > MAX_SUBJECT_LENGTH) return null;
  return { serial: s, issuedOn: d, subject: n, stationCode: serial.stationCode, kind: serial.document };
}
