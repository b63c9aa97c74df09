import { useEffect } from 'react';
import { useT } from '../../i18n/index';
import { useFormatDateTime } from '../../hooks/useFormatDateTime';
import type { SignedIn } from './SignInForm';

/** How long the thanks stay on screen before the form is ready for the next visitor. */
export const THANKS_SCREEN_MS = 30_000;

/** The visit is recorded; a kiosk is often left here, so it returns to the form by itself. */
export function SignedInThanks({ signedIn, onNext }: { signedIn: SignedIn; onNext: () => void }) {
  const { t } = useT();
  const formatDateTime = useFormatDateTime();

  useEffect(() => {
    const timer = setTimeout(onNext, THANKS_SCREEN_MS);
    return () => clearTimeout(timer);
  }, [onNext]);

  return (
    <section className="panel panel--done memorial-kiosk" aria-labelledby="signed-in-title">
      <h1 id="signed-in-title">{t('memorial:signIn.thanks')}</h1>
      <p role="status">
        {t('memorial:signIn.recorded', { time: formatDateTime(signedIn.visitedAt), count: signedIn.partySize })}
      </p>
      {signedIn.messageState === 'pending' ? <p data-testid="message-pending">{t('memorial:signIn.messagePending')}</p> : null}
      <p className="lead">{t('memorial:signIn.autoReturn')}</p>
      <button type="button" className="primary" onClick={onNext}>
        {t('memorial:signIn.next')}
      </button>
    </section>
  );
}
