import type { CallOutput, ParsedInput } from '../../../shared/contract/calls';
import type { AccountService } from './accounts';
import { AppError } from '../kernel/errors';
import type { RecoveryKeys } from '../backup/recovery';
import type { SessionRegistry } from './staff-sessions';
import type { StationContext } from '../kernel/context';

/**
 * First-run setup: the station, its first administrator and its recovery key in one transaction, and the
 * person at the screen signed in as that administrator, so the station is never without someone who can
 * manage it. The recovery code is returned once, to be written down: the station keeps only its public key.
 */
export class SetupService {
  constructor(
    private readonly ctx: StationContext,
    private readonly accounts: AccountService,
    private readonly sessions: SessionRegistry,
    private readonly recovery: RecoveryKeys,
    /** A restore onto this fresh install is staged: setting it up now would be undone by the restart. */
    private readonly restorePending: () => boolean,
  ) {}

  async setUp(input: ParsedInput<'station:setup'>, sessionKey: string): Promise<CallOutput<'station:setup'>> {
    // Checked before the secrets are hashed: anyone may call setup, and each attempt costs three scrypt runs.
    // The transaction checks again, for two setups racing.
    if (await this.ctx.station.get()) throw new AppError('station_already_set_up');
    if (this.restorePending()) throw new AppError('backup_restore_pending');
    const { admin, ...stationInput } = input;
    const adminRow = await this.accounts.prepare({ ...admin, role: 'admin' });
    const recoveryKey = await this.recovery.prepare();
    const actor = { id: adminRow.id, role: 'admin' };
    const result = await this.ctx.db.transaction().execute(async (trx) => {
      const created = await this.ctx.station.insert(trx, stationInput);
      await this.ctx.audit.append(trx, { actor, stationCode: created.code, action: 'station_setup', objectType: 'station', objectId: created.code });
      await this.accounts.insert(trx, adminRow, actor, created.code);
      const recovery = await this.recovery.store(trx, recoveryKey);
      return { ...created, recovery };
    });
    this.sessions.signIn(sessionKey, adminRow.id, 'admin');
    return result;
  }
}
