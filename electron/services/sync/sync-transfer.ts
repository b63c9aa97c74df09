import type { KeyObject } from 'node:crypto';
import { constants } from 'node:fs';
import { access, open, rename, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { SyncActivity, SyncSending } from '../../../shared/validation/sync';
import { batchesInStates, countSendAttempt, findBatchById, updateBatch } from '../../db/repositories/sync';
import type { SyncBatchRow } from '../../db/rows';
import {
  fetchAck,
  fetchLastBatchAck,
  fetchReceiverInfoPatiently,
  ReceiverInfoError,
  uploadBatch,
  type HttpTransportOptions,
  type ReceiverInfo,
  type RetryNotice,
  type TransferOutcome,
} from '../../sync/http-transport';
import { keyId } from '../../sync/keys';
import { requestSigner, type RequestSigner } from '../../sync/request-signature';
import { encryptForProvince } from '../../sync/usb-encryption';
import type { Actor } from '../kernel/audit';
import { AppError } from '../kernel/errors';
import type { ProvinceKeys } from './province-keys';
import type { SyncAcknowledgements } from './sync-acks';
import { batchFloorUnconfirmed, learnProvinceBatchSeq } from './sync-batch-floor';
import type { SyncBatchWriter } from './sync-batches';
import type { StationSigningKey } from '../kernel/signing-key';
import type { StationContext } from '../kernel/context';

export interface SyncRunResult {
  finishedAt: string;
  /** null when every batch that could leave was acknowledged; else the code that stopped the run. */
  error: string | null;
}

/** A run stops after this many rounds of batches refused for good: a station defect, not a link problem. */
const MAX_REFUSAL_ROUNDS = 3;
/** …and after this many rounds in all: records the province keeps rejecting for a passing cause wait for the next run. */
const MAX_ROUNDS = 20;
const REFUSED_FOR_GOOD = 'refused_for_good';
/** The endpoint's /v1/info does not name the imported encryption key and a known signing key: nothing is sent. */
const ENDPOINT_UNVERIFIED = 'sync_endpoint_unverified';
/** A station rebuilt from a backup could not learn the province's last batch of it: nothing is written. */
const BATCH_FLOOR_UNCONFIRMED = 'sync_batch_floor_unconfirmed';
/** Staff stopped the send: what had not been acknowledged waits for the next run (or an export). */
const CANCELLED = 'cancelled';

/** A network send under way: how staff stop it, and what the screen shows of it. */
interface SendRun {
  cancel: AbortController;
  activity: SyncActivity | null;
  /** The last failed attempt and when it was told, while the transport waits to try again. */
  retry: { notice: RetryNotice; toldAt: number } | null;
}

/**
 * Moves batches to the province (docs/sync-protocol.md §10): files into a folder on a USB stick, or
 * uploads to the configured endpoint one batch at a time in order, applying each acknowledgement as it
 * comes. One export and one send at a time, each on its own: an export does not wait for a send that
 * cannot reach the province, and staff may cancel that send. Their progress is kept here for the staff screen.
 */
export class SyncTransfer {
  private exportActivity: SyncActivity | null = null;
  private exporting: Promise<unknown> | null = null;
  private sendRun: { state: SendRun; done: Promise<SyncRunResult> } | null = null;
  private lastRun: SyncRunResult | null = null;
  private readonly closing = new AbortController();

  constructor(
    private readonly ctx: StationContext,
    private readonly writer: SyncBatchWriter,
    private readonly acks: SyncAcknowledgements,
    private readonly provinceKeys: ProvinceKeys,
    private readonly signingKey: StationSigningKey,
    /** Timeouts and back-off of the HTTP transport; tests shorten them. */
    public transportOptions: Omit<HttpTransportOptions, 'baseUrl'> = {},
  ) {}

  /** What moves now (the export's progress first), the send under way with its retries, and how the last send ended. */
  progress(): { activity: SyncActivity | null; sending: SyncSending | null; lastRun: SyncRunResult | null } {
    const send = this.sendRun?.state ?? null;
    return {
      activity: this.exportActivity ?? send?.activity ?? null,
      sending: send ? { retry: send.retry ? this.retryView(send.retry) : null } : null,
      lastRun: this.lastRun,
    };
  }

  /**
   * Starts sending in the background; false when a send is already under way. Without an endpoint
   * it refuses at once rather than start a run that can only fail.
   */
  async start(actor: Actor): Promise<boolean> {
    if (this.sendRun) return false;
    if (!(await this.ctx.settings.sync()).endpoint) throw new AppError('sync_endpoint_missing');
    if (this.sendRun) return false;
    void this.beginSend(actor).catch(() => undefined);
    return true;
  }

  /** Sends everything waiting to the endpoint (the configured one unless given) and waits for the outcome. */
  async sendAll(actor: Actor, endpoint?: string): Promise<SyncRunResult> {
    if (this.sendRun) throw new AppError('sync_busy');
    return this.beginSend(actor, endpoint);
  }

  /**
   * Stops the send under way and waits until it has stopped: an upload in flight is dropped, and a batch
   * not yet acknowledged stays as it was, to be sent (or exported) again. False when no send was under way.
   */
  async cancelSend(): Promise<boolean> {
    const run = this.sendRun;
    if (!run) return false;
    run.state.cancel.abort();
    await run.done.catch(() => undefined);
    return true;
  }

  /** Writes what waits and copies every batch not yet acknowledged, encrypted, into the folder. */
  async exportToFolder(folder: string, actor: Actor): Promise<{ files: string[]; pendingApproval: number }> {
    if (this.exporting) throw new AppError('sync_busy');
    const run = this.copyToFolder(folder, actor).finally(() => {
      this.exporting = null;
      this.exportActivity = null;
    });
    this.exporting = run;
    return run;
  }

  /** Stops waiting for the network and lets running transfers end. */
  async close(): Promise<void> {
    this.closing.abort();
    await Promise.all([this.exporting?.catch(() => undefined), this.sendRun?.done.catch(() => undefined)]);
  }

  private async copyToFolder(folder: string, actor: Actor): Promise<{ files: string[]; pendingApproval: number }> {
    const key = await this.provinceKeys.encryptionKey();
    await usableFolder(folder);
    await this.writeAll(actor, (activity) => (this.exportActivity = activity));
    const batches = await batchesInStates(this.ctx.db, ['ready', 'sent']);
    const files: string[] = [];
    for (const [index, batch] of batches.entries()) {
      this.exportActivity = { step: 'exporting', batchId: batch.batch_id, done: index, total: batches.length };
      const name = `${batch.batch_id}.rse`;
      await writeCompletely(folder, name, encryptForProvince(this.writer.fileOf(batch), key));
      // A batch acknowledged by a send meanwhile keeps its state; its copy on the stick is answered as a replay.
      await this.markSent(batch, 'usb', actor);
      files.push(name);
    }
    const pendingApproval = (await batchesInStates(this.ctx.db, ['pending_approval'])).length;
    return { files, pendingApproval };
  }

  private beginSend(actor: Actor, endpoint?: string): Promise<SyncRunResult> {
    const state: SendRun = { cancel: new AbortController(), activity: null, retry: null };
    const done = this.send(state, actor, endpoint).finally(() => {
      if (this.sendRun?.state === state) this.sendRun = null;
    });
    this.sendRun = { state, done };
    return done;
  }

  /** The wait as the screen shows it: counted down in whole seconds from when the transport told it. */
  private retryView({ notice, toldAt }: { notice: RetryNotice; toldAt: number }): NonNullable<SyncSending['retry']> {
    const leftMs = toldAt + notice.delayMs - this.ctx.clock.now().getTime();
    return {
      failedAttempts: notice.failedAttempts,
      maxAttempts: notice.maxAttempts,
      nextAttemptInSeconds: Math.max(0, Math.ceil(leftMs / 1000)),
      reason: notice.reason,
      detail: notice.detail,
    };
  }

  private async send(run: SendRun, actor: Actor, endpointOverride?: string): Promise<SyncRunResult> {
    let error: string | null = null;
    try {
      const endpoint = endpointOverride ?? (await this.ctx.settings.sync()).endpoint;
      if (!endpoint) throw new AppError('sync_endpoint_missing');
      error = await this.sendRounds(run, actor, endpoint);
    } catch (caught) {
      error = caught instanceof AppError ? caught.code : 'internal';
      if (!(caught instanceof AppError)) throw caught;
    } finally {
      this.lastRun = { finishedAt: this.ctx.clock.now().toISOString(), error };
    }
    return this.lastRun;
  }

  /**
   * Rounds of write-then-send until nothing waits: a batch refused for good frees its rows, and records
   * rejected for a passing cause wait to be re-sent; the next round writes both into new batches.
   */
  private async sendRounds(run: SendRun, actor: Actor, endpoint: string): Promise<string | null> {
    // Every batch leaves encrypted to the province's key, over https as over http (§7): only the province reads it.
    const encryptTo = await this.provinceKeys.encryptionKey();
    const options: HttpTransportOptions = {
      ...this.transportOptions,
      baseUrl: endpoint,
      signal: AbortSignal.any([this.closing.signal, run.cancel.signal]),
      onRetry: (notice) => (run.retry = { notice, toldAt: this.ctx.clock.now().getTime() }),
    };
    const unverified = await this.checkEndpoint(run, options, encryptTo);
    if (unverified !== null) return unverified;
    options.signRequest = await this.stationRequestSigner();
    const floorUnknown = await this.confirmBatchFloor(run, options, actor);
    if (floorUnknown !== null) return floorUnknown;
    let refusalRounds = 0;
    for (let round = 0; round < MAX_ROUNDS; round++) {
      await this.writeAll(actor, (activity) => (run.activity = activity), run.cancel.signal);
      if (run.cancel.signal.aborted) return CANCELLED;
      const batches = await batchesInStates(this.ctx.db, ['ready', 'sent']);
      if (batches.length === 0) return null;
      let refusedForGood = false;
      for (const batch of batches) {
        if (run.cancel.signal.aborted) return CANCELLED;
        // An imported acknowledgement may have settled the batch since it was listed.
        if (!(await this.markSent(batch, 'http', actor))) continue;
        const body = encryptForProvince(this.writer.fileOf(batch), encryptTo);
        run.activity = { step: 'sending', batchId: batch.batch_id, done: 0, total: body.length };
        const outcome = await uploadBatch(batch.batch_id, body, true, options, (done, total) => {
          run.activity = { step: 'sending', batchId: batch.batch_id, done, total };
          run.retry = null;
        });
        const stop = await this.settle(run, batch, outcome, options, actor);
        run.retry = null;
        if (stop === REFUSED_FOR_GOOD) refusedForGood = true;
        else if (stop !== null) return stop;
      }
      if (refusedForGood && ++refusalRounds >= MAX_REFUSAL_ROUNDS) return 'payload_invalid';
    }
    return 'temporarily_unavailable';
  }

  /** Why the transport stopped without an answer: staff cancelled, or the province stayed out of reach. */
  private unreachableOr(run: SendRun): string {
    return run.cancel.signal.aborted ? CANCELLED : 'unreachable';
  }

  /**
   * Before anything leaves: the endpoint's /v1/info must name the imported encryption key and one of the
   * imported signing keys, so a mistyped or substituted endpoint is told apart from the province at once.
   * Null when it does; else the code that stops the run.
   */
  private async checkEndpoint(run: SendRun, options: HttpTransportOptions, encryptTo: KeyObject): Promise<string | null> {
    let info: ReceiverInfo;
    try {
      info = await fetchReceiverInfoPatiently(options);
    } catch (error) {
      if (!(error instanceof ReceiverInfoError)) throw error;
      return error.reason === 'unreachable' || error.reason === 'aborted' ? this.unreachableOr(run) : ENDPOINT_UNVERIFIED;
    } finally {
      run.retry = null;
    }
    const signingKeyIds = (await this.provinceKeys.signingKeys()).map(keyId);
    const known = info.encryptionKeyId === keyId(encryptTo) && info.signingKeyIds.some((id) => signingKeyIds.includes(id));
    return known ? null : ENDPOINT_UNVERIFIED;
  }

  /**
   * A station rebuilt from a backup asks the province for its last batch before writing any (§8.3,
   * sync-batch-floor.ts), so none reuses the number of a batch sent after the backup. Null when the floor
   * is known; else the code that stops the run.
   */
  private async confirmBatchFloor(run: SendRun, options: HttpTransportOptions, actor: Actor): Promise<string | null> {
    if (!(await batchFloorUnconfirmed(this.ctx.db))) return null;
    const station = await this.ctx.station.require();
    const answer = await fetchLastBatchAck(station.code, options);
    run.retry = null;
    if (answer.kind === 'gave_up') return this.unreachableOr(run);
    if (answer.kind === 'ack') {
      try {
        // Signed by the province and checked like any acknowledgement before its number counts.
        await this.acks.learnBatchFloor(answer.ack, actor);
      } catch (error) {
        if (error instanceof AppError) return BATCH_FLOOR_UNCONFIRMED;
        throw error;
      }
    } else if (answer.code === 'batch_unknown') {
      // The province holds no batch of this station: the floor the backup carried stands.
      const learnt = { actor, stationCode: station.code, provinceSeq: 0, batchId: null };
      await this.ctx.db.transaction().execute((trx) => learnProvinceBatchSeq(trx, this.ctx.audit, learnt, this.ctx.clock.now().toISOString()));
    } else {
      // A receiver without the look-up (or refusing it): the staff import the province's latest acknowledgement instead.
      return BATCH_FLOOR_UNCONFIRMED;
    }
    return null;
  }

  /** Signs the acknowledgement look-ups with the station's key, which the province registered (§10.2). */
  private async stationRequestSigner(): Promise<RequestSigner> {
    const key = await this.ctx.db.transaction().execute((trx) => this.signingKey.ensure(trx));
    return requestSigner(key.id, this.signingKey.privateKey(key), () => this.ctx.clock.now());
  }

  /** Applies what the province answered for one batch; the code that must stop the run, or null to go on. */
  private async settle(run: SendRun, batch: SyncBatchRow, outcome: TransferOutcome, options: HttpTransportOptions, actor: Actor): Promise<string | null> {
    if (outcome.kind === 'gave_up') {
      // A cancelled upload is not the batch's failure: it stays as it was, to be sent again.
      if (run.cancel.signal.aborted) return CANCELLED;
      await countSendAttempt(this.ctx.db, batch.batch_seq, 'unreachable');
      return 'unreachable';
    }
    if (outcome.kind === 'refused') {
      await countSendAttempt(this.ctx.db, batch.batch_seq, outcome.code);
      // A code alone (a proxy's bare 413, a body anyone could write) is a passing fault: the batch waits for the next run.
      if (outcome.ack === null) return outcome.code;
      return this.applySignedRefusal(batch, outcome.ack, outcome.code, actor);
    }
    await countSendAttempt(this.ctx.db, batch.batch_seq, null);
    const applied = await this.acks.apply(outcome.ack, actor);
    if (applied.batchId !== batch.batch_id) {
      // An acknowledgement of another batch (a duplicate, or misrouted): applied all the same; ask for ours.
      const own = await fetchAck(batch.batch_id, options);
      if (own.kind !== 'ack') return own.kind === 'refused' ? own.code : this.unreachableOr(run);
      await this.acks.apply(own.ack, actor);
    }
    const after = await findBatchById(this.ctx.db, batch.batch_id);
    if (after?.state === 'refused') return REFUSED_FOR_GOOD;
    return after?.state === 'acknowledged' ? null : (after?.last_error ?? 'ack_mismatch');
  }

  /**
   * The province's signed refusal goes through the acknowledgement rules like any other: it ends the batch
   * only when it verifies, names this manifest and carries a final code. Anything else leaves it to be sent again.
   */
  private async applySignedRefusal(batch: SyncBatchRow, ack: Buffer, code: string, actor: Actor): Promise<string> {
    try {
      await this.acks.apply(ack, actor);
    } catch (error) {
      if (error instanceof AppError) return code;
      throw error;
    }
    const after = await findBatchById(this.ctx.db, batch.batch_id);
    return after?.state === 'refused' ? REFUSED_FOR_GOOD : code;
  }

  /** Writes every waiting row into batches, reporting as it goes; a cancelled send stops between batches. */
  private async writeAll(actor: Actor, report: (activity: SyncActivity) => void, signal?: AbortSignal): Promise<void> {
    let written = 0;
    report({ step: 'writing', batchId: null, done: 0, total: 0 });
    while (!signal?.aborted) {
      const batch = await this.writer.writeNext(actor);
      if (!batch) return;
      written += batch.record_count;
      report({ step: 'writing', batchId: batch.batch_id, done: written, total: 0 });
    }
  }

  /**
   * Marks a batch sent, read afresh in the same transaction: an export and a send run side by side, and an
   * acknowledgement may arrive meanwhile, so a batch already acknowledged or refused is left alone (false).
   */
  private async markSent(batch: SyncBatchRow, via: 'usb' | 'http', actor: Actor): Promise<boolean> {
    const station = await this.ctx.station.require();
    return this.ctx.db.transaction().execute(async (trx) => {
      const current = await findBatchById(trx, batch.batch_id);
      if (current?.state !== 'ready' && current?.state !== 'sent') return false;
      await updateBatch(trx, batch.batch_seq, { state: 'sent', sent_at: this.ctx.clock.now().toISOString(), sent_via: via });
      if (current.state === 'ready') {
        await this.ctx.audit.append(trx, { actor, stationCode: station.code, action: 'batch_send', objectType: 'sync_batch', objectId: batch.batch_id, detail: { via, records: batch.record_count } });
      }
      return true;
    });
  }
}

async function usableFolder(folder: string): Promise<void> {
  try {
    if (!(await stat(folder)).isDirectory()) throw new Error('not a folder');
    await access(folder, constants.W_OK);
  } catch {
    throw new AppError('sync_folder_unusable');
  }
}

/**
 * Writes `name.partial`, flushes it to the stick, then renames: a pulled stick never holds half a batch under
 * its name. Whatever lies at either name is replaced, never followed: a link planted on the stick (to the
 * station's database, say) is removed and the file created afresh ('wx'), and the rename replaces a link
 * at the final name rather than writing through it.
 */
async function writeCompletely(folder: string, name: string, bytes: Buffer): Promise<void> {
  const partial = join(folder, `${name}.partial`);
  try {
    await rm(partial, { force: true });
    const handle = await open(partial, 'wx');
    try {
      await handle.writeFile(bytes);
      await handle.sync();
    } finally {
      await handle.close();
    }
    await rename(partial, join(folder, name));
  } catch {
    // A half-written file would only puzzle whoever looks at the stick; the next export writes it again.
    await rm(partial, { force: true }).catch(() => undefined);
    throw new AppError('sync_folder_unusable');
  }
}
