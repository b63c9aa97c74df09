import { useState } from 'react';
import { useT } from '../../i18n/index';
import type { ErrorCode } from '../../../shared/contract/errors';
import { asApiError, call } from '../../api/client';
import { ErrorBanner } from '../../components/ErrorBanner';
import type { SyncStatus } from './types';

interface SendPanelProps {
  status: SyncStatus;
  /** A run began in the background: the screen follows it until it has ended. */
  onStarted: () => void;
}

/** Sends what waits to the configured endpoint; the run goes on in the station, its progress shows in the summary. */
export function SendPanel({ status, onStarted }: SendPanelProps) {
  const { t } = useT();
  const [notice, setNotice] = useState<'started' | 'alreadyRunning' | null>(null);
  const [errorCode, setErrorCode] = useState<ErrorCode | null>(null);
  const [busy, setBusy] = useState(false);
  const endpoint = status.settings.endpoint;
  const sending = status.activity?.step === 'sending';

  const send = async () => {
    setBusy(true);
    setNotice(null);
    setErrorCode(null);
    try {
      const { started } = await call('sync:send', undefined);
      setNotice(started ? 'started' : 'alreadyRunning');
      if (started) onStarted();
    } catch (error) {
      setErrorCode(asApiError(error).code);
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="form-section sync-panel" aria-labelledby="sync-send-title">
      <h2 id="sync-send-title">{t('sync:send.title')}</h2>
      <p className="lead">{t('sync:send.intro')}</p>
      {endpoint ? <p className="mono sync-endpoint">{endpoint}</p> : <p className="empty">{t('sync:send.noEndpoint')}</p>}
      <div className="actions">
        <button type="button" className="primary" disabled={!endpoint || busy || status.activity !== null} onClick={() => void send()}>
          {t('sync:send.submit')}
        </button>
        {sending ? <span className="sync-running">{t('sync:send.running')}</span> : null}
      </div>
      {notice ? (
        <p role="status" className={notice === 'started' ? 'success' : 'empty'} data-testid="send-notice">
          {t(`sync:send.${notice}`)}
        </p>
      ) : null}
      <ErrorBanner code={errorCode} />
    </section>
  );
}
