import { useState, type FormEvent } from 'react';
import { useT } from '../../i18n/index';
import type { CallOutput } from '../../../shared/contract/calls';
import type { ErrorCode, FieldIssue } from '../../../shared/contract/errors';
import { staffRoles, type StaffRole } from '../../../shared/domain/roles';
import type { SecretKind } from '../../../shared/validation/staff';
import { asApiError, call } from '../../api/client';
import { ConfirmPrompt, useConfirmStep } from '../../components/ConfirmPrompt';
import { ErrorBanner } from '../../components/ErrorBanner';
import { Field } from '../../components/Field';
import { useRoleName } from '../../hooks/useRoleName';

type Account = CallOutput<'staff:create'>;

type Done = 'disabled' | 'enabled' | 'roleChanged' | 'unlocked' | 'passwordReset' | 'pinReset';

interface Outcome {
  errorCode: ErrorCode | null;
  issues: FieldIssue[];
  /** What was just done, for the sentence that says so. */
  done: Done | null;
}

const noOutcome: Outcome = { errorCode: null, issues: [], done: null };

/**
 * The administrator's actions on one account: disable or re-enable it (asked once more before disabling),
 * change its role, lift a lock, and set a temporary password or PIN the person must replace.
 */
export function AccountActions({ account, onChanged }: { account: Account; onChanged: (account: Account) => void }) {
  const { t } = useT();
  const roleName = useRoleName();
  const [role, setRole] = useState<StaffRole>(account.role);
  const [temporary, setTemporary] = useState<Record<SecretKind, string>>({ password: '', pin: '' });
  const [lastReset, setLastReset] = useState<SecretKind | null>(null);
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<Outcome>(noOutcome);

  async function run(done: Done, action: () => Promise<Account>): Promise<void> {
    setBusy(true);
    setOutcome(noOutcome);
    try {
      const updated = await action();
      setOutcome({ ...noOutcome, done });
      onChanged(updated);
    } catch (error) {
      const apiError = asApiError(error);
      setOutcome({ errorCode: apiError.code, issues: apiError.issues, done: null });
    } finally {
      setBusy(false);
    }
  }

  const disabling = useConfirmStep(() => run('disabled', () => call('staff:setActive', { staffId: account.id, active: false })));
  const enable = (event: FormEvent) => {
    event.preventDefault();
    void run('enabled', () => call('staff:setActive', { staffId: account.id, active: true }));
  };
  const changeRole = (event: FormEvent) => {
    event.preventDefault();
    void run('roleChanged', () => call('staff:setRole', { staffId: account.id, role }));
  };
  const reset = (kind: SecretKind) => (event: FormEvent) => {
    event.preventDefault();
    setLastReset(kind);
    void run(kind === 'password' ? 'passwordReset' : 'pinReset', async () => {
      const newValue = temporary[kind];
      const updated =
        kind === 'password'
          ? await call('staff:resetSecret', { staffId: account.id, secret: 'password', newValue })
          : await call('staff:resetSecret', { staffId: account.id, secret: 'pin', newValue });
      setTemporary((current) => ({ ...current, [kind]: '' }));
      return updated;
    });
  };

  const id = `manage-${account.username}`;
  return (
    <section aria-labelledby={`${id}-title`} data-testid="account-actions">
      <h2 id={`${id}-title`}>{t('staff:manage.title', { username: account.username })}</h2>

      {account.active ? (
        <form onSubmit={disabling.ask}>
          <p>{t('staff:manage.activeHint')}</p>
          <button type="submit" className="danger" disabled={busy || disabling.confirming}>
            {t('staff:manage.disable')}
          </button>
          {disabling.confirming ? (
            <ConfirmPrompt
              id={`${id}-disable`}
              text={t('staff:manage.disableConfirm', { username: account.username })}
              yes={t('staff:manage.disableYes')}
              no={t('staff:manage.disableNo')}
              onYes={disabling.confirm}
              onNo={disabling.cancel}
            />
          ) : null}
        </form>
      ) : (
        <form onSubmit={enable}>
          <p>{t('staff:manage.disabledHint')}</p>
          <button type="submit" disabled={busy}>
            {t('staff:manage.enable')}
          </button>
        </form>
      )}

      <form onSubmit={changeRole} className="form-grid">
        <Field id={`${id}-role`} label={t('staff:accounts.role')}>
          <select id={`${id}-role`} value={role} onChange={(e) => setRole(e.target.value as StaffRole)}>
            {staffRoles.map((option) => (
              <option key={option} value={option}>
                {roleName(option)}
              </option>
            ))}
          </select>
        </Field>
        <div className="form-grid__full">
          <button type="submit" disabled={busy || role === account.role}>
            {t('staff:manage.changeRole')}
          </button>
        </div>
      </form>

      {account.lockedUntil ? (
        <button type="button" disabled={busy} onClick={() => void run('unlocked', () => call('staff:unlock', { staffId: account.id }))}>
          {t('staff:manage.unlock')}
        </button>
      ) : null}

      {(['password', 'pin'] as const).map((kind) => (
        <form key={kind} onSubmit={reset(kind)} className="form-grid">
          <Field
            id={`${id}-reset-${kind}`}
            label={t(`staff:manage.${kind}Temporary`)}
            hint={t('staff:manage.temporaryHint')}
            issue={lastReset === kind ? outcome.issues.find((issue) => issue.path === 'newValue') : undefined}
          >
            <input
              id={`${id}-reset-${kind}`}
              type="password"
              inputMode={kind === 'pin' ? 'numeric' : undefined}
              value={temporary[kind]}
              onChange={(e) => setTemporary((current) => ({ ...current, [kind]: e.target.value }))}
              autoComplete="new-password"
            />
          </Field>
          <div className="form-grid__full">
            <button type="submit" disabled={busy}>
              {t(`staff:manage.${kind}Reset`)}
            </button>
          </div>
        </form>
      ))}

      <ErrorBanner code={outcome.errorCode} />
      {outcome.done ? (
        <p role="status" className="success">
          {t(`staff:manage.done.${outcome.done}`, { username: account.username })}
        </p>
      ) : null}
    </section>
  );
}
