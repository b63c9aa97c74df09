import type { OpenedBatch } from '../../electron/sync/batch-file';
import { readBatchHead } from '../../electron/sync/batch-head';
import { SyncProtocolError } from '../../electron/sync/protocol-error';
import type { HeadVerdict } from '../../electron/sync/upload-reading';
import { authenticateBatch } from '../ingest/authenticate';
import { refusalOf, type IngestContext, type IngestResult } from '../ingest/ingest-batch';

/** A whole-batch refusal, as ingestBatchFile gives it. */
export type BatchRefusal = Extract<IngestResult, { outcome: 'refused' }>;

/**
 * docs/sync-protocol.md §6.4 steps 1–4 on the first bytes of an upload of `fileLength` bytes, before the rest
 * is read: the container, the manifest and the signature of a station the hub holds the key of (an encrypted
 * file is decrypted only that far). 'more' while the bytes so far cannot decide, 'authentic' once the
 * signature holds, else the refusal to answer at once (signed when the manifest could be read), so that no one
 * without a station's key makes the hub hold a large body. The whole file is still taken through
 * ingestBatchFile once it is in.
 */
export async function judgeUploadHead(prefix: Buffer, fileLength: number, context: IngestContext): Promise<HeadVerdict<BatchRefusal>> {
  const receivedAt = (context.now ?? (() => new Date()))().toISOString();
  let opened: OpenedBatch | null = null;
  try {
    const head = readBatchHead(prefix, fileLength, context.keys.encryptionPrivateKeys);
    if (head === 'more') return 'more';
    opened = head;
    await authenticateBatch(context.hub.db, context.provinceCode, opened);
    return 'authentic';
  } catch (error) {
    if (!(error instanceof SyncProtocolError)) throw error;
    return refusalOf(error, opened, context, receivedAt, undefined) as BatchRefusal;
  }
}
