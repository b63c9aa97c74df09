import { BATCH_FLOOR_UNCONFIRMED_SETTING, BATCH_SEQ_FLOOR_SETTING } from '../../../shared/domain/backup';
import type { Executor } from '../../db/repositories/executor';
import { readSetting, writeSetting } from '../../db/repositories/settings';
import { lastBatchSeq } from '../../db/repositories/sync';
import type { Actor, AuditTrail } from '../kernel/audit';

/**
 * The batch-number floor of a restored station (docs/sync-protocol.md §8.3). A station rebuilt from a backup
 * on a new machine does not know the batches it sent after the backup (backup-restore.ts marks it): until it
 * learns the province's highest batch number for it — asked over HTTP (`GET /v1/stations/{code}/last-batch`)
 * or read from an imported acknowledgement — it writes no batch, so it never sends a batch id the province
 * already holds with other contents.
 */

export async function batchFloorUnconfirmed(db: Executor): Promise<boolean> {
  return Boolean(await readSetting(db, BATCH_FLOOR_UNCONFIRMED_SETTING));
}

/** The number the next batches are written above, besides those this database holds: the highest known to have left. */
export async function batchSeqFloor(db: Executor): Promise<number> {
  return Number(await readSetting(db, BATCH_SEQ_FLOOR_SETTING)) || 0;
}

/** The batch number in one of this station's batch ids (`KMU01-B000043` → 43), or null for another station's. */
export function batchSeqIn(stationCode: string, batchId: string): number | null {
  const match = /^(.+)-B(\d{6,})$/.exec(batchId);
  return match && match[1] === stationCode ? Number(match[2]) : null;
}

export interface ProvinceBatchSeq {
  actor: Actor;
  stationCode: string;
  /** The highest batch of this station the province holds, as far as this answer shows (0: none). */
  provinceSeq: number;
  /** The acknowledged batch it was read from, or null when the province answered that it holds none. */
  batchId: string | null;
}

/**
 * Applies what the province holds: the floor rises above a batch this station does not know, and the mark of
 * a rebuilt station is cleared (an imported acknowledgement is taken as the province's latest, as the refusal
 * asked for). Audited whenever anything changes; nothing is written otherwise.
 */
export async function learnProvinceBatchSeq(trx: Executor, audit: AuditTrail, learnt: ProvinceBatchSeq, at: string): Promise<void> {
  const floor = await batchSeqFloor(trx);
  const raise = learnt.provinceSeq > Math.max(floor, await lastBatchSeq(trx));
  const unconfirmed = await batchFloorUnconfirmed(trx);
  if (!raise && !unconfirmed) return;
  if (raise) await writeSetting(trx, BATCH_SEQ_FLOOR_SETTING, String(learnt.provinceSeq), at);
  if (unconfirmed) await writeSetting(trx, BATCH_FLOOR_UNCONFIRMED_SETTING, '', at);
  await audit.append(trx, {
    actor: learnt.actor,
    stationCode: learnt.stationCode,
    action: 'settings_change',
    objectType: 'station_setting',
    objectId: BATCH_SEQ_FLOOR_SETTING,
    detail: { from: floor, to: raise ? learnt.provinceSeq : floor, confirmed: unconfirmed, batchId: learnt.batchId },
  });
}
