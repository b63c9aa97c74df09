import { useCallback, useEffect, useState } from 'react';
import { useT } from './i18n/index';
import type { CallOutput } from '../shared/contract/calls';
import type { ErrorCode } from '../shared/contract/errors';
import { asApiError, call } from './api/client';
import { ErrorBanner } from './components/ErrorBanner';
import { LanguageSwitch } from './components/LanguageSwitch';
import { HomeScreen } from './screens/Home/HomeScreen';
import { SetupScreen } from './screens/Setup/SetupScreen';
import { VisitorLogScreen } from './screens/VisitorLog/VisitorLogScreen';
import { VisitorSignInScreen } from './screens/VisitorSignIn/VisitorSignInScreen';

export type ScreenName = 'home' | 'visitorSignIn' | 'visitorLog';
type Station = NonNullable<CallOutput<'station:get'>>;

type Loaded = { state: 'loading' } | { state: 'failed'; code: ErrorCode } | { state: 'ready'; station: Station | null };

export function App() {
  const { t } = useT();
  const [loaded, setLoaded] = useState<Loaded>({ state: 'loading' });
  const [screen, setScreen] = useState<ScreenName>('home');

  const loadStation = useCallback(async () => {
    setLoaded({ state: 'loading' });
    try {
      setLoaded({ state: 'ready', station: await call('station:get', undefined) });
    } catch (error) {
      setLoaded({ state: 'failed', code: asApiError(error).code });
    }
  }, []);

  useEffect(() => {
    void loadStation();
  }, [loadStation]);

  useEffect(() => {
    document.title = t('appName');
  }, [t]);

  const station = loaded.state === 'ready' ? loaded.station : null;

  return (
    <div className="app">
      <header className="app-header">
        <button type="button" className="brand" onClick={() => setScreen('home')} disabled={!station}>
          {t('appName')}
        </button>
        {station ? <span className="station-name">{station.name}</span> : null}
        <nav aria-label={t('nav.label')}>
          {station && screen !== 'home' ? (
            <button type="button" onClick={() => setScreen('home')}>
              {t('nav.home')}
            </button>
          ) : null}
        </nav>
        <LanguageSwitch />
      </header>
      <main>
        {loaded.state === 'loading' ? <p className="loading">{t('loading')}</p> : null}
        {loaded.state === 'failed' ? (
          <section className="panel">
            <ErrorBanner code={loaded.code} />
            <button type="button" onClick={() => void loadStation()}>
              {t('retry')}
            </button>
          </section>
        ) : null}
        {loaded.state === 'ready' && station === null ? (
          <SetupScreen onDone={(created) => setLoaded({ state: 'ready', station: created })} />
        ) : null}
        {station && screen === 'home' ? <HomeScreen station={station} onOpen={setScreen} /> : null}
        {station && screen === 'visitorSignIn' ? <VisitorSignInScreen /> : null}
        {station && screen === 'visitorLog' ? <VisitorLogScreen /> : null}
      </main>
    </div>
  );
}
