import { createHash, randomBytes } from 'node:crypto';
import type { Executor } from '../db/repositories/executor';
import { momentText } from '../db/values';

/** A session as the hub finds it from a browser's token. */
export interface ConsoleSession {
  tokenSha256: string;
  accountId: string;
  createdAt: string;
  lastSeenAt: string;
  endedAt: string | null;
}

/** The SHA-256 of a token, hex: what the database holds instead of the token. */
export function tokenHash(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}

/** A new token: 32 random bytes, base64url (the cookie's value). */
export function newSessionToken(): string {
  return randomBytes(32).toString('base64url');
}

/** Starts a session for an account; returns its token (the only time the hub holds it). */
export async function startConsoleSession(db: Executor, provinceCode: string, accountId: string, now: Date): Promise<string> {
  const token = newSessionToken();
  const at = now.toISOString();
  await db
    .insertInto('console_session')
    .values({ province_code: provinceCode, token_sha256: tokenHash(token), account_id: accountId, created_at: at, last_seen_at: at })
    .execute();
  return token;
}

/** The session a token opens, ended or not; null for a token the hub never gave. */
export async function sessionByToken(db: Executor, provinceCode: string, token: string): Promise<ConsoleSession | null> {
  const row = await db
    .selectFrom('console_session')
    .selectAll()
    .where('province_code', '=', provinceCode)
    .where('token_sha256', '=', tokenHash(token))
    .executeTakeFirst();
  if (!row) return null;
  return {
    tokenSha256: row.token_sha256,
    accountId: row.account_id,
    createdAt: momentText(row.created_at),
    lastSeenAt: momentText(row.last_seen_at),
    endedAt: row.ended_at === null ? null : momentText(row.ended_at),
  };
}

/** The session was used now: its idle time starts again. */
export async function touchConsoleSession(db: Executor, provinceCode: string, tokenSha256: string, now: Date): Promise<void> {
  await db.updateTable('console_session').set({ last_seen_at: now.toISOString() }).where('province_code', '=', provinceCode).where('token_sha256', '=', tokenSha256).execute();
}

/** Ends one session. */
export async function endConsoleSession(db: Executor, provinceCode: string, tokenSha256: string, now: Date): Promise<void> {
  await db
    .updateTable('console_session')
    .set({ ended_at: now.toISOString() })
    .where('province_code', '=', provinceCode)
    .where('token_sha256', '=', tokenSha256)
    .where('ended_at', 'is', null)
    .execute();
}

/** Ends every open session of an account but `keepTokenSha256` (the one making the change, if any). */
export async function endSessionsOfAccount(db: Executor, provinceCode: string, accountId: string, now: Date, keepTokenSha256: string | null = null): Promise<void> {
  let query = db
    .updateTable('console_session')
    .set({ ended_at: now.toISOString() })
    .where('province_code', '=', provinceCode)
    .where('account_id', '=', accountId)
    .where('ended_at', 'is', null);
  if (keepTokenSha256 !== null) query = query.where('token_sha256', '!=', keepTokenSha256);
  await query.execute();
}
