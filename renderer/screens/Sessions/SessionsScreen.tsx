import { useCallback, useEffect, useState } from 'react';
import { useT } from '../../i18n/index';
import type { ErrorCode } from '../../../shared/contract/errors';
import { sessionPeriods, type SessionPeriod } from '../../../shared/domain/education';
import { asApiError, call } from '../../api/client';
import { ErrorBanner } from '../../components/ErrorBanner';
import { SessionDetailPanel } from './SessionDetailPanel';
import { SessionForm } from './SessionForm';
import { SessionStateBadge } from './SessionStateBadge';
import type { SessionSummary, SessionView } from './types';
import { useSessionFormat } from '../../hooks/useSessionFormat';
import '../../components/records.css';
import '../../components/sessions.css';

/** The form open above the list: a new session, or changes to one. */
type OpenForm = { session: SessionView | null } | null;

/**
 * Staff desk of a life-education base: the sessions to come and those held, with head counts (groups
 * and walk-ins) and survey figures; scheduling, changing and cancelling; one session in full.
 */
export function SessionsScreen() {
  const { t } = useT();
  const format = useSessionFormat();
  const [period, setPeriod] = useState<SessionPeriod>('upcoming');
  const [sessions, setSessions] = useState<{ total: number; sessions: SessionSummary[] } | null>(null);
  const [errorCode, setErrorCode] = useState<ErrorCode | null>(null);
  const [openForm, setOpenForm] = useState<OpenForm>(null);
  const [openId, setOpenId] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  // Bumped to make the open session reload after it was changed from the form.
  const [detailVersion, setDetailVersion] = useState(0);

  const load = useCallback(async () => {
    try {
      setSessions(await call('education:list', { period }));
      setErrorCode(null);
    } catch (error) {
      setErrorCode(asApiError(error).code);
    }
  }, [period]);

  useEffect(() => {
    void load();
  }, [load]);

  const onSaved = useCallback(
    (session: SessionView) => {
      setDone(t(openForm?.session ? 'sessions:done.updated' : 'sessions:done.scheduled', { title: session.title }));
      setOpenForm(null);
      setOpenId(session.id);
      setDetailVersion((version) => version + 1);
      void load();
    },
    [load, openForm, t],
  );

  return (
    <>
      <section className="panel panel--wide" aria-labelledby="sessions-title">
        <h1 id="sessions-title">{t('sessions:title')}</h1>
        <p className="lead">{t('sessions:intro')}</p>
        <div className="toolbar">
          <button
            type="button"
            className="primary"
            onClick={() => {
              setDone(null);
              setOpenForm({ session: null });
            }}
          >
            {t('sessions:new')}
          </button>
          <div className="period-switch" role="group" aria-label={t('sessions:period.label')}>
            {sessionPeriods.map((option) => (
              <button key={option} type="button" aria-pressed={period === option} onClick={() => setPeriod(option)}>
                {t(`sessions:period.${option}`)}
              </button>
            ))}
          </div>
          <button type="button" onClick={() => void load()}>
            {t('sessions:reload')}
          </button>
        </div>
        {done ? (
          <p role="status" className="success" data-testid="sessions-done">
            {done}
          </p>
        ) : null}
        {openForm ? <SessionForm key={openForm.session?.id ?? 'new'} session={openForm.session} onDone={onSaved} onCancel={() => setOpenForm(null)} /> : null}
        <ErrorBanner code={errorCode} />
        {sessions === null ? null : sessions.sessions.length === 0 ? (
          <p className="empty">{t(`sessions:empty.${period}`)}</p>
        ) : (
          <div className="table-scroll">
            <table className="data-table sessions-table" data-testid="sessions-list">
              <caption>{t('sessions:list.total', { count: sessions.total })}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('sessions:list.when')}</th>
                  <th scope="col">{t('sessions:list.title')}</th>
                  <th scope="col">{t('sessions:list.venue')}</th>
                  <th scope="col">{t('sessions:list.audience')}</th>
                  <th scope="col">{t('sessions:list.headCount')}</th>
                  <th scope="col">{t('sessions:list.satisfied')}</th>
                  <th scope="col">{t('sessions:list.state')}</th>
                  <th scope="col">
                    <span className="visually-hidden">{t('sessions:list.actions')}</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {sessions.sessions.map((session) => (
                  <tr key={session.id} data-session={session.title} className={openId === session.id ? 'row--open' : undefined}>
                    <td className="time">
                      {format.day(session.startsAt)}
                      <br />
                      {format.timeRange(session.startsAt, session.endsAt)}
                    </td>
                    <td>{session.title}</td>
                    <td>{session.venue}</td>
                    <td>{t(`sessions:audience.${session.audienceKind}`)}</td>
                    <td data-testid="session-head-count">{t('sessions:list.headCountValue', { actual: session.actualHeadCount, expected: session.expectedHeadCount })}</td>
                    <td>
                      {session.survey.satisfiedShare === null
                        ? t('sessions:none')
                        : t('sessions:list.satisfiedValue', { share: format.percent(session.survey.satisfiedShare), count: session.survey.count })}
                    </td>
                    <td>
                      <SessionStateBadge state={session.state} />
                    </td>
                    <td>
                      <button
                        type="button"
                        className="small"
                        onClick={() => {
                          setDone(null);
                          setOpenId(session.id);
                        }}
                      >
                        {t('sessions:list.open')}
                      </button>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
      {openId ? (
        <SessionDetailPanel
          key={`${openId}-${detailVersion}`}
          sessionId={openId}
          onChanged={() => void load()}
          onEdit={(session) => {
            setDone(null);
            setOpenForm({ session });
          }}
          onClose={() => setOpenId(null)}
        />
      ) : null}
    </>
  );
}
