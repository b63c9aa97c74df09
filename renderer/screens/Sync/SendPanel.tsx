import { useState } from 'react';
import { useT } from '../../i18n/index';
import type { ErrorCode } from '../../../shared/contract/errors';
import { asApiError, call } from '../../api/client';
import { ErrorBanner } from '../../components/ErrorBanner';
import { useLatestResult } from '../../hooks/useLatestResult';
import type { SyncRetry, SyncStatus } from './types';

interface SendPanelProps {
  status: SyncStatus;
  /** A run began in the background: the screen follows it until it has ended. */
  onStarted: () => void;
  /** The run was cancelled: the screen reads the status again. */
  onCancelled: () => void;
}

type Notice = 'started' | 'alreadyRunning' | 'cancelled';

/**
 * Sends what waits to the configured endpoint; the run goes on in the station, its progress shows in the
 * summary. While it cannot get through it says so and when it tries again, and it can be cancelled.
 */
export function SendPanel({ status, onStarted, onCancelled }: SendPanelProps) {
  const { t } = useT();
  const result = useLatestResult();
  const [notice, setNotice] = useState<Notice | null>(null);
  const [errorCode, setErrorCode] = useState<ErrorCode | null>(null);
  const [busy, setBusy] = useState(false);
  const endpoint = status.settings.endpoint;
  const sending = status.sending;

  const act = async (work: () => Promise<Notice | null>) => {
    result.begin();
    setBusy(true);
    setNotice(null);
    setErrorCode(null);
    try {
      setNotice(await work());
    } catch (error) {
      setErrorCode(asApiError(error).code);
    } finally {
      setBusy(false);
    }
  };
  const send = () =>
    act(async () => {
      const { started } = await call('sync:send', undefined);
      if (started) onStarted();
      return started ? 'started' : 'alreadyRunning';
    });
  const cancel = () =>
    act(async () => {
      const { cancelled } = await call('sync:cancelSend', undefined);
      onCancelled();
      return cancelled ? 'cancelled' : null;
    });

  return (
    <section className="form-section sync-panel" aria-labelledby="sync-send-title">
      <h2 id="sync-send-title">{t('sync:send.title')}</h2>
      <p className="lead">{t('sync:send.intro')}</p>
      {endpoint ? <p className="mono sync-endpoint">{endpoint}</p> : <p className="empty">{t('sync:send.noEndpoint')}</p>}
      <div className="actions">
        <button type="button" className="primary" disabled={!endpoint || busy || sending !== null} onClick={() => void send()}>
          {t('sync:send.submit')}
        </button>
        {sending ? (
          <button type="button" className="danger-outline" disabled={busy} onClick={() => void cancel()} data-testid="send-cancel">
            {busy ? t('sync:send.cancelling') : t('sync:send.cancel')}
          </button>
        ) : null}
        {sending ? <span className="sync-running">{t('sync:send.running')}</span> : null}
      </div>
      {sending?.retry ? <RetryNotice retry={sending.retry} /> : null}
      {result.shown && notice ? (
        <p role="status" className={notice === 'alreadyRunning' ? 'empty' : 'success'} data-testid="send-notice" data-notice={notice}>
          {t(`sync:send.${notice}`)}
        </p>
      ) : null}
      <ErrorBanner code={result.shown ? errorCode : null} />
    </section>
  );
}

/** Why the send could not get through, how many attempts failed of how many, and when it tries next. */
function RetryNotice({ retry }: { retry: SyncRetry }) {
  const { t } = useT();
  const receiverAnswered = retry.reason === 'busy' || retry.reason === 'server_error' || retry.reason === 'unexpected_answer';
  const counts = { count: retry.failedAttempts, max: retry.maxAttempts, seconds: retry.nextAttemptInSeconds };
  return (
    <div className="sync-retry warning" role="status" data-testid="send-retry" data-reason={retry.reason}>
      <p>
        <strong>{receiverAnswered ? t('sync:send.retryingReceiver') : t('sync:send.retryingUnreachable')}</strong>{' '}
        {retry.nextAttemptInSeconds > 0 ? t('sync:send.retryWait', counts) : t('sync:send.retryNow', counts)}
      </p>
      <p>{t('sync:send.lastError', { reason: t(`sync:send.retryReason.${retry.reason}`), detail: retry.detail })}</p>
      <p className="lead">{t('sync:send.exportMeanwhile')}</p>
    </div>
  );
}
