import { DEFAULT_SCRYPT, verifySecret } from '../../../electron/security/secrets';
import type { sessionCalls } from '../../../shared/console/session-calls';
import type { ConsoleSessionView } from '../../../shared/console/values';
import { accountByUsername, recordFailedSignIn, recordSignIn, isLocked, setAccountPassword, type ConsoleAccount } from '../accounts';
import { appendConsoleAudit } from '../audit-trail';
import { callerOf, type ConsoleCallContext, type ConsoleHandlersOf } from '../call-context';
import { ConsoleRefusal } from '../refusal';
import { endConsoleSession, endSessionsOfAccount, startConsoleSession } from '../sessions';

/** A hash to verify against when the username is unknown, so the answer takes as long as for a wrong password. */
const UNKNOWN_ACCOUNT_HASH = ['scrypt', DEFAULT_SCRYPT.N, DEFAULT_SCRYPT.r, DEFAULT_SCRYPT.p, Buffer.alloc(16).toString('base64'), Buffer.alloc(32).toString('base64')].join('$');

/** The session's view: who is signed in and how long the session may last. */
export function sessionView(context: ConsoleCallContext, account: ConsoleAccount, sessionCreatedAt: string): ConsoleSessionView {
  return {
    accountId: account.id,
    username: account.username,
    displayName: account.displayName,
    role: account.role,
    mustChangePassword: account.mustChangePassword,
    provinceCode: context.provinceCode,
    idleMinutes: context.settings.idleMinutes,
    expiresAt: new Date(Date.parse(sessionCreatedAt) + context.settings.sessionHours * 3_600_000).toISOString(),
  };
}

/**
 * A failed sign-in of a known account, counted and audited in one transaction; at the limit the account locks
 * (its own audit entry). The username is never written: the entry names the account by id.
 */
async function countFailure(context: ConsoleCallContext, account: ConsoleAccount, reason: string): Promise<{ locked: boolean }> {
  const { provinceCode, now, settings } = context;
  return context.db.transaction().execute(async (trx) => {
    const { locked } = await recordFailedSignIn(trx, provinceCode, account, { maxFailed: settings.maxFailedSignIns, lockMinutes: settings.lockMinutes }, now);
    const facts = { accountId: null, actorRole: account.role, subject: `account:${account.id}` };
    await appendConsoleAudit(trx, context.engine, context.auditKey, provinceCode, { ...facts, action: 'session:signInFailed', detail: { reason } }, now);
    if (locked) {
      await appendConsoleAudit(trx, context.engine, context.auditKey, provinceCode, { ...facts, action: 'account:locked', detail: { lockMinutes: settings.lockMinutes } }, now);
    }
    return { locked };
  });
}

/** Signing in and out, the session, one's own password. */
export const sessionHandlers: ConsoleHandlersOf<keyof typeof sessionCalls> = {
  'session:signIn': async (context, { username, password }) => {
    const { provinceCode, now } = context;
    const account = await accountByUsername(context.db, provinceCode, username);
    if (account === null) {
      await verifySecret(password, UNKNOWN_ACCOUNT_HASH);
      await context.db.transaction().execute((trx) =>
        appendConsoleAudit(trx, context.engine, context.auditKey, provinceCode, { accountId: null, actorRole: '', action: 'session:signInFailed', subject: null, detail: { reason: 'unknown_account' } }, now),
      );
      throw new ConsoleRefusal('sign_in_failed');
    }
    if (isLocked(account, now)) {
      await context.db.transaction().execute((trx) =>
        appendConsoleAudit(trx, context.engine, context.auditKey, provinceCode, { accountId: null, actorRole: account.role, action: 'session:signInFailed', subject: `account:${account.id}`, detail: { reason: 'account_locked' } }, now),
      );
      throw new ConsoleRefusal('account_locked');
    }
    if (!(await verifySecret(password, account.passwordHash))) {
      const { locked } = await countFailure(context, account, 'wrong_password');
      throw new ConsoleRefusal(locked ? 'account_locked' : 'sign_in_failed');
    }
    if (account.disabled) {
      await context.db.transaction().execute((trx) =>
        appendConsoleAudit(trx, context.engine, context.auditKey, provinceCode, { accountId: null, actorRole: account.role, action: 'session:signInFailed', subject: `account:${account.id}`, detail: { reason: 'account_disabled' } }, now),
      );
      throw new ConsoleRefusal('account_disabled');
    }
    const token = await context.db.transaction().execute(async (trx) => {
      await recordSignIn(trx, provinceCode, account.id);
      const started = await startConsoleSession(trx, provinceCode, account.id, now);
      await appendConsoleAudit(trx, context.engine, context.auditKey, provinceCode, { accountId: account.id, actorRole: account.role, action: 'session:signIn', subject: `account:${account.id}` }, now);
      return started;
    });
    context.issueSession(token);
    return sessionView(context, account, now.toISOString());
  },

  'session:signOut': async (context) => {
    const caller = callerOf(context);
    await endConsoleSession(context.db, context.provinceCode, caller.tokenSha256, context.now);
    context.auditAs(`account:${caller.account.id}`);
    context.clearSession();
    return null;
  },

  'session:current': async (context) => {
    const caller = callerOf(context);
    return sessionView(context, caller.account, caller.sessionCreatedAt);
  },

  'session:changePassword': async (context, { currentPassword, newPassword }) => {
    const caller = callerOf(context);
    const { account } = caller;
    if (!(await verifySecret(currentPassword, account.passwordHash))) throw new ConsoleRefusal('current_password_incorrect');
    if (currentPassword.normalize('NFC') === newPassword.normalize('NFC')) throw new ConsoleRefusal('password_unchanged');
    await setAccountPassword(context.db, context.provinceCode, account.id, newPassword, false, context.now);
    // Whoever else holds a session of this account (a browser left open, someone who knew the old password) is out.
    await endSessionsOfAccount(context.db, context.provinceCode, account.id, context.now, caller.tokenSha256);
    context.auditAs(`account:${account.id}`);
    return sessionView(context, { ...account, mustChangePassword: false }, caller.sessionCreatedAt);
  },
};
