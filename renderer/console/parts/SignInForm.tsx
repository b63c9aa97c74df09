import { useState, type FormEvent } from 'react';
import type { ConsoleSessionView } from '../../../shared/console/values';
import { LanguageSwitch } from '../../components/LanguageSwitch';
import { consoleCall, failureOf, type ConsoleFailure } from '../api/client';
import { useConsoleT } from '../i18n';
import { ConsoleErrorBanner } from './ConsoleErrorBanner';

/** Why the sign-in is shown again: the hub ended the session, or the screen was left idle. */
export type SignInNotice = 'ended' | 'idle' | null;

/** The console's sign-in: username and password, the hub's refusal translated, a notice when a session ended. */
export function SignInForm({ notice, onSignedIn }: { notice: SignInNotice; onSignedIn: (session: ConsoleSessionView) => void }) {
  const { t } = useConsoleT();
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<ConsoleFailure | null>(null);
  const [working, setWorking] = useState(false);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setWorking(true);
    try {
      const session = await consoleCall('session:signIn', { username, password });
      onSignedIn(session);
    } catch (failure) {
      setError(failureOf(failure));
      setPassword('');
    } finally {
      setWorking(false);
    }
  }

  return (
    <main className="console-sign-in">
      <section className="panel panel--narrow">
        <div className="console-sign-in__languages">
          <LanguageSwitch />
        </div>
        <h1>{t('console:signIn.title')}</h1>
        {notice ? (
          <p className="console-notice" role="status" data-testid="sign-in-notice">
            {notice === 'idle' ? t('console:signIn.idleEnded') : t('console:signIn.ended')}
          </p>
        ) : null}
        <form onSubmit={(event) => void submit(event)}>
          <div className="field">
            <label htmlFor="console-username">{t('console:signIn.username')}</label>
            <input id="console-username" autoComplete="username" value={username} onChange={(event) => setUsername(event.target.value)} required />
          </div>
          <div className="field">
            <label htmlFor="console-password">{t('console:signIn.password')}</label>
            <input id="console-password" type="password" autoComplete="current-password" value={password} onChange={(event) => setPassword(event.target.value)} required />
          </div>
          <ConsoleErrorBanner code={error} />
          <button type="submit" className="primary" disabled={working}>
            {working ? t('console:signIn.working') : t('console:signIn.submit')}
          </button>
        </form>
      </section>
    </main>
  );
}
