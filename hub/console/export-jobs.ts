import { randomUUID } from 'node:crypto';
import type { ExportProgressReport, ExportRunSummary } from '../exports/run-export';
import type { ExportPlatform } from '../exports/maps/column-map';

/** An export run the console started: how far it has come, then its run or the code of its failure. */
export interface ExportJob {
  id: string;
  platform: ExportPlatform;
  /** The console account that started it. */
  startedBy: string;
  state: 'running' | 'finished' | 'failed';
  done: number;
  total: number;
  run: ExportRunSummary | null;
  failure: string | null;
}

/** The work of one job: runs the export (as the run of the job's id), telling its progress; its failures are named by `failureCode`. */
export type ExportWork = (onProgress: (progress: ExportProgressReport) => void, jobId: string) => Promise<ExportRunSummary>;

/** How many ended jobs are remembered for their progress bars; older ones are read from the runs list. */
const REMEMBERED_JOBS = 50;

/**
 * The export runs started from the console, held in the hub's memory while they run and a while after. One runs
 * at a time, so that no two runs read from the same cursor. A run keeps its progress in `export_progress` too
 * (its id is the job's): a hub restarted finds a run it was cut short in still running and marks it interrupted.
 */
export class ExportJobs {
  private readonly jobs = new Map<string, ExportJob>();
  private running: Promise<void> | null = null;

  /**
   * Starts `work` in the background and returns its job, or null while another job runs. `onEnd` is told of the
   * job once it finished or failed (the console audits it), before the job counts as ended.
   */
  start(
    what: { platform: ExportPlatform; startedBy: string },
    work: ExportWork,
    failureCode: (error: unknown) => string,
    onEnd: (job: ExportJob) => Promise<void>,
  ): ExportJob | null {
    if (this.running !== null) return null;
    const job: ExportJob = { id: randomUUID(), ...what, state: 'running', done: 0, total: 0, run: null, failure: null };
    this.jobs.set(job.id, job);
    this.forgetOldJobs();
    const ended = async (): Promise<void> => {
      try {
        job.run = await work((progress) => {
          job.done = progress.done;
          job.total = progress.total;
        }, job.id);
        job.state = 'finished';
        job.done = job.total;
      } catch (error) {
        job.state = 'failed';
        job.failure = failureCode(error);
      }
      try {
        await onEnd(job);
      } finally {
        this.running = null;
      }
    };
    // Started on the next turn: the call that starts it answers (and commits its audit entry) first.
    this.running = new Promise<void>((resolve) => setImmediate(resolve)).then(ended);
    return job;
  }

  /** A job by its id, or undefined (never started here, or forgotten). */
  get(id: string): ExportJob | undefined {
    return this.jobs.get(id);
  }

  /** Resolves once no job runs (a hub stopping waits for it; tests wait for it before reading the trail). */
  async whenIdle(): Promise<void> {
    while (this.running !== null) await this.running.catch(() => undefined);
  }

  private forgetOldJobs(): void {
    for (const [id, job] of this.jobs) {
      if (this.jobs.size <= REMEMBERED_JOBS) return;
      if (job.state !== 'running') this.jobs.delete(id);
    }
  }
}
