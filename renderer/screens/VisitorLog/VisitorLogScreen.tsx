import { useCallback, useEffect, useState } from 'react';
import { useT } from '../../i18n/index';
import type { CallOutput } from '../../../shared/contract/calls';
import type { ErrorCode } from '../../../shared/contract/errors';
import type { Role } from '../../../shared/domain/roles';
import { asApiError, call } from '../../api/client';
import { ErrorBanner } from '../../components/ErrorBanner';
import { useFormatDateTime } from '../../hooks/useFormatDateTime';
import { MemorialSettingsPanel } from '../../components/settings/MemorialSettingsPanel';

type VisitorList = CallOutput<'visitor:list'>;

/**
 * Staff view of the latest memorial visits, newest first, names masked. A full name is shown only on
 * request, one row at a time (the station records who looked), and forgotten when the screen closes.
 */
export function VisitorLogScreen({ role }: { role: Role }) {
  const { t } = useT();
  const formatDateTime = useFormatDateTime();
  const [list, setList] = useState<VisitorList | null>(null);
  const [errorCode, setErrorCode] = useState<ErrorCode | null>(null);
  const [revealed, setRevealed] = useState<ReadonlyMap<string, string | null>>(new Map());
  const [revealing, setRevealing] = useState<string | null>(null);

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

  const reveal = useCallback(async (id: string) => {
    setRevealing(id);
    try {
      const result = await call('visitor:revealName', { id });
      setRevealed((current) => new Map(current).set(result.id, result.visitorName));
      setErrorCode(null);
    } catch (error) {
      setErrorCode(asApiError(error).code);
    } finally {
      setRevealing(null);
    }
  }, []);

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
            <div className="table-scroll">
              <table className="data-table">
                <thead>
                  <tr>
                    <th scope="col">{t('memorial:log.time')}</th>
                    <th scope="col">{t('memorial:log.partySize')}</th>
                    <th scope="col">{t('memorial:log.purpose')}</th>
                    <th scope="col">{t('memorial:log.name')}</th>
                    <th scope="col">{t('memorial:log.relation')}</th>
                    <th scope="col">{t('memorial:log.group')}</th>
                    <th scope="col">{t('memorial:log.message')}</th>
                  </tr>
                </thead>
                <tbody>
                  {list.visitors.map((visit) => {
                    const fullName = revealed.get(visit.id);
                    return (
                      <tr key={visit.id}>
                        <td>{formatDateTime(visit.visitedAt)}</td>
                        <td>{visit.partySize}</td>
                        <td>{t(`memorial:purpose.${visit.purpose}`)}</td>
                        <td>
                          <span className="name-cell">
                            <span data-testid="visitor-name">
                              {fullName ?? visit.visitorName ?? t('memorial:log.anonymous')}
                            </span>
                            {visit.visitorName !== null && fullName === undefined ? (
                              <button
                                type="button"
                                className="small"
                                onClick={() => void reveal(visit.id)}
                                disabled={revealing !== null}
                              >
                                {t('memorial:log.reveal')}
                              </button>
                            ) : null}
                          </span>
                        </td>
                        <td>{visit.relation === null ? t('memorial:log.none') : t(`memorial:relation.${visit.relation}`)}</td>
                        <td>{visit.groupName ?? t('memorial:log.none')}</td>
                        <td data-testid="message-state">{visit.messageState === null ? t('memorial:log.none') : t(`memorial:messageState.${visit.messageState}`)}</td>
                      </tr>
                    );
                  })}
                </tbody>
              </table>
            </div>
          )}
        </>
      )}
      <button type="button" onClick={() => void load()}>
        {t('common:refresh')}
      </button>
      <MemorialSettingsPanel role={role} />
    </section>
  );
}
