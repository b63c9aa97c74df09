import type { stationCalls } from '../../shared/contract/station-calls';
import type { StationServices } from '../services/index';
import { actor, type AreaHandlers } from './caller';

/** Maps each call of `stationCalls` to the service method that carries it out. */
export function stationHandlers(services: StationServices): AreaHandlers<keyof typeof stationCalls> {
  return {
    'station:get': () => services.station.get(),
    'station:setup': (input, caller) => services.setup.setUp(input, caller.sessionKey),
    'station:rename': (input, caller) => services.station.rename(input, actor(caller)),
    'session:get': (_input, caller) => services.accounts.view(caller.sessionKey),
    'session:login': (input, caller) => services.accounts.login(input, caller.sessionKey),
    'session:logout': (_input, caller) => services.accounts.logout(caller.sessionKey),
    'session:lock': (_input, caller) => services.accounts.lock(caller.sessionKey),
    'session:unlock': (input, caller) => services.accounts.unlock(input, caller.sessionKey),
    'session:changePassword': (input, caller) => services.accounts.changePassword(input, caller.sessionKey),
    'session:changePin': (input, caller) => services.accounts.changePin(input, caller.sessionKey),
  };
}
