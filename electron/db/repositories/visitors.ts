import type { Executor } from './executor';
import type { VisitorSignInTable } from '../schema';

export async function insertVisitorSignIn(db: Executor, row: VisitorSignInTable): Promise<void> {
  await db.insertInto('visitor_sign_in').values(row).execute();
}

export async function latestVisitorSignIns(db: Executor, limit: number): Promise<VisitorSignInTable[]> {
  return db
    .selectFrom('visitor_sign_in')
    .selectAll()
    .orderBy('visited_at', 'desc')
    .orderBy('id', 'desc')
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

export async function findVisitorSignIn(db: Executor, id: string): Promise<VisitorSignInTable | undefined> {
  return db.selectFrom('visitor_sign_in').selectAll().where('id', '=', id).executeTakeFirst();
}
