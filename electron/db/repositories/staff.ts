import type { Executor } from './executor';
import type { StaffTable } from '../schema';

export async function insertStaff(db: Executor, row: StaffTable): Promise<void> {
  await db.insertInto('staff').values(row).execute();
}

export async function findStaffByUsername(db: Executor, username: string): Promise<StaffTable | undefined> {
  return db.selectFrom('staff').selectAll().where('username', '=', username).executeTakeFirst();
}

export async function findStaffById(db: Executor, id: string): Promise<StaffTable | undefined> {
  return db.selectFrom('staff').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function listStaff(db: Executor): Promise<StaffTable[]> {
  return db.selectFrom('staff').selectAll().orderBy('created_at').orderBy('username').execute();
}

export async function recordFailedAttempt(
  db: Executor,
  id: string,
  failedAttempts: number,
  lockedUntil: string | null,
): Promise<void> {
  await db.updateTable('staff').set({ failed_attempts: failedAttempts, locked_until: lockedUntil }).where('id', '=', id).execute();
}

export async function clearFailedAttempts(db: Executor, id: string): Promise<void> {
  await db.updateTable('staff').set({ failed_attempts: 0, locked_until: null }).where('id', '=', id).execute();
}
