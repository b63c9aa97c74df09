import type { KeyObject } from 'node:crypto';
import { openBatchFile, type OpenedBatch } from './batch-file';
import { SyncProtocolError } from './protocol-error';
import { decryptPrefix, ENCRYPTION_OVERHEAD_BYTES, isEncryptedBatch } from './usb-encryption';

/** Magic and length (8), then the manifest (§6: at most 64 KiB), then the station's signature (64). */
const LENGTH_FIELD_END = 8;
const SIGNATURE_BYTES = 64;
const MAX_MANIFEST_BYTES = 65_536;

/**
 * The head of a batch file (docs/sync-protocol.md §6: magic, manifest, the station's signature) read from the
 * first bytes of a file of `fileLength` bytes, before the rest has arrived. An encrypted file (§10.1) is
 * decrypted only that far, with the province's encryption keys. 'more' while the bytes so far cannot decide;
 * the opened head once they hold it whole (its payload not read, its signature not yet checked); a
 * SyncProtocolError when they can never make a batch file.
 */
export function readBatchHead(prefix: Buffer, fileLength: number, encryptionPrivateKeys: readonly KeyObject[]): 'more' | OpenedBatch {
  if (prefix.length < 4) return 'more';
  const encrypted = isEncryptedBatch(prefix);
  const plain = encrypted ? decryptPrefix(prefix, fileLength, encryptionPrivateKeys) : prefix;
  const plainLength = encrypted ? fileLength - ENCRYPTION_OVERHEAD_BYTES : fileLength;
  // Not a batch container at all: the container reader names the fault (malformed, a later version).
  if (!encrypted && plain.subarray(0, 4).toString('latin1') !== 'RSB1') openBatchFile(plain);
  if (plain.length < LENGTH_FIELD_END) return 'more';
  const manifestBytes = plain.readUInt32BE(4);
  if (manifestBytes < 1 || manifestBytes > MAX_MANIFEST_BYTES) throw new SyncProtocolError('malformed_container', `manifest length ${manifestBytes}`);
  const headBytes = LENGTH_FIELD_END + manifestBytes + SIGNATURE_BYTES;
  if (headBytes > plainLength) throw new SyncProtocolError('malformed_container', 'file too short for its manifest and signature');
  if (plain.length < headBytes) return 'more';
  return openBatchFile(plain.subarray(0, headBytes));
}
