import type { dashboardCalls } from '../../shared/contract/dashboard-calls';
import type { StationServices } from '../services/index';
import { actor, type AreaHandlers } from './caller';

/** Maps each call of `dashboardCalls` to the service method that carries it out. */
export function dashboardHandlers(services: StationServices): AreaHandlers<keyof typeof dashboardCalls> {
  const { figures, export: files } = services.dashboard;
  return {
    'dashboard:get': (input, caller) => figures.get(input, actor(caller)),
    'dashboard:export': (input, caller) => files.export(input, actor(caller)),
    'dashboard:exportStart': (input, caller) => files.start(input, actor(caller), caller.sessionKey),
    'dashboard:exportProgress': async (input, caller) => files.progress(input, caller.sessionKey),
    'dashboard:exportResult': async (input, caller) => files.result(input, caller.sessionKey),
  };
}
