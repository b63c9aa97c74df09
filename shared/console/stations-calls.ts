import { z } from 'zod';
import { stationKinds } from '../domain/station';
import type { ConsoleAreaCalls } from './areas';
import { consoleCall } from './call';

/**
 * Who watches the stations and their uploads: the administrator who answers for the province's system and the
 * auditor who reads everything and changes nothing. The ingest log's calls name the same roles.
 */
export const watchesStations = ['administrator', 'auditor'] as const;

/** After how many days without a file a station is shown as silent: the screen's control, 1 to 365. */
export const silentAfterDaysInput = z.number().int().min(1).max(365);

/** A batch of a station, as the overview names it. */
const stationBatchView = z.object({ batchId: z.string(), batchSeq: z.number().int(), receivedAt: z.string() });

/** One signing key of a station: registered when, replaced by the station's next key when (null: in use). */
const stationKeyView = z.object({ fingerprint: z.string(), registeredAt: z.string(), replacedAt: z.string().nullable() });

/** One station as the province sees it from what reached the hub (`hub/stations/stations-overview.ts`). */
export const stationHealthView = z.object({
  code: z.string(),
  kind: z.enum(stationKinds),
  regionCode: z.string(),
  name: z.string(),
  /** Oldest first; the last is the key in use. */
  keys: z.array(stationKeyView),
  lastBatch: stationBatchView.nullable(),
  lastSeenAt: z.string().nullable(),
  refusedSinceLastTaken: z.number().int().nonnegative(),
  rejectedRecordsLast30Days: z.number().int().nonnegative(),
  batchesNotTaken: z.number().int().nonnegative(),
  auditHeadAlert: stationBatchView.nullable(),
  silent: z.boolean(),
});
export type StationHealthView = z.infer<typeof stationHealthView>;

/** The console's stations calls, each with its handler in `hub/console/handlers/stations-handlers.ts`. */
export const stationsCalls = {
  /** Every station of the province with its health; silent after `silentAfterDays` days without a file (default 7). */
  'stations:overview': consoleCall(
    z.object({ silentAfterDays: silentAfterDaysInput.default(7) }),
    z.object({ silentAfterDays: z.number().int(), stations: z.array(stationHealthView) }),
    watchesStations,
  ),
} as const satisfies ConsoleAreaCalls;
