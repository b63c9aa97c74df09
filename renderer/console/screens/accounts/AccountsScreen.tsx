import { useState, type FormEvent } from 'react';
import type { ConsoleFieldIssue } from '../../../../shared/console/errors';
import { consoleRoles, type ConsoleRole } from '../../../../shared/console/roles';
import type { ConsoleAccountView, ConsoleSessionView } from '../../../../shared/console/values';
import { ConfirmPrompt, useConfirmStep } from '../../../components/ConfirmPrompt';
import { useFormatDateTime } from '../../../hooks/useFormatDateTime';
import { ConsoleApiError, consoleCall, failureOf, type ConsoleFailure } from '../../api/client';
import { useConsoleT } from '../../i18n';
import { ConsoleErrorBanner } from '../../parts/ConsoleErrorBanner';
import { useConsoleLoad } from '../../parts/useConsoleLoad';

/** What the last action on the screen came to: a confirmation to read, or a refusal. */
type Outcome = { done: string } | { error: ConsoleFailure; issues: ConsoleFieldIssue[] } | null;

function refusal(failure: unknown): Outcome {
  return { error: failureOf(failure), issues: failure instanceof ConsoleApiError ? failure.issues : [] };
}

/** The administrator's accounts screen: every account, a new one with a temporary password, disable, reset. */
export function AccountsScreen({ session }: { session: ConsoleSessionView }) {
  const { t } = useConsoleT();
  const formatDateTime = useFormatDateTime();
  const load = useConsoleLoad(() => consoleCall('accounts:list'), 'accounts');
  const [outcome, setOutcome] = useState<Outcome>(null);
  const [resetting, setResetting] = useState<ConsoleAccountView | null>(null);
  /** The account whose disabling waits for the question to be answered. */
  const [disabling, setDisabling] = useState<ConsoleAccountView | null>(null);

  /** Runs one change; whether it went through (a refusal stays on screen). */
  async function act(run: () => Promise<string>): Promise<boolean> {
    try {
      setOutcome({ done: await run() });
      load.reload();
      return true;
    } catch (failure) {
      setOutcome(refusal(failure));
      return false;
    }
  }

  const toggle = (account: ConsoleAccountView) =>
    act(async () => {
      const changed = await consoleCall('accounts:disable', { accountId: account.id, disabled: !account.disabled });
      return changed.disabled ? t('consoleAccounts:disabledDone', { username: changed.username }) : t('consoleAccounts:enabledDone', { username: changed.username });
    });
  // Disabling ends the account's sessions at once, so it asks first; enabling again runs straight away.
  const disableStep = useConfirmStep(async () => {
    if (disabling) await toggle(disabling);
    setDisabling(null);
  });

  function stateOf(account: ConsoleAccountView): string {
    const states = [account.disabled ? t('consoleAccounts:list.disabled') : t('consoleAccounts:list.enabled')];
    if (account.locked) states.push(t('consoleAccounts:list.locked'));
    if (account.mustChangePassword) states.push(t('consoleAccounts:list.mustChange'));
    return states.join(' · ');
  }

  return (
    <section className="panel panel--wide console-screen">
      <h1>{t('consoleAccounts:title')}</h1>
      <p className="lead">{t('consoleAccounts:intro')}</p>
      {outcome && 'done' in outcome ? (
        <p className="console-done" role="status">
          {outcome.done}
        </p>
      ) : null}
      {outcome && 'error' in outcome ? <ConsoleErrorBanner code={outcome.error} issues={outcome.issues} /> : null}
      <ConsoleErrorBanner code={load.error} />
      {load.data ? (
        <table className="data-table" aria-label={t('consoleAccounts:list.caption')}>
          <thead>
            <tr>
              <th>{t('consoleAccounts:list.username')}</th>
              <th>{t('consoleAccounts:list.displayName')}</th>
              <th>{t('consoleAccounts:list.role')}</th>
              <th>{t('consoleAccounts:list.state')}</th>
              <th>{t('consoleAccounts:list.createdAt')}</th>
              <th>{t('consoleAccounts:list.actions')}</th>
            </tr>
          </thead>
          <tbody>
            {load.data.accounts.map((account) => (
              <tr key={account.id} data-testid={`account-${account.username}`}>
                <td className="mono">{account.username}</td>
                <td>{account.displayName}</td>
                <td>{t(`console:role.${account.role}`)}</td>
                <td data-testid="account-state">{stateOf(account)}</td>
                <td className="nowrap">{formatDateTime(account.createdAt)}</td>
                <td className="console-actions">
                  {disableStep.confirming && disabling?.id === account.id ? (
                    <ConfirmPrompt
                      id={`disable-${account.username}`}
                      text={t('consoleAccounts:disable.confirm', { username: account.username })}
                      yes={t('consoleAccounts:disable.confirmYes')}
                      no={t('consoleAccounts:disable.confirmNo')}
                      onYes={disableStep.confirm}
                      onNo={() => {
                        disableStep.cancel();
                        setDisabling(null);
                      }}
                    />
                  ) : (
                    <>
                      {account.id === session.accountId ? null : account.disabled ? (
                        <button type="button" className="small" onClick={() => void toggle(account)}>
                          {t('consoleAccounts:list.enable')}
                        </button>
                      ) : (
                        <button
                          type="button"
                          className="small"
                          onClick={(event) => {
                            setDisabling(account);
                            disableStep.ask(event);
                          }}
                        >
                          {t('consoleAccounts:list.disable')}
                        </button>
                      )}
                      <button type="button" className="small" onClick={() => setResetting(account)}>
                        {t('consoleAccounts:list.resetPassword')}
                      </button>
                    </>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
      {resetting ? (
        <ResetPasswordForm
          account={resetting}
          onCancel={() => setResetting(null)}
          onReset={(password) =>
            act(async () => {
              const reset = await consoleCall('accounts:resetPassword', { accountId: resetting.id, password });
              setResetting(null);
              return t('consoleAccounts:reset.done', { username: reset.username });
            })
          }
        />
      ) : null}
      <CreateAccountForm
        onCreate={(input) =>
          act(async () => {
            const created = await consoleCall('accounts:create', input);
            return t('consoleAccounts:create.done', { username: created.username });
          })
        }
      />
    </section>
  );
}

interface NewAccount {
  username: string;
  displayName: string;
  role: ConsoleRole;
  password: string;
}

/** A new account: username, name, role and the temporary password its owner replaces at the first sign-in. */
function CreateAccountForm({ onCreate }: { onCreate: (account: NewAccount) => Promise<boolean> }) {
  const { t } = useConsoleT();
  const empty: NewAccount = { username: '', displayName: '', role: 'analyst', password: '' };
  const [account, setAccount] = useState<NewAccount>(empty);
  const set = (change: Partial<NewAccount>) => setAccount((current) => ({ ...current, ...change }));

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (await onCreate(account)) setAccount(empty);
  }

  return (
    <form className="console-form" aria-labelledby="create-account-title" onSubmit={(event) => void submit(event)}>
      <h2 id="create-account-title">{t('consoleAccounts:create.title')}</h2>
      <div className="field">
        <label htmlFor="new-username">{t('consoleAccounts:create.username')}</label>
        <input id="new-username" value={account.username} onChange={(event) => set({ username: event.target.value })} required autoComplete="off" />
        <small className="field__hint">{t('consoleAccounts:create.usernameHint')}</small>
      </div>
      <div className="field">
        <label htmlFor="new-display-name">{t('consoleAccounts:create.displayName')}</label>
        <input id="new-display-name" value={account.displayName} onChange={(event) => set({ displayName: event.target.value })} required autoComplete="off" />
      </div>
      <div className="field">
        <label htmlFor="new-role">{t('consoleAccounts:create.role')}</label>
        <select id="new-role" value={account.role} onChange={(event) => set({ role: event.target.value as ConsoleRole })}>
          {consoleRoles.map((role) => (
            <option key={role} value={role}>
              {t(`console:role.${role}`)}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor="new-password">{t('consoleAccounts:create.password')}</label>
        <input id="new-password" type="password" value={account.password} onChange={(event) => set({ password: event.target.value })} required autoComplete="new-password" />
        <small className="field__hint">{t('consoleAccounts:create.passwordHint')}</small>
      </div>
      <button type="submit" className="primary">
        {t('consoleAccounts:create.submit')}
      </button>
    </form>
  );
}

/** A new temporary password for one account (its sessions end; its owner replaces it at the next sign-in). */
function ResetPasswordForm({ account, onReset, onCancel }: { account: ConsoleAccountView; onReset: (password: string) => Promise<boolean>; onCancel: () => void }) {
  const { t } = useConsoleT();
  const [password, setPassword] = useState('');
  return (
    <form
      className="console-form"
      aria-labelledby="reset-password-title"
      onSubmit={(event) => {
        event.preventDefault();
        void onReset(password);
      }}
    >
      <h2 id="reset-password-title">{t('consoleAccounts:reset.title', { username: account.username })}</h2>
      <div className="field">
        <label htmlFor="reset-password">{t('consoleAccounts:reset.password')}</label>
        <input id="reset-password" type="password" value={password} onChange={(event) => setPassword(event.target.value)} required autoComplete="new-password" />
        <small className="field__hint">{t('consoleAccounts:create.passwordHint')}</small>
      </div>
      <div className="console-actions">
        <button type="submit" className="primary">
          {t('consoleAccounts:reset.submit')}
        </button>
        <button type="button" onClick={onCancel}>
          {t('consoleAccounts:reset.cancel')}
        </button>
      </div>
    </form>
  );
}
