import { sql } from 'kysely';
import type { Executor } from './executor';
import type { NewStaffRow, StaffRow, StaffRowUpdate } from '../rows';

export async function insertStaff(db: Executor, row: NewStaffRow): Promise<void> {
  await db.insertInto('staff').values(row).execute();
}

export async function findStaffByUsername(db: Executor, username: string): Promise<StaffRow | undefined> {
  return db.selectFrom('staff').selectAll().where('username', '=', username).executeTakeFirst();
}

export async function findStaffById(db: Executor, id: string): Promise<StaffRow | undefined> {
  return db.selectFrom('staff').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function listStaff(db: Executor): Promise<StaffRow[]> {
  return db.selectFrom('staff').selectAll().orderBy('created_at').orderBy('username').execute();
}

/**
 * Counts one sign-in or PIN attempt before its secret is checked, in a single statement, so parallel
 * attempts cannot read the same count. The attempt that reaches `maxAttempts` sets the lock at once;
 * the first attempt after a lock ran out starts counting again. Returns the count and lock now stored,
 * or undefined (nothing counted) while the account is locked.
 */
export async function reserveAttempt(
  db: Executor,
  id: string,
  options: { now: string; lockUntil: string; maxAttempts: number },
): Promise<{ attempts: number; lockedUntil: string | null } | undefined> {
  const attempts = sql<number>`case when locked_until is not null then 1 else failed_attempts + 1 end`;
  const row = await db
    .updateTable('staff')
    .set({
      failed_attempts: attempts,
      locked_until: sql<string | null>`case when ${attempts} >= ${options.maxAttempts} then ${options.lockUntil} else null end`,
    })
    .where('id', '=', id)
    .where((eb) => eb.or([eb('locked_until', 'is', null), eb('locked_until', '<=', options.now)]))
    .returning(['failed_attempts', 'locked_until'])
    .executeTakeFirst();
  return row && { attempts: row.failed_attempts, lockedUntil: row.locked_until };
}

export async function clearFailedAttempts(db: Executor, id: string): Promise<void> {
  await db.updateTable('staff').set({ failed_attempts: 0, locked_until: null }).where('id', '=', id).execute();
}

/** Administrators who may still sign in, other than the one named: zero means that one is the last. */
export async function countOtherActiveAdmins(db: Executor, exceptId: string): Promise<number> {
  const row = await db
    .selectFrom('staff')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('role', '=', 'admin')
    .where('active', '=', 1)
    .where('id', '!=', exceptId)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

export async function updateStaff(
  db: Executor,
  id: string,
  changes: Pick<StaffRowUpdate, 'active' | 'role' | 'password_hash' | 'pin_hash' | 'must_change_password' | 'must_change_pin' | 'failed_attempts' | 'locked_until'>,
): Promise<void> {
  await db.updateTable('staff').set(changes).where('id', '=', id).execute();
}
