import type { KeyObject } from 'node:crypto';
import { signBytes, verifyBytes } from './keys';

/**
 * A request signed by the station's Ed25519 key (§10.2, acknowledgement look-ups): the key id, the time
 * and a signature over `RSQ1`, the method, the path and that time, one per line. The receiver answers
 * only a registered key, and only within REQUEST_TIME_WINDOW_MS of its own clock.
 */

export const REQUEST_KEY_HEADER = 'x-relay-key-id';
export const REQUEST_TIME_HEADER = 'x-relay-time';
export const REQUEST_SIGNATURE_HEADER = 'x-relay-signature';

/** How far the station's clock may be from the receiver's; wide, as a station's clock is often a little off. */
export const REQUEST_TIME_WINDOW_MS = 15 * 60_000;

const KEY_ID = /^[0-9a-f]{64}$/;

/** Signs one request; what a transport adds to its headers. */
export type RequestSigner = (method: string, path: string) => Record<string, string>;

function signedText(method: string, path: string, time: string): Buffer {
  return Buffer.from(`RSQ1\n${method}\n${path}\n${time}`, 'utf8');
}

export function requestSigner(keyId: string, privateKey: KeyObject, now: () => Date = () => new Date()): RequestSigner {
  return (method, path) => {
    const time = now().toISOString();
    return {
      [REQUEST_KEY_HEADER]: keyId,
      [REQUEST_TIME_HEADER]: time,
      [REQUEST_SIGNATURE_HEADER]: signBytes(signedText(method, path, time), privateKey).toString('base64'),
    };
  };
}

type Headers = Record<string, string | string[] | undefined>;

function single(headers: Headers, name: string): string | null {
  const value = headers[name];
  return typeof value === 'string' ? value : null;
}

/** The key id a request names, when it carries the three headers at all. */
export function requestKeyId(headers: Headers): string | null {
  const id = single(headers, REQUEST_KEY_HEADER);
  return id !== null && KEY_ID.test(id) ? id : null;
}

/** Whether the request was signed by `publicKey` for this method and path, at a time close to `now`. */
export function verifyRequest(headers: Headers, method: string, path: string, publicKey: KeyObject, now: Date): boolean {
  const time = single(headers, REQUEST_TIME_HEADER);
  const signature = single(headers, REQUEST_SIGNATURE_HEADER);
  if (time === null || signature === null) return false;
  const at = Date.parse(time);
  if (Number.isNaN(at) || Math.abs(now.getTime() - at) > REQUEST_TIME_WINDOW_MS) return false;
  return verifyBytes(signedText(method, path, time), Buffer.from(signature, 'base64'), publicKey);
}
