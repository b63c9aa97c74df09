import type { RecoveryKeys } from '../backup/recovery';
import type { StationContext } from '../kernel/context';
import { AccountService } from './accounts';
import { SetupService } from './setup';
import { SessionRegistry } from './staff-sessions';

/** Setting the station up, and the staff: their accounts (with their management) and their signed-in sessions. */
export interface StationAreaServices {
  setup: SetupService;
  sessions: SessionRegistry;
  accounts: AccountService;
}

/**
 * The station area on one station. Setup hands out the recovery key that `recovery` keeps, and is refused
 * while `restorePending` says a restore onto this install is staged.
 */
export function createStationServices(ctx: StationContext, recovery: RecoveryKeys, restorePending: () => boolean): StationAreaServices {
  const sessions = new SessionRegistry(ctx);
  const accounts = new AccountService(ctx, sessions);
  return { setup: new SetupService(ctx, accounts, sessions, recovery, restorePending), sessions, accounts };
}
