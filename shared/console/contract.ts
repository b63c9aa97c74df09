import type { z } from 'zod';
import { accountsCalls } from './accounts-calls';
import type { ConsoleArea, ConsoleAreaCalls } from './areas';
import { auditCalls } from './audit-calls';
import { exportsCalls } from './exports-calls';
import { figuresCalls } from './figures-calls';
import { ingestCalls } from './ingest-calls';
import { reviewCalls } from './review-calls';
import { sessionCalls } from './session-calls';
import { stationsCalls } from './stations-calls';

/** Each area's calls, declared in `<area>-calls.ts`. */
export const consoleContractAreas = {
  session: sessionCalls,
  accounts: accountsCalls,
  audit: auditCalls,
  stations: stationsCalls,
  ingest: ingestCalls,
  review: reviewCalls,
  figures: figuresCalls,
  exports: exportsCalls,
} as const satisfies Record<ConsoleArea, ConsoleAreaCalls>;

/**
 * Every call the console's screens can make, with the roles that may make it: the hub's dispatcher, the
 * screens' client and the roles-matrix test all derive from this map.
 */
export const consoleContract = {
  ...sessionCalls,
  ...accountsCalls,
  ...auditCalls,
  ...stationsCalls,
  ...ingestCalls,
  ...reviewCalls,
  ...figuresCalls,
  ...exportsCalls,
} as const;

export type ConsoleContract = typeof consoleContract;
export type ConsoleCallName = keyof ConsoleContract;
/** What a screen passes (before defaults). */
export type ConsoleCallInput<N extends ConsoleCallName> = z.input<ConsoleContract[N]['input']>;
/** What a handler receives (after parsing). */
export type ConsoleParsedInput<N extends ConsoleCallName> = z.output<ConsoleContract[N]['input']>;
export type ConsoleCallOutput<N extends ConsoleCallName> = z.output<ConsoleContract[N]['output']>;

export const consoleCallNames = Object.keys(consoleContract) as ConsoleCallName[];

export function isConsoleCallName(name: unknown): name is ConsoleCallName {
  return typeof name === 'string' && Object.hasOwn(consoleContract, name);
}

/** The area a call belongs to: its prefix. */
export function consoleAreaOf(name: string): string {
  return name.split(':')[0] ?? '';
}
