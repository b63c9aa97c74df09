import { useCallback, useState } from 'react';
import { useT } from '../../i18n/index';
import type { ErrorCode } from '../../../shared/contract/errors';
import { asApiError, call } from '../../api/client';
import { ErrorBanner } from '../../components/ErrorBanner';
import { Field } from '../../components/Field';
import { useFormatDateTime } from '../../hooks/useFormatDateTime';
import { useLatestResult } from '../../hooks/useLatestResult';
import { useSubmit } from '../../hooks/useSubmit';
import type { BackupInspection } from './types';
import { useBackupFormat } from './useBackupFormat';

interface RestorePanelProps {
  /** A file chosen from the list; the path field follows it. */
  chosen: string;
  onChosen: (file: string) => void;
  onStaged: () => void;
}

/**
 * Checks a backup first (integrity, schema, station, and the records not yet acknowledged by the province
 * that a restore would lose), then stages it for the next start. Losing such records needs a ticked box.
 */
export function RestorePanel({ chosen, onChosen, onStaged }: RestorePanelProps) {
  const { t } = useT();
  const formatDateTime = useFormatDateTime('medium');
  const format = useBackupFormat();
  const [inspection, setInspection] = useState<BackupInspection | null>(null);
  const [confirmed, setConfirmed] = useState(false);
  const [restoring, setRestoring] = useState(false);
  const [restoreError, setRestoreError] = useState<ErrorCode | null>(null);
  const result = useLatestResult();
  const beginResult = result.begin;

  const inspect = useCallback(() => {
    beginResult();
    setInspection(null);
    setConfirmed(false);
    setRestoreError(null);
    return call('backup:inspect', { file: chosen });
  }, [chosen, beginResult]);
  const form = useSubmit(inspect, setInspection);

  const restore = async () => {
    if (!inspection) return;
    beginResult();
    setRestoring(true);
    setRestoreError(null);
    try {
      await call('backup:restore', { file: inspection.backup.file, confirm: confirmed });
      setInspection(null);
      onStaged();
    } catch (error) {
      setRestoreError(asApiError(error).code);
    } finally {
      setRestoring(false);
    }
  };

  const lost = inspection?.newerUnsynced;
  const mayRestore = inspection !== null && inspection.problems.length === 0 && (lost?.total === 0 || confirmed);

  return (
    <section className="form-section backup-panel backup-restore" aria-labelledby="backup-restore-title">
      <h2 id="backup-restore-title">{t('backup:restore.title')}</h2>
      <p className="lead">{t('backup:restore.intro')}</p>
      <form onSubmit={form.onSubmit} noValidate>
        <Field id="backup-restore-file" label={t('backup:restore.file')} hint={t('backup:restore.fileHint')} issue={form.issueFor('file')}>
          <input
            id="backup-restore-file"
            value={chosen}
            onChange={(event) => {
              onChosen(event.target.value);
              setInspection(null);
            }}
            autoComplete="off"
            spellCheck={false}
          />
        </Field>
        <div className="actions">
          <button type="submit" disabled={form.busy}>
            {t('backup:restore.inspect')}
          </button>
        </div>
        <ErrorBanner code={!result.shown || form.errorCode === 'validation_failed' ? null : form.errorCode} />
      </form>
      {inspection ? (
        <div className="backup-inspection" data-testid="backup-inspection">
          <h3>{t('backup:restore.summary')}</h3>
          <dl className="facts">
            <dt>{t('backup:restore.createdAt')}</dt>
            <dd data-testid="inspection-created-at">{formatDateTime(inspection.backup.createdAt)}</dd>
            <dt>{t('backup:restore.schema')}</dt>
            <dd>{t('backup:restore.schemaValue', { backup: inspection.backup.schemaVersion, app: inspection.appSchemaVersion })}</dd>
            <dt>{t('backup:restore.integrity')}</dt>
            <dd data-testid="inspection-integrity">{inspection.integrity === 'ok' ? t('backup:restore.integrityOk') : t('backup:restore.integrityFailed')}</dd>
            <dt>{t('backup:restore.outbox')}</dt>
            <dd>{inspection.outbox.unacknowledged}</dd>
            <dt>{t('backup:restore.currentUnacknowledged')}</dt>
            <dd>{inspection.currentUnacknowledged}</dd>
            <dt>{t('backup:restore.newerUnsynced')}</dt>
            <dd data-testid="inspection-lost">{lost?.total ?? 0}</dd>
          </dl>
          {inspection.problems.length > 0 ? (
            <div className="backup-problems" role="alert">
              <p>{t('backup:restore.cannot')}</p>
              <ul>
                {inspection.problems.map((problem) => (
                  <li key={problem} data-error-code={problem}>
                    {t(`errors:${problem}`)}
                  </li>
                ))}
              </ul>
            </div>
          ) : lost && lost.total > 0 ? (
            <div className="backup-loss" data-testid="backup-loss">
              <p>{t('backup:restore.lostIntro', { count: lost.total })}</p>
              <ul>
                {Object.entries(lost.byKind).map(([kind, count]) => (
                  <li key={kind}>
                    {format.kind(kind)}: {count}
                  </li>
                ))}
              </ul>
              <label className="choice">
                <input type="checkbox" checked={confirmed} onChange={(event) => setConfirmed(event.target.checked)} />
                {t('backup:restore.confirm', { count: lost.total })}
              </label>
            </div>
          ) : (
            <p className="success">{t('backup:restore.noneLost')}</p>
          )}
          <div className="actions">
            <button type="button" className="primary" disabled={!mayRestore || restoring} onClick={() => void restore()}>
              {t('backup:restore.submit')}
            </button>
          </div>
          <ErrorBanner code={result.shown ? restoreError : null} />
        </div>
      ) : null}
    </section>
  );
}
