import { randomUUID } from 'node:crypto';
import type { CallOutput, ParsedInput } from '../../../shared/contract/calls';
import { Translators } from '../../../shared/i18n/translator';
import type { Actor } from '../kernel/audit';
import type { Clock } from '../kernel/clock';
import type { DashboardService } from './dashboard';
import { dashboardTables } from './dashboard-tables';
import { AppError } from '../kernel/errors';
import { exportSteps, tablesToCsvInSteps, tablesToXlsx, type ExportProgress } from '../../tables/table-export';

type ExportedFile = CallOutput<'dashboard:export'>;
type Progress = CallOutput<'dashboard:exportProgress'>;
type ExportInput = ParsedInput<'dashboard:export'>;

/** The donor-family care figures of a year (the family area's, handed over by the composition root). */
export type FamilyFiguresOfYear = (year: number) => Promise<CallOutput<'family:figures'>>;

const mediaTypes = {
  csv: 'text/csv;charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
} as const;

/** How long a finished file waits to be fetched before it is dropped. */
const KEEP_FINISHED_MS = 10 * 60_000;

interface ExportJob {
  id: string;
  /** The window or tab that started it: only it may follow and fetch it. */
  owner: string;
  state: Progress['state'];
  done: number;
  total: number;
  file: ExportedFile | null;
  finishedAt: number | null;
}

/**
 * The dashboard as a CSV or XLSX file: at once (`export`), or in the background with its progress
 * polled by the screen (`start`, `progress`, `result`). The figures are read and the export audited
 * before the file is written, so a job holds no database work; the file is handed over once.
 */
export class DashboardExport {
  private readonly translators = new Translators();
  private readonly jobs = new Map<string, ExportJob>();

  constructor(
    private readonly dashboard: DashboardService,
    private readonly clock: Clock,
    private readonly familyFigures: FamilyFiguresOfYear,
  ) {}

  async export(input: ExportInput, actor: Actor): Promise<ExportedFile> {
    const { write } = await this.prepare(input, actor);
    return write();
  }

  async start(input: ExportInput, actor: Actor, owner: string): Promise<Progress> {
    this.dropStale();
    const { write, steps } = await this.prepare(input, actor);
    const job: ExportJob = { id: randomUUID(), owner, state: 'running', done: 0, total: steps, file: null, finishedAt: null };
    this.jobs.set(job.id, job);
    write((done, total) => {
      job.done = done;
      job.total = total;
    }).then(
      (file) => this.finish(job, 'done', file),
      () => this.finish(job, 'failed', null),
    );
    return this.view(job);
  }

  progress(input: ParsedInput<'dashboard:exportProgress'>, owner: string): Progress {
    return this.view(this.job(input.jobId, owner));
  }

  result(input: ParsedInput<'dashboard:exportResult'>, owner: string): ExportedFile {
    const job = this.job(input.jobId, owner);
    if (job.state === 'running') throw new AppError('export_not_ready');
    this.jobs.delete(job.id);
    if (job.state === 'failed' || job.file === null) throw new AppError('export_failed');
    return job.file;
  }

  /** Reads (and audits) the figures, and returns how to write them with the number of steps it takes. */
  private async prepare(input: ExportInput, actor: Actor) {
    const t = await this.translators.for(input.language);
    const dashboard = await this.dashboard.read(input.year, actor, 'export', input.format);
    const tables = dashboardTables(dashboard, t, await this.familyFigures(Number(dashboard.from.slice(0, 4))));
    const fileName = `dashboard-${dashboard.station}-${dashboard.from}-${dashboard.to}.${input.format}`;
    const write = async (progress?: ExportProgress): Promise<ExportedFile> => {
      const content = input.format === 'csv' ? await tablesToCsvInSteps(tables, progress) : await tablesToXlsx(tables, t('dashboard:export.creator'), progress);
      return { fileName, mediaType: mediaTypes[input.format], contentBase64: content.toString('base64') };
    };
    return { write, steps: exportSteps(tables) };
  }

  private finish(job: ExportJob, state: 'done' | 'failed', file: ExportedFile | null): void {
    job.state = state;
    job.file = file;
    if (state === 'done') job.done = job.total;
    job.finishedAt = this.clock.now().getTime();
  }

  /** Another window's job reads as unknown: its existence is not shown to anyone else. */
  private job(id: string, owner: string): ExportJob {
    const job = this.jobs.get(id);
    if (!job || job.owner !== owner) throw new AppError('not_found');
    return job;
  }

  private view(job: ExportJob): Progress {
    return { jobId: job.id, state: job.state, done: job.done, total: job.total };
  }

  private dropStale(): void {
    const now = this.clock.now().getTime();
    for (const [id, job] of this.jobs) {
      if (job.finishedAt !== null && now - job.finishedAt > KEEP_FINISHED_MS) this.jobs.delete(id);
    }
  }
}
