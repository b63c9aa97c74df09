import { z } from 'zod';
import { consoleCall } from './call';
import { managesAccounts } from './roles';
import { consoleAccountId, consoleAccountView, consolePassword, consoleRole, consoleUsername } from './values';

/** The console's accounts, for the administrator; every change is audited. */
export const accountsCalls = {
  /** Every account of the province, by username. */
  'accounts:list': consoleCall(z.undefined(), z.object({ accounts: z.array(consoleAccountView) }), managesAccounts),
  /** A new account with a temporary password its owner must replace at the first sign-in. */
  'accounts:create': consoleCall(
    z.object({ username: consoleUsername, displayName: z.string().trim().min(1).max(64), role: consoleRole, password: consolePassword }),
    consoleAccountView,
    managesAccounts,
    { audited: true },
  ),
  /** Disables an account (its sessions end at once), or enables it again; the last administrator stays. */
  'accounts:disable': consoleCall(z.object({ accountId: consoleAccountId, disabled: z.boolean().default(true) }), consoleAccountView, managesAccounts, {
    audited: true,
  }),
  /** Sets a temporary password, lifts a lock and ends the account's sessions; its owner must replace it. */
  'accounts:resetPassword': consoleCall(z.object({ accountId: consoleAccountId, password: consolePassword }), consoleAccountView, managesAccounts, {
    audited: true,
  }),
} as const;
