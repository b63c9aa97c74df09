import { join } from 'node:path';
import { publicKeyToPem } from '../../../electron/sync/keys';
import type { exportsCalls, ExportRunView, UnfinishedExportView } from '../../../shared/console/exports-calls';
import { exportProgressOf, HUB_RUNNER, interruptLeftExports, unfinishedExports, type ExportProgressRecord } from '../../exports/export-progress';
import { exportRuns, type ExportRunRecord } from '../../exports/export-runs';
import { verifyExportFolder } from '../../exports/manifest';
import { exportPlatforms } from '../../exports/maps/column-map';
import { PLATFORM_MAPS } from '../../exports/maps/index';
import { exportFailureCode, runExport } from '../../exports/run-export';
import { appendConsoleAuditAlone, OPERATOR_ROLE } from '../audit-trail';
import { callerOf, type ConsoleCallContext, type ConsoleHandlersOf } from '../call-context';
import type { ConsoleResources } from '../console-resources';
import type { ExportJob } from '../export-jobs';
import type { HubEngine } from '../../db/engine';
import type { HubStore } from '../../db/open';
import { ConsoleRefusal } from '../refusal';

/** The hub's keys and exports folder, or a refusal when the hub was started without them. */
function exportResources(context: ConsoleCallContext): ConsoleResources & { exportsFolder: string } {
  const { resources } = context;
  if (resources === null || resources.exportsFolder === null) throw new ConsoleRefusal('not_configured');
  return { ...resources, exportsFolder: resources.exportsFolder };
}

/** Only the exporters see where a run's files are: the auditor sees its figures. */
function seesFiles(context: ConsoleCallContext): boolean {
  return callerOf(context).role !== 'auditor';
}

function runView(run: ExportRunRecord, folder: string | null): ExportRunView {
  return {
    runId: run.id,
    platform: run.platform,
    mapVersion: run.mapVersion,
    cursor: { from: run.cursorFrom, to: run.cursorTo },
    counts: run.counts,
    manifestSha256: run.manifestSha256,
    createdAt: run.createdAt,
    createdBy: run.createdBy,
    path: folder === null ? null : join(folder, run.folder),
  };
}

/** A run that did not finish, as the console lists it. */
function unfinishedView(run: ExportProgressRecord): UnfinishedExportView {
  const { runId, platform, state, cursor, done, total, failure, startedAt, createdBy } = run;
  return { runId, platform, state, cursor, done, total, failure, startedAt, createdBy };
}

/** A job as its progress bar reads it. */
function progressView(job: ExportJob) {
  const { run } = job;
  return {
    jobId: job.id,
    platform: job.platform,
    state: job.state,
    done: job.done,
    total: job.total,
    failure: job.failure,
    run:
      run === null
        ? null
        : { runId: run.runId, platform: run.platform, mapVersion: run.mapVersion, cursor: run.cursor, counts: run.counts, manifestSha256: run.manifestSha256, createdAt: run.createdAt, createdBy: job.startedBy, path: run.folder },
  };
}

/** The national exports: maps, a run in the background with its progress, the runs so far, a run's folder checked. */
export const exportsHandlers: ConsoleHandlersOf<keyof typeof exportsCalls> = {
  'exports:maps': async () => ({
    maps: exportPlatforms.map((platform) => {
      const map = PLATFORM_MAPS[platform];
      return {
        platform,
        version: map.version,
        files: map.files.map((file) => ({
          file: file.file,
          title: file.title,
          programs: [...file.programs],
          columns: file.columns.map(({ column, source, codeList, status }) => ({ column, source, codeList, status })),
        })),
      };
    }),
  }),

  'exports:start': async (context, { platform }) => {
    const { keys, exportsFolder, exportJobs } = exportResources(context);
    const caller = callerOf(context);
    const { store, engine, auditKey, provinceCode } = context;
    const job = exportJobs.start(
      { platform, startedBy: caller.account.id },
      (onProgress, jobId) => runExport(store, provinceCode, { platform, outDir: exportsFolder, createdBy: caller.account.id, runId: jobId, runner: HUB_RUNNER }, keys, onProgress),
      exportFailureCode,
      async (ended) => {
        // The run's counts join the audit trail once known: the start's own entry was written with the call.
        const detail = ended.run
          ? { jobId: ended.id, platform, runId: ended.run.runId, mapVersion: ended.run.mapVersion, cursor: ended.run.cursor, counts: ended.run.counts }
          : { jobId: ended.id, platform, failure: ended.failure };
        const subject = ended.run ? `export:${ended.run.runId}` : `export-job:${ended.id}`;
        const facts = { accountId: caller.account.id, actorRole: caller.role, action: ended.run ? 'exports:finished' : 'exports:failed', subject, detail };
        await appendConsoleAuditAlone(store.db, engine, auditKey, provinceCode, facts, new Date(Math.max(Date.now(), context.now.getTime())));
      },
    );
    if (job === null) throw new ConsoleRefusal('export_running');
    context.auditAs(`export-job:${job.id}`, { platform });
    return { jobId: job.id };
  },

  'exports:progress': async (context, { jobId }) => {
    const job = exportResources(context).exportJobs.get(jobId);
    if (job !== undefined) return progressView(job);
    // Not in this hub's memory (started before a restart, or at the command line): its stored progress.
    const stored = await exportProgressOf(context.db, context.provinceCode, jobId);
    if (stored === null) throw new ConsoleRefusal('not_found');
    const run = stored.state === 'finished' ? (await exportRuns({ db: context.db, engine: context.engine }, context.provinceCode)).find((candidate) => candidate.id === jobId) : undefined;
    return {
      jobId,
      platform: stored.platform,
      state: stored.state,
      done: stored.done,
      total: stored.total,
      failure: stored.failure,
      run: run === undefined ? null : runView(run, context.resources?.exportsFolder ?? null),
    };
  },

  'exports:runs': async (context, { platform }) => {
    const folder = seesFiles(context) ? (context.resources?.exportsFolder ?? null) : null;
    const runs = await exportRuns({ db: context.db, engine: context.engine }, context.provinceCode, platform === undefined ? {} : { platform });
    const unfinished = (await unfinishedExports(context.db, context.provinceCode)).filter((run) => platform === undefined || run.platform === platform);
    return { runs: runs.map((run) => runView(run, folder)), folder, unfinished: unfinished.map(unfinishedView) };
  },

  'exports:verify': async (context, { runId }) => {
    const { keys, exportsFolder } = exportResources(context);
    const runs = await exportRuns({ db: context.db, engine: context.engine }, context.provinceCode);
    const run = runs.find((candidate) => candidate.id === runId);
    if (run === undefined) throw new ConsoleRefusal('not_found');
    const { valid, signature, files, unexpected } = verifyExportFolder(join(exportsFolder, run.folder), publicKeyToPem(keys.signing.publicKey));
    return { valid, signature, files, unexpected };
  },
};

/**
 * At a hub's start: the runs a stopped hub (or a command-line run of this machine whose process is gone) left
 * running are marked interrupted, their half-written files removed and their deliveries taken back (the cursor
 * never advanced), each with an entry in the audit trail naming what it had done. Returns the runs interrupted.
 */
export async function interruptLeftExportsAudited(store: Pick<HubStore, 'db'>, engine: HubEngine, auditKey: Buffer, provinceCode: string, now: Date = new Date()): Promise<ExportProgressRecord[]> {
  const interrupted = await interruptLeftExports(store.db, provinceCode, now);
  for (const run of interrupted) {
    const detail = { runId: run.runId, platform: run.platform, cursor: run.cursor, done: run.done, total: run.total, startedAt: run.startedAt, createdBy: run.createdBy };
    await appendConsoleAuditAlone(store.db, engine, auditKey, provinceCode, { accountId: null, actorRole: OPERATOR_ROLE, action: 'exports:interrupted', subject: `export-job:${run.runId}`, detail }, now);
  }
  return interrupted;
}
