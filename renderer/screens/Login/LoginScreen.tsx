import { useCallback, useState } from 'react';
import { useT } from '../../i18n/index';
import { call } from '../../api/client';
import { ErrorBanner } from '../../components/ErrorBanner';
import { Field } from '../../components/Field';
import { useSubmit } from '../../hooks/useSubmit';
import type { Session } from '../../session';

/** Staff sign in with username and password; the station counts failures and locks the account. */
export function LoginScreen({ onSignedIn, onCancel }: { onSignedIn: (session: Session) => void; onCancel: () => void }) {
  const { t } = useT();
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');

  const action = useCallback(async () => {
    try {
      return await call('session:login', { username, password });
    } catch (error) {
      // A refused password is not left on screen for the next person.
      setPassword('');
      throw error;
    }
  }, [username, password]);
  const form = useSubmit(action, onSignedIn);

  return (
    <section className="panel panel--narrow" aria-labelledby="login-title">
      <h1 id="login-title">{t('staff:login.title')}</h1>
      <p className="lead">{t('staff:login.intro')}</p>
      <form onSubmit={form.onSubmit} noValidate>
        <Field id="login-username" label={t('staff:login.username')} issue={form.issueFor('username')}>
          <input
            id="login-username"
            value={username}
            onChange={(e) => setUsername(e.target.value)}
            autoComplete="username"
            autoCapitalize="none"
            spellCheck={false}
          />
        </Field>
        <Field id="login-password" label={t('staff:login.password')} issue={form.issueFor('password')}>
          <input
            id="login-password"
            type="password"
            value={password}
            onChange={(e) => setPassword(e.target.value)}
            autoComplete="current-password"
          />
        </Field>
        <ErrorBanner code={form.errorCode} />
        <div className="actions">
          <button type="submit" className="primary" disabled={form.busy}>
            {t('staff:login.submit')}
          </button>
          <button type="button" onClick={onCancel}>
            {t('staff:login.cancel')}
          </button>
        </div>
      </form>
    </section>
  );
}
