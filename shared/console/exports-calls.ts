import { z } from 'zod';
import { consoleCall } from './call';

/** Who runs the national exports and sees where their files are. */
export const runsExports = ['analyst', 'administrator'] as const;
/** Who lists the runs (figures only): the exporters and the auditor, who never sees where the files are. */
export const listsExportRuns = ['analyst', 'administrator', 'auditor'] as const;

/** The national platforms the hub exports to (`hub/exports/maps/`). */
export const exportPlatformValues = ['codac', 'cmdp', 'receiving-stations', 'social-card'] as const;
export const exportPlatform = z.enum(exportPlatformValues);
export type ExportPlatformValue = z.infer<typeof exportPlatform>;

/** One column of a platform's file: header, source, code list, and whether a source confirms the platform takes it. */
export const exportColumnView = z.object({ column: z.string(), source: z.string(), codeList: z.string().nullable(), status: z.enum(['confirmed', 'assumed']) });

/** A platform's versioned column map. */
export const platformMapView = z.object({
  platform: exportPlatform,
  version: z.string(),
  files: z.array(z.object({ file: z.string(), title: z.string(), programs: z.array(z.string()), columns: z.array(exportColumnView) })),
});
export type PlatformMapView = z.infer<typeof platformMapView>;

/** Rows per event type (`registered`, `changed`, `withdrawn`) and per file. */
const exportCounts = z.object({ events: z.record(z.string(), z.number()), files: z.record(z.string(), z.number()) });

/** A run as its manifest tells it: figures, never a personal value. */
export const exportRunView = z.object({
  runId: z.string(),
  platform: exportPlatform,
  mapVersion: z.string(),
  cursor: z.object({ from: z.number().int(), to: z.number().int() }),
  counts: exportCounts,
  manifestSha256: z.string(),
  createdAt: z.string(),
  createdBy: z.string(),
  /** The run's folder on the hub's machine; null for the auditor, who sees runs but not their files. */
  path: z.string().nullable(),
});
export type ExportRunView = z.infer<typeof exportRunView>;

/** Where a run stands: `interrupted` when the hub stopped under it (found so at its next start; nothing was delivered). */
export const exportRunState = z.enum(['running', 'finished', 'failed', 'interrupted']);
export type ExportRunState = z.infer<typeof exportRunState>;

/** An export under way or done: work done of the total, then the run, or the code of its failure. */
export const exportProgressView = z.object({
  jobId: z.string().uuid(),
  platform: exportPlatform,
  state: exportRunState,
  done: z.number().int().nonnegative(),
  total: z.number().int().nonnegative(),
  run: exportRunView.nullable(),
  /** `export_not_settled`, `export_folder_exists`, `export_interrupted` or `internal`, when it did not finish. */
  failure: z.string().nullable(),
});
export type ExportProgressView = z.infer<typeof exportProgressView>;

/** A run that did not finish (running, failed, or interrupted by a hub that stopped): figures and a code, no file. */
export const unfinishedExportView = z.object({
  runId: z.string(),
  platform: exportPlatform,
  state: exportRunState,
  cursor: z.object({ from: z.number().int(), to: z.number().int() }),
  done: z.number().int().nonnegative(),
  total: z.number().int().nonnegative(),
  failure: z.string().nullable(),
  startedAt: z.string(),
  createdBy: z.string(),
});
export type UnfinishedExportView = z.infer<typeof unfinishedExportView>;

/** A run's folder checked against its signed manifest. */
export const exportVerificationView = z.object({
  valid: z.boolean(),
  signature: z.boolean(),
  files: z.array(z.object({ name: z.string(), ok: z.boolean() })),
  unexpected: z.array(z.string()),
});

/**
 * The national exports: each platform's column map, a run started in the background (its audit entry at the
 * start, a second with its counts when it ends), its progress, the runs so far with their cursors, a run's
 * folder checked against its signed manifest.
 */
export const exportsCalls = {
  /** Every platform's column map, with its confirmed and assumed columns. */
  'exports:maps': consoleCall(z.undefined(), z.object({ maps: z.array(platformMapView) }), runsExports),
  /** Starts a run of the platform from its cursor; refused as `export_running` while one runs, `not_configured` without an exports folder. */
  'exports:start': consoleCall(z.object({ platform: exportPlatform }), z.object({ jobId: z.string().uuid() }), runsExports, { audited: true }),
  /** How far a run has come (from the hub's memory, or from its stored progress after a restart): what a progress bar polls. */
  'exports:progress': consoleCall(z.object({ jobId: z.string().uuid() }), exportProgressView, runsExports, { polling: true }),
  /** The runs so far, newest first (of one platform when named), with their cursors and counts; and the latest runs that did not finish. */
  'exports:runs': consoleCall(
    z.object({ platform: exportPlatform.optional() }).default({}),
    z.object({ runs: z.array(exportRunView), folder: z.string().nullable(), unfinished: z.array(unfinishedExportView) }),
    listsExportRuns,
  ),
  /** Checks a run's folder: the manifest's signature, each file's size and SHA-256, no file added. */
  'exports:verify': consoleCall(z.object({ runId: z.string().uuid() }), exportVerificationView, runsExports),
} as const;
