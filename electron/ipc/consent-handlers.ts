import type { consentCalls } from '../../shared/contract/consent-calls';
import type { StationServices } from '../services/index';
import { actor, type AreaHandlers } from './handlers';

/** Maps each call of `consentCalls` to the service method that carries it out. */
export function consentHandlers(services: StationServices): AreaHandlers<keyof typeof consentCalls> {
  return {
    'person:consent': (input, caller) => services.personConsents.change(input, actor(caller)),
  };
}
