import type { CallOutput, ParsedInput } from '../../../shared/contract/calls';
import type { MessageDecision, VisitorRelation } from '../../../shared/domain/visitors';
import { collapseBlankLines } from '../../../shared/validation/visitors';
import {
  countVisitorMessagesByState,
  decideVisitorMessage,
  findVisitorMessage,
  visitorMessagesInState,
  type VisitorMessageWithDecider,
} from '../../db/repositories/visitor-messages';
import type { Actor } from '../kernel/audit';
import { AppError } from '../kernel/errors';
import { queueForSync } from '../kernel/outbox';
import { writeAs, type StationContext } from '../kernel/context';

type VisitorMessage = CallOutput<'messages:approve'>;

/**
 * Staff moderation of visitor messages: pending → approved (on the wall) or rejected (with a reason).
 * Each decision is final, audited and queued for the provincial system in one transaction.
 */
export class MessageModeration {
  constructor(private readonly ctx: StationContext) {}

  /** Messages in one state, newest first, with the count of each state; the reading is audited. */
  async list(input: ParsedInput<'messages:list'>, actor: Actor): Promise<CallOutput<'messages:list'>> {
    const station = await this.ctx.station.require();
    const [rows, counts] = await Promise.all([visitorMessagesInState(this.ctx.db, input.state, input.limit), countVisitorMessagesByState(this.ctx.db)]);
    // The text may name people: reading it is a view of personal data.
    await this.ctx.audit.record({ actor, stationCode: station.code, action: 'view', objectType: 'visitor_message', detail: { state: input.state, count: rows.length } });
    return {
      counts: { pending: counts.get('pending') ?? 0, approved: counts.get('approved') ?? 0, rejected: counts.get('rejected') ?? 0 },
      messages: rows.map((row) => this.toView(row)),
    };
  }

  /** Puts a pending message on the public wall. */
  async approve(input: ParsedInput<'messages:approve'>, actor: Actor): Promise<VisitorMessage> {
    return this.decide(input.id, 'approved', null, actor);
  }

  /** Keeps a pending message off the wall for good, with the reason. */
  async reject(input: ParsedInput<'messages:reject'>, actor: Actor): Promise<VisitorMessage> {
    return this.decide(input.id, 'rejected', input.reason, actor);
  }

  private async decide(id: string, state: MessageDecision, reason: string | null, actor: Actor): Promise<VisitorMessage> {
    return writeAs(this.ctx, async (trx, { station, at: decidedAt }) => {
      const before = await findVisitorMessage(trx, id);
      if (!before) throw new AppError('not_found');
      const version = before.version + 1;
      const decided = await decideVisitorMessage(trx, {
        id,
        state,
        version,
        decidedAt,
        decidedBy: actor.id,
        rejectReason: this.ctx.protection.sealOptional(reason, 'visitor_message.reject_reason'),
      });
      if (!decided) throw new AppError('message_not_pending');
      await queueForSync(trx, this.ctx.protection, {
        kind: 'visitor_message',
        entityId: id,
        version,
        payload: this.syncPayload(before, state, decidedAt),
        createdAt: decidedAt,
      });
      await this.ctx.audit.append(trx, {
        actor,
        stationCode: station.code,
        action: state === 'approved' ? 'message_approve' : 'message_reject',
        objectType: 'visitor_message',
        objectId: id,
      });
      const after = await findVisitorMessage(trx, id);
      if (!after) throw new AppError('not_found');
      return this.toView(after);
    });
  }

  /**
   * What the province learns of a decision: an approved message with what the wall shows (blank lines
   * collapsed, also in a message accepted before that rule); a rejected
   * one only that it was rejected, since its text is never published and need not leave the station.
   */
  private syncPayload(row: VisitorMessageWithDecider, state: MessageDecision, decidedAt: string): Record<string, unknown> {
    const decision = { id: row.id, sign_in_id: row.sign_in_id, station_code: row.station_code, written_at: row.written_at, state, decided_at: decidedAt };
    if (state === 'rejected') return decision;
    return {
      ...decision,
      body: collapseBlankLines(this.ctx.protection.open(row.body, 'visitor_message.body')),
      author_masked: this.ctx.protection.openOptional(row.author_masked, 'visitor_message.author_masked'),
      relation: row.relation,
    };
  }

  private toView(row: VisitorMessageWithDecider): VisitorMessage {
    return {
      id: row.id,
      writtenAt: row.written_at,
      message: this.ctx.protection.open(row.body, 'visitor_message.body'),
      author: this.ctx.protection.openOptional(row.author_masked, 'visitor_message.author_masked'),
      relation: row.relation as VisitorRelation | null,
      state: row.state,
      decidedAt: row.decided_at,
      decidedBy: row.decided_by_name,
      rejectReason: this.ctx.protection.openOptional(row.reject_reason, 'visitor_message.reject_reason'),
    };
  }
}

