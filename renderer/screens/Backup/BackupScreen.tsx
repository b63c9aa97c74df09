import { useCallback, useEffect, useState } from 'react';
import { useT } from '../../i18n/index';
import type { ErrorCode } from '../../../shared/contract/errors';
import type { Role } from '../../../shared/domain/roles';
import { asApiError, call } from '../../api/client';
import { ErrorBanner } from '../../components/ErrorBanner';
import { useFormatDateTime } from '../../hooks/useFormatDateTime';
import { LatestResultScope, useLatestResult } from '../../hooks/useLatestResult';
import { mayCall } from '../../session';
import { BackupList } from './BackupList';
import { BackupNowPanel } from './BackupNowPanel';
import { BackupSettingsForm, BackupSettingsView } from './BackupSettingsForm';
import { RecoveryKeyPanel } from './RecoveryKeyPanel';
import { RestorePanel } from './RestorePanel';
import type { BackupStatus } from './types';
import '../../components/records.css';
import './backup.css';

/**
 * Staff screen of the backups: settings, a backup now, the backups in the folder, and a restore that is
 * checked first and finished by restarting the station. Its panels share one result area: an action's
 * banner replaces the one before.
 */
export function BackupScreen({ role }: { role: Role }) {
  return (
    <LatestResultScope>
      <BackupScreenContent role={role} />
    </LatestResultScope>
  );
}

function BackupScreenContent({ role }: { role: Role }) {
  const { t } = useT();
  const result = useLatestResult();
  const beginResult = result.begin;
  const formatDateTime = useFormatDateTime('medium');
  const [status, setStatus] = useState<BackupStatus | null>(null);
  const [errorCode, setErrorCode] = useState<ErrorCode | null>(null);
  const [chosen, setChosen] = useState('');
  const [justStaged, setJustStaged] = useState(false);
  const [cancelled, setCancelled] = useState(false);
  const mayRestore = mayCall(role, 'backup:restore');

  const load = useCallback(async () => {
    try {
      setStatus(await call('backup:status', undefined));
      setErrorCode(null);
    } catch (error) {
      setErrorCode(asApiError(error).code);
    }
  }, []);

  useEffect(() => {
    void load();
  }, [load]);

  const onStaged = useCallback(() => {
    beginResult();
    setJustStaged(true);
    setCancelled(false);
    void load();
  }, [load, beginResult]);

  const cancelRestore = async () => {
    beginResult();
    try {
      setStatus(await call('backup:cancelRestore', undefined));
      setJustStaged(false);
      setCancelled(true);
    } catch (error) {
      setErrorCode(asApiError(error).code);
    }
  };

  const pending = status?.pendingRestore ?? null;
  return (
    <section className="panel panel--wide backup-screen" aria-labelledby="backup-title">
      <h1 id="backup-title">{t('backup:title')}</h1>
      <p className="lead">{t('backup:intro')}</p>
      <ErrorBanner code={errorCode} />
      {pending ? (
        <div className="backup-pending" role="status" data-testid="backup-pending">
          {result.shown && justStaged ? <p className="success">{t('backup:restore.staged')}</p> : null}
          <p>{t('backup:restore.pending', { source: pending.source, at: formatDateTime(pending.stagedAt) })}</p>
          {mayRestore ? (
            <button type="button" onClick={() => void cancelRestore()}>
              {t('backup:restore.cancel')}
            </button>
          ) : null}
        </div>
      ) : null}
      {result.shown && cancelled ? (
        <p role="status" className="success">
          {t('backup:restore.cancelled')}
        </p>
      ) : null}
      {status === null ? (
        errorCode ? null : <p className="loading">{t('loading')}</p>
      ) : (
        <>
          <div className="backup-panels">
            {mayCall(role, 'backup:now') ? <BackupNowPanel onDone={() => void load()} /> : null}
            {mayCall(role, 'backup:settings') ? <BackupSettingsForm current={status.settings} onSaved={() => void load()} /> : <BackupSettingsView current={status.settings} />}
          </div>
          {status.backupInFuture ? (
            <p className="warning" role="alert" data-testid="backup-in-future">
              {t('backup:list.inFuture')}
            </p>
          ) : null}
          <RecoveryKeyPanel recoveryKey={status.recoveryKey} mayIssue={mayCall(role, 'backup:newRecoveryCode')} onIssued={() => void load()} />
          <BackupList status={status} onChoose={mayRestore ? setChosen : null} />
          {mayRestore ? <RestorePanel chosen={chosen} onChosen={setChosen} onStaged={onStaged} /> : null}
        </>
      )}
    </section>
  );
}
