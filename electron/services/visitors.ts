import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { CallOutput, ParsedInput } from '../../shared/contract/calls';
import { maskName } from '../../shared/domain/masking';
import type { VisitPurpose } from '../../shared/domain/visitors';
import type { StationDatabase, VisitorSignInTable } from '../db/schema';
import { appendToOutbox } from '../db/repositories/outbox';
import { countVisitorSignIns, insertVisitorSignIn, latestVisitorSignIns } from '../db/repositories/visitors';
import type { Clock } from './clock';
import type { StationService } from './station';

type VisitorSignIn = CallOutput<'visitor:signIn'>;

function toVisitorSignIn(row: VisitorSignInTable, showName: (name: string) => string): VisitorSignIn {
  return {
    id: row.id,
    visitedAt: row.visited_at,
    partySize: row.party_size,
    purpose: row.purpose as VisitPurpose,
    visitorName: row.visitor_name === null ? null : showName(row.visitor_name),
  };
}

/** Memorial visitor sign-in and the staff list of visits. */
export class VisitorService {
  constructor(
    private readonly db: Kysely<StationDatabase>,
    private readonly clock: Clock,
    private readonly station: StationService,
  ) {}

  /** Records a visit and queues it for the provincial system in the same transaction. */
  async signIn(input: ParsedInput<'visitor:signIn'>): Promise<VisitorSignIn> {
    const station = await this.station.require();
    const row: VisitorSignInTable = {
      id: randomUUID(),
      station_code: station.code,
      visited_at: this.clock.now().toISOString(),
      party_size: input.partySize,
      purpose: input.purpose,
      visitor_name: input.visitorName,
      version: 1,
    };
    await this.db.transaction().execute(async (trx) => {
      await insertVisitorSignIn(trx, row);
      await appendToOutbox(trx, {
        kind: 'visitor_sign_in',
        entityId: row.id,
        version: row.version,
        payload: row,
        createdAt: row.visited_at,
      });
    });
    return toVisitorSignIn(row, maskName);
  }

  /** The latest visits, newest first; names are masked because the list may be read at a kiosk. */
  async list(input: ParsedInput<'visitor:list'>): Promise<CallOutput<'visitor:list'>> {
    const [rows, total] = await Promise.all([latestVisitorSignIns(this.db, input.limit), countVisitorSignIns(this.db)]);
    return { total, visitors: rows.map((row) => toVisitorSignIn(row, maskName)) };
  }
}
