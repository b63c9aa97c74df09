import { useCallback, useEffect, useState } from 'react';
import { useT } from '../../i18n/index';
import type { CallOutput } from '../../../shared/contract/calls';
import type { ErrorCode } from '../../../shared/contract/errors';
import { asApiError, call } from '../../api/client';
import { ErrorBanner } from '../../components/ErrorBanner';
import { useFormatDateTime } from '../../hooks/useFormatDateTime';

type VisitorList = CallOutput<'visitor:list'>;

/** Staff view of the latest memorial visits, newest first, names masked. */
export function VisitorLogScreen() {
  const { t } = useT();
  const formatDateTime = useFormatDateTime();
  const [list, setList] = useState<VisitorList | null>(null);
  const [errorCode, setErrorCode] = useState<ErrorCode | null>(null);

  const load = useCallback(async () => {
    try {
      setList(await call('visitor:list', {}));
      setErrorCode(null);
    } catch (error) {
      setErrorCode(asApiError(error).code);
    }
  }, []);

  useEffect(() => {
    void load();
  }, [load]);

  return (
    <section className="panel" aria-labelledby="log-title">
      <h1 id="log-title">{t('memorial:log.title')}</h1>
      <ErrorBanner code={errorCode} />
      {list === null ? null : (
        <>
          <p data-testid="visitor-total">{t('memorial:log.total', { count: list.total })}</p>
          {list.visitors.length === 0 ? (
            <p className="empty">{t('memorial:log.empty')}</p>
          ) : (
            <table className="data-table">
              <thead>
                <tr>
                  <th scope="col">{t('memorial:log.time')}</th>
                  <th scope="col">{t('memorial:log.partySize')}</th>
                  <th scope="col">{t('memorial:log.purpose')}</th>
                  <th scope="col">{t('memorial:log.name')}</th>
                </tr>
              </thead>
              <tbody>
                {list.visitors.map((visit) => (
                  <tr key={visit.id}>
                    <td>{formatDateTime(visit.visitedAt)}</td>
                    <td>{visit.partySize}</td>
                    <td>{t(`memorial:purpose.${visit.purpose}`)}</td>
                    <td>{visit.visitorName ?? t('memorial:log.anonymous')}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </>
      )}
      <button type="button" onClick={() => void load()}>
        {t('common:refresh')}
      </button>
    </section>
  );
}
