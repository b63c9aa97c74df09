import type { settingsCalls } from '../../shared/contract/settings-calls';
import type { StationServices } from '../services/index';
import type { AreaHandlers } from './handlers';

/** Maps each call of `settingsCalls` to the service method that carries it out. */
export function settingsHandlers(_services: StationServices): AreaHandlers<keyof typeof settingsCalls> {
  return {};
}
