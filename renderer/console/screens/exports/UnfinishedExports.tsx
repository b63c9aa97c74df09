import type { UnfinishedExportView } from '../../../../shared/console/exports-calls';
import { useFormatDateTime } from '../../../hooks/useFormatDateTime';
import { useConsoleT } from '../../i18n';

/**
 * The latest runs that did not finish: one still running, one that failed, or one the hub was running when it
 * stopped (found interrupted at its next start: its half-written files removed, its cursor not moved), each
 * with how far it had come and why it ended.
 */
export function UnfinishedExports({ runs }: { runs: UnfinishedExportView[] }) {
  const { t } = useConsoleT();
  const formatDateTime = useFormatDateTime('short');
  if (runs.length === 0) return null;
  return (
    <div className="console-table-scroll">
      <table className="data-table" aria-label={t('consoleExports:unfinished.caption')}>
        <caption>{t('consoleExports:unfinished.caption')}</caption>
        <thead>
          <tr>
            <th>{t('consoleExports:unfinished.at')}</th>
            <th>{t('consoleExports:unfinished.platform')}</th>
            <th>{t('consoleExports:unfinished.cursor')}</th>
            <th>{t('consoleExports:unfinished.progress')}</th>
            <th>{t('consoleExports:unfinished.state')}</th>
          </tr>
        </thead>
        <tbody>
          {runs.map((run) => (
            <tr key={run.runId} data-testid="exports-unfinished" data-state={run.state}>
              <td className="nowrap">{formatDateTime(run.startedAt)}</td>
              <td>{t(`consoleExports:platform.${run.platform}`)}</td>
              <td className="numeric">{t('consoleExports:run.cursorValue', run.cursor)}</td>
              <td className="numeric">{t('consoleExports:start.progressText', { done: run.done, total: run.total })}</td>
              <td>
                {t(`consoleExports:unfinished.${run.state === 'finished' ? 'running' : run.state}`)}
                {run.failure ? ` — ${t(`consoleExports:failure.${run.failure}` as 'consoleExports:failure.internal', { defaultValue: run.failure })}` : null}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
