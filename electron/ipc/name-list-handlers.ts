import type { nameListCalls } from '../../shared/contract/name-list-calls';
import type { StationServices } from '../services/index';
import { actor, type AreaHandlers } from './caller';

/** Maps each call of `nameListCalls` to the service method that carries it out. */
export function nameListHandlers(services: StationServices): AreaHandlers<keyof typeof nameListCalls> {
  return {
    'nameList:search': (input) => services.memorialNames.search(input),
    'nameList:add': (input, caller) => services.memorialNames.add(input, actor(caller)),
    'nameList:list': (input) => services.memorialNames.list(input),
    'nameList:withdrawConsent': (input, caller) => services.memorialNames.withdrawConsent(input, actor(caller)),
  };
}
