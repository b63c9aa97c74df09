import type { personCalls } from '../../shared/contract/person-calls';
import type { StationServices } from '../services/index';
import { actor, type AreaHandlers } from './caller';

/** Maps each call of `personCalls` to the service method that carries it out. */
export function personHandlers(services: StationServices): AreaHandlers<keyof typeof personCalls> {
  return {
    'person:get': (input, caller) => services.personRecords.get(input.personId, actor(caller)),
    'person:reveal': (input, caller) => services.personRecords.reveal(input, actor(caller)),
    'person:signature': (input, caller) => services.personRecords.signature(input.personId, actor(caller)),
    'person:amend': (input, caller) => services.personChanges.amendContact(input, actor(caller)),
    'person:confirmHeldChange': (input, caller) => services.personChanges.confirmHeldChange(input, actor(caller)),
    'person:discardHeldChange': (input, caller) => services.personChanges.discardHeldChange(input, actor(caller)),
    'person:consent': (input, caller) => services.personConsents.change(input, actor(caller)),
    'refusal:record': (input, caller) => services.personChanges.recordRefusal(input, actor(caller)),
    'refusal:revoke': (input, caller) => services.personChanges.revokeRefusal(input, actor(caller)),
  };
}
