import type { documentsCalls } from '../../shared/contract/documents-calls';
import type { StationServices } from '../services/index';
import { actor, type AreaHandlers } from './caller';

/** Maps each call of `documentsCalls` to the service method that carries it out. */
export function documentsHandlers(services: StationServices): AreaHandlers<keyof typeof documentsCalls> {
  return {
    'documents:issue': (input, caller) => services.documents.issue(input, actor(caller)),
    'documents:handOver': (input, caller) => services.documents.handOver(input, actor(caller)),
    'documents:void': (input, caller) => services.documents.void(input, actor(caller)),
    'documents:list': (input) => services.documents.list(input),
    'documents:pdf': (input, caller) => services.documentPrinting.render(input.documentId, actor(caller)),
    'documents:verify': (input) => services.documents.verify(input),
    'documents:publicKey': (_input, caller) => services.documents.publicKey(actor(caller)),
  };
}
