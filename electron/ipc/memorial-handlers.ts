import type { memorialCalls } from '../../shared/contract/memorial-calls';
import type { StationServices } from '../services/index';
import { actor, type AreaHandlers } from './caller';

/** Maps each call of `memorialCalls` to the service method that carries it out. */
export function memorialHandlers(services: StationServices): AreaHandlers<keyof typeof memorialCalls> {
  return {
    'visitor:signIn': (input, caller) => services.visitors.signIn(input, actor(caller)),
    'visitor:list': (input) => services.visitors.list(input),
    'visitor:revealName': (input, caller) => services.visitors.revealName(input, actor(caller)),
    'memorial:kioskOptions': () => services.visitorSettings.kioskOptions(),
    'memorial:todayCount': () => services.visitors.todayCount(),
    'memorial:settings': () => services.visitorSettings.current(),
    'memorial:setQingmingMode': (input, caller) => services.visitorSettings.setQingmingMode(input.enabled, actor(caller)),
    'memorial:setRetentionDays': (input, caller) => services.visitorSettings.setRetentionDays(input.days, actor(caller)),
    'messages:list': (input, caller) => services.messageModeration.list(input, actor(caller)),
    'messages:approve': (input, caller) => services.messageModeration.approve(input, actor(caller)),
    'messages:reject': (input, caller) => services.messageModeration.reject(input, actor(caller)),
    'messages:wall': (input) => services.messageWall.page(input),
  };
}
