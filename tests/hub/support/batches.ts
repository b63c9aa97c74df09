import { createHash, randomUUID } from 'node:crypto';
import type { Executor } from '../../../hub/db/repositories/executor';
import { addStation } from '../../../hub/db/repositories/stations';
import type { IncomingBatch, IncomingRecordVersion, RecordOutcome } from '../../../hub/db/repositories/take-batch';

/** Yunnan's province code (GB/T 2260). */
export const PROVINCE = '53';

export function sha256Hex(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

/** Registers a university station of Kunming. */
export async function registerStation(db: Executor, code = 'KMU01'): Promise<void> {
  await addStation(db, { provinceCode: PROVINCE, code, kind: 'university_station', regionCode: '530102', name: `站点 ${code}`, registeredAt: '2026-11-01T00:00:00.000Z' });
}

/** A record version whose sealed payload is its content text, digested as the protocol does. */
export function recordVersion(entityId: string, version: number, content: string, lineSeq = version): IncomingRecordVersion {
  return {
    lineSeq,
    entityKind: 'registration',
    entityId,
    version,
    contentSha256: sha256Hex(content),
    sealedPayload: Buffer.from(content, 'utf8'),
    changedAt: '2026-11-20T06:12:41.207Z',
  };
}

/**
 * A batch of one station. Its acknowledgement carries a random nonce, so that a replayed acknowledgement
 * can only equal the first one when it was stored, never when signed again. `manifest` varies the manifest.
 */
export function batchOf(stationCode: string, batchSeq: number, records: IncomingRecordVersion[], manifest = 'first'): IncomingBatch & { acknowledged: RecordOutcome[][] } {
  const batchId = `${stationCode}-B${String(batchSeq).padStart(6, '0')}`;
  const acknowledged: RecordOutcome[][] = [];
  return {
    provinceCode: PROVINCE,
    stationCode,
    batchId,
    batchSeq,
    manifestSha256: sha256Hex(`manifest of ${batchId}: ${manifest}`),
    auditHead: { seq: batchSeq * 10, hash: sha256Hex(`audit ${batchSeq}`) },
    receivedAt: '2026-11-20T06:15:04.018Z',
    records,
    acknowledged,
    acknowledge: (outcomes) => {
      acknowledged.push(outcomes);
      return Buffer.from(JSON.stringify({ batchId, outcomes, nonce: randomUUID() }), 'utf8');
    },
  };
}

/** The statuses of a batch's outcomes, in order. */
export function statuses(outcomes: RecordOutcome[]): string[] {
  return outcomes.map((outcome) => outcome.status);
}
