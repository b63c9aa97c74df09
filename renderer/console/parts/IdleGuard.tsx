import { useCallback, useEffect, useState } from 'react';
import { IdleCountdownDialog } from '../../components/IdleCountdown';
import { useIdleLock } from '../../hooks/useIdleLock';
import { consoleCall } from '../api/client';
import { useConsoleT } from '../i18n';

/** The warning's length: a minute, or half the idle time when that is shorter. */
export function warningSecondsFor(idleMinutes: number): number {
  return Math.min(60, Math.floor((idleMinutes * 60) / 2));
}

/**
 * The console's side of the idle end, which the hub judges: activity at the screen is reported to the hub at
 * most once a minute (so a long form does not lose its session), a countdown warns before the idle time is
 * up, and at its end the console signs out and shows the sign-in again.
 */
export function IdleGuard({ idleMinutes, onIdleEnd }: { idleMinutes: number; onIdleEnd: () => void }) {
  const { t } = useConsoleT();
  const warningSeconds = warningSecondsFor(idleMinutes);
  // When the warning ends, as a moment: a tab the browser slows down still ends on time.
  const [deadline, setDeadline] = useState<number | null>(null);
  const [left, setLeft] = useState(warningSeconds);
  const keepAlive = useCallback(() => {
    // Any call that is not a screen polling keeps the session; a failure here is shown by the next one.
    void consoleCall('session:current').catch(() => undefined);
  }, []);
  const warn = useCallback(() => {
    setDeadline(Date.now() + warningSeconds * 1_000);
    setLeft(warningSeconds);
  }, [warningSeconds]);
  useIdleLock(deadline === null, idleMinutes - warningSeconds / 60, warn, keepAlive);

  useEffect(() => {
    if (deadline === null) return undefined;
    const tick = setInterval(() => {
      const remaining = Math.ceil((deadline - Date.now()) / 1_000);
      if (remaining > 0) {
        setLeft(remaining);
        return;
      }
      clearInterval(tick);
      setDeadline(null);
      onIdleEnd();
    }, 1_000);
    return () => clearInterval(tick);
  }, [deadline, onIdleEnd]);

  if (deadline === null) return null;
  return (
    <IdleCountdownDialog
      title={t('console:idle.title')}
      text={t('console:idle.countdown', { count: left })}
      continueLabel={t('console:idle.continue')}
      onContinue={() => {
        setDeadline(null);
        keepAlive();
      }}
    />
  );
}
