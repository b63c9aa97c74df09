import type { MessageState } from '../../../shared/domain/visitors';
import type { Executor } from './executor';
import type { NewVisitorSignInRow, VisitorSignInRow } from '../rows';

export async function insertVisitorSignIn(db: Executor, row: NewVisitorSignInRow): Promise<void> {
  await db.insertInto('visitor_sign_in').values(row).execute();
}

/** A sign-in with the state of the message left with it, if any. */
export type VisitorSignInWithMessage = VisitorSignInRow & { message_state: MessageState | null };

/** The latest sign-ins, newest first, each with the state of its message if one was left. */
export async function latestVisitorSignIns(db: Executor, limit: number): Promise<VisitorSignInWithMessage[]> {
  return db
    .selectFrom('visitor_sign_in')
    .leftJoin('visitor_message', 'visitor_message.sign_in_id', 'visitor_sign_in.id')
    .selectAll('visitor_sign_in')
    .select('visitor_message.state as message_state')
    .orderBy('visitor_sign_in.visited_at', 'desc')
    .orderBy('visitor_sign_in.id', 'desc')
    .limit(limit)
    .execute();
}

export async function countVisitorSignIns(db: Executor): Promise<number> {
  const row = await db
    .selectFrom('visitor_sign_in')
    .select((eb) => eb.fn.countAll<number>().as('count'))
    .executeTakeFirstOrThrow();
  return Number(row.count);
}

export async function findVisitorSignIn(db: Executor, id: string): Promise<VisitorSignInRow | undefined> {
  return db.selectFrom('visitor_sign_in').selectAll().where('id', '=', id).executeTakeFirst();
}

/** People (party sizes summed) who signed in from `from` (inclusive) to `to` (exclusive). */
export async function countPeopleBetween(db: Executor, from: string, to: string): Promise<number> {
  const row = await db
    .selectFrom('visitor_sign_in')
    .select((eb) => eb.fn.coalesce(eb.fn.sum<number>('party_size'), eb.lit(0)).as('people'))
    .where('visited_at', '>=', from)
    .where('visited_at', '<', to)
    .executeTakeFirstOrThrow();
  return Number(row.people);
}

/** Deletes the sign-ins made before `cutoff`; returns how many went. */
export async function deleteVisitorSignInsBefore(db: Executor, cutoff: string): Promise<number> {
  const result = await db.deleteFrom('visitor_sign_in').where('visited_at', '<', cutoff).executeTakeFirst();
  return Number(result.numDeletedRows);
}
