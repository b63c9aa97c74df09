import { useT } from '../../i18n/index';
import { outboxStates } from '../../../shared/domain/sync';
import { useFormatDateTime } from '../../hooks/useFormatDateTime';
import { SyncProgress } from './SyncProgress';
import type { SyncStatus } from './types';
import { useSyncText } from './useSyncText';

/** Where reporting stands: the outbox by state, the last acknowledgement, what runs now and how the last send ended. */
export function SyncSummary({ status }: { status: SyncStatus }) {
  const { t } = useT();
  const text = useSyncText();
  const formatDateTime = useFormatDateTime('medium');
  const { lastRun } = status;
  return (
    <section className="sync-summary" aria-labelledby="sync-summary-title">
      <h2 id="sync-summary-title">{t('sync:summary.title')}</h2>
      <h3>{t('sync:summary.outbox')}</h3>
      <ul className="sync-counts" data-testid="outbox-counts">
        {outboxStates.map((state) => (
          <li key={state} data-state={state}>
            <span className="sync-counts__label">{t(`sync:outboxState.${state}`)}</span>
            <strong className="sync-counts__value" data-testid={`outbox-${state}`}>
              {status.outbox[state] ?? 0}
            </strong>
          </li>
        ))}
      </ul>
      <dl className="facts">
        <dt>{t('sync:summary.lastAcknowledged')}</dt>
        <dd data-testid="last-acknowledged">{status.lastAcknowledgedAt ? formatDateTime(status.lastAcknowledgedAt) : t('sync:summary.never')}</dd>
        <dt>{t('sync:summary.lastRun')}</dt>
        <dd data-testid="last-run" data-error={lastRun?.error ?? undefined}>
          {lastRun === null
            ? t('sync:summary.noRun')
            : lastRun.error === null
              ? t('sync:summary.runOk', { time: formatDateTime(lastRun.finishedAt) })
              : t('sync:summary.runFailed', { time: formatDateTime(lastRun.finishedAt), error: text.problem(lastRun.error) })}
        </dd>
      </dl>
      {status.activity ? <SyncProgress activity={status.activity} /> : null}
    </section>
  );
}
