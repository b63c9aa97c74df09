import type { Kysely } from 'kysely';
import type { CallOutput, ParsedInput } from '../../shared/contract/calls';
import type { StationDatabase } from '../db/schema';
import type { AccountService } from './accounts';
import type { AuditTrail } from './audit';
import type { SessionRegistry } from './sessions';
import type { StationService } from './station';

/**
 * First-run setup: the station and its first administrator in one transaction, and the person at the
 * screen signed in as that administrator, so the station is never without someone who can manage it.
 */
export class SetupService {
  constructor(
    private readonly db: Kysely<StationDatabase>,
    private readonly station: StationService,
    private readonly accounts: AccountService,
    private readonly audit: AuditTrail,
    private readonly sessions: SessionRegistry,
  ) {}

  async setUp(input: ParsedInput<'station:setup'>, sessionKey: string): Promise<CallOutput<'station:setup'>> {
    const { admin, ...stationInput } = input;
    const adminRow = await this.accounts.prepare({ ...admin, role: 'admin' });
    const actor = { id: adminRow.id, role: 'admin' };
    const station = await this.db.transaction().execute(async (trx) => {
      const created = await this.station.insert(trx, stationInput);
      await this.audit.append(trx, { actor, stationCode: created.code, action: 'station_setup', objectType: 'station', objectId: created.code });
      await this.accounts.insert(trx, adminRow, actor, created.code);
      return created;
    });
    this.sessions.signIn(sessionKey, adminRow.id, 'admin');
    return station;
  }
}
