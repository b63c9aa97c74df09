import { randomUUID } from 'node:crypto';
import { maskName } from '../../../shared/domain/masking';
import type { VisitorMessageRow, VisitorSignInRow } from '../../db/rows';
import type { Executor } from '../../db/repositories/executor';
import { insertVisitorMessage } from '../../db/repositories/visitor-messages';
import type { Actor, AuditTrail } from '../kernel/audit';
import type { DataProtection } from '../kernel/data-protection';

export interface LeftMessage {
  signIn: VisitorSignInRow;
  /** Already checked by the contract's schema. */
  message: string;
  visitorName: string | null;
  actor: Actor;
}

/**
 * Stores the message a visitor left with their sign-in, pending moderation, inside the sign-in's
 * transaction. It keeps only the masked name: the wall never needs more, and the full name stays with
 * the sign-in, which the retention purge removes in time.
 */
export async function leaveVisitorMessage(trx: Executor, protection: DataProtection, audit: AuditTrail, left: LeftMessage): Promise<void> {
  const row: VisitorMessageRow = {
    id: randomUUID(),
    sign_in_id: left.signIn.id,
    station_code: left.signIn.station_code,
    written_at: left.signIn.visited_at,
    body: protection.seal(left.message, 'visitor_message.body'),
    author_masked: protection.sealOptional(left.visitorName === null ? null : maskName(left.visitorName), 'visitor_message.author_masked'),
    relation: left.signIn.relation,
    state: 'pending',
    version: 1,
    decided_at: null,
    decided_by: null,
    reject_reason: null,
  };
  await insertVisitorMessage(trx, row);
  await audit.append(trx, { actor: left.actor, stationCode: row.station_code, action: 'create', objectType: 'visitor_message', objectId: row.id });
}
