import type { dashboardCalls } from '../../shared/contract/dashboard-calls';
import type { StationServices } from '../services/index';
import type { AreaHandlers } from './handlers';

/** Maps each call of `dashboardCalls` to the service method that carries it out. */
export function dashboardHandlers(_services: StationServices): AreaHandlers<keyof typeof dashboardCalls> {
  return {};
}
