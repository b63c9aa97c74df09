import type { aidCalls } from '../../shared/contract/aid-calls';
import type { StationServices } from '../services/index';
import { actor, type AreaHandlers } from './caller';

/** Maps each call of `aidCalls` to the service method that carries it out. */
export function aidHandlers(services: StationServices): AreaHandlers<keyof typeof aidCalls> {
  return {
    'aid:apply': (input, caller) => services.aidCases.apply(input, actor(caller)),
    'aid:review': (input, caller) => services.aidCases.review(input, actor(caller)),
    'aid:propose': (input, caller) => services.aidCases.propose(input, actor(caller)),
    'aid:decide': (input, caller) => services.aidCases.decide(input, actor(caller)),
    'aid:postNotice': (input, caller) => services.aidCases.postNotice(input, actor(caller)),
    'aid:objection': (input, caller) => services.aidCases.objection(input, actor(caller)),
    'aid:pay': (input, caller) => services.aidCases.pay(input, actor(caller)),
    'aid:list': (input) => services.aidCases.list(input),
    'aid:get': (input, caller) => services.aidCases.get(input, actor(caller)),
    'aid:notice': (input) => services.aidNotice.list(input),
    'aid:noticePdf': (input, caller) => services.aidNotice.pdf(input, actor(caller)),
    'aid:noticeXlsx': (input, caller) => services.aidNotice.xlsx(input, actor(caller)),
    'aid:figures': (input) => services.aidCases.figures(input),
  };
}
