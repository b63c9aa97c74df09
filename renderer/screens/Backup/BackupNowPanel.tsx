import { useCallback, useState } from 'react';
import { useT } from '../../i18n/index';
import { call } from '../../api/client';
import { ErrorBanner } from '../../components/ErrorBanner';
import { useLatestResult } from '../../hooks/useLatestResult';
import { useSubmit } from '../../hooks/useSubmit';
import type { BackupTaken } from './types';
import { useBackupFormat } from './useBackupFormat';

/** Takes a backup into the configured folder now and says which file it wrote. */
export function BackupNowPanel({ onDone }: { onDone: () => void }) {
  const { t } = useT();
  const format = useBackupFormat();
  const [taken, setTaken] = useState<BackupTaken | null>(null);
  const result = useLatestResult();
  const beginResult = result.begin;

  const run = useCallback(async () => {
    beginResult();
    setTaken(null);
    try {
      return await call('backup:now', undefined);
    } finally {
      onDone();
    }
  }, [onDone, beginResult]);
  const form = useSubmit(run, setTaken);

  return (
    <form className="form-section backup-panel" onSubmit={form.onSubmit} aria-labelledby="backup-now-title">
      <h2 id="backup-now-title">{t('backup:now.title')}</h2>
      <p className="lead">{t('backup:now.intro')}</p>
      <div className="actions">
        <button type="submit" className="primary" disabled={form.busy}>
          {t('backup:now.submit')}
        </button>
      </div>
      <ErrorBanner code={result.shown ? form.errorCode : null} />
      {result.shown && taken ? (
        <div role="status" data-testid="backup-taken">
          <p className="success">{t('backup:now.done', { name: taken.backup.name, size: format.size(taken.backup.bytes) })}</p>
          {taken.pruned.length > 0 ? <p>{t('backup:now.pruned', { count: taken.pruned.length })}</p> : null}
        </div>
      ) : null}
    </form>
  );
}
