import { writeAckFile, type AckBody, type AckRecord } from '../../electron/sync/ack-file';
import { SYNC_PROTOCOL_VERSION } from '../../shared/domain/sync';
import type { ProvinceKeys } from '../keys/province-keys';

/** Who an acknowledgement answers (docs/sync-protocol.md §9.2). */
export interface AckSubject {
  batchId: string;
  stationCode: string;
  manifestSha256: string;
  receivedAt: string;
  processedAt: string;
}

/** The signed acknowledgement of a processed batch: one entry per line, in seq order. */
export function processedAck(subject: AckSubject, records: AckRecord[], keys: ProvinceKeys): Buffer {
  const count = (status: AckRecord['status']) => records.filter((record) => record.status === status).length;
  const body: AckBody = {
    protocolVersion: SYNC_PROTOCOL_VERSION,
    ...subject,
    provinceKeyId: keys.signing.keyId,
    outcome: 'processed',
    error: null,
    counts: { accepted: count('accepted'), duplicate: count('duplicate'), rejected: count('rejected') },
    records,
  };
  return writeAckFile(body, keys.signing.privateKey);
}

/** The signed refusal of a whole batch, bound to the manifest it refuses (§9.2, §10.1). */
export function refusedAck(subject: AckSubject, error: { code: string; reason: string }, keys: ProvinceKeys): Buffer {
  const body: AckBody = {
    protocolVersion: SYNC_PROTOCOL_VERSION,
    ...subject,
    provinceKeyId: keys.signing.keyId,
    outcome: 'refused',
    error,
    counts: { accepted: 0, duplicate: 0, rejected: 0 },
    records: [],
  };
  return writeAckFile(body, keys.signing.privateKey);
}
