import type { staffCalls } from '../../shared/contract/staff-calls';
import type { StationServices } from '../services/index';
import { actor, type AreaHandlers } from './caller';

/** Maps each call of `staffCalls` to the service method that carries it out. */
export function staffHandlers(services: StationServices): AreaHandlers<keyof typeof staffCalls> {
  return {
    'staff:list': () => services.accounts.list(),
    'staff:create': (input, caller) => services.accounts.create(input, actor(caller)),
    'staff:setActive': (input, caller) => services.accounts.management.setActive(input, actor(caller)),
    'staff:setRole': (input, caller) => services.accounts.management.setRole(input, actor(caller)),
    'staff:unlock': (input, caller) => services.accounts.management.unlock(input, actor(caller)),
    'staff:resetSecret': (input, caller) => services.accounts.management.resetSecret(input, actor(caller)),
  };
}
