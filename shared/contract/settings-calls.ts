import { z } from 'zod';
import { anyone, call, changesSettings, readsSettings } from './call';
import { kioskScreenOptions, settingsChangeInput, stationSettingsView } from '../validation/settings';

/** The station's configurable items, read and changed one section at a time. */
export const settingsCalls = {
  /** Every section with its current values, defaults and bounds, for the settings screen. */
  'settings:get': call(z.undefined(), stationSettingsView, readsSettings),
  /**
   * Saves one section (registration, staff, printing, kiosk, familyCare or aid); audited with each changed
   * item, old and new. A changed care plan applies to families opened afterwards and to the yearly Qingming
   * visits not yet laid; follow-ups already scheduled keep their dates.
   */
  'settings:change': call(settingsChangeInput, stationSettingsView, changesSettings),
  /** What a public screen greets a visitor with: the elder-friendly default and the idle times (no personal data). */
  'settings:kioskOptions': call(z.undefined(), kioskScreenOptions, anyone, { polling: true }),
} as const;
