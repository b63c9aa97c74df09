import { resendableRejectCodes, type BatchErrorCode, type RecordRejectCode } from '../../../shared/domain/sync';
import type { AckImported } from '../../../shared/validation/sync';
import type { Executor } from '../../db/repositories/executor';
import type { OutboxRow, SyncBatchRow } from '../../db/rows';
import {
  findBatchById,
  lastBatchSeq,
  omitWaitingRowsWithoutConsent,
  outboxRowsBySeq,
  releaseRowsOf,
  settleRow,
  updateBatch,
} from '../../db/repositories/sync';
import { openAckFile, verifyAckSignature, type AckBody, type OpenedAck } from '../../sync/ack-file';
import { SyncProtocolError } from '../../sync/protocol-error';
import type { Actor } from '../kernel/audit';
import { AppError } from '../kernel/errors';
import type { ProvinceKeys } from './province-keys';
import { batchSeqIn, learnProvinceBatchSeq } from './sync-batch-floor';
import type { StationContext } from '../kernel/context';

/**
 * Whole-batch refusals after which the same file will never be accepted (§12.1): the batch is marked
 * refused and its rows are written again in a new batch. Every other refusal leaves the batch as sent,
 * to be sent again byte for byte.
 */
const finalRefusals: readonly BatchErrorCode[] = ['manifest_invalid', 'payload_invalid', 'batch_too_large', 'batch_id_mismatch', 'batch_id_conflict'];

export function isFinalRefusal(code: string): boolean {
  return (finalRefusals as readonly string[]).includes(code);
}

/**
 * Applies the province's acknowledgements (docs/sync-protocol.md §9.3): only a file signed by an imported
 * signing key, naming a batch this station wrote with the manifest it wrote and listing exactly that
 * batch's records, changes anything; and it changes everything in one transaction. Applying the same
 * acknowledgement twice changes nothing the second time.
 */
export class SyncAcknowledgements {
  constructor(
    private readonly ctx: StationContext,
    private readonly provinceKeys: ProvinceKeys,
  ) {}

  /**
   * Applies one acknowledgement file, as imported from a stick or answered over HTTP; throws AppError
   * (`ack_invalid`, `ack_signature_invalid`, `ack_mismatch`) and changes nothing when it cannot be applied.
   * Every acknowledgement also shows a batch number the province holds (sync-batch-floor.ts); one of a batch
   * this station does not hold, numbered above all it wrote, changes only that.
   */
  async apply(file: Buffer, actor: Actor): Promise<AckImported> {
    const { body, stationCode } = await this.verified(file);
    return this.ctx.db.transaction().execute(async (trx) => {
      const batch = await findBatchById(trx, body.batchId);
      // A batch this station does not hold, numbered above all it wrote: sent after the backup it was rebuilt from.
      if (!batch && (batchSeqIn(stationCode, body.batchId) ?? 0) <= (await lastBatchSeq(trx))) throw new AppError('ack_mismatch');
      await this.learnBatchSeq(trx, body, stationCode, actor);
      if (!batch) return summaryOf(body, true);
      if (body.manifestSha256 !== null && body.manifestSha256 !== batch.manifest_sha256) throw new AppError('ack_mismatch');
      // A refusal never undoes anything; a processed answer still counts after a refusal (reconciled below).
      if (batch.state === 'acknowledged' || (batch.state === 'refused' && body.outcome === 'refused')) return summaryOf(body, true);
      const at = this.ctx.clock.now().toISOString();
      // An answer proves the file reached the province, even if its sending was never recorded (a stick
      // written just before the station stopped): its rows are marked as possibly held there.
      if (batch.sent_at === null) await updateBatch(trx, batch.batch_seq, { sent_at: at });
      if (body.outcome === 'refused') {
        await this.applyRefusal(trx, batch, body, file);
      } else {
        if (body.manifestSha256 === null) throw new AppError('ack_mismatch');
        await this.applyRecords(trx, batch, body, file, at);
      }
      await this.ctx.audit.append(trx, {
        actor,
        stationCode,
        action: 'ack_import',
        objectType: 'sync_batch',
        objectId: batch.batch_id,
        detail: { outcome: body.outcome, ...body.counts, error: body.error?.code ?? null, ...(batch.state === 'refused' ? { afterRefusal: true } : {}) },
      });
      return summaryOf(body, false);
    });
  }

  /**
   * The province's answer to a rebuilt station's look-up of its last batch (sync-transfer.ts): checked like any
   * acknowledgement, it only raises the batch-number floor and clears the mark, whatever this station holds.
   */
  async learnBatchFloor(file: Buffer, actor: Actor): Promise<void> {
    const { body, stationCode } = await this.verified(file);
    await this.ctx.db.transaction().execute((trx) => this.learnBatchSeq(trx, body, stationCode, actor));
  }

  /** An acknowledgement signed by an imported province key, for this station; else AppError. */
  private async verified(file: Buffer): Promise<{ body: AckBody; stationCode: string }> {
    const opened = openAck(file);
    if (!verifyAckSignature(opened, await this.provinceKeys.signingKeys())) throw new AppError('ack_signature_invalid');
    const station = await this.ctx.station.require();
    if (opened.body.stationCode !== station.code) throw new AppError('ack_mismatch');
    return { body: opened.body, stationCode: station.code };
  }

  private learnBatchSeq(trx: Executor, body: AckBody, stationCode: string, actor: Actor): Promise<void> {
    const provinceSeq = batchSeqIn(stationCode, body.batchId) ?? 0;
    return learnProvinceBatchSeq(trx, this.ctx.audit, { actor, stationCode, provinceSeq, batchId: body.batchId }, this.ctx.clock.now().toISOString());
  }

  /**
   * Settles the batch's rows as the province judged them. A batch marked refused (the province answered
   * for it after all) has given its rows back: only those still waiting are settled; rows written into a
   * later batch since go on with it (the province answers them as duplicates), rows left out stay out.
   */
  private async applyRecords(trx: Executor, batch: SyncBatchRow, body: AckBody, file: Buffer, at: string): Promise<void> {
    if (body.records.length !== batch.record_count) throw new AppError('ack_mismatch');
    const afterRefusal = batch.state === 'refused';
    const rows = await outboxRowsBySeq(trx, body.records.map((record) => record.seq));
    const seen = new Set<number>();
    for (const record of body.records) {
      const row = rows.get(record.seq);
      const sameRecord = row && row.kind === record.kind && row.entity_id === record.entityId && row.version === record.version;
      const inThisBatch = afterRefusal || (row?.batch_seq === batch.batch_seq && row.state === 'in_batch');
      if (!sameRecord || !inThisBatch || seen.has(record.seq)) throw new AppError('ack_mismatch');
      seen.add(record.seq);
    }
    for (const record of body.records) {
      if (afterRefusal && !isWaiting(rows.get(record.seq)!)) continue;
      const row = { seq: record.seq, batchSeq: batch.batch_seq };
      if (record.status !== 'rejected') {
        await settleRow(trx, { ...row, state: 'done', code: null, reason: null, path: null }, at);
        continue;
      }
      const resend = (resendableRejectCodes as readonly string[]).includes(record.code ?? '');
      await settleRow(trx, { ...row, state: resend ? 'resend' : 'rejected', code: record.code as RecordRejectCode | null, reason: record.reason, path: record.path }, at);
    }
    // A row back on its way is re-sent only while its person consents to be reported.
    await omitWaitingRowsWithoutConsent(trx, { resend: true });
    await updateBatch(trx, batch.batch_seq, {
      state: 'acknowledged',
      acknowledged_at: at,
      accepted_count: body.counts.accepted,
      duplicate_count: body.counts.duplicate,
      rejected_count: body.counts.rejected,
      ack: file.toString('base64'),
      // Acknowledged: the file is never sent again, and it holds personal data.
      file: null,
      last_error: null,
    });
  }

  /**
   * A refusal drops the batch only when it is final and names this very file by its manifest's hash. One
   * without a manifest answers a file the province could not read (a damaged copy, a stray file under the
   * batch's name): the batch and its file are kept to be sent again.
   */
  private async applyRefusal(trx: Executor, batch: SyncBatchRow, body: AckBody, file: Buffer): Promise<void> {
    const code = body.error?.code ?? 'internal_error';
    if (!isFinalRefusal(code) || body.manifestSha256 === null) {
      await updateBatch(trx, batch.batch_seq, { last_error: code });
      return;
    }
    await this.refuse(trx, batch, code, file.toString('base64'));
  }

  /** A batch the province will never take: its rows wait for a new batch, its file is dropped. */
  async refuse(trx: Executor, batch: SyncBatchRow, code: string, ack: string | null): Promise<void> {
    await releaseRowsOf(trx, batch);
    await updateBatch(trx, batch.batch_seq, { state: 'refused', last_error: code, file: null, ack, acknowledged_at: this.ctx.clock.now().toISOString() });
  }
}

/** A row given back by a refused batch that no later batch holds yet: waiting for a range, or to be re-sent. */
function isWaiting(row: OutboxRow): boolean {
  return (row.state === 'pending' && row.batch_seq === null) || row.state === 'resend';
}

function openAck(file: Buffer): OpenedAck {
  try {
    return openAckFile(file);
  } catch (error) {
    if (error instanceof SyncProtocolError) throw new AppError('ack_invalid');
    throw error;
  }
}

function summaryOf(body: AckBody, alreadyApplied: boolean): AckImported {
  return { batchId: body.batchId, outcome: body.outcome, ...body.counts, alreadyApplied, error: body.error?.code ?? null };
}
