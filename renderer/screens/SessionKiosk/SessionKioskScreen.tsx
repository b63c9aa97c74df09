import { useCallback, useEffect, useState } from 'react';
import { useT } from '../../i18n/index';
import type { CallOutput } from '../../../shared/contract/calls';
import type { ErrorCode } from '../../../shared/contract/errors';
import { asApiError, call } from '../../api/client';
import { ErrorBanner } from '../../components/ErrorBanner';
import { useIdleWipe } from '../../hooks/useIdleWipe';
import { IdleCountdown } from '../../components/IdleCountdown';
import { useSessionFormat } from '../../hooks/useSessionFormat';
import { CheckInForm } from './CheckInForm';
import { SurveyForm } from './SurveyForm';
import { SurveyReceived } from './SurveyReceived';
import type { KioskSession } from './types';
import '../../components/sessions.css';

type Today = CallOutput<'education:today'>;
type CheckedIn = CallOutput<'education:checkIn'>;
type IdleOptions = Pick<CallOutput<'registration:options'>, 'kioskIdleSeconds' | 'countdownSeconds'>;

/** What the kiosk shows: the day's sessions, a form for one of them, or the thanks after it. */
type View =
  | { kind: 'list' }
  | { kind: 'checkIn'; session: KioskSession }
  | { kind: 'survey'; session: KioskSession }
  | { kind: 'checkedIn'; session: KioskSession; checkedIn: CheckedIn }
  | { kind: 'answered'; session: KioskSession };

/** How often the day's list is read again, so that a survey opens when its session starts. */
const REFRESH_MS = 60_000;

/**
 * The public kiosk of a life-education base: today's sessions, group check-in and the survey. A form
 * or a thanks screen left alone goes back to the list after the kiosk's idle time, with nothing of the
 * previous group left on screen.
 */
export function SessionKioskScreen() {
  const { t } = useT();
  const format = useSessionFormat();
  const [today, setToday] = useState<Today | null>(null);
  const [errorCode, setErrorCode] = useState<ErrorCode | null>(null);
  const [view, setView] = useState<View>({ kind: 'list' });
  const [visit, setVisit] = useState(0);
  const [idle, setIdle] = useState<IdleOptions | null>(null);

  const load = useCallback(async () => {
    try {
      setToday(await call('education:today', undefined));
      setErrorCode(null);
    } catch (error) {
      setErrorCode(asApiError(error).code);
    }
  }, []);

  useEffect(() => {
    void load();
    void call('registration:options', undefined)
      .then((options) => setIdle({ kioskIdleSeconds: options.kioskIdleSeconds, countdownSeconds: options.countdownSeconds }))
      .catch((error: unknown) => setErrorCode(asApiError(error).code));
  }, [load]);

  useEffect(() => {
    if (view.kind !== 'list') return undefined;
    const timer = setInterval(() => void load(), REFRESH_MS);
    return () => clearInterval(timer);
  }, [view.kind, load]);

  // Back to the list with a fresh form next time (a new key unmounts whatever the last group typed).
  const toList = useCallback(() => {
    setView({ kind: 'list' });
    setVisit((count) => count + 1);
    void load();
  }, [load]);

  const wipe = useIdleWipe({
    // The thanks after a survey holds nothing of the visitor and goes back by itself after the cool-down.
    active: view.kind !== 'list' && view.kind !== 'answered' && idle !== null,
    idleSeconds: idle?.kioskIdleSeconds ?? 0,
    countdownSeconds: idle?.countdownSeconds ?? 0,
    onWipe: toList,
  });

  const countdown = wipe.secondsLeft !== null ? <IdleCountdown seconds={wipe.secondsLeft} returnsTo="startPage" onContinue={wipe.keepGoing} /> : null;

  if (view.kind === 'checkIn') {
    return (
      <>
        <CheckInForm key={visit} session={view.session} onDone={(checkedIn) => setView({ kind: 'checkedIn', session: view.session, checkedIn })} onBack={toList} />
        {countdown}
      </>
    );
  }
  if (view.kind === 'survey') {
    return (
      <>
        <SurveyForm key={visit} session={view.session} onDone={() => setView({ kind: 'answered', session: view.session })} onBack={toList} />
        {countdown}
      </>
    );
  }
  if (view.kind === 'answered') return <SurveyReceived onTimeout={toList} />;
  if (view.kind === 'checkedIn') {
    return (
      <>
        <section className="panel panel--done" aria-labelledby="session-thanks-title">
          <h1 id="session-thanks-title">{t('sessionKiosk:thanks.title')}</h1>
          <p role="status" data-testid="session-kiosk-done">
            {t('sessionKiosk:thanks.checkedIn', { organisation: view.checkedIn.organisation, count: view.checkedIn.headCount, title: view.session.title })}
          </p>
          <p className="lead">{t('sessionKiosk:thanks.autoReturn')}</p>
          <button type="button" className="primary" onClick={toList}>
            {t('sessionKiosk:thanks.next')}
          </button>
        </section>
        {countdown}
      </>
    );
  }

  return (
    <section className="panel" aria-labelledby="session-kiosk-title">
      <h1 id="session-kiosk-title">{t('sessionKiosk:title')}</h1>
      {today ? <p className="lead">{t('sessionKiosk:intro', { date: format.longDay(`${today.date}T12:00:00+08:00`) })}</p> : null}
      <ErrorBanner code={errorCode} />
      {today === null ? null : today.sessions.length === 0 ? (
        <p className="empty">{t('sessionKiosk:empty')}</p>
      ) : (
        <ul className="kiosk-sessions">
          {today.sessions.map((session) => (
            <li key={session.id} className={`kiosk-session kiosk-session--${session.state}`} data-session={session.title}>
              <h2>{session.title}</h2>
              <p className="kiosk-session__meta">
                {t('sessionKiosk:meta', { time: format.timeRange(session.startsAt, session.endsAt), venue: session.venue, host: session.host })}
              </p>
              {session.state === 'cancelled' ? (
                <p className="kiosk-session__meta" data-testid="kiosk-session-cancelled">
                  {t('sessionKiosk:cancelled')}
                </p>
              ) : (
                <div className="actions">
                  {session.checkInOpen ? (
                    <button type="button" className="primary" onClick={() => setView({ kind: 'checkIn', session })}>
                      {t('sessionKiosk:checkIn.open')}
                    </button>
                  ) : null}
                  {session.surveyOpen ? (
                    <button type="button" onClick={() => setView({ kind: 'survey', session })}>
                      {t('sessionKiosk:survey.open')}
                    </button>
                  ) : (
                    <span className="kiosk-session__meta">{t('sessionKiosk:survey.later')}</span>
                  )}
                </div>
              )}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
