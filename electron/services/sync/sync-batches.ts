import { lastAuditEntry } from '../../db/repositories/audit';
import { syncBatchStates } from '../../../shared/domain/sync';
import type { Executor } from '../../db/repositories/executor';
import type { SyncBatchRow } from '../../db/rows';
import {
  batchesInStates,
  deleteBatch,
  findBatchById,
  insertBatch,
  lastBatchSeq,
  isRangeCandidate,
  nextRangeStart,
  outboxPlacesFrom,
  omitWaitingRowsWithoutConsent,
  payloadsBetween,
  releaseRowsOf,
  rowsToResend,
  setRangeWritten,
  setResentWritten,
  updateBatch,
  type OutboxEntry,
  type OutboxPlace,
} from '../../db/repositories/sync';
import { BatchPayloadWriter, envelopeLine, envelopeLineAround, sha256Hex, type BatchLine } from '../../sync/batch-file';
import { travelsAsStored, wirePayload } from '../../sync/record-kinds';
import type { Actor } from '../kernel/audit';
import { AppError } from '../kernel/errors';
import type { StationSigningKey } from '../kernel/signing-key';
import { batchFloorUnconfirmed, batchSeqFloor } from './sync-batch-floor';
import packageJson from '../../../package.json' with { type: 'json' };
import type { StationContext } from '../kernel/context';

/** A batch as written, without its sealed file. */
export type WrittenBatch = Omit<SyncBatchRow, 'file'>;
const SOFTWARE = `relay-station/${packageJson.version}`;
/** gzip level 3: about 10 % larger than the default 6 in half its time, the largest share of writing a batch's file. */
const BATCH_COMPRESSION_LEVEL = 3;
/** An audit chain never starts empty (setting up the station is its first entry); this stands for "none" all the same. */
const NO_AUDIT_HEAD = { seq: 0, hash: '0'.repeat(64) };

/**
 * Writes the outbox into signed batch files (docs/sync-protocol.md §6): a contiguous run of rows never
 * sent, plus rows to be re-sent after a passing rejection, in one transaction with the rows' new state,
 * so a batch and its rows are never out of step, whatever stops the station. With two-person approval a
 * batch waits for a second account before it may leave.
 */
export class SyncBatchWriter {
  constructor(
    private readonly ctx: StationContext,
    private readonly signingKey: StationSigningKey,
  ) {}

  /**
   * Writes the next batch of waiting rows; null when nothing waits. The batch comes back without its
   * sealed file (`fileOf` reads it when it is sent): holding a few hundred kilobytes of text per batch
   * while the next one is written would keep the collector from freeing them young.
   */
  async writeNext(actor: Actor): Promise<WrittenBatch | null> {
    const station = await this.ctx.station.require();
    return this.ctx.db.transaction().execute(async (trx) => {
      const { batchSize, twoPersonApproval } = await this.ctx.settings.sync(trx);
      // Consent to report is judged as the file is written, however its rows came back on their way
      // (the range's rows are judged as the range is read).
      await omitWaitingRowsWithoutConsent(trx, { resend: true });
      const resent = await rowsToResend(trx, batchSize);
      const range = await this.nextRange(trx, batchSize - resent.length);
      const omitted = range.filter((row) => row.state === 'omitted');
      if (resent.length + range.length - omitted.length === 0) return null;

      // After a restore the database may not know batches that already left: never reuse their numbers.
      if (await batchFloorUnconfirmed(trx)) throw new AppError('sync_batch_floor_unconfirmed');
      const batchSeq = Math.max(await lastBatchSeq(trx), await batchSeqFloor(trx)) + 1;
      const createdAt = this.ctx.clock.now().toISOString();
      const key = await this.signingKey.ensure(trx);
      const payload = new BatchPayloadWriter(BATCH_COMPRESSION_LEVEL);
      try {
        await this.addLines(trx, resent, range, station.code, payload);
      } catch (error) {
        payload.discard();
        throw error;
      }
      const { file, manifest, manifestBytes } = await payload.finish(
        {
          stationCode: station.code,
          batchSeq,
          firstSeq: range[0]?.seq ?? null,
          lastSeq: range[range.length - 1]?.seq ?? null,
          omittedCount: omitted.length,
          createdAt,
          auditHead: (await lastAuditEntry(trx)) ?? NO_AUDIT_HEAD,
          software: SOFTWARE,
        },
        this.signingKey.privateKey(key),
      );
      const row: SyncBatchRow = {
        batch_seq: batchSeq,
        batch_id: manifest.batchId,
        state: twoPersonApproval ? 'pending_approval' : 'ready',
        first_seq: manifest.firstSeq,
        last_seq: manifest.lastSeq,
        record_count: manifest.recordCount,
        omitted_count: manifest.omittedCount,
        resent_count: manifest.resentCount,
        kind_counts: JSON.stringify(manifest.kindCounts),
        manifest: manifestBytes.toString('utf8'),
        manifest_sha256: sha256Hex(manifestBytes),
        file: this.ctx.protection.seal(file.toString('base64'), 'sync_batch.file'),
        file_bytes: file.length,
        created_at: createdAt,
        created_by: actor.id,
        approved_at: null,
        approved_by: null,
        sent_at: null,
        sent_via: null,
        last_error: null,
        acknowledged_at: null,
        accepted_count: null,
        duplicate_count: null,
        rejected_count: null,
        ack: null,
        send_attempts: 0,
      };
      const { send_attempts: _none, ...inserted } = row;
      await insertBatch(trx, inserted);
      if (manifest.firstSeq !== null && manifest.lastSeq !== null) await setRangeWritten(trx, manifest.firstSeq, manifest.lastSeq, batchSeq);
      await setResentWritten(trx, resent.map((row) => row.seq), batchSeq);
      await this.ctx.audit.append(trx, {
        actor,
        stationCode: station.code,
        action: 'batch_write',
        objectType: 'sync_batch',
        objectId: manifest.batchId,
        detail: { records: manifest.recordCount, omitted: manifest.omittedCount, resent: manifest.resentCount, approval: twoPersonApproval },
      });
      const { file: _sealed, ...written } = row;
      return written;
    });
  }

  /** The .rsb bytes of a batch that has not been acknowledged yet. */
  fileOf(batch: SyncBatchRow): Buffer {
    if (batch.file === null) throw new AppError('not_found');
    return Buffer.from(this.ctx.protection.open(batch.file, 'sync_batch.file'), 'base64');
  }

  /** Two-person approval: a second staff account lets the batch leave. */
  async approve(batchId: string, actor: Actor): Promise<SyncBatchRow> {
    const station = await this.ctx.station.require();
    return this.ctx.db.transaction().execute(async (trx) => {
      const batch = await findBatchById(trx, batchId);
      if (!batch) throw new AppError('not_found');
      if (batch.state !== 'pending_approval') throw new AppError('batch_not_pending_approval');
      if (actor.id === null || actor.id === batch.created_by) throw new AppError('approval_needs_second_person');
      await updateBatch(trx, batch.batch_seq, { state: 'ready', approved_at: this.ctx.clock.now().toISOString(), approved_by: actor.id });
      await this.ctx.audit.append(trx, { actor, stationCode: station.code, action: 'batch_approve', objectType: 'sync_batch', objectId: batchId });
      return (await findBatchById(trx, batchId)) as SyncBatchRow;
    });
  }

  /**
   * Takes back a batch waiting for approval, with every later one (they all wait too): the files never
   * left the station, so their numbers are used again and their rows wait for the next batch.
   */
  async decline(batchId: string, actor: Actor): Promise<string[]> {
    const station = await this.ctx.station.require();
    return this.ctx.db.transaction().execute(async (trx) => {
      const batch = await findBatchById(trx, batchId);
      if (!batch) throw new AppError('not_found');
      if (batch.state !== 'pending_approval') throw new AppError('batch_not_pending_approval');
      const declined = await takeBackBatchesFrom(trx, batch.batch_seq);
      if (!declined) throw new AppError('batch_not_last');
      await this.ctx.audit.append(trx, {
        actor,
        stationCode: station.code,
        action: 'batch_decline',
        objectType: 'sync_batch',
        objectId: batchId,
        detail: { batches: declined },
      });
      return declined;
    });
  }

  /**
   * The next contiguous run of never-sent rows (§6.1), up to `room` rows to send: it stops before any row
   * that is already elsewhere. Left-out rows do not count against the room, so a long run of them cannot
   * hold back the rows behind it; read in pieces of `room` rows until the run is complete.
   */
  private async nextRange(trx: Executor, room: number): Promise<OutboxPlace[]> {
    for (;;) {
      const run = await this.contiguousRun(trx, room);
      const first = run[0];
      const last = run[run.length - 1];
      // Rows of a person who no longer consents to be reported are left out, and the run read again:
      // they no longer count against the room, so it reaches further.
      if (!first || !last || (await omitWaitingRowsWithoutConsent(trx, { between: { from: first.seq, through: last.seq } })) === 0) return run;
    }
  }

  /** The run of rows `nextRange` would take as the outbox stands. */
  private async contiguousRun(trx: Executor, room: number): Promise<OutboxPlace[]> {
    if (room <= 0) return [];
    let from = await nextRangeStart(trx);
    const run: OutboxPlace[] = [];
    let pending = 0;
    reading: while (from !== null) {
      const places = await outboxPlacesFrom(trx, from, room);
      for (const place of places) {
        if (!isRangeCandidate(place)) break reading;
        run.push(place);
        if (place.state === 'pending') pending += 1;
        if (pending === room) break reading;
      }
      from = places.length === room ? (places[places.length - 1]?.seq ?? 0) + 1 : null;
    }
    // Rows left out at the end of a run would only be counted; a batch ends with a row it carries.
    while (run.length > 0 && run[run.length - 1]?.state === 'omitted') run.pop();
    return run;
  }

  /** The batch's lines in seq order: the range's waiting rows, read one by one, with the re-sent rows put in their place. */
  private async addLines(trx: Executor, resent: OutboxEntry[], range: OutboxPlace[], stationCode: string, payload: BatchPayloadWriter): Promise<void> {
    const resentLines = resent.map((row) => this.lineOf(row, row.payload, stationCode)).sort((a, b) => a.seq - b.seq);
    let nextResent = 0;
    const resentBefore = async (seq: number) => {
      while (nextResent < resentLines.length && (resentLines[nextResent]?.seq ?? Infinity) < seq) await payload.add(resentLines[nextResent++]!);
    };
    const first = range[0];
    const last = range[range.length - 1];
    if (first && last) {
      // The range's rows are in seq order, as the payloads come: walk both together, skipping left-out rows.
      let next = 0;
      for await (const { seq, payload: sealed } of payloadsBetween(trx, first.seq, last.seq)) {
        while ((range[next]?.seq ?? Infinity) < seq) next += 1;
        const row = range[next];
        if (row?.seq !== seq || row.state !== 'pending') continue;
        await resentBefore(seq);
        await payload.add(this.lineOf(row, sealed, stationCode));
      }
    }
    await resentBefore(Infinity);
  }

  /**
   * The row's NDJSON line in UTF-8. A kind that travels as stored is written around its payload's bytes
   * as they come out of the seal, never decoded to text; the others are projected first.
   */
  private lineOf(row: OutboxPlace, sealedPayload: string, stationCode: string): BatchLine {
    const envelope = {
      seq: row.seq,
      kind: row.kind,
      entityId: row.entity_id,
      version: row.version,
      station: stationCode,
      createdAt: row.record_created_at ?? row.created_at,
      changedAt: row.created_at,
    };
    if (travelsAsStored(row.kind)) {
      const payload = this.ctx.protection.openBytes(sealedPayload, 'outbox.payload');
      const line = envelopeLineAround(envelope, payload);
      payload.fill(0);
      return { seq: row.seq, kind: row.kind, line };
    }
    const stored = JSON.parse(this.ctx.protection.open(sealedPayload, 'outbox.payload')) as Record<string, unknown>;
    return { seq: row.seq, kind: row.kind, line: envelopeLine({ ...envelope, payload: wirePayload(row.kind, stored) }) };
  }

}

/**
 * Takes back the batch numbered `batchSeq` and every later one, when none of them left the station nor may
 * leave without a second person (all wait for approval): their files are deleted, their numbers used again,
 * their rows wait for the next batch. Returns the batch ids taken back, oldest first; null, changing
 * nothing, when a later batch is past approval.
 */
export async function takeBackBatchesFrom(trx: Executor, batchSeq: number): Promise<string[] | null> {
  const later = (await batchesInStates(trx, syncBatchStates)).filter((row) => row.batch_seq >= batchSeq);
  if (later.some((row) => row.state !== 'pending_approval')) return null;
  for (const row of [...later].reverse()) {
    await releaseRowsOf(trx, row);
    await deleteBatch(trx, row.batch_seq);
  }
  return later.map((row) => row.batch_id);
}
