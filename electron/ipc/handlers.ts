import type { CallName, CallOutput, ParsedInput } from '../../shared/contract/calls';
import type { Actor } from '../services/audit';
import type { StationServices } from '../services/index';
import type { Session } from '../services/sessions';
import { backupHandlers } from './backup-handlers';
import { consentHandlers } from './consent-handlers';
import { dashboardHandlers } from './dashboard-handlers';
import { educationHandlers } from './education-handlers';
import { figuresHandlers } from './figures-handlers';
import { memorialHandlers } from './memorial-handlers';
import { nameListHandlers } from './name-list-handlers';
import { settingsHandlers } from './settings-handlers';
import { staffHandlers } from './staff-handlers';
import { syncHandlers } from './sync-handlers';

/** Who is calling: the transport's key for the window or tab, and its session. */
export interface Caller {
  sessionKey: string;
  session: Session;
}

/** One handler per contract call; TypeScript refuses a map that misses or adds a call. */
export type Handlers = { [N in CallName]: (input: ParsedInput<N>, caller: Caller) => Promise<CallOutput<N>> };

/** The handlers of one area's calls (e.g. `keyof typeof memorialCalls`), kept in that area's file. */
export type AreaHandlers<Names extends CallName> = Pick<Handlers, Names>;

export function actor(caller: Caller): Actor {
  return { id: caller.session.staffId, role: caller.session.role };
}

/** Maps each contract call to the service method that carries it out. */
export function createHandlers(services: StationServices): Handlers {
  return {
    'station:get': () => services.station.get(),
    'station:setup': (input, caller) => services.setup.setUp(input, caller.sessionKey),
    'station:rename': (input, caller) => services.station.rename(input, actor(caller)),
    'session:get': (_input, caller) => services.accounts.view(caller.sessionKey),
    'session:login': (input, caller) => services.accounts.login(input, caller.sessionKey),
    'session:logout': (_input, caller) => services.accounts.logout(caller.sessionKey),
    'session:lock': (_input, caller) => services.accounts.lock(caller.sessionKey),
    'session:unlock': (input, caller) => services.accounts.unlock(input, caller.sessionKey),
    'visitor:signIn': (input, caller) => services.visitors.signIn(input, actor(caller)),
    'visitor:list': (input) => services.visitors.list(input),
    'visitor:revealName': (input, caller) => services.visitors.revealName(input, actor(caller)),
    'registration:options': () => services.registrations.options(),
    'registration:create': (input, caller) =>
      services.registrations.create(input, actor(caller), caller.session.role === 'kiosk' ? 'kiosk' : 'staff', caller.sessionKey),
    'registration:receipt': (input, caller) => services.documentPrinting.renderKioskReceipt(input.documentId, actor(caller), caller.sessionKey),
    'registration:search': (input, caller) => services.personRecords.search(input, actor(caller)),
    'registration:amend': (input, caller) => services.registrations.amend(input, actor(caller)),
    'registration:withdraw': (input, caller) => services.registrations.withdraw(input, actor(caller)),
    'registration:realise': (input, caller) => services.registrations.realise(input, actor(caller)),
    'registration:bodyPaperwork': (input, caller) => services.registrations.recordBodyPaperwork(input, actor(caller)),
    'registration:stemCellStatus': (input, caller) => services.registrations.setStemCellStatus(input, actor(caller)),
    'registration:followUp': (input, caller) => services.registrations.logFollowUp(input, actor(caller)),
    'person:get': (input, caller) => services.personRecords.get(input.personId, actor(caller)),
    'person:reveal': (input, caller) => services.personRecords.reveal(input, actor(caller)),
    'person:signature': (input, caller) => services.personRecords.signature(input.personId, actor(caller)),
    'person:amend': (input, caller) => services.personChanges.amendContact(input, actor(caller)),
    'person:confirmHeldChange': (input, caller) => services.personChanges.confirmHeldChange(input, actor(caller)),
    'person:discardHeldChange': (input, caller) => services.personChanges.discardHeldChange(input, actor(caller)),
    'refusal:record': (input, caller) => services.personChanges.recordRefusal(input, actor(caller)),
    'refusal:revoke': (input, caller) => services.personChanges.revokeRefusal(input, actor(caller)),
    'documents:issue': (input, caller) => services.documents.issue(input, actor(caller)),
    'documents:handOver': (input, caller) => services.documents.handOver(input, actor(caller)),
    'documents:void': (input, caller) => services.documents.void(input, actor(caller)),
    'documents:list': (input) => services.documents.list(input),
    'documents:pdf': (input, caller) => services.documentPrinting.render(input.documentId, actor(caller)),
    'documents:verify': (input) => services.documents.verify(input),
    'documents:publicKey': (_input, caller) => services.documents.publicKey(actor(caller)),
    'staff:list': () => services.accounts.list(),
    'staff:create': (input, caller) => services.accounts.create(input, actor(caller)),
    'audit:list': (input) => services.audit.list(input),
    'audit:verify': () => services.audit.verify(),
    ...memorialHandlers(services),
    ...nameListHandlers(services),
    ...educationHandlers(services),
    ...figuresHandlers(services),
    ...syncHandlers(services),
    ...consentHandlers(services),
    ...backupHandlers(services),
    ...settingsHandlers(services),
    ...dashboardHandlers(services),
    ...staffHandlers(services),
  };
}
