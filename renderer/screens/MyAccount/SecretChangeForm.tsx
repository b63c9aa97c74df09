import { useCallback, useState, type FormEvent } from 'react';
import { useT } from '../../i18n/index';
import type { SecretKind } from '../../../shared/validation/staff';
import { asApiError, call } from '../../api/client';
import { ErrorBanner } from '../../components/ErrorBanner';
import { Field } from '../../components/Field';
import { useSubmit } from '../../hooks/useSubmit';
import type { Session } from '../../session';

interface SecretChangeFormProps {
  kind: SecretKind;
  onChanged: (session: Session) => void;
  /** Too many wrong current secrets: the station ended the sign-in and locked the account. */
  onAccountLocked: () => void;
}

/** Changes one's own password or PIN: the current one, then the new one twice. */
export function SecretChangeForm({ kind, onChanged, onAccountLocked }: SecretChangeFormProps) {
  const { t } = useT();
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [repeated, setRepeated] = useState('');
  const [mismatch, setMismatch] = useState(false);
  const [done, setDone] = useState(false);

  const change = useCallback(async () => {
    setDone(false);
    try {
      return kind === 'password' ? await call('session:changePassword', { current, next }) : await call('session:changePin', { current, next });
    } catch (error) {
      if (asApiError(error).code === 'account_locked') onAccountLocked();
      throw error;
    }
  }, [kind, current, next, onAccountLocked]);
  const onDone = useCallback(
    (session: Session) => {
      setCurrent('');
      setNext('');
      setRepeated('');
      setDone(true);
      onChanged(session);
    },
    [onChanged],
  );
  const form = useSubmit(change, onDone);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    // The repetition is checked on screen only: it guards against a typing slip, not against anyone.
    setMismatch(next !== repeated);
    if (next === repeated) void form.submit();
  };

  const id = `my-${kind}`;
  const inputMode = kind === 'pin' ? 'numeric' : undefined;
  return (
    <form onSubmit={submit} noValidate aria-labelledby={`${id}-title`} className="form-grid">
      <h2 id={`${id}-title`} className="form-grid__full">
        {t(`staff:myAccount.${kind}.title`)}
      </h2>
      <Field id={`${id}-current`} label={t(`staff:myAccount.${kind}.current`)} issue={form.issueFor('current')}>
        <input id={`${id}-current`} type="password" inputMode={inputMode} value={current} onChange={(e) => setCurrent(e.target.value)} autoComplete="off" />
      </Field>
      <Field id={`${id}-next`} label={t(`staff:myAccount.${kind}.next`)} hint={t(`staff:myAccount.${kind}.hint`)} issue={form.issueFor('next')}>
        <input id={`${id}-next`} type="password" inputMode={inputMode} value={next} onChange={(e) => setNext(e.target.value)} autoComplete="off" />
      </Field>
      <Field id={`${id}-repeat`} label={t(`staff:myAccount.${kind}.repeat`)}>
        <input id={`${id}-repeat`} type="password" inputMode={inputMode} value={repeated} onChange={(e) => setRepeated(e.target.value)} autoComplete="off" />
      </Field>
      <div className="form-grid__full">
        {mismatch ? (
          <p className="error-banner" role="alert">
            {t('staff:myAccount.mismatch')}
          </p>
        ) : null}
        <ErrorBanner code={form.errorCode} />
        {done ? (
          <p role="status" className="success">
            {t(`staff:myAccount.${kind}.changed`)}
          </p>
        ) : null}
        <button type="submit" className="primary" disabled={form.busy}>
          {t(`staff:myAccount.${kind}.submit`)}
        </button>
      </div>
    </form>
  );
}
