import { useCallback, useState } from 'react';
import { useT } from '../../i18n/index';
import type { CallOutput } from '../../../shared/contract/calls';
import { call } from '../../api/client';
import { ErrorBanner } from '../../components/ErrorBanner';
import { useFormatDateTime } from '../../hooks/useFormatDateTime';
import { useLatestResult } from '../../hooks/useLatestResult';
import { useSubmit } from '../../hooks/useSubmit';
import { RecoveryCodeSheet } from '../../components/RecoveryCodeSheet';
import type { BackupStatus } from './types';

type Issued = CallOutput<'backup:newRecoveryCode'> & { stationName: string };

/**
 * The recovery key backups are sealed to: which code it is, a warning when the station has none yet (set up
 * before recovery codes), and for administrators a new code, shown once.
 */
export function RecoveryKeyPanel({ recoveryKey, mayIssue, onIssued }: { recoveryKey: BackupStatus['recoveryKey']; mayIssue: boolean; onIssued: () => void }) {
  const { t } = useT();
  const formatDateTime = useFormatDateTime('medium');
  const [issued, setIssued] = useState<Issued | null>(null);
  const result = useLatestResult();
  const beginResult = result.begin;
  const action = useCallback(async (): Promise<Issued> => {
    beginResult();
    const code = await call('backup:newRecoveryCode', undefined);
    // The sheet names the station it belongs to.
    const station = await call('station:get', undefined);
    return { ...code, stationName: station?.name ?? '' };
  }, [beginResult]);
  const form = useSubmit(action, setIssued);

  if (issued) {
    return (
      <RecoveryCodeSheet
        issued={issued}
        stationName={issued.stationName}
        doneLabel={t('setup:recovery.done')}
        onDone={() => {
          setIssued(null);
          onIssued();
        }}
      />
    );
  }
  return (
    <form className="form-section backup-panel" onSubmit={form.onSubmit} aria-labelledby="recovery-key-title">
      <h2 id="recovery-key-title">{t('backup:recovery.title')}</h2>
      {recoveryKey ? (
        <p data-testid="recovery-key">{t('backup:recovery.current', { fingerprint: recoveryKey.fingerprint, at: formatDateTime(recoveryKey.createdAt) })}</p>
      ) : (
        <p className="warning" role="alert" data-testid="recovery-key-missing">
          {t('backup:recovery.missing')}
        </p>
      )}
      {mayIssue ? (
        <>
          <p className="lead">{t('backup:recovery.newIntro')}</p>
          <div className="actions">
            <button type="submit" disabled={form.busy}>
              {recoveryKey ? t('backup:recovery.new') : t('backup:recovery.create')}
            </button>
          </div>
          <ErrorBanner code={result.shown ? form.errorCode : null} />
        </>
      ) : null}
    </form>
  );
}
