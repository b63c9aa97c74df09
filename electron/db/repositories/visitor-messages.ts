import type { Executor } from './executor';
import type { MessageDecision, MessageState } from '../../../shared/domain/visitors';
import type { NewVisitorMessageRow, VisitorMessageRow } from '../rows';

export async function insertVisitorMessage(db: Executor, row: NewVisitorMessageRow): Promise<void> {
  await db.insertInto('visitor_message').values(row).execute();
}

/** A message with the display name of the staff member who decided on it. */
export type VisitorMessageWithDecider = VisitorMessageRow & { decided_by_name: string | null };

function withDeciderName(db: Executor) {
  return db
    .selectFrom('visitor_message')
    .leftJoin('staff', 'staff.id', 'visitor_message.decided_by')
    .selectAll('visitor_message')
    .select('staff.display_name as decided_by_name');
}

export async function findVisitorMessage(db: Executor, id: string): Promise<VisitorMessageWithDecider | undefined> {
  return withDeciderName(db).where('visitor_message.id', '=', id).executeTakeFirst();
}

/** Messages in one state, newest first. */
export async function visitorMessagesInState(db: Executor, state: MessageState, limit: number): Promise<VisitorMessageWithDecider[]> {
  return withDeciderName(db)
    .where('visitor_message.state', '=', state)
    .orderBy('visitor_message.written_at', 'desc')
    .orderBy('visitor_message.id', 'desc')
    .limit(limit)
    .execute();
}

/** How many messages are in each state; a state without messages is absent. */
export async function countVisitorMessagesByState(db: Executor): Promise<Map<MessageState, number>> {
  const rows = await db
    .selectFrom('visitor_message')
    .select(['state', (eb) => eb.fn.countAll<number>().as('count')])
    .groupBy('state')
    .execute();
  return new Map(rows.map((row) => [row.state, Number(row.count)]));
}

export interface MessageDecisionRow {
  id: string;
  state: MessageDecision;
  version: number;
  decidedAt: string;
  decidedBy: string | null;
  rejectReason: string | null;
}

/** Records a decision on a message that is still pending; false when it was not (any more). */
export async function decideVisitorMessage(db: Executor, decision: MessageDecisionRow): Promise<boolean> {
  const result = await db
    .updateTable('visitor_message')
    .set({
      state: decision.state,
      version: decision.version,
      decided_at: decision.decidedAt,
      decided_by: decision.decidedBy,
      reject_reason: decision.rejectReason,
    })
    .where('id', '=', decision.id)
    .where('state', '=', 'pending')
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** One page of approved messages, newest first. */
export async function approvedVisitorMessages(db: Executor, offset: number, limit: number): Promise<VisitorMessageRow[]> {
  return db
    .selectFrom('visitor_message')
    .selectAll()
    .where('state', '=', 'approved')
    .orderBy('written_at', 'desc')
    .orderBy('id', 'desc')
    .limit(limit)
    .offset(offset)
    .execute();
}

/**
 * Deletes the messages written before `cutoff` that are not on the wall (pending or rejected); returns
 * how many went. Approved ones stay: the retention purge only unlinks them from their sign-in.
 */
export async function deleteUnapprovedVisitorMessagesBefore(db: Executor, cutoff: string): Promise<number> {
  const result = await db
    .deleteFrom('visitor_message')
    .where('written_at', '<', cutoff)
    .where('state', '!=', 'approved')
    .executeTakeFirst();
  return Number(result.numDeletedRows);
}
