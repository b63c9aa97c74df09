import type { Kysely } from 'kysely';
import type { ParsedInput, CallOutput } from '../../../shared/contract/calls';
import type { StationDatabase } from '../../db/schema';
import type { StationRow } from '../../db/rows';
import type { Executor } from '../../db/repositories/executor';
import { findStation, insertStation, renameStation } from '../../db/repositories/station';
import type { Actor, AuditTrail } from './audit';
import { AppError } from './errors';
import type { Clock } from './clock';

export type Station = NonNullable<CallOutput<'station:get'>>;

function toStation(row: StationRow): Station {
  return {
    code: row.code,
    name: row.name,
    kind: row.kind,
    regionCode: row.region_code,
    createdAt: row.created_at,
  };
}

/** The station's identity: set once at first run (its name correctable later), read by every screen and service. */
export class StationService {
  constructor(
    private readonly db: Kysely<StationDatabase>,
    private readonly clock: Clock,
    private readonly audit: AuditTrail,
  ) {}

  /** The station, or null before first-run setup. */
  async get(): Promise<Station | null> {
    const row = await findStation(this.db);
    return row ? toStation(row) : null;
  }

  /** The station, or a `station_not_set_up` refusal for calls that need one. */
  async require(): Promise<Station> {
    const station = await this.get();
    if (!station) throw new AppError('station_not_set_up');
    return station;
  }

  /** Records the station inside the setup transaction; refused once one is recorded (its code is in every serial number). */
  async insert(trx: Executor, input: Omit<ParsedInput<'station:setup'>, 'admin'>): Promise<Station> {
    if (await findStation(trx)) throw new AppError('station_already_set_up');
    const row = {
      code: input.code,
      name: input.name,
      kind: input.kind,
      region_code: input.regionCode,
      created_at: this.clock.now().toISOString(),
    };
    await insertStation(trx, row);
    return toStation({ id: 1, ...row });
  }

  /**
   * Corrects the station's name, audited with the old and the new one. The code stays: it is part of every
   * registration number and serial already issued. Documents printed from now on carry the new name.
   */
  async rename(input: ParsedInput<'station:rename'>, actor: Actor): Promise<Station> {
    return this.db.transaction().execute(async (trx) => {
      const row = await findStation(trx);
      if (!row) throw new AppError('station_not_set_up');
      if (row.name === input.name) return toStation(row);
      await renameStation(trx, input.name);
      await this.audit.append(trx, {
        actor,
        stationCode: row.code,
        action: 'station_rename',
        objectType: 'station',
        objectId: row.code,
        detail: { from: row.name, to: input.name },
      });
      return toStation({ ...row, name: input.name });
    });
  }
}
