import type { ConsoleRole } from '../../shared/console/roles';
import type { HubStore } from '../db/open';
import { accountByUsername, insertConsoleAccount, type ConsoleAccount } from './accounts';
import { appendConsoleAudit, OPERATOR_ROLE, verifyConsoleAudit } from './audit-trail';
import type { ChainCheck } from '../../electron/security/audit-chain';

/** An account the operator makes at the command line (`hub init --admin`, `hub account add`). */
export interface OperatorAccount {
  username: string;
  displayName: string;
  role: ConsoleRole;
  password: string;
}

/**
 * Makes an account for the operator, audited as the operator's act; its owner must replace the password at
 * the first sign-in. When the username is taken, nothing changes and `created` is false (the account held is
 * returned): running `hub init --admin` again does not reset anyone's password.
 */
export async function addAccountAsOperator(
  store: HubStore,
  provinceCode: string,
  auditKey: Buffer,
  account: OperatorAccount,
  now: Date = new Date(),
): Promise<{ created: boolean; account: ConsoleAccount }> {
  const made = await store.db.transaction().execute(async (trx) => {
    const inserted = await insertConsoleAccount(trx, provinceCode, { ...account, mustChangePassword: true }, now);
    if (inserted !== null) {
      const facts = { accountId: null, actorRole: OPERATOR_ROLE, action: 'accounts:create', subject: `account:${inserted.id}`, detail: { role: inserted.role } };
      await appendConsoleAudit(trx, store.engine, auditKey, provinceCode, facts, now);
    }
    return inserted;
  });
  if (made !== null) return { created: true, account: made };
  const held = await accountByUsername(store.db, provinceCode, account.username);
  if (held === null) throw new Error(`account ${account.username} is neither made nor held`);
  return { created: false, account: held };
}

/** The operator's check of the console's audit chain (`hub audit-verify`). */
export function verifyAuditAsOperator(store: HubStore, provinceCode: string, auditKey: Buffer): Promise<ChainCheck> {
  return verifyConsoleAudit(store.db, auditKey, provinceCode);
}
