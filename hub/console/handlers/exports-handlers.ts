import { join } from 'node:path';
import { publicKeyToPem } from '../../../electron/sync/keys';
import type { exportsCalls, ExportRunView } from '../../../shared/console/exports-calls';
import { exportRuns, type ExportRunRecord } from '../../exports/export-runs';
import { verifyExportFolder } from '../../exports/manifest';
import { exportPlatforms } from '../../exports/maps/column-map';
import { PLATFORM_MAPS } from '../../exports/maps/index';
import { runExport } from '../../exports/run-export';
import { ExportNotSettledError } from '../../exports/settled-seq';
import { ExportFolderExistsError } from '../../exports/write-folder';
import { appendConsoleAuditAlone } from '../audit-trail';
import { callerOf, type ConsoleCallContext, type ConsoleHandlersOf } from '../call-context';
import type { ConsoleResources } from '../console-resources';
import type { ExportJob } from '../export-jobs';
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

/** The code a failed run is shown with. */
function failureCode(error: unknown): string {
  if (error instanceof ExportNotSettledError) return 'export_not_settled';
  if (error instanceof ExportFolderExistsError) return 'export_folder_exists';
  return 'internal';
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
      (onProgress) => runExport(store, provinceCode, { platform, outDir: exportsFolder, createdBy: caller.account.id }, keys, onProgress),
      failureCode,
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
    if (job === undefined) throw new ConsoleRefusal('not_found');
    return progressView(job);
  },

  'exports:runs': async (context, { platform }) => {
    const folder = seesFiles(context) ? (context.resources?.exportsFolder ?? null) : null;
    const runs = await exportRuns({ db: context.db, engine: context.engine }, context.provinceCode, platform === undefined ? {} : { platform });
    return { runs: runs.map((run) => runView(run, folder)), folder };
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
