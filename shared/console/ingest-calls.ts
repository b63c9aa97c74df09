import { z } from 'zod';
import type { ConsoleAreaCalls } from './areas';
import { consoleCall } from './call';
import { watchesStations } from './stations-calls';

/** What the hub made of an upload or file. */
export const ingestOutcomes = ['taken', 'replayed', 'refused'] as const;
export type IngestOutcomeCode = (typeof ingestOutcomes)[number];

/**
 * One line of the ingest log as the screen shows it (`hub/ingest-log/ingest-log.ts`): codes only, which the
 * screen translates (a refusal's code as `sync:batchError.<code>`, a rejected line's as `sync:recordCode.<code>`).
 */
export const ingestLogEntryView = z.object({
  seq: z.number().int().positive(),
  receivedAt: z.string(),
  via: z.enum(['http', 'import']),
  outcome: z.enum(ingestOutcomes),
  stationCode: z.string().nullable(),
  batchId: z.string().nullable(),
  bytes: z.number().int().nonnegative(),
  /** A refusal's code (docs/sync-protocol.md §9.2). */
  refusalCode: z.string().nullable(),
  /** A batch taken now: its lines accepted, duplicate and rejected. */
  counts: z.object({ accepted: z.number().int(), duplicate: z.number().int(), rejected: z.number().int() }).nullable(),
  /** A batch taken now: its rejected lines counted by code (§8.1). */
  rejectedByCode: z.record(z.string(), z.number().int()).nullable(),
  /** `audit_head_regressed` when the batch's audit head went back. */
  alert: z.string().nullable(),
});
export type IngestLogEntryView = z.infer<typeof ingestLogEntryView>;

/** The console's ingest calls, each with its handler in `hub/console/handlers/ingest-handlers.ts`. */
export const ingestCalls = {
  /**
   * A page of the ingest log, newest first, for one station or outcome if asked; `page` is the `nextPage` of
   * the page before (a page never shifts while uploads arrive).
   */
  'ingest:log': consoleCall(
    z.object({
      page: z.string().regex(/^\d{1,15}$/).nullable().optional(),
      pageSize: z.number().int().min(1).max(200).default(50),
      station: z.string().trim().min(1).max(32).optional(),
      outcome: z.enum(ingestOutcomes).optional(),
    }),
    z.object({ entries: z.array(ingestLogEntryView), nextPage: z.string().nullable() }),
    watchesStations,
  ),
} as const satisfies ConsoleAreaCalls;
