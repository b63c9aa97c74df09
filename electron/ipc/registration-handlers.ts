import type { registrationCalls } from '../../shared/contract/registration-calls';
import type { StationServices } from '../services/index';
import { actor, type AreaHandlers } from './caller';

/** Maps each call of `registrationCalls` to the service method that carries it out. */
export function registrationHandlers(services: StationServices): AreaHandlers<keyof typeof registrationCalls> {
  return {
    'registration:options': () => services.registrations.options(),
    'registration:create': (input, caller) =>
      services.registrations.create(input, actor(caller), caller.system === true ? 'cli' : caller.session.role === 'kiosk' ? 'kiosk' : 'staff', caller.sessionKey),
    'registration:receipt': (input, caller) => services.documentPrinting.renderKioskReceipt(input.documentId, actor(caller), caller.sessionKey),
    'registration:search': (input, caller) => services.personRecords.search(input, actor(caller)),
    'registration:amend': (input, caller) => services.registrations.amend(input, actor(caller)),
    'registration:withdraw': (input, caller) => services.registrations.withdraw(input, actor(caller)),
    'registration:realise': (input, caller) => services.registrations.realise(input, actor(caller)),
    'registration:bodyPaperwork': (input, caller) => services.registrations.recordBodyPaperwork(input, actor(caller)),
    'registration:stemCellStatus': (input, caller) => services.registrations.setStemCellStatus(input, actor(caller)),
    'registration:followUp': (input, caller) => services.registrations.logFollowUp(input, actor(caller)),
  };
}
