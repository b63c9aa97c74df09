import type { educationCalls } from '../../shared/contract/education-calls';
import type { StationServices } from '../services/index';
import { actor, type AreaHandlers } from './caller';

/** Maps each call of `educationCalls` to the service method that carries it out. */
export function educationHandlers(services: StationServices): AreaHandlers<keyof typeof educationCalls> {
  const { schedule, attendance, records } = services.education;
  return {
    'education:schedule': (input, caller) => schedule.schedule(input, actor(caller)),
    'education:update': (input, caller) => schedule.update(input, actor(caller)),
    'education:cancel': (input, caller) => schedule.cancel(input, actor(caller)),
    'education:list': (input) => records.list(input),
    'education:get': (input) => records.detail(input.sessionId),
    'education:today': () => attendance.today(),
    'education:checkIn': (input, caller) => attendance.checkIn(input, actor(caller)),
    'education:addWalkIns': (input, caller) => attendance.addWalkIns(input, actor(caller)),
    'education:survey': (input, caller) => attendance.answerSurvey(input, actor(caller), caller.sessionKey),
    'education:surveyComments': (input, caller) => records.surveyComments(input.sessionId, actor(caller)),
    'education:revealContact': (input, caller) => attendance.revealContact(input, actor(caller)),
  };
}
