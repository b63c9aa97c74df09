import { useEffect, useRef } from 'react';
import { useT } from '../../i18n/index';

/**
 * The last seconds before an idle kiosk forgets its visitor, with the way to carry on. The button
 * takes the focus so that Enter or Space is enough; the focus goes back where it was afterwards.
 */
export function IdleCountdown({ seconds, onContinue }: { seconds: number; onContinue: () => void }) {
  const { t } = useT();
  const button = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    const previous = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    button.current?.focus();
    return () => previous?.focus();
  }, []);
  return (
    <div className="idle-countdown" role="alertdialog" aria-modal="true" aria-labelledby="idle-title" aria-describedby="idle-text">
      <div className="idle-countdown__box">
        <h2 id="idle-title">{t('kiosk:idle.title')}</h2>
        <p id="idle-text" data-testid="idle-countdown">
          {t('kiosk:idle.countdown', { count: seconds })}
        </p>
        <button ref={button} type="button" className="primary" onClick={onContinue}>
          {t('kiosk:idle.continue')}
        </button>
      </div>
    </div>
  );
}
