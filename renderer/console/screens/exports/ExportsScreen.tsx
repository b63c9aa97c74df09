import { useEffect, useRef, useState } from 'react';
import { exportPlatformValues, runsExports, type ExportPlatformValue, type ExportProgressView, type ExportRunView } from '../../../../shared/console/exports-calls';
import type { ConsoleSessionView } from '../../../../shared/console/values';
import { useFormatDateTime } from '../../../hooks/useFormatDateTime';
import { consoleCall, failureOf, type ConsoleFailure } from '../../api/client';
import { useConsoleT } from '../../i18n';
import { ConsoleErrorBanner } from '../../parts/ConsoleErrorBanner';
import { useConsoleLoad } from '../../parts/useConsoleLoad';
import { PlatformMapTables } from './PlatformMapTables';
import { UnfinishedExports } from './UnfinishedExports';

/** How often the progress bar asks the hub how far the run has come. */
const PROGRESS_POLL_MS = 500;

/** A run's events in one line: registered, changed, withdrawn. */
function useEventsText(): (run: Pick<ExportRunView, 'counts'>) => string {
  const { t } = useConsoleT();
  return ({ counts }) =>
    t('consoleExports:run.events', { registered: counts.events.registered ?? 0, changed: counts.events.changed ?? 0, withdrawn: counts.events.withdrawn ?? 0 });
}

/**
 * The national exports: a platform's column map with each column confirmed or assumed, a run started and
 * followed by its progress bar to its manifest's figures, and the runs so far with their cursors. Only the
 * exporters see where the files are (a folder on the hub's machine) and may start or verify a run; the
 * auditor sees the runs' figures.
 */
export function ExportsScreen({ session }: { session: ConsoleSessionView }) {
  const { t } = useConsoleT();
  const exports = (runsExports as readonly string[]).includes(session.role);
  const [platform, setPlatform] = useState<ExportPlatformValue>('codac');
  const runs = useConsoleLoad(() => consoleCall('exports:runs', {}), 'exports:runs');

  return (
    <section className="panel panel--wide console-screen">
      <h1>{t('consoleExports:title')}</h1>
      <p className="lead">{t('consoleExports:intro')}</p>
      {runs.data ? (
        <p className={runs.data.folder || !exports ? 'console-notice' : 'console-warning'} data-testid="exports-folder">
          {!exports ? t('consoleExports:folder.hidden') : runs.data.folder ? t('consoleExports:folder.configured', { folder: runs.data.folder }) : t('consoleExports:folder.none')}
        </p>
      ) : null}
      {exports ? (
        <>
          <div className="field">
            <label htmlFor="exports-platform">{t('consoleExports:platform.label')}</label>
            <select id="exports-platform" value={platform} onChange={(event) => setPlatform(event.target.value as ExportPlatformValue)}>
              {exportPlatformValues.map((value) => (
                <option key={value} value={value}>
                  {t(`consoleExports:platform.${value}`)}
                </option>
              ))}
            </select>
          </div>
          <ExportRunner key={platform} platform={platform} onEnded={runs.reload} />
          <PlatformMapTables platform={platform} />
        </>
      ) : null}
      <ConsoleErrorBanner code={runs.error} />
      {runs.data ? <UnfinishedExports runs={runs.data.unfinished} /> : null}
      {runs.data ? <RunsTable runs={runs.data.runs} verifies={exports} /> : null}
    </section>
  );
}

/** Starts a run of the platform and follows it: the progress bar, then the run's manifest figures or its failure. */
function ExportRunner({ platform, onEnded }: { platform: ExportPlatformValue; onEnded: () => void }) {
  const { t } = useConsoleT();
  const eventsText = useEventsText();
  const [jobId, setJobId] = useState<string | null>(null);
  const [progress, setProgress] = useState<ExportProgressView | null>(null);
  const [error, setError] = useState<ConsoleFailure | null>(null);
  // The list's reload is a new function at each render: the polling follows the job, not its identity.
  const ended = useRef(onEnded);
  ended.current = onEnded;

  useEffect(() => {
    if (jobId === null) return undefined;
    let current = true;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const poll = async () => {
      try {
        const read = await consoleCall('exports:progress', { jobId });
        if (!current) return;
        setProgress(read);
        if (read.state === 'running') timer = setTimeout(() => void poll(), PROGRESS_POLL_MS);
        else ended.current();
      } catch (failure) {
        if (current) setError(failureOf(failure));
      }
    };
    void poll();
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [jobId]);

  async function start() {
    try {
      setProgress(null);
      setError(null);
      setJobId((await consoleCall('exports:start', { platform })).jobId);
    } catch (failure) {
      setError(failureOf(failure));
    }
  }

  const running = jobId !== null && (progress === null || progress.state === 'running');
  const run = progress?.run ?? null;
  const rows = run ? Object.values(run.counts.files).reduce((sum, count) => sum + count, 0) : 0;
  return (
    <div className="console-form">
      <div className="console-actions">
        <button type="button" onClick={() => void start()} disabled={running}>
          {running ? t('consoleExports:start.running') : t('consoleExports:start.submit')}
        </button>
      </div>
      <ConsoleErrorBanner code={error} />
      {progress ? (
        <div className="field">
          <label htmlFor="exports-progress">{t('consoleExports:start.progress')}</label>
          <progress id="exports-progress" max={Math.max(progress.total, 1)} value={progress.state === 'finished' ? Math.max(progress.total, 1) : progress.done} data-state={progress.state} />
          <span data-testid="exports-progress-text">{t('consoleExports:start.progressText', { done: progress.done, total: progress.total })}</span>
        </div>
      ) : null}
      {progress?.state === 'failed' || progress?.state === 'interrupted' ? (
        <div className="error-banner" role="alert">
          <p>{t('consoleExports:start.failed', { code: t(`consoleExports:failure.${progress.failure ?? 'internal'}` as 'consoleExports:failure.internal', { defaultValue: progress.failure ?? '' }) })}</p>
        </div>
      ) : null}
      {run ? (
        <dl className="facts" data-testid="exports-manifest">
          <dt>{t('consoleExports:run.runId')}</dt>
          <dd className="mono">{run.runId}</dd>
          <dt>{t('consoleExports:run.mapVersion')}</dt>
          <dd>{run.mapVersion}</dd>
          <dt>{t('consoleExports:run.cursor')}</dt>
          <dd>{t('consoleExports:run.cursorValue', run.cursor)}</dd>
          <dt>{t('consoleExports:run.counts')}</dt>
          <dd data-testid="exports-manifest-events">{rows === 0 ? t('consoleExports:run.empty') : eventsText(run)}</dd>
          {Object.entries(run.counts.files).map(([file, count]) => (
            <dd key={file}>{t('consoleExports:run.file', { file, rows: count })}</dd>
          ))}
          <dt>{t('consoleExports:run.sha')}</dt>
          <dd className="mono">{run.manifestSha256}</dd>
          {run.path ? (
            <>
              <dt>{t('consoleExports:run.path')}</dt>
              <dd className="mono">{run.path}</dd>
            </>
          ) : null}
        </dl>
      ) : null}
    </div>
  );
}

/** The runs so far, newest first, with their cursors and counts; the exporters verify a run's folder. */
function RunsTable({ runs, verifies }: { runs: ExportRunView[]; verifies: boolean }) {
  const { t } = useConsoleT();
  const formatDateTime = useFormatDateTime('short');
  const eventsText = useEventsText();
  const [verified, setVerified] = useState<Record<string, boolean | ConsoleFailure>>({});

  async function verify(runId: string) {
    try {
      const check = await consoleCall('exports:verify', { runId });
      setVerified((before) => ({ ...before, [runId]: check.valid }));
    } catch (failure) {
      setVerified((before) => ({ ...before, [runId]: failureOf(failure) }));
    }
  }

  const verdict = (runId: string) => {
    const found = verified[runId];
    if (found === undefined) return null;
    if (typeof found === 'boolean') return <span data-testid="exports-verified">{found ? t('consoleExports:runs.valid') : t('consoleExports:runs.invalid')}</span>;
    return <span>{t(`consoleErrors:${found}`)}</span>;
  };

  return (
    <div className="console-table-scroll">
      {runs.length === 0 ? <p>{t('consoleExports:runs.empty')}</p> : null}
      {runs.length > 0 ? (
        <table className="data-table" aria-label={t('consoleExports:runs.caption')}>
          <caption>{t('consoleExports:runs.caption')}</caption>
          <thead>
            <tr>
              <th>{t('consoleExports:runs.at')}</th>
              <th>{t('consoleExports:runs.platform')}</th>
              <th>{t('consoleExports:runs.mapVersion')}</th>
              <th>{t('consoleExports:runs.cursor')}</th>
              <th>{t('consoleExports:runs.counts')}</th>
              <th>{t('consoleExports:runs.path')}</th>
              {verifies ? <th>{t('consoleExports:runs.verify')}</th> : null}
            </tr>
          </thead>
          <tbody>
            {runs.map((run) => (
              <tr key={run.runId} data-testid="exports-run">
                <td className="nowrap">{formatDateTime(run.createdAt)}</td>
                <td>{t(`consoleExports:platform.${run.platform}`)}</td>
                <td>{run.mapVersion}</td>
                <td className="numeric">{t('consoleExports:run.cursorValue', run.cursor)}</td>
                <td>{eventsText(run)}</td>
                <td className="mono">{run.path ?? t('consoleExports:runs.hidden')}</td>
                {verifies ? (
                  <td>
                    <button type="button" className="small" onClick={() => void verify(run.runId)}>
                      {t('consoleExports:runs.verify')}
                    </button>{' '}
                    {verdict(run.runId)}
                  </td>
                ) : null}
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
    </div>
  );
}
