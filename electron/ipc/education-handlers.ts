import type { educationCalls } from '../../shared/contract/education-calls';
import type { StationServices } from '../services/index';
import type { AreaHandlers } from './handlers';

/** Maps each call of `educationCalls` to the service method that carries it out. */
export function educationHandlers(_services: StationServices): AreaHandlers<keyof typeof educationCalls> {
  return {};
}
