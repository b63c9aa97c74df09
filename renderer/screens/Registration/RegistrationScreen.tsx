import { useCallback, useEffect, useState } from 'react';
import { useT } from '../../i18n/index';
import type { ErrorCode } from '../../../shared/contract/errors';
import { asApiError, call } from '../../api/client';
import { ErrorBanner } from '../../components/ErrorBanner';
import { useIdleWipe } from '../../hooks/useIdleWipe';
import type { RegistrationOptions } from './draft';
import { IdleCountdown } from '../../components/IdleCountdown';
import { RegistrationFlow } from './RegistrationFlow';
import './registration.css';

type Loaded = { state: 'loading' } | { state: 'failed'; code: ErrorCode } | { state: 'ready'; options: RegistrationOptions };

/**
 * The registration flow of the kiosk and the staff desk. Each visitor gets a fresh flow (a new React
 * key): finishing, or leaving the screen idle, unmounts the previous one with everything it held.
 */
export function RegistrationScreen() {
  const { t } = useT();
  const [loaded, setLoaded] = useState<Loaded>({ state: 'loading' });
  const [visit, setVisit] = useState(0);
  const [inUse, setInUse] = useState(false);
  const [wiped, setWiped] = useState(false);

  const load = useCallback(async () => {
    setLoaded({ state: 'loading' });
    try {
      setLoaded({ state: 'ready', options: await call('registration:options', undefined) });
    } catch (error) {
      setLoaded({ state: 'failed', code: asApiError(error).code });
    }
  }, []);
  useEffect(() => {
    void load();
  }, [load]);
  // The next visitor sees the sessions held since the screen opened; on failure the list shown stays.
  const refresh = useCallback(async () => {
    try {
      setLoaded({ state: 'ready', options: await call('registration:options', undefined) });
    } catch {
      // Nothing to tell the next visitor: the options already loaded still apply.
    }
  }, []);

  const startOver = useCallback((timedOut: boolean) => {
    setVisit((count) => count + 1);
    setInUse(false);
    setWiped(timedOut);
  }, []);
  const onWipe = useCallback(() => startOver(true), [startOver]);
  const onFinish = useCallback(() => {
    startOver(false);
    void refresh();
  }, [startOver, refresh]);

  const options = loaded.state === 'ready' ? loaded.options : null;
  const idle = useIdleWipe({
    active: inUse && options !== null,
    idleSeconds: options?.kioskIdleSeconds ?? 0,
    countdownSeconds: options?.countdownSeconds ?? 0,
    onWipe,
  });

  if (loaded.state === 'loading') return <p className="loading">{t('loading')}</p>;
  if (loaded.state === 'failed') {
    return (
      <section className="panel" aria-labelledby="registration-title">
        <h1 id="registration-title">{t('kiosk:title')}</h1>
        <ErrorBanner code={loaded.code} />
        <button type="button" onClick={() => void load()}>
          {t('retry')}
        </button>
      </section>
    );
  }
  return (
    <>
      <RegistrationFlow key={visit} options={loaded.options} onInUse={setInUse} onFinish={onFinish} wiped={wiped} />
      {idle.secondsLeft !== null ? <IdleCountdown seconds={idle.secondsLeft} returnsTo="firstStep" onContinue={idle.keepGoing} /> : null}
    </>
  );
}
