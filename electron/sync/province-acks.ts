import type { KeyObject } from 'node:crypto';
import { SYNC_PROTOCOL_VERSION } from '../../shared/domain/sync';
import { writeAckFile, type AckBody, type AckRecord } from './ack-file';

/** Who an acknowledgement answers (§9.2); the manifest hash is null only for a file whose manifest could not be read. */
export interface AckSubject {
  batchId: string;
  stationCode: string;
  manifestSha256: string | null;
  receivedAt: string;
  processedAt: string;
}

/** The province's signing key, as the acknowledgement names it. */
export interface AckSigner {
  privateKey: KeyObject;
  keyId: string;
}

/** The signed acknowledgement of a processed batch: one entry per line, in seq order. */
export function processedAck(subject: AckSubject, records: AckRecord[], signer: AckSigner): Buffer {
  const count = (status: AckRecord['status']) => records.filter((record) => record.status === status).length;
  const body: AckBody = {
    protocolVersion: SYNC_PROTOCOL_VERSION,
    ...subject,
    provinceKeyId: signer.keyId,
    outcome: 'processed',
    error: null,
    counts: { accepted: count('accepted'), duplicate: count('duplicate'), rejected: count('rejected') },
    records,
  };
  return writeAckFile(body, signer.privateKey);
}

/** The signed refusal of a whole batch, bound to the manifest it refuses when it could be read (§9.2, §10.1). */
export function refusedAck(subject: AckSubject, error: { code: string; reason: string }, signer: AckSigner): Buffer {
  const body: AckBody = {
    protocolVersion: SYNC_PROTOCOL_VERSION,
    ...subject,
    provinceKeyId: signer.keyId,
    outcome: 'refused',
    error,
    counts: { accepted: 0, duplicate: 0, rejected: 0 },
    records: [],
  };
  return writeAckFile(body, signer.privateKey);
}
