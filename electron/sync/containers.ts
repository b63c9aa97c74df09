import type { KeyObject } from 'node:crypto';
import { signBytes } from './keys';
import { SyncProtocolError } from './protocol-error';

/**
 * The signed container shared by batches (RSB1, §6) and acknowledgements (RSA1, §9.1):
 * magic (4) | body length, u32 big-endian (4) | body | Ed25519 signature over the bytes before it (64) | rest.
 */

export type ContainerMagic = 'RSB1' | 'RSA1';

export interface SignedContainer {
  body: Buffer;
  /** The first 8 + length bytes: magic, length and body exactly as stored, which the signature covers. */
  signedBytes: Buffer;
  signature: Buffer;
  rest: Buffer;
}

const HEADER_BYTES = 8;
const SIGNATURE_BYTES = 64;
const ASCII_DIGIT = /^[0-9]$/;

export function writeSignedContainer(magic: ContainerMagic, body: Buffer, privateKey: KeyObject, rest: Buffer = Buffer.alloc(0)): Buffer {
  const header = Buffer.alloc(HEADER_BYTES);
  header.write(magic, 0, 'ascii');
  header.writeUInt32BE(body.length, 4);
  const signedBytes = Buffer.concat([header, body]);
  return Buffer.concat([signedBytes, signBytes(signedBytes, privateKey), rest]);
}

/**
 * Structural read only; the caller verifies the signature. `RSB2`, `RSA7`, … are later protocol
 * versions (protocol_unsupported, retried later); anything else that does not fit is malformed.
 */
export function readSignedContainer(file: Buffer, magic: ContainerMagic, maxBody: number): SignedContainer {
  const found = file.subarray(0, 4).toString('latin1');
  if (found !== magic) {
    const family = magic.slice(0, 3);
    if (found.length === 4 && found.startsWith(family) && ASCII_DIGIT.test(found.charAt(3))) {
      throw new SyncProtocolError('protocol_unsupported', `${found} is not a supported version of ${family}`);
    }
    throw new SyncProtocolError('malformed_container', `not an ${magic} file`);
  }
  if (file.length < HEADER_BYTES) throw new SyncProtocolError('malformed_container', 'file too short for its length field');
  const length = file.readUInt32BE(4);
  if (length < 1 || length > maxBody) throw new SyncProtocolError('malformed_container', `body length ${length} outside 1…${maxBody}`);
  const signatureEnd = HEADER_BYTES + length + SIGNATURE_BYTES;
  if (file.length < signatureEnd) throw new SyncProtocolError('malformed_container', 'file too short for its body and signature');
  return {
    body: file.subarray(HEADER_BYTES, HEADER_BYTES + length),
    signedBytes: file.subarray(0, HEADER_BYTES + length),
    signature: file.subarray(HEADER_BYTES + length, signatureEnd),
    rest: file.subarray(signatureEnd),
  };
}
