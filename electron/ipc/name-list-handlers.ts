import type { nameListCalls } from '../../shared/contract/name-list-calls';
import type { StationServices } from '../services/index';
import type { AreaHandlers } from './handlers';

/** Maps each call of `nameListCalls` to the service method that carries it out. */
export function nameListHandlers(_services: StationServices): AreaHandlers<keyof typeof nameListCalls> {
  return {};
}
