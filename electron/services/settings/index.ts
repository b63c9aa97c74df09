import type { StationContext } from '../kernel/context';
import { KioskOptions } from './kiosk-options';
import { PrinterSettings } from './printer-settings';
import { SettingsChanges } from './settings-changes';

/** The settings screen's sections, the kiosk's receipt printer, and what the public screens read. */
export interface SettingsServices {
  settingsChanges: SettingsChanges;
  printerSettings: PrinterSettings;
  kioskOptions: KioskOptions;
}

/** The settings area on one station. */
export function createSettingsServices(ctx: StationContext): SettingsServices {
  return {
    settingsChanges: new SettingsChanges(ctx),
    printerSettings: new PrinterSettings(ctx),
    kioskOptions: new KioskOptions(ctx),
  };
}
