import type { Kysely } from 'kysely';
import type { StationDatabase } from '../../db/schema';
import type { Executor } from '../../db/repositories/executor';
import { AuditTrail } from './audit';
import type { Clock } from './clock';
import type { DataProtection } from './data-protection';
import { StationSettings } from './settings';
import { StationService, type Station } from './station';

/**
 * What nearly every service needs, handed over as one value: the database, the clock, the station record,
 * the sealing of personal fields, the settings and the audit trail. A cross-cutting need becomes one field
 * here instead of an argument in every constructor.
 */
export interface StationContext {
  readonly db: Kysely<StationDatabase>;
  readonly clock: Clock;
  readonly station: StationService;
  readonly protection: DataProtection;
  readonly settings: StationSettings;
  readonly audit: AuditTrail;
}

/** The context of a station on `db`: its audit trail, its station record and its settings, built on the one clock. */
export function createStationContext(db: Kysely<StationDatabase>, protection: DataProtection, clock: Clock): StationContext {
  const audit = new AuditTrail(db, protection, clock);
  return { db, clock, station: new StationService(db, clock, audit), protection, settings: new StationSettings(db), audit };
}

/** The moment a write happens: the set-up station and "now", taken once so every row of the write agrees. */
export interface WriteMoment {
  readonly station: Station;
  readonly now: Date;
  /** `now` as an ISO string, the form the tables store. */
  readonly at: string;
}

/**
 * Runs `work` in one transaction on a set-up station (refused with `station_not_set_up` otherwise): the
 * change, its audit entry and its outbox entry commit together or not at all.
 */
export async function writeAs<T>(ctx: StationContext, work: (trx: Executor, moment: WriteMoment) => Promise<T>): Promise<T> {
  const station = await ctx.station.require();
  const now = ctx.clock.now();
  const moment: WriteMoment = { station, now, at: now.toISOString() };
  return ctx.db.transaction().execute((trx) => work(trx, moment));
}
