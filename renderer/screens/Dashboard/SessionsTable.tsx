import { useT } from '../../i18n/index';
import { useFiguresFormat } from '../../hooks/useFiguresFormat';
import type { Dashboard } from './types';

/** The life-education sessions that registrations of the year named, with how many named each. */
export function SessionsTable({ dashboard }: { dashboard: Dashboard }) {
  const { t } = useT();
  const format = useFiguresFormat();
  if (dashboard.sessions.length === 0) {
    return (
      <p className="dashboard-empty" data-testid="dashboard-sessions-empty">
        {t('dashboard:sessions.empty')}
      </p>
    );
  }
  return (
    <div className="table-scroll">
      <table className="data-table dashboard-table" data-testid="dashboard-sessions">
        <caption>{t('dashboard:sessions.caption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('dashboard:sessions.title')}</th>
            <th scope="col">{t('dashboard:sessions.date')}</th>
            <th scope="col">{t('dashboard:sessions.registrations')}</th>
          </tr>
        </thead>
        <tbody>
          {dashboard.sessions.map((session) => (
            <tr key={session.sessionId} data-session={session.sessionId}>
              <th scope="row">{session.title ?? t('dashboard:sessions.unknown')}</th>
              <td data-column="date">{session.date ?? t('dashboard:none')}</td>
              <td data-column="registrations">{format.whole(session.registrations)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
