import { useState } from 'react';
import { useT } from '../i18n/index';
import type { CallOutput } from '../../shared/contract/calls';
import { useFormatDateTime } from '../hooks/useFormatDateTime';

type Issued = CallOutput<'backup:newRecoveryCode'>;

/**
 * The recovery code, shown once: with it and any backup, the station can be rebuilt on a new machine. The
 * station does not keep it, so the administrator prints the sheet or writes the code down before going on.
 */
export function RecoveryCodeSheet({ issued, stationName, onDone, doneLabel }: { issued: Issued; stationName: string; onDone: () => void; doneLabel: string }) {
  const { t } = useT();
  const formatDateTime = useFormatDateTime('medium');
  const [kept, setKept] = useState(false);
  return (
    <section className="panel recovery-sheet" aria-labelledby="recovery-title">
      <h1 id="recovery-title">{t('setup:recovery.title')}</h1>
      <p className="lead">{t('setup:recovery.intro')}</p>
      <dl>
        <dt>{t('setup:recovery.station')}</dt>
        <dd>{stationName}</dd>
        <dt>{t('setup:recovery.code')}</dt>
        <dd>
          <code className="recovery-code" data-testid="recovery-code">
            {issued.code}
          </code>
        </dd>
        <dt>{t('setup:recovery.fingerprint')}</dt>
        <dd data-testid="recovery-fingerprint">{issued.fingerprint}</dd>
        <dt>{t('setup:recovery.issuedAt')}</dt>
        <dd>{formatDateTime(issued.createdAt)}</dd>
      </dl>
      <p>{t('setup:recovery.keepSafe')}</p>
      <p>{t('setup:recovery.olderBackups')}</p>
      <div className="actions no-print">
        <button type="button" onClick={() => window.print()}>
          {t('setup:recovery.print')}
        </button>
      </div>
      <label className="choice no-print">
        <input type="checkbox" checked={kept} onChange={(event) => setKept(event.target.checked)} />
        {t('setup:recovery.confirmKept')}
      </label>
      <div className="actions no-print">
        <button type="button" className="primary" disabled={!kept} onClick={onDone}>
          {doneLabel}
        </button>
      </div>
    </section>
  );
}
