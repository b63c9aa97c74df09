import { useCallback, useEffect, useState } from 'react';
import { useT } from '../../i18n/index';
import type { ErrorCode } from '../../../shared/contract/errors';
import { asApiError, call } from '../../api/client';
import { ErrorBanner } from '../../components/ErrorBanner';
import { useIdleWipe } from '../../hooks/useIdleWipe';
import { IdleCountdown } from '../../components/IdleCountdown';
import { QingmingKiosk } from './QingmingKiosk';
import { SignedInThanks } from './SignedInThanks';
import { SignInForm, type SignedIn } from './SignInForm';
import './memorial-kiosk.css';

interface KioskOptions {
  kioskIdleSeconds: number;
  countdownSeconds: number;
  qingmingMode: boolean;
}

type Loaded = { state: 'loading' } | { state: 'failed'; code: ErrorCode } | { state: 'ready'; options: KioskOptions };

/** How often an unattended kiosk asks whether staff switched Qingming mode on or off. */
const MODE_REFRESH_MS = 60_000;

async function loadOptions(): Promise<KioskOptions> {
  const [registration, memorial] = await Promise.all([call('registration:options', undefined), call('memorial:kioskOptions', undefined)]);
  return { kioskIdleSeconds: registration.kioskIdleSeconds, countdownSeconds: registration.countdownSeconds, qingmingMode: memorial.qingmingMode };
}

/**
 * Memorial visitor sign-in at the kiosk: the three-tap form, or on peak days the Qingming one-tap
 * screen. Each visitor gets a fresh form (a new React key); an idle kiosk forgets what was entered.
 */
export function VisitorSignInScreen() {
  const { t } = useT();
  const [loaded, setLoaded] = useState<Loaded>({ state: 'loading' });
  const [visit, setVisit] = useState(0);
  const [inUse, setInUse] = useState(false);
  const [signedIn, setSignedIn] = useState<SignedIn | null>(null);
  const [fullForm, setFullForm] = useState(false);

  const load = useCallback(async () => {
    setLoaded({ state: 'loading' });
    try {
      setLoaded({ state: 'ready', options: await loadOptions() });
    } catch (error) {
      setLoaded({ state: 'failed', code: asApiError(error).code });
    }
  }, []);
  useEffect(() => {
    void load();
  }, [load]);

  // Staff switch Qingming mode at their desk; a kiosk nobody is using follows within a minute.
  useEffect(() => {
    if (loaded.state !== 'ready' || inUse || signedIn !== null) return undefined;
    const timer = setInterval(() => {
      call('memorial:kioskOptions', undefined)
        .then(({ qingmingMode }) =>
          setLoaded((current) => (current.state === 'ready' ? { state: 'ready', options: { ...current.options, qingmingMode } } : current)),
        )
        .catch(() => undefined);
    }, MODE_REFRESH_MS);
    return () => clearInterval(timer);
  }, [loaded.state, inUse, signedIn]);

  const nextVisitor = useCallback(() => {
    setVisit((count) => count + 1);
    setInUse(false);
    setSignedIn(null);
    setFullForm(false);
  }, []);
  const markInUse = useCallback(() => setInUse(true), []);
  const onSignedIn = useCallback((result: SignedIn) => {
    setInUse(false);
    setSignedIn(result);
  }, []);

  const options = loaded.state === 'ready' ? loaded.options : null;
  const idle = useIdleWipe({
    active: inUse && signedIn === null && options !== null,
    idleSeconds: options?.kioskIdleSeconds ?? 0,
    countdownSeconds: options?.countdownSeconds ?? 0,
    onWipe: nextVisitor,
  });

  if (loaded.state === 'loading') return <p className="loading">{t('loading')}</p>;
  if (loaded.state === 'failed') {
    return (
      <section className="panel" aria-labelledby="sign-in-title">
        <h1 id="sign-in-title">{t('memorial:signIn.title')}</h1>
        <ErrorBanner code={loaded.code} />
        <button type="button" onClick={() => void load()}>
          {t('retry')}
        </button>
      </section>
    );
  }
  if (signedIn) return <SignedInThanks signedIn={signedIn} onNext={nextVisitor} />;
  const { qingmingMode } = loaded.options;
  if (qingmingMode && !fullForm) {
    return (
      <QingmingKiosk
        onFullForm={() => {
          setFullForm(true);
          setInUse(true);
        }}
      />
    );
  }
  return (
    <>
      <SignInForm key={visit} initialPurpose={qingmingMode ? 'qingming' : ''} onInUse={markInUse} onSignedIn={onSignedIn} />
      {idle.secondsLeft !== null ? <IdleCountdown seconds={idle.secondsLeft} returnsTo="startPage" onContinue={idle.keepGoing} /> : null}
    </>
  );
}
