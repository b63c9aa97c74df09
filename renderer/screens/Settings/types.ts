import type { CallInput, CallOutput } from '../../../shared/contract/calls';

/** What `settings:get` and `settings:change` answer: every section with its values, defaults and bounds. */
export type SettingsView = CallOutput<'settings:get'>;
export type SectionChange = CallInput<'settings:change'>;
export type Bounds = SettingsView['bounds'][keyof SettingsView['bounds']];
