import { useCallback, useEffect, useState } from 'react';
import { useT } from '../../i18n/index';
import type { CallOutput } from '../../../shared/contract/calls';
import type { ErrorCode } from '../../../shared/contract/errors';
import { staffRoles, type StaffRole } from '../../../shared/domain/roles';
import { asApiError, call } from '../../api/client';
import { AccountFields, emptyAccountDraft } from '../../components/AccountFields';
import { ErrorBanner } from '../../components/ErrorBanner';
import { Field } from '../../components/Field';
import { useFormatDateTime } from '../../hooks/useFormatDateTime';
import { useRoleName } from '../../hooks/useRoleName';
import { useSubmit } from '../../hooks/useSubmit';
import { AccountActions } from './AccountActions';

type Account = CallOutput<'staff:create'>;

const emptyForm = { ...emptyAccountDraft, role: '' as StaffRole | '' };

/** The administrator's list of staff accounts, the actions on one of them, and the form that adds one. */
export function StaffAccountsScreen() {
  const { t } = useT();
  const formatDateTime = useFormatDateTime();
  const roleName = useRoleName();
  const [accounts, setAccounts] = useState<Account[] | null>(null);
  const [listError, setListError] = useState<ErrorCode | null>(null);
  const [draft, setDraft] = useState(emptyForm);
  const [created, setCreated] = useState<Account | null>(null);
  const [managedId, setManagedId] = useState<string | null>(null);
  const managed = accounts?.find((account) => account.id === managedId) ?? null;

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
              <th scope="col">{t('staff:accounts.status')}</th>
              <th scope="col">{t('staff:accounts.actions')}</th>
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
                <td>
                  {account.active ? t('staff:accounts.active') : t('staff:accounts.disabled')}
                  {account.mustChange.length > 0 ? ` · ${t('staff:accounts.mustChange')}` : null}
                </td>
                <td>
                  <button
                    type="button"
                    aria-pressed={managedId === account.id}
                    aria-label={t('staff:accounts.manageNamed', { username: account.username })}
                    onClick={() => setManagedId(managedId === account.id ? null : account.id)}
                  >
                    {t('staff:accounts.manage')}
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}

      {managed ? <AccountActions key={managed.id} account={managed} onChanged={() => void load()} /> : null}

      <h2 id="create-title">{t('staff:accounts.createTitle')}</h2>
      <form onSubmit={form.onSubmit} noValidate aria-labelledby="create-title" className="form-grid">
        <Field id="staff-role" label={t('staff:accounts.role')} issue={form.issueFor('role')}>
          <select id="staff-role" value={draft.role} onChange={(e) => setDraft((current) => ({ ...current, role: e.target.value as StaffRole }))}>
            <option value="">{t('common:choose')}</option>
            {staffRoles.map((role) => (
              <option key={role} value={role}>
                {roleName(role)}
              </option>
            ))}
          </select>
        </Field>
        <AccountFields
          idPrefix="staff"
          values={draft}
          onChange={(field, value) => setDraft((current) => ({ ...current, [field]: value }))}
          issueFor={form.issueFor}
          labels={{
            username: t('staff:accounts.username'),
            displayName: t('staff:accounts.displayName'),
            password: t('staff:accounts.password'),
            passwordHint: t('staff:accounts.passwordHint'),
            pin: t('staff:accounts.pin'),
            pinHint: t('staff:accounts.pinHint'),
          }}
        />
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
