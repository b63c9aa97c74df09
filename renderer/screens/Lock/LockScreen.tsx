import { useCallback, useState } from 'react';
import { useT } from '../../i18n/index';
import { asApiError, call } from '../../api/client';
import { ErrorBanner } from '../../components/ErrorBanner';
import { Field } from '../../components/Field';
import { useRoleName } from '../../hooks/useRoleName';
import { useSubmit } from '../../hooks/useSubmit';
import type { Session } from '../../session';

interface LockScreenProps {
  staff: NonNullable<Session['staff']>;
  onUnlocked: (session: Session) => void;
  onSignedOut: (session: Session) => void;
  /** Too many wrong PINs: the station ended the sign-in and locked the account. */
  onAccountLocked: () => void;
}

/** Covers a staff screen left alone: nothing behind it shows until the PIN is given. */
export function LockScreen({ staff, onUnlocked, onSignedOut, onAccountLocked }: LockScreenProps) {
  const { t } = useT();
  const roleName = useRoleName();
  const [pin, setPin] = useState('');

  const unlock = useCallback(async () => {
    try {
      return await call('session:unlock', { pin });
    } catch (error) {
      setPin('');
      if (asApiError(error).code === 'account_locked') onAccountLocked();
      throw error;
    }
  }, [pin, onAccountLocked]);
  const form = useSubmit(unlock, onUnlocked);

  const signOut = useCallback(() => call('session:logout', undefined), []);
  const leaving = useSubmit(signOut, onSignedOut);

  return (
    <section className="panel panel--narrow panel--locked" aria-labelledby="lock-title">
      <h1 id="lock-title">{t('staff:lock.title')}</h1>
      <p className="lead" data-testid="locked-staff">
        {t('staff:lock.signedIn', { name: staff.displayName, role: roleName(staff.role) })}
      </p>
      <form onSubmit={form.onSubmit} noValidate>
        <Field id="unlock-pin" label={t('staff:lock.pin')} issue={form.issueFor('pin')}>
          <input
            id="unlock-pin"
            type="password"
            inputMode="numeric"
            value={pin}
            onChange={(e) => setPin(e.target.value)}
            autoComplete="off"
            autoFocus
          />
        </Field>
        <ErrorBanner code={form.errorCode ?? leaving.errorCode} />
        <div className="actions">
          <button type="submit" className="primary" disabled={form.busy}>
            {t('staff:lock.unlock')}
          </button>
          <button type="button" onClick={() => void leaving.submit()} disabled={leaving.busy}>
            {t('staff:lock.signOut')}
          </button>
        </div>
      </form>
    </section>
  );
}
