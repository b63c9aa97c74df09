import { useEffect, useRef, useState } from 'react';
import { useT } from '../../i18n/index';
import type { CallOutput } from '../../../shared/contract/calls';
import type { ErrorCode } from '../../../shared/contract/errors';
import { asLanguage } from '../../../shared/i18n/languages';
import type { ExportFormat } from '../../../shared/validation/figures';
import { asApiError, call } from '../../api/client';
import { saveDownload } from '../../api/files';
import { ErrorBanner } from '../../components/ErrorBanner';

type Progress = CallOutput<'dashboard:exportProgress'>;

/** How often the screen asks how far an export has come. */
const POLL_MS = 200;

const wait = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * Every table of the dashboard as a CSV or XLSX download, headers in the language on screen. The
 * station writes the file in the background; the bar shows how many rows it has written, and stays
 * full once the file is saved.
 */
export function DashboardExportPanel({ year }: { year: number }) {
  const { t, i18n } = useT();
  const [progress, setProgress] = useState<Progress | null>(null);
  const [saved, setSaved] = useState<string | null>(null);
  const [errorCode, setErrorCode] = useState<ErrorCode | null>(null);
  const busy = progress?.state === 'running';
  // A screen left mid-export stops polling.
  const mounted = useRef(true);
  useEffect(
    () => () => {
      mounted.current = false;
    },
    [],
  );

  const exportAs = async (format: ExportFormat) => {
    setSaved(null);
    setErrorCode(null);
    try {
      let current = await call('dashboard:exportStart', { year, format, language: asLanguage(i18n.language) });
      setProgress(current);
      while (current.state === 'running' && mounted.current) {
        await wait(POLL_MS);
        current = await call('dashboard:exportProgress', { jobId: current.jobId });
        if (mounted.current) setProgress(current);
      }
      if (!mounted.current) return;
      const file = await call('dashboard:exportResult', { jobId: current.jobId });
      saveDownload(file);
      setSaved(file.fileName);
    } catch (error) {
      if (!mounted.current) return;
      setErrorCode(asApiError(error).code);
      setProgress((last) => (last ? { ...last, state: 'failed' } : last));
    }
  };

  const percent = progress && progress.total > 0 ? Math.round((progress.done / progress.total) * 100) : 0;
  return (
    <section className="figure-export dashboard-export" aria-labelledby="dashboard-export-title">
      <h2 id="dashboard-export-title">{t('dashboard:exportPanel.title')}</h2>
      <div className="actions">
        <button type="button" onClick={() => void exportAs('csv')} disabled={busy}>
          {t('dashboard:exportPanel.csv')}
        </button>
        <button type="button" onClick={() => void exportAs('xlsx')} disabled={busy}>
          {t('dashboard:exportPanel.xlsx')}
        </button>
      </div>
      {progress ? (
        <div className="export-progress" data-state={progress.state}>
          <div
            className="export-progress__bar"
            role="progressbar"
            aria-label={t('dashboard:exportPanel.progress')}
            aria-valuemin={0}
            aria-valuemax={progress.total}
            aria-valuenow={progress.done}
            aria-valuetext={t('dashboard:exportPanel.progressValue', { done: progress.done, total: progress.total })}
            data-testid="dashboard-export-progress"
          >
            <span className="export-progress__fill" style={{ width: `${percent}%` }} />
          </div>
          <span className="export-progress__text">{t('dashboard:exportPanel.progressValue', { done: progress.done, total: progress.total })}</span>
        </div>
      ) : null}
      {saved ? (
        <p role="status" className="success" data-testid="dashboard-exported">
          {t('dashboard:exportPanel.exported', { fileName: saved })}
        </p>
      ) : null}
      <ErrorBanner code={errorCode} />
    </section>
  );
}
