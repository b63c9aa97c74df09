import type { SyncRejection } from '../../../shared/validation/sync';
import { omitWaitingRowsWithoutConsent, outboxRowsBySeq, rejectedRows, setRowState, type OutboxEntry } from '../../db/repositories/sync';
import type { Actor } from '../kernel/audit';
import { AppError } from '../kernel/errors';
import type { StationContext } from '../kernel/context';

const SHOWN = 200;

/**
 * Records the province rejected (§8.3), with its reason, for staff: correcting the record queues a new
 * version by itself; a rejection whose cause the province resolved can be sent again unchanged, unless
 * its person withdrew consent to report since (§5.4).
 */
export class SyncRejections {
  constructor(private readonly ctx: StationContext) {}

  async list(): Promise<SyncRejection[]> {
    return (await rejectedRows(this.ctx.db, SHOWN)).map((row) => this.view(row));
  }

  async resend(seq: number, actor: Actor): Promise<SyncRejection[]> {
    const station = await this.ctx.station.require();
    await this.ctx.db.transaction().execute(async (trx) => {
      const row = (await outboxRowsBySeq(trx, [seq])).get(seq);
      if (!row || row.state !== 'rejected') throw new AppError('outbox_row_not_rejected');
      await setRowState(trx, seq, 'resend');
      // Of a person who withdrew consent to report since, the row is left out instead: it leaves the list, never sent.
      await omitWaitingRowsWithoutConsent(trx, { between: { from: seq, through: seq } });
      const leftOut = (await outboxRowsBySeq(trx, [seq])).get(seq)?.state === 'omitted';
      await this.ctx.audit.append(trx, {
        actor,
        stationCode: station.code,
        action: 'amend',
        objectType: 'outbox',
        objectId: String(seq),
        detail: { resend: !leftOut, kind: row.kind, version: row.version, ...(leftOut ? { leftOut: true } : {}) },
      });
    });
    return this.list();
  }

  private view(row: OutboxEntry): SyncRejection {
    // Staff know a registration by its number; the payload holds it (and nothing of it is shown but that).
    let registrationNumber: string | null = null;
    if (row.kind === 'registration') {
      const payload = JSON.parse(this.ctx.protection.open(row.payload, 'outbox.payload')) as { number?: unknown };
      registrationNumber = typeof payload.number === 'string' ? payload.number : null;
    }
    return {
      seq: row.seq,
      kind: row.kind,
      entityId: row.entity_id,
      version: row.version,
      code: row.reject_code ?? 'policy_refused',
      reason: row.reject_reason,
      path: row.reject_path,
      rejectedAt: row.settled_at,
      registrationNumber,
      personId: row.person_id,
    };
  }
}
