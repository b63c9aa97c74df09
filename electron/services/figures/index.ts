import type { StationContext } from '../kernel/context';
import { FigureTargets } from './figure-targets';
import { FiguresService } from './figures';

/** The figures memorial parks and life-education bases are judged on, with the targets they are judged against. */
export interface FiguresServices {
  figures: FiguresService;
}

/** The figures area on one station. */
export function createFiguresServices(ctx: StationContext): FiguresServices {
  return { figures: new FiguresService(ctx, new FigureTargets(ctx)) };
}
