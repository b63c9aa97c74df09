import type { accountsCalls } from '../../../shared/console/accounts-calls';
import { accountById, accountView, insertConsoleAccount, listConsoleAccounts, otherEnabledAdministrators, setAccountDisabled, setAccountPassword, type ConsoleAccount } from '../accounts';
import { lockConsole } from '../audit-trail';
import type { ConsoleCallContext, ConsoleHandlersOf } from '../call-context';
import { ConsoleRefusal } from '../refusal';
import { endSessionsOfAccount } from '../sessions';
import type { Transaction } from 'kysely';
import type { HubDatabase } from '../../db/schema';

async function existingAccount(context: ConsoleCallContext, id: string): Promise<ConsoleAccount> {
  const account = await accountById(context.db, context.provinceCode, id);
  if (account === null) throw new ConsoleRefusal('not_found');
  return account;
}

/** The console's accounts, for the administrator. */
export const accountsHandlers: ConsoleHandlersOf<keyof typeof accountsCalls> = {
  'accounts:list': async (context) => {
    const accounts = await listConsoleAccounts(context.db, context.provinceCode);
    return { accounts: accounts.map((account) => accountView(account, context.now)) };
  },

  'accounts:create': async (context, input) => {
    const account = await insertConsoleAccount(context.db, context.provinceCode, { ...input, mustChangePassword: true }, context.now);
    if (account === null) throw new ConsoleRefusal('username_taken');
    context.auditAs(`account:${account.id}`, { role: account.role });
    return accountView(account, context.now);
  },

  'accounts:disable': async (context, { accountId, disabled }) => {
    // The accounts' changes take turns: two administrators disabling each other cannot leave none.
    await lockConsole(context.db as Transaction<HubDatabase>, context.engine, context.provinceCode);
    const account = await existingAccount(context, accountId);
    if (disabled && account.role === 'administrator' && !account.disabled && (await otherEnabledAdministrators(context.db, context.provinceCode, account.id)) === 0) {
      throw new ConsoleRefusal('last_administrator');
    }
    await setAccountDisabled(context.db, context.provinceCode, account.id, disabled);
    if (disabled) await endSessionsOfAccount(context.db, context.provinceCode, account.id, context.now);
    context.auditAs(`account:${account.id}`, { disabled });
    return accountView({ ...account, disabled }, context.now);
  },

  'accounts:resetPassword': async (context, { accountId, password }) => {
    const account = await existingAccount(context, accountId);
    await setAccountPassword(context.db, context.provinceCode, account.id, password, true, context.now);
    await endSessionsOfAccount(context.db, context.provinceCode, account.id, context.now);
    context.auditAs(`account:${account.id}`);
    const updated = await existingAccount(context, accountId);
    return accountView(updated, context.now);
  },
};
