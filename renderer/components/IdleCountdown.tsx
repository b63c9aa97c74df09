import { useEffect, useRef } from 'react';
import { useT } from '../i18n/index';

/**
 * Where an idle kiosk screen goes when it forgets its visitor: a step-by-step form back to its first
 * step, a single-page one (visitor sign-in, check-in, survey) back to its start page.
 */
export type IdleReturn = 'firstStep' | 'startPage';

/**
 * The last seconds before an idle kiosk forgets its visitor, with the way to carry on. The button
 * takes the focus so that Enter or Space is enough; the focus goes back where it was afterwards.
 */
export function IdleCountdown({ seconds, returnsTo, onContinue }: { seconds: number; returnsTo: IdleReturn; onContinue: () => void }) {
  const { t } = useT();
  const steps = returnsTo === 'firstStep';
  return (
    <IdleCountdownDialog
      title={steps ? t('kiosk:idle.title') : t('kiosk:idle.startPage.title')}
      text={steps ? t('kiosk:idle.countdown', { count: seconds }) : t('kiosk:idle.startPage.countdown', { count: seconds })}
      continueLabel={steps ? t('kiosk:idle.continue') : t('kiosk:idle.startPage.continue')}
      onContinue={onContinue}
    />
  );
}

/**
 * The countdown dialog itself, with the texts of whoever shows it (a kiosk forgetting its visitor, a console
 * about to sign out): a modal alert whose button takes the focus and gives it back afterwards.
 */
export function IdleCountdownDialog({ title, text, continueLabel, onContinue }: { title: string; text: string; continueLabel: string; onContinue: () => void }) {
  const button = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    const previous = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    button.current?.focus();
    return () => previous?.focus();
  }, []);
  return (
    <div className="idle-countdown" role="alertdialog" aria-modal="true" aria-labelledby="idle-title" aria-describedby="idle-text">
      <div className="idle-countdown__box">
        <h2 id="idle-title">{title}</h2>
        <p id="idle-text" data-testid="idle-countdown">
          {text}
        </p>
        <button ref={button} type="button" className="primary" onClick={onContinue}>
          {continueLabel}
        </button>
      </div>
    </div>
  );
}
