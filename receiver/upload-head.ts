import { openBatchFile, type OpenedBatch } from '../electron/sync/batch-file';
import { SyncProtocolError } from '../electron/sync/protocol-error';
import { decryptPrefix, ENCRYPTION_OVERHEAD_BYTES, isEncryptedBatch } from '../electron/sync/usb-encryption';
import { authenticate, refusalOf, type ProcessContext, type Refusal } from './process-batch';

/** Magic and length (8), then the manifest (§6: at most 64 KiB), then the station's signature (64). */
const LENGTH_FIELD_END = 8;
const SIGNATURE_BYTES = 64;
const MAX_MANIFEST_BYTES = 65_536;

export type HeadVerdict = 'more' | 'authentic' | Refusal;

/**
 * §6.4 steps 1–4 on the first bytes of an upload, before the rest is read: magic, manifest and the
 * registered station's signature over them (an encrypted file is decrypted only that far). 'more' while the
 * bytes so far cannot decide, 'authentic' once the signature holds, else the refusal to answer at once, so
 * that no one without a station's key makes the receiver hold a large body. The whole file still goes
 * through processBatchFile once it is in.
 */
export function checkUploadHead(prefix: Buffer, fileLength: number, context: Pick<ProcessContext, 'keys' | 'store' | 'now'>): HeadVerdict {
  let opened: OpenedBatch | null = null;
  try {
    if (prefix.length < 4) return 'more';
    const encrypted = isEncryptedBatch(prefix);
    const plain = encrypted ? decryptPrefix(prefix, fileLength, context.keys.encryptionPrivateKeys) : prefix;
    const plainLength = encrypted ? fileLength - ENCRYPTION_OVERHEAD_BYTES : fileLength;
    // Not a batch container at all: the container reader names the fault (malformed, a later version).
    if (!encrypted && plain.subarray(0, 4).toString('latin1') !== 'RSB1') openBatchFile(plain);
    if (plain.length < LENGTH_FIELD_END) return 'more';
    const manifestBytes = plain.readUInt32BE(4);
    if (manifestBytes < 1 || manifestBytes > MAX_MANIFEST_BYTES) throw new SyncProtocolError('malformed_container', `manifest length ${manifestBytes}`);
    const headBytes = LENGTH_FIELD_END + manifestBytes + SIGNATURE_BYTES;
    if (headBytes > plainLength) throw new SyncProtocolError('malformed_container', 'file too short for its manifest and signature');
    if (plain.length < headBytes) return 'more';
    opened = openBatchFile(plain.subarray(0, headBytes));
    authenticate(opened, context.store);
    return 'authentic';
  } catch (error) {
    if (!(error instanceof SyncProtocolError)) throw error;
    return refusalOf(error, opened, context);
  }
}
