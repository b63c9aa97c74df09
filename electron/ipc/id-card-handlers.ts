import type { idCardCalls } from '../../shared/contract/id-card-calls';
import type { StationServices } from '../services/index';
import { actor, type AreaHandlers } from './caller';

/** Maps each call of `idCardCalls` to the service method that carries it out. */
export function idCardHandlers(services: StationServices): AreaHandlers<keyof typeof idCardCalls> {
  return {
    'idCard:poll': (_input, caller) => services.idCard.poll(actor(caller)),
    'idCard:release': (input) => services.idCard.release(input?.readId),
    'idCard:unlock': (input, caller) => services.idCard.unlock(input.readId, input.reason, actor(caller)),
    'idCard:settings': () => services.idCard.settings(),
    'idCard:configure': (input, caller) => services.idCard.configure(input, actor(caller)),
    'idCard:test': (_input, caller) => services.idCard.test(actor(caller)),
  };
}
