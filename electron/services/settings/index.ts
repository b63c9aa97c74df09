import type { StationContext } from '../kernel/context';
import { PrinterSettings } from './printer-settings';
import { SettingsChanges } from './settings-changes';

/** The settings screen's sections, and the kiosk's receipt printer. */
export interface SettingsServices {
  settingsChanges: SettingsChanges;
  printerSettings: PrinterSettings;
}

/** The settings area on one station. */
export function createSettingsServices(ctx: StationContext): SettingsServices {
  return {
    settingsChanges: new SettingsChanges(ctx),
    printerSettings: new PrinterSettings(ctx),
  };
}
