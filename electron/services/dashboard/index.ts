import type { Kysely } from 'kysely';
import type { StationDatabase } from '../../db/schema';
import type { AuditTrail } from '../kernel/audit';
import type { Clock } from '../kernel/clock';
import { DashboardService } from './dashboard';
import { DashboardExport } from './dashboard-export';
import { FigureTargets } from '../figures/figure-targets';
import { FiguresService } from '../figures/figures';
import type { StationService } from '../kernel/station';

/** The station manager's dashboard and its export; the memorial and education part is the figures service's computation. */
export interface DashboardServices {
  figures: DashboardService;
  export: DashboardExport;
}

export function createDashboardServices(db: Kysely<StationDatabase>, clock: Clock, station: StationService, audit: AuditTrail): DashboardServices {
  // The figures service keeps no state of its own between calls, so the dashboard may hold its own instance.
  const memorialFigures = new FiguresService(db, clock, station, audit, new FigureTargets(db, clock, station, audit));
  const figures = new DashboardService(db, clock, station, audit, memorialFigures);
  return { figures, export: new DashboardExport(figures, clock) };
}
