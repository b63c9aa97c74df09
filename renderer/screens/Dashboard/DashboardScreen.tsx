import { lazy, Suspense, useEffect } from 'react';
import { useT } from '../../i18n/index';
import { stationDate } from '../../../shared/domain/age';
import { call } from '../../api/client';
import { ErrorBanner } from '../../components/ErrorBanner';
import { useLoad } from '../../hooks/useLoad';
import { DashboardCards } from './DashboardCards';
import { DashboardExportPanel } from './DashboardExportPanel';
import { FamilyFiguresPanel } from './FamilyFiguresPanel';
import { SessionsTable } from './SessionsTable';
import { StationsTable } from './StationsTable';
import { YearPicker } from './YearPicker';
import type { Dashboard } from './types';
import '../../components/records.css';
import '../../components/figures.css';
import './dashboard.css';

// The chart library is most of this screen's weight: loaded when the screen first shows figures.
const DashboardCharts = lazy(() => import('./DashboardCharts').then((module) => ({ default: module.DashboardCharts })));

/** One year's dashboard, or this year so far when none is given. */
function fetchDashboard(year: number | undefined): Promise<Dashboard> {
  return call('dashboard:get', year === undefined ? {} : { year });
}

/**
 * The station manager's dashboard: one year (this one so far by default) against the same days of the
 * year before and the targets, as cards with their status, charts, the sessions that led to
 * registrations, the stations, and the export of every table. Every reading is audited by the station.
 */
export function DashboardScreen() {
  const { t } = useT();
  // The station's year (Beijing), whatever zone this computer is set to.
  const thisYear = Number(stationDate(new Date()).slice(0, 4));
  const { data: dashboard, busy, errorCode, issues, load } = useLoad(fetchDashboard);

  useEffect(() => {
    void load(undefined);
  }, [load]);

  return (
    <section className="panel panel--wide figures-screen dashboard-screen" aria-labelledby="dashboard-title">
      <h1 id="dashboard-title">{t('dashboard:title')}</h1>
      <p className="lead">{t('dashboard:intro')}</p>
      <YearPicker thisYear={thisYear} shown={dashboard?.year ?? thisYear} issues={issues} busy={busy} onShow={(year) => void load(year)} />
      <ErrorBanner code={errorCode} />
      {dashboard === null ? (
        busy ? <p className="loading">{t('dashboard:loading')}</p> : null
      ) : (
        <>
          <p className="figures-shown" data-testid="dashboard-shown">
            {t('dashboard:shown', {
              year: dashboard.year,
              from: dashboard.from,
              to: dashboard.to,
              previousFrom: dashboard.previous.from,
              previousTo: dashboard.previous.to,
            })}
          </p>
          <DashboardCards dashboard={dashboard} />
          <Suspense fallback={<p className="loading">{t('dashboard:loading')}</p>}>
            <DashboardCharts dashboard={dashboard} />
          </Suspense>
          <SessionsTable dashboard={dashboard} />
          <StationsTable dashboard={dashboard} />
          <FamilyFiguresPanel year={dashboard.year} />
          <DashboardExportPanel year={dashboard.year} />
        </>
      )}
    </section>
  );
}
