import { z } from 'zod';
import { call, changesSettings, readsSettings } from './call';
import { settingsChangeInput, stationSettingsView } from '../validation/settings';

/** The station's configurable items, read and changed one section at a time. */
export const settingsCalls = {
  /** Every section with its current values, defaults and bounds, for the settings screen. */
  'settings:get': call(z.undefined(), stationSettingsView, readsSettings),
  /** Saves one section (registration, staff or printing); audited with each changed item, old and new. */
  'settings:change': call(settingsChangeInput, stationSettingsView, changesSettings),
} as const;
