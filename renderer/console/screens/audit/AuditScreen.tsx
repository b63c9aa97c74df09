import { useState } from 'react';
import type { ConsoleAuditCheck } from '../../../../shared/console/values';
import { useFormatDateTime } from '../../../hooks/useFormatDateTime';
import { consoleCall, failureOf, type ConsoleFailure } from '../../api/client';
import { useConsoleT } from '../../i18n';
import { ConsoleErrorBanner } from '../../parts/ConsoleErrorBanner';
import { useConsoleLoad } from '../../parts/useConsoleLoad';

const PAGE_SIZE = 50;

/** The console's audit trail a page at a time, newest first, and its chain verified with the result shown. */
export function AuditScreen() {
  const { t } = useConsoleT();
  const formatDateTime = useFormatDateTime('medium');
  // The pages walked so far: each is the `beforeSeq` it was read with (undefined for the newest).
  const [pages, setPages] = useState<(number | undefined)[]>([undefined]);
  const beforeSeq = pages.at(-1);
  const load = useConsoleLoad(() => consoleCall('audit:list', { beforeSeq, limit: PAGE_SIZE }), `audit:${beforeSeq ?? 'newest'}`);
  const [check, setCheck] = useState<ConsoleAuditCheck | null>(null);
  const [checkError, setCheckError] = useState<ConsoleFailure | null>(null);
  const [verifying, setVerifying] = useState(false);

  async function verify() {
    setVerifying(true);
    setCheck(null);
    setCheckError(null);
    try {
      setCheck(await consoleCall('audit:verify'));
    } catch (failure) {
      setCheckError(failureOf(failure));
    } finally {
      setVerifying(false);
    }
  }

  return (
    <section className="panel panel--wide console-screen">
      <h1>{t('consoleAudit:title')}</h1>
      <p className="lead">{t('consoleAudit:intro')}</p>
      <div className="console-actions">
        <button type="button" className="primary" onClick={() => void verify()} disabled={verifying}>
          {verifying ? t('consoleAudit:verify.working') : t('consoleAudit:verify.submit')}
        </button>
      </div>
      {check ? (
        <p className={check.ok ? 'console-done' : 'error-banner'} role="status" data-testid="audit-check" data-chain={check.ok ? 'intact' : 'broken'}>
          {check.ok
            ? t('consoleAudit:verify.intact', { count: check.count })
            : t('consoleAudit:verify.broken', { seq: check.brokenSeq ?? 0, count: check.count, reason: check.reason ? t(`consoleAudit:verify.reason.${check.reason}`) : '' })}
        </p>
      ) : null}
      <ConsoleErrorBanner code={checkError ?? load.error} />
      {load.data ? (
        load.data.entries.length === 0 ? (
          <p>{t('consoleAudit:list.empty')}</p>
        ) : (
          <table className="data-table" aria-label={t('consoleAudit:list.caption')}>
            <thead>
              <tr>
                <th>{t('consoleAudit:list.seq')}</th>
                <th>{t('consoleAudit:list.at')}</th>
                <th>{t('consoleAudit:list.who')}</th>
                <th>{t('consoleAudit:list.role')}</th>
                <th>{t('consoleAudit:list.action')}</th>
                <th>{t('consoleAudit:list.subject')}</th>
                <th>{t('consoleAudit:list.detail')}</th>
              </tr>
            </thead>
            <tbody>
              {load.data.entries.map((entry) => (
                <tr key={entry.seq}>
                  <td className="numeric">{entry.seq}</td>
                  <td className="nowrap">{formatDateTime(entry.at)}</td>
                  <td>{entry.accountId === null ? t('consoleAudit:list.operator') : (entry.username ?? t('consoleAudit:list.unknown'))}</td>
                  <td>{t(`console:role.${entry.actorRole}` as 'console:role.administrator', { defaultValue: entry.actorRole })}</td>
                  <td className="mono">{entry.action}</td>
                  <td className="mono">{entry.subject ?? t('console:none')}</td>
                  <td className="mono">{entry.detail === null ? t('console:none') : JSON.stringify(entry.detail)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )
      ) : null}
      <div className="console-pager">
        <button type="button" disabled={pages.length === 1} onClick={() => setPages([undefined])}>
          {t('console:first')}
        </button>
        <button type="button" disabled={pages.length === 1} onClick={() => setPages(pages.slice(0, -1))}>
          {t('console:previous')}
        </button>
        <button type="button" disabled={!load.data?.nextBeforeSeq} onClick={() => load.data?.nextBeforeSeq && setPages([...pages, load.data.nextBeforeSeq])}>
          {t('console:next')}
        </button>
      </div>
    </section>
  );
}
