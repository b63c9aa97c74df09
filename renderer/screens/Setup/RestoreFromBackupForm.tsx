import { useCallback, useState } from 'react';
import { useT } from '../../i18n/index';
import type { CallOutput } from '../../../shared/contract/calls';
import { call } from '../../api/client';
import { ErrorBanner } from '../../components/ErrorBanner';
import { Field } from '../../components/Field';
import { useFormatDateTime } from '../../hooks/useFormatDateTime';
import { useSubmit } from '../../hooks/useSubmit';

type Staged = CallOutput<'backup:restoreWithRecoveryCode'>;

/**
 * A fresh install rebuilt from a backup file and the recovery code written down at setup. The restore is
 * prepared here and takes effect when the station is started again.
 */
export function RestoreFromBackupForm({ onCancel }: { onCancel: () => void }) {
  const { t } = useT();
  const formatDateTime = useFormatDateTime('medium');
  const [file, setFile] = useState('');
  const [recoveryCode, setRecoveryCode] = useState('');
  const [staged, setStaged] = useState<Staged | null>(null);
  const action = useCallback(() => call('backup:restoreWithRecoveryCode', { file, recoveryCode }), [file, recoveryCode]);
  const form = useSubmit(action, setStaged);

  if (staged) {
    return (
      <section className="panel" aria-labelledby="restore-fresh-title">
        <h1 id="restore-fresh-title">{t('setup:restore.title')}</h1>
        <div role="status" data-testid="restore-fresh-staged">
          <p className="success">{t('setup:restore.staged', { station: staged.stationCode, at: formatDateTime(staged.createdAt) })}</p>
          <p>{t('setup:restore.restart')}</p>
        </div>
      </section>
    );
  }
  return (
    <section className="panel" aria-labelledby="restore-fresh-title">
      <h1 id="restore-fresh-title">{t('setup:restore.title')}</h1>
      <p className="lead">{t('setup:restore.intro')}</p>
      <form onSubmit={form.onSubmit} noValidate>
        <Field id="restore-file" label={t('setup:restore.file')} hint={t('setup:restore.fileHint')} issue={form.issueFor('file')}>
          <input id="restore-file" value={file} onChange={(e) => setFile(e.target.value)} autoComplete="off" spellCheck={false} />
        </Field>
        <Field id="restore-code" label={t('setup:restore.code')} hint={t('setup:restore.codeHint')} issue={form.issueFor('recoveryCode')}>
          <input id="restore-code" value={recoveryCode} onChange={(e) => setRecoveryCode(e.target.value)} autoComplete="off" spellCheck={false} />
        </Field>
        <ErrorBanner code={form.errorCode} />
        <div className="actions">
          <button type="submit" className="primary" disabled={form.busy}>
            {t('setup:restore.submit')}
          </button>
          <button type="button" onClick={onCancel}>
            {t('setup:restore.back')}
          </button>
        </div>
      </form>
    </section>
  );
}
