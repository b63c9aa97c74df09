import { hostname } from 'node:os';
import { sql } from 'kysely';
import type { Executor } from '../db/repositories/executor';
import { countedNumber, momentText } from '../db/values';
import { forgetRunSubjects } from './export-runs';
import type { ExportPlatform } from './maps/column-map';
import { discardRunFolder } from './write-folder';

/**
 * An export run's progress kept in the database (migration 0011), so that it outlives the process running it:
 * a hub restarted under a run finds the run still `running`, marks it `interrupted`, removes its half-written
 * files and takes back what it recorded as delivered. The cursor is untouched, since only a finished run is
 * recorded in `export_run`: the next run covers the same versions again.
 */

/** Where a run stands. */
export type ExportProgressState = 'running' | 'finished' | 'failed' | 'interrupted';

/** A run's progress as stored: figures and codes, no personal value. */
export interface ExportProgressRecord {
  runId: string;
  platform: ExportPlatform;
  state: ExportProgressState;
  /** `hub` for a run the console started, `cli <host> <pid>` for one run at the command line. */
  runner: string;
  cursor: { from: number; to: number };
  done: number;
  total: number;
  partialFolder: string;
  failure: string | null;
  startedAt: string;
  updatedAt: string;
  createdBy: string;
}

/** The runner a run at the command line records: this machine and process. */
export function commandLineRunner(): string {
  return `cli ${hostname()} ${process.pid}`;
}

/** The runner of the runs a hub's console starts: the hub finds them interrupted at its next start. */
export const HUB_RUNNER = 'hub';

/** Records a run starting: what it covers and where it writes its files until they are complete. */
export async function startExportProgress(
  db: Executor,
  provinceCode: string,
  run: { runId: string; platform: ExportPlatform; runner: string; cursor: { from: number; to: number }; total: number; partialFolder: string; startedAt: string; createdBy: string },
): Promise<void> {
  await db
    .insertInto('export_progress')
    .values({
      province_code: provinceCode,
      run_id: run.runId,
      platform: run.platform,
      state: 'running',
      runner: run.runner,
      cursor_from: run.cursor.from,
      cursor_to: run.cursor.to,
      done: 0,
      total: run.total,
      partial_folder: run.partialFolder,
      failure: null,
      started_at: run.startedAt,
      updated_at: run.startedAt,
      created_by: run.createdBy,
    })
    .execute();
}

/** Records how far a running run has come. */
export async function reportExportProgress(db: Executor, provinceCode: string, runId: string, done: number, at: Date = new Date()): Promise<void> {
  await db
    .updateTable('export_progress')
    .set({ done, updated_at: at.toISOString() })
    .where('province_code', '=', provinceCode)
    .where('run_id', '=', runId)
    .where('state', '=', 'running')
    .execute();
}

/** Records how a run ended: finished (its work all done), or failed with the code of its failure. */
export async function endExportProgress(db: Executor, provinceCode: string, runId: string, ended: { state: 'finished' } | { state: 'failed'; failure: string }, at: Date = new Date()): Promise<void> {
  const finished = ended.state === 'finished';
  await db
    .updateTable('export_progress')
    .set({ state: ended.state, failure: finished ? null : ended.failure, updated_at: at.toISOString(), ...(finished ? { done: sql<number>`total` } : {}) })
    .where('province_code', '=', provinceCode)
    .where('run_id', '=', runId)
    .execute();
}

function recordOf(row: {
  run_id: string;
  platform: string;
  state: string;
  runner: string;
  cursor_from: string | number | bigint;
  cursor_to: string | number | bigint;
  done: string | number | bigint;
  total: string | number | bigint;
  partial_folder: string;
  failure: string | null;
  started_at: Date | string;
  updated_at: Date | string;
  created_by: string;
}): ExportProgressRecord {
  return {
    runId: row.run_id,
    platform: row.platform as ExportPlatform,
    state: row.state as ExportProgressState,
    runner: row.runner,
    cursor: { from: countedNumber(row.cursor_from), to: countedNumber(row.cursor_to) },
    done: countedNumber(row.done),
    total: countedNumber(row.total),
    partialFolder: row.partial_folder,
    failure: row.failure,
    startedAt: momentText(row.started_at),
    updatedAt: momentText(row.updated_at),
    createdBy: row.created_by,
  };
}

/** A run's progress by its id, or null. */
export async function exportProgressOf(db: Executor, provinceCode: string, runId: string): Promise<ExportProgressRecord | null> {
  const row = await db.selectFrom('export_progress').selectAll().where('province_code', '=', provinceCode).where('run_id', '=', runId).executeTakeFirst();
  return row === undefined ? null : recordOf(row);
}

/** The runs that did not finish (running, failed, interrupted), newest first: what the console lists beside the runs. */
export async function unfinishedExports(db: Executor, provinceCode: string, limit = 20): Promise<ExportProgressRecord[]> {
  const rows = await db
    .selectFrom('export_progress')
    .selectAll()
    .where('province_code', '=', provinceCode)
    .where('state', '<>', 'finished')
    .orderBy('started_at', 'desc')
    .limit(limit)
    .execute();
  return rows.map(recordOf);
}

/** Whether a process of this machine still runs (a command-line run's process). */
function processRuns(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Whether a run found `running` was left by a process that stopped: every run of the hub's console (a hub
 * starting has none of its own yet; one hub serves a database), and a command-line run of this machine whose
 * process is gone. A command-line run of another machine, or still running here, is left alone.
 */
export function leftByStoppedProcess(runner: string): boolean {
  if (runner === HUB_RUNNER) return true;
  const [kind, host, pid] = runner.split(' ');
  return kind === 'cli' && host === hostname() && pid !== undefined && Number(pid) !== process.pid && !processRuns(Number(pid));
}

/**
 * Marks the runs a stopped process left `running` as interrupted: removes each one's hidden folder of
 * half-written files and takes back the registrations it recorded as delivered. Their cursors never advanced.
 * Returns the runs interrupted, for the audit trail.
 */
export async function interruptLeftExports(db: Executor, provinceCode: string, at: Date = new Date(), isLeft: (runner: string) => boolean = leftByStoppedProcess): Promise<ExportProgressRecord[]> {
  const running = await db.selectFrom('export_progress').selectAll().where('province_code', '=', provinceCode).where('state', '=', 'running').execute();
  const left = running.map(recordOf).filter((run) => isLeft(run.runner));
  for (const run of left) {
    discardRunFolder(run.partialFolder);
    await db.transaction().execute(async (trx) => {
      await forgetRunSubjects(trx, provinceCode, run.runId);
      await trx
        .updateTable('export_progress')
        .set({ state: 'interrupted', failure: 'export_interrupted', updated_at: at.toISOString() })
        .where('province_code', '=', provinceCode)
        .where('run_id', '=', run.runId)
        .execute();
    });
  }
  return left.map((run) => ({ ...run, state: 'interrupted', failure: 'export_interrupted', updatedAt: at.toISOString() }));
}
