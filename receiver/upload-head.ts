import type { OpenedBatch } from '../electron/sync/batch-file';
import { readBatchHead } from '../electron/sync/batch-head';
import { SyncProtocolError } from '../electron/sync/protocol-error';
import type { HeadVerdict as UploadHeadVerdict } from '../electron/sync/upload-reading';
import { authenticate, refusalOf, type ProcessContext, type Refusal } from './process-batch';

export type HeadVerdict = UploadHeadVerdict<Refusal>;

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
    const head = readBatchHead(prefix, fileLength, context.keys.encryptionPrivateKeys);
    if (head === 'more') return 'more';
    opened = head;
    authenticate(opened, context.store);
    return 'authentic';
  } catch (error) {
    if (!(error instanceof SyncProtocolError)) throw error;
    return refusalOf(error, opened, context);
  }
}
