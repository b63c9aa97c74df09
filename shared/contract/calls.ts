import type { z } from 'zod';
import { aidCalls } from './aid-calls';
import { type AreaCalls, type AreaName, assembleCalls } from './areas';
import { auditCalls } from './audit-calls';
import { backupCalls } from './backup-calls';
import { dashboardCalls } from './dashboard-calls';
import { documentsCalls } from './documents-calls';
import { educationCalls } from './education-calls';
import { familyCalls } from './family-calls';
import { figuresCalls } from './figures-calls';
import { idCardCalls } from './id-card-calls';
import { memorialCalls } from './memorial-calls';
import { nameListCalls } from './name-list-calls';
import { personCalls } from './person-calls';
import { registrationCalls } from './registration-calls';
import { settingsCalls } from './settings-calls';
import { staffCalls } from './staff-calls';
import { stationCalls } from './station-calls';
import { syncCalls } from './sync-calls';

/** Each area's calls, declared in `<area>-calls.ts` (see areaPrefixes in areas.ts). */
export const contractAreas = {
  station: stationCalls,
  staff: staffCalls,
  registration: registrationCalls,
  person: personCalls,
  documents: documentsCalls,
  audit: auditCalls,
  memorial: memorialCalls,
  'name-list': nameListCalls,
  education: educationCalls,
  figures: figuresCalls,
  sync: syncCalls,
  backup: backupCalls,
  settings: settingsCalls,
  dashboard: dashboardCalls,
  'id-card': idCardCalls,
  aid: aidCalls,
  family: familyCalls,
} as const satisfies Record<AreaName, AreaCalls>;

/**
 * Every call the renderer can make, declared once with the roles that may make it. The preload, the
 * IPC registration, the station host, the CLI and the renderer's client all derive from this map, and
 * the dispatcher refuses a role that is not listed before the input is even read.
 */
export const contract = assembleCalls(contractAreas);

export type Contract = typeof contract;
export type CallName = keyof Contract;
/** What a caller passes (before defaults and normalisation). */
export type CallInput<N extends CallName> = z.input<Contract[N]['input']>;
/** What a handler receives (after parsing). */
export type ParsedInput<N extends CallName> = z.output<Contract[N]['input']>;
export type CallOutput<N extends CallName> = z.output<Contract[N]['output']>;

export const callNames = Object.keys(contract) as CallName[];

export function isCallName(name: unknown): name is CallName {
  return typeof name === 'string' && Object.hasOwn(contract, name);
}
