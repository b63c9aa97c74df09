import type { familyCalls } from '../../shared/contract/family-calls';
import type { StationServices } from '../services/index';
import { actor, type AreaHandlers } from './caller';

/** Maps each call of `familyCalls` to the service method that carries it out. */
export function familyHandlers(services: StationServices): AreaHandlers<keyof typeof familyCalls> {
  return {
    'family:open': (input, caller) => services.families.open(input, actor(caller)),
    'family:get': (input, caller) => services.families.get(input, actor(caller)),
    'family:list': (input) => services.families.list(input),
    'family:fromRegistration': (input) => services.families.fromRegistration(input),
    'family:addMember': (input, caller) => services.families.addMember(input, actor(caller)),
    'family:updateMember': (input, caller) => services.families.updateMember(input, actor(caller)),
    'family:setDoNotContact': (input, caller) => services.families.setDoNotContact(input, actor(caller)),
    'family:consent': (input, caller) => services.families.consent(input, actor(caller)),
    'family:dueList': (input) => services.familyCare.dueList(input),
    'family:logContact': (input, caller) => services.familyCare.logContact(input, actor(caller)),
    'family:invite': (input, caller) => services.remembrance.invite(input, actor(caller)),
    'family:inviteYearly': (input, caller) => services.remembrance.inviteYearly(input, actor(caller)),
    'family:answerInvitation': (input, caller) => services.remembrance.answer(input, actor(caller)),
    'family:markAttended': (input, caller) => services.remembrance.markAttended(input, actor(caller)),
    'family:reopenCeremony': (input, caller) => services.remembrance.reopenCeremony(input, actor(caller)),
    'family:figures': (input) => services.familyFigures.figures(input),
  };
}
