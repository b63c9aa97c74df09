import { useCallback, useState } from 'react';
import { useT } from '../../i18n/index';
import type { CallOutput } from '../../../shared/contract/calls';
import { call } from '../../api/client';
import { ErrorBanner } from '../../components/ErrorBanner';
import { Field } from '../../components/Field';
import { useLatestResult } from '../../hooks/useLatestResult';
import { useSubmit } from '../../hooks/useSubmit';

type Exported = CallOutput<'sync:export'>;

interface ExportPanelProps {
  /** The export runs (the screen follows its progress meanwhile) or has ended. */
  onRunning: (running: boolean) => void;
  onDone: () => void;
}

/**
 * Writes batches and copies them, encrypted, into a folder on a USB stick. The path is typed: the
 * station host serves a browser, which has no folder picker that would tell the station a path.
 */
export function ExportPanel({ onRunning, onDone }: ExportPanelProps) {
  const { t } = useT();
  const [folder, setFolder] = useState('');
  const [exported, setExported] = useState<Exported | null>(null);
  const result = useLatestResult();
  const beginResult = result.begin;

  const run = useCallback(async () => {
    beginResult();
    setExported(null);
    onRunning(true);
    try {
      return await call('sync:export', { folder });
    } finally {
      onRunning(false);
      onDone();
    }
  }, [folder, onRunning, onDone, beginResult]);
  const form = useSubmit(run, setExported);

  return (
    <form className="form-section sync-panel" onSubmit={form.onSubmit} noValidate aria-labelledby="sync-export-title">
      <h2 id="sync-export-title">{t('sync:export.title')}</h2>
      <p className="lead">{t('sync:export.intro')}</p>
      <Field id="sync-export-folder" label={t('sync:export.folder')} hint={t('sync:export.folderHint')} issue={form.issueFor('folder')}>
        <input id="sync-export-folder" value={folder} onChange={(event) => setFolder(event.target.value)} autoComplete="off" spellCheck={false} />
      </Field>
      <div className="actions">
        <button type="submit" className="primary" disabled={form.busy}>
          {t('sync:export.submit')}
        </button>
      </div>
      <ErrorBanner code={result.shown ? form.errorCode : null} />
      {result.shown && exported ? (
        <div role="status" data-testid="export-result">
          {exported.files.length > 0 ? (
            <>
              <p className="success">{t('sync:export.written', { count: exported.files.length })}</p>
              <ul className="sync-files">
                {exported.files.map((file) => (
                  <li key={file} className="mono">
                    {file}
                  </li>
                ))}
              </ul>
            </>
          ) : (
            <p className="empty">{t('sync:export.nothing')}</p>
          )}
          {exported.pendingApproval > 0 ? <p data-testid="export-pending-approval">{t('sync:export.pendingApproval', { count: exported.pendingApproval })}</p> : null}
        </div>
      ) : null}
    </form>
  );
}
