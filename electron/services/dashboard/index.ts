import type { StationContext } from '../kernel/context';
import { DashboardService } from './dashboard';
import { DashboardExport, type FamilyFiguresOfYear } from './dashboard-export';
import type { FiguresService } from '../figures/figures';

/** The station manager's dashboard and its export; the memorial and education part is the figures service's computation. */
export interface DashboardServices {
  figures: DashboardService;
  export: DashboardExport;
}

/** The dashboard area on one station; its memorial and education part comes from `memorialFigures`. */
export function createDashboardServices(ctx: StationContext, memorialFigures: FiguresService, familyFigures: FamilyFiguresOfYear): DashboardServices {
  const figures = new DashboardService(ctx, memorialFigures);
  return { figures, export: new DashboardExport(figures, ctx.clock, familyFigures) };
}
