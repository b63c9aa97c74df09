import type { ConsoleCallSpec } from './call';

/**
 * The console's areas. A call's prefix names its area (`accounts:create` is in `accounts`), and the area
 * names its two files: the contract in `shared/console/<area>-calls.ts` and the handlers in
 * `hub/console/handlers/<area>-handlers.ts`. Adding a call to an area changes those two files only.
 */
export const consoleAreas = ['session', 'accounts', 'audit', 'stations', 'ingest', 'review', 'figures', 'exports'] as const;
export type ConsoleArea = (typeof consoleAreas)[number];

/** One area's calls by name. */
export type ConsoleAreaCalls = Readonly<Record<string, ConsoleCallSpec>>;
