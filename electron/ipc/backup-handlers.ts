import type { backupCalls } from '../../shared/contract/backup-calls';
import type { StationServices } from '../services/index';
import type { AreaHandlers } from './handlers';

/** Maps each call of `backupCalls` to the service method that carries it out. */
export function backupHandlers(_services: StationServices): AreaHandlers<keyof typeof backupCalls> {
  return {};
}
