import { lazy, Suspense, useCallback, useEffect, useState } from 'react';
import { useT } from '../../i18n/index';
import type { ErrorCode } from '../../../shared/contract/errors';
import { stationDate } from '../../../shared/domain/age';
import { yearToDate } from '../../../shared/domain/figures';
import type { Role } from '../../../shared/domain/roles';
import { asApiError, call } from '../../api/client';
import { ErrorBanner } from '../../components/ErrorBanner';
import { useLoad } from '../../hooks/useLoad';
import { mayCall } from '../../session';
import { ExportButtons } from './ExportButtons';
import { FigureCards } from './FigureCards';
import { MonthsTable } from './MonthsTable';
import { PeriodPicker } from './PeriodPicker';
import { TargetSettingsForm } from './TargetSettingsForm';
import { TargetsPanel } from './TargetsPanel';
import type { Figures, FiguresQuery, FigureTargetSettings } from './types';
import '../../components/records.css';
import '../../components/figures.css';

// The chart library is most of this screen's weight: loaded when the screen first shows figures.
const FigureCharts = lazy(() => import('./FigureCharts').then((module) => ({ default: module.FigureCharts })));

function fetchFigures(query: FiguresQuery): Promise<Figures> {
  return call('figures:get', query);
}

/**
 * Staff screen of the memorial and education figures: a period (this year so far by default) and a
 * site, the totals, reach and satisfaction against their targets, charts per month, the months as a
 * table, and the export. Every reading is audited by the station.
 */
export function FiguresScreen({ role }: { role: Role }) {
  const { t } = useT();
  // The station's date (Beijing), whatever zone this computer is set to.
  const today = stationDate(new Date());
  const [initial] = useState<FiguresQuery>(() => yearToDate(today));
  const [query, setQuery] = useState<FiguresQuery>(initial);
  const { data: figures, busy, errorCode: loadError, issues, load } = useLoad(fetchFigures);
  const [settingsError, setSettingsError] = useState<ErrorCode | null>(null);
  const [settings, setSettings] = useState<FigureTargetSettings | null>(null);
  const [savedTargets, setSavedTargets] = useState(false);

  const show = useCallback(
    async (next: FiguresQuery) => {
      if (await load(next)) setQuery(next);
    },
    [load],
  );

  // This year so far at first; later periods are loaded when staff ask for them.
  useEffect(() => {
    void show(initial);
  }, [show, initial]);

  const openSettings = async () => {
    setSavedTargets(false);
    setSettingsError(null);
    try {
      setSettings(await call('figures:targets', undefined));
    } catch (error) {
      setSettingsError(asApiError(error).code);
    }
  };

  const onTargetsSaved = () => {
    setSettings(null);
    setSavedTargets(true);
    void show(query);
  };

  return (
    <section className="panel panel--wide figures-screen" aria-labelledby="figures-title">
      <h1 id="figures-title">{t('figures:title')}</h1>
      <p className="lead">{t('figures:intro')}</p>
      <PeriodPicker today={today} query={query} sites={figures?.sites ?? []} issues={issues} busy={busy} onShow={(next) => void show(next)} />
      <ErrorBanner code={loadError ?? settingsError} />
      {figures === null ? (
        busy ? <p className="loading">{t('figures:loading')}</p> : null
      ) : (
        <>
          <p className="figures-shown" data-testid="figures-shown">
            {t('figures:shown', { site: figures.site, from: figures.from, to: figures.to })}
          </p>
          <FigureCards figures={figures} />
          <TargetsPanel figures={figures} />
          {mayCall(role, 'figures:setTargets') ? (
            settings ? (
              <TargetSettingsForm current={settings} onSaved={onTargetsSaved} onCancel={() => setSettings(null)} />
            ) : (
              <div className="actions">
                <button type="button" onClick={() => void openSettings()}>
                  {t('figures:settings.open')}
                </button>
              </div>
            )
          ) : null}
          {savedTargets ? (
            <p role="status" className="success" data-testid="targets-saved">
              {t('figures:settings.saved')}
            </p>
          ) : null}
          <Suspense fallback={<p className="loading">{t('figures:loading')}</p>}>
            <FigureCharts figures={figures} />
          </Suspense>
          <MonthsTable figures={figures} />
          <ExportButtons query={{ from: figures.from, to: figures.to, site: figures.site }} />
        </>
      )}
    </section>
  );
}
