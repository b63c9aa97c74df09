import type { CallInput, CallOutput } from '../../../shared/contract/calls';

/** What `settings:get` and `settings:change` answer: every section with its values, defaults and bounds. */
export type SettingsView = CallOutput<'settings:get'>;
export type SectionChange = CallInput<'settings:change'>;
export type Bounds = SettingsView['bounds'][keyof SettingsView['bounds']];

/** A number typed into a field; empty or unreadable goes as NaN, for the station to name the field. */
export function typedWholeNumber(text: string): number {
  const trimmed = text.trim();
  return trimmed === '' ? Number.NaN : Number(trimmed);
}
