import type { Kysely } from 'kysely';
import type { StationDatabase } from '../db/schema';
import { systemClock, type Clock } from './clock';
import { StationService } from './station';
import { VisitorService } from './visitors';

export interface StationServices {
  station: StationService;
  visitors: VisitorService;
}

/** Builds every service on one database; the only place that knows how they depend on each other. */
export function createServices(db: Kysely<StationDatabase>, clock: Clock = systemClock): StationServices {
  const station = new StationService(db, clock);
  return {
    station,
    visitors: new VisitorService(db, clock, station),
  };
}
