import { useState, type FormEvent } from 'react';
import type { ConsoleFieldIssue } from '../../../shared/console/errors';
import type { ConsoleSessionView } from '../../../shared/console/values';
import { ConsoleApiError, consoleCall, failureOf, type ConsoleFailure } from '../api/client';
import { useConsoleT } from '../i18n';
import { ConsoleErrorBanner } from './ConsoleErrorBanner';

/** Replacing a password an administrator set: nothing else opens until it is done. */
export function ChangePasswordForm({ onChanged }: { onChanged: (session: ConsoleSessionView) => void }) {
  const { t } = useConsoleT();
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [repeat, setRepeat] = useState('');
  const [error, setError] = useState<ConsoleFailure | null>(null);
  const [issues, setIssues] = useState<ConsoleFieldIssue[]>([]);
  const [working, setWorking] = useState(false);
  const mismatch = repeat.length > 0 && repeat !== next;

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (mismatch) return;
    setWorking(true);
    try {
      onChanged(await consoleCall('session:changePassword', { currentPassword: current, newPassword: next }));
    } catch (failure) {
      setError(failureOf(failure));
      setIssues(failure instanceof ConsoleApiError ? failure.issues : []);
    } finally {
      setWorking(false);
    }
  }

  return (
    <section className="panel panel--narrow">
      <h1>{t('console:password.title')}</h1>
      <p className="lead">{t('console:password.intro')}</p>
      <form onSubmit={(event) => void submit(event)}>
        <div className="field">
          <label htmlFor="password-current">{t('console:password.current')}</label>
          <input id="password-current" type="password" autoComplete="current-password" value={current} onChange={(event) => setCurrent(event.target.value)} required />
        </div>
        <div className="field">
          <label htmlFor="password-new">{t('console:password.new')}</label>
          <input id="password-new" type="password" autoComplete="new-password" value={next} onChange={(event) => setNext(event.target.value)} required />
        </div>
        <div className="field">
          <label htmlFor="password-repeat">{t('console:password.repeat')}</label>
          <input id="password-repeat" type="password" autoComplete="new-password" value={repeat} onChange={(event) => setRepeat(event.target.value)} required aria-invalid={mismatch} />
          {mismatch ? <small className="field__error">{t('console:password.mismatch')}</small> : null}
        </div>
        <ConsoleErrorBanner code={error} issues={issues} />
        <button type="submit" className="primary" disabled={working || mismatch}>
          {t('console:password.submit')}
        </button>
      </form>
    </section>
  );
}
