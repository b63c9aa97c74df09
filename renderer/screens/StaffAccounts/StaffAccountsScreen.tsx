import { useCallback, useEffect, useState, type FormEvent } from 'react';
import { useT } from '../../i18n/index';
import type { CallOutput } from '../../../shared/contract/calls';
import type { ErrorCode } from '../../../shared/contract/errors';
import { staffRoles, type StaffRole } from '../../../shared/domain/roles';
import { asApiError, call } from '../../api/client';
import { ErrorBanner } from '../../components/ErrorBanner';
import { Field } from '../../components/Field';
import { useFormatDateTime } from '../../hooks/useFormatDateTime';
import { useRoleName } from '../../hooks/useRoleName';
import { useSubmit } from '../../hooks/useSubmit';

type Account = CallOutput<'staff:create'>;

const emptyForm = { username: '', displayName: '', role: '' as StaffRole | '', password: '', pin: '' };

/** The administrator's list of staff accounts, and the form that adds one. */
export function StaffAccountsScreen() {
  const { t } = useT();
  const formatDateTime = useFormatDateTime();
  const roleName = useRoleName();
  const [accounts, setAccounts] = useState<Account[] | null>(null);
  const [listError, setListError] = useState<ErrorCode | null>(null);
  const [draft, setDraft] = useState(emptyForm);
  const [created, setCreated] = useState<Account | null>(null);

  const load = useCallback(async () => {
    try {
      setAccounts((await call('staff:list', undefined)).accounts);
      setListError(null);
    } catch (error) {
      setListError(asApiError(error).code);
    }
  }, []);

  useEffect(() => {
    void load();
  }, [load]);

  const create = useCallback(() => {
    setCreated(null);
    return call('staff:create', { ...draft, role: draft.role as StaffRole });
  }, [draft]);
  const onCreated = useCallback(
    (account: Account) => {
      setCreated(account);
      setDraft(emptyForm);
      void load();
    },
    [load],
  );
  const form = useSubmit(create, onCreated);

  const set = (field: keyof typeof emptyForm) => (value: string) => setDraft((current) => ({ ...current, [field]: value }));

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    void form.submit();
  };

  return (
    <section className="panel panel--wide" aria-labelledby="staff-title">
      <h1 id="staff-title">{t('staff:accounts.title')}</h1>
      <p className="lead">{t('staff:accounts.intro')}</p>
      <ErrorBanner code={listError} />
      {accounts === null ? null : accounts.length === 0 ? (
        <p className="empty">{t('staff:accounts.empty')}</p>
      ) : (
        <table className="data-table" data-testid="staff-table">
          <thead>
            <tr>
              <th scope="col">{t('staff:accounts.username')}</th>
              <th scope="col">{t('staff:accounts.displayName')}</th>
              <th scope="col">{t('staff:accounts.role')}</th>
              <th scope="col">{t('staff:accounts.createdAt')}</th>
              <th scope="col">{t('staff:accounts.lockedUntil')}</th>
            </tr>
          </thead>
          <tbody>
            {accounts.map((account) => (
              <tr key={account.id}>
                <td className="mono">{account.username}</td>
                <td>{account.displayName}</td>
                <td>{roleName(account.role)}</td>
                <td>{formatDateTime(account.createdAt)}</td>
                <td>{account.lockedUntil ? formatDateTime(account.lockedUntil) : t('staff:accounts.notLocked')}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}

      <h2 id="create-title">{t('staff:accounts.createTitle')}</h2>
      <form onSubmit={onSubmit} noValidate aria-labelledby="create-title" className="form-grid">
        <Field id="staff-username" label={t('staff:accounts.username')} issue={form.issueFor('username')}>
          <input
            id="staff-username"
            value={draft.username}
            onChange={(e) => set('username')(e.target.value)}
            autoComplete="off"
            autoCapitalize="none"
            spellCheck={false}
          />
        </Field>
        <Field id="staff-display-name" label={t('staff:accounts.displayName')} issue={form.issueFor('displayName')}>
          <input id="staff-display-name" value={draft.displayName} onChange={(e) => set('displayName')(e.target.value)} autoComplete="off" />
        </Field>
        <Field id="staff-role" label={t('staff:accounts.role')} issue={form.issueFor('role')}>
          <select id="staff-role" value={draft.role} onChange={(e) => set('role')(e.target.value)}>
            <option value="">{t('common:choose')}</option>
            {staffRoles.map((role) => (
              <option key={role} value={role}>
                {roleName(role)}
              </option>
            ))}
          </select>
        </Field>
        <Field
          id="staff-password"
          label={t('staff:accounts.password')}
          hint={t('staff:accounts.passwordHint')}
          issue={form.issueFor('password')}
        >
          <input
            id="staff-password"
            type="password"
            value={draft.password}
            onChange={(e) => set('password')(e.target.value)}
            autoComplete="new-password"
          />
        </Field>
        <Field id="staff-pin" label={t('staff:accounts.pin')} hint={t('staff:accounts.pinHint')} issue={form.issueFor('pin')}>
          <input
            id="staff-pin"
            type="password"
            inputMode="numeric"
            value={draft.pin}
            onChange={(e) => set('pin')(e.target.value)}
            autoComplete="off"
          />
        </Field>
        <div className="form-grid__full">
          <ErrorBanner code={form.errorCode} />
          {created ? (
            <p role="status" className="success">
              {t('staff:accounts.created', { username: created.username })}
            </p>
          ) : null}
          <button type="submit" className="primary" disabled={form.busy}>
            {t('staff:accounts.submit')}
          </button>
        </div>
      </form>
    </section>
  );
}
