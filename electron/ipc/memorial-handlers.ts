import type { memorialCalls } from '../../shared/contract/memorial-calls';
import type { StationServices } from '../services/index';
import type { AreaHandlers } from './handlers';

/** Maps each call of `memorialCalls` to the service method that carries it out. */
export function memorialHandlers(_services: StationServices): AreaHandlers<keyof typeof memorialCalls> {
  return {};
}
