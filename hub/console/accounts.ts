import { randomUUID } from 'node:crypto';
import { hashSecret } from '../../electron/security/secrets';
import type { ConsoleAccountView } from '../../shared/console/values';
import type { ConsoleRole } from '../../shared/console/roles';
import type { Executor } from '../db/repositories/executor';
import { momentText } from '../db/values';

/** A console account as the hub reads it (the password hash included: never sent to a screen). */
export interface ConsoleAccount {
  id: string;
  username: string;
  displayName: string;
  role: ConsoleRole;
  passwordHash: string;
  disabled: boolean;
  failedAttempts: number;
  lockedUntil: string | null;
  createdAt: string;
  passwordChangedAt: string;
  mustChangePassword: boolean;
}

/** What a new account is made of; its password is hashed here. */
export interface NewConsoleAccount {
  username: string;
  displayName: string;
  role: ConsoleRole;
  password: string;
  /** True for a password someone else chose (an administrator, the operator): its owner replaces it first. */
  mustChangePassword: boolean;
}

type AccountRow = {
  id: string;
  username: string;
  display_name: string;
  role: string;
  password_hash: string;
  disabled: number;
  failed_attempts: number;
  locked_until: Date | string | null;
  created_at: Date | string;
  password_changed_at: Date | string;
  must_change_password: number;
};

function accountOf(row: AccountRow): ConsoleAccount {
  return {
    id: row.id,
    username: row.username,
    displayName: row.display_name,
    role: row.role as ConsoleRole,
    passwordHash: row.password_hash,
    disabled: Number(row.disabled) === 1,
    failedAttempts: Number(row.failed_attempts),
    lockedUntil: row.locked_until === null ? null : momentText(row.locked_until),
    createdAt: momentText(row.created_at),
    passwordChangedAt: momentText(row.password_changed_at),
    mustChangePassword: Number(row.must_change_password) === 1,
  };
}

/** Whether failed sign-ins lock the account at `now`. */
export function isLocked(account: ConsoleAccount, now: Date): boolean {
  return account.lockedUntil !== null && Date.parse(account.lockedUntil) > now.getTime();
}

/** The account as a screen shows it: no hash, the lock judged at `now`. */
export function accountView(account: ConsoleAccount, now: Date): ConsoleAccountView {
  const locked = isLocked(account, now);
  return {
    id: account.id,
    username: account.username,
    displayName: account.displayName,
    role: account.role,
    disabled: account.disabled,
    locked,
    lockedUntil: locked ? account.lockedUntil : null,
    mustChangePassword: account.mustChangePassword,
    createdAt: account.createdAt,
    passwordChangedAt: account.passwordChangedAt,
  };
}

/** Makes an account; null when the username is taken in the province (by constraint, never by a look first). */
export async function insertConsoleAccount(db: Executor, provinceCode: string, account: NewConsoleAccount, now: Date): Promise<ConsoleAccount | null> {
  const at = now.toISOString();
  const inserted = await db
    .insertInto('console_account')
    .values({
      province_code: provinceCode,
      id: randomUUID(),
      username: account.username,
      display_name: account.displayName,
      role: account.role,
      password_hash: await hashSecret(account.password),
      created_at: at,
      password_changed_at: at,
      must_change_password: account.mustChangePassword ? 1 : 0,
    })
    .onConflict((conflict) => conflict.columns(['province_code', 'username']).doNothing())
    .returningAll()
    .executeTakeFirst();
  return inserted ? accountOf(inserted) : null;
}

/** The account with this username, or null. */
export async function accountByUsername(db: Executor, provinceCode: string, username: string): Promise<ConsoleAccount | null> {
  const row = await db.selectFrom('console_account').selectAll().where('province_code', '=', provinceCode).where('username', '=', username).executeTakeFirst();
  return row ? accountOf(row) : null;
}

/** The account with this id, or null. */
export async function accountById(db: Executor, provinceCode: string, id: string): Promise<ConsoleAccount | null> {
  const row = await db.selectFrom('console_account').selectAll().where('province_code', '=', provinceCode).where('id', '=', id).executeTakeFirst();
  return row ? accountOf(row) : null;
}

/** Every account of the province, by username. */
export async function listConsoleAccounts(db: Executor, provinceCode: string): Promise<ConsoleAccount[]> {
  const rows = await db.selectFrom('console_account').selectAll().where('province_code', '=', provinceCode).orderBy('username').execute();
  return rows.map(accountOf);
}

/** How many accounts the province has: none before the first administrator is made. */
export async function countConsoleAccounts(db: Executor, provinceCode: string): Promise<number> {
  const row = await db.selectFrom('console_account').select((eb) => eb.fn.countAll<string | number>().as('count')).where('province_code', '=', provinceCode).executeTakeFirstOrThrow();
  return Number(row.count);
}

/** Enabled administrators other than `exceptId`: the console must keep one. */
export async function otherEnabledAdministrators(db: Executor, provinceCode: string, exceptId: string): Promise<number> {
  const row = await db
    .selectFrom('console_account')
    .select((eb) => eb.fn.countAll<string | number>().as('count'))
    .where('province_code', '=', provinceCode)
    .where('role', '=', 'administrator')
    .where('disabled', '=', 0)
    .where('id', '!=', exceptId)
    .executeTakeFirstOrThrow();
  return Number(row.count);
}

/** Disables or enables an account. */
export async function setAccountDisabled(db: Executor, provinceCode: string, id: string, disabled: boolean): Promise<void> {
  await db.updateTable('console_account').set({ disabled: disabled ? 1 : 0 }).where('province_code', '=', provinceCode).where('id', '=', id).execute();
}

/** Sets a new password (hashed here), lifts any lock; `mustChange` when someone else chose it. */
export async function setAccountPassword(db: Executor, provinceCode: string, id: string, password: string, mustChange: boolean, now: Date): Promise<void> {
  await db
    .updateTable('console_account')
    .set({
      password_hash: await hashSecret(password),
      password_changed_at: now.toISOString(),
      must_change_password: mustChange ? 1 : 0,
      failed_attempts: 0,
      locked_until: null,
    })
    .where('province_code', '=', provinceCode)
    .where('id', '=', id)
    .execute();
}

/**
 * Counts a failed sign-in; at `maxFailed` in a row the account locks for `lockMinutes` and the count starts
 * again. Returns whether this failure locked it.
 */
export async function recordFailedSignIn(
  db: Executor,
  provinceCode: string,
  account: ConsoleAccount,
  limits: { maxFailed: number; lockMinutes: number },
  now: Date,
): Promise<{ locked: boolean }> {
  const failed = account.failedAttempts + 1;
  const locked = failed >= limits.maxFailed;
  await db
    .updateTable('console_account')
    .set(locked ? { failed_attempts: 0, locked_until: new Date(now.getTime() + limits.lockMinutes * 60_000).toISOString() } : { failed_attempts: failed })
    .where('province_code', '=', provinceCode)
    .where('id', '=', account.id)
    .execute();
  return { locked };
}

/** A sign-in that succeeded: the count of failures starts again. */
export async function recordSignIn(db: Executor, provinceCode: string, id: string): Promise<void> {
  await db.updateTable('console_account').set({ failed_attempts: 0, locked_until: null }).where('province_code', '=', provinceCode).where('id', '=', id).execute();
}
