import type { StationContext } from '../kernel/context';
import { MemorialNameService } from './memorial-names';

/** The memorial's list of names. */
export interface NameListServices {
  memorialNames: MemorialNameService;
}

/** The name-list area on one station. */
export function createNameListServices(ctx: StationContext): NameListServices {
  return { memorialNames: new MemorialNameService(ctx) };
}
