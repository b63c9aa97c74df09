import type { settingsCalls } from '../../shared/contract/settings-calls';
import type { StationServices } from '../services/index';
import { actor, type AreaHandlers } from './caller';

/** Maps each call of `settingsCalls` to the service method that carries it out. */
export function settingsHandlers(services: StationServices): AreaHandlers<keyof typeof settingsCalls> {
  return {
    'settings:get': () => services.settingsChanges.view(),
    'settings:change': (input, caller) => services.settingsChanges.change(input, actor(caller)),
    'settings:kioskOptions': () => services.kioskOptions.view(),
  };
}
