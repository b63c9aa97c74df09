import type { CallName, CallOutput, ParsedInput } from '../../shared/contract/calls';
import type { StationServices } from '../services/index';

/** One handler per contract call; TypeScript refuses a map that misses or adds a call. */
export type Handlers = { [N in CallName]: (input: ParsedInput<N>) => Promise<CallOutput<N>> };

/** Maps each contract call to the service method that carries it out. */
export function createHandlers(services: StationServices): Handlers {
  return {
    'station:get': () => services.station.get(),
    'station:setup': (input) => services.station.setUp(input),
    'visitor:signIn': (input) => services.visitors.signIn(input),
    'visitor:list': (input) => services.visitors.list(input),
  };
}
