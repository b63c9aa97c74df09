import { expect, it } from 'vitest';
import { sessionByToken } from '../../hub/console/sessions';
import { PROVINCE } from './support/batches';
import { describeOnBothEngines } from './support/both-engines';
import { auditActions, consoleFixture, FIXTURE_PASSWORD } from './support/console';

const MINUTE = 60_000;

function tokenOf(answer: { cookie: unknown }): string {
  const cookie = answer.cookie as { set?: string } | null;
  if (!cookie?.set) throw new Error('no session was issued');
  return cookie.set;
}

describeOnBothEngines('the console: signing in, sessions and passwords', (open) => {
  it('signs in with the right password (any case of the username), not with a wrong one or an unknown name, and signs out', async () => {
    const fixture = await consoleFixture(await open());
    const wrong = await fixture.call('session:signIn', { username: 'analyst-one', password: 'not the password' }, null);
    expect(wrong).toEqual({ result: { ok: false, error: { code: 'sign_in_failed' } }, cookie: null });
    const unknown = await fixture.call('session:signIn', { username: 'nobody', password: FIXTURE_PASSWORD }, null);
    expect(unknown.result).toEqual({ ok: false, error: { code: 'sign_in_failed' } });

    const right = await fixture.call('session:signIn', { username: ' Analyst-One ', password: FIXTURE_PASSWORD }, null);
    expect(right.result).toMatchObject({ ok: true, data: { username: 'analyst-one', role: 'analyst', mustChangePassword: false, idleMinutes: 15 } });
    const token = tokenOf(right);
    // The database holds the token's hash only.
    const stored = await fixture.hub.db.selectFrom('console_session').selectAll().execute();
    expect(JSON.stringify(stored)).not.toContain(token);
    expect(await fixture.call('session:current', undefined, token)).toMatchObject({ result: { ok: true, data: { username: 'analyst-one' } } });

    expect(await fixture.call('session:signOut', undefined, token)).toEqual({ result: { ok: true, data: null }, cookie: { clear: true } });
    expect((await fixture.call('session:current', undefined, token)).result).toEqual({ ok: false, error: { code: 'not_signed_in' } });
    expect(await auditActions(fixture.hub)).toEqual(['session:signInFailed', 'session:signInFailed', 'session:signIn', 'session:signOut']);
    // A failure names the account by id, never the username typed.
    const details = await fixture.hub.db.selectFrom('console_audit').select(['subject', 'detail']).orderBy('seq').execute();
    expect(details[0]).toEqual({ subject: `account:${fixture.accounts.analyst.id}`, detail: '{"reason":"wrong_password"}' });
    expect(details[1]).toEqual({ subject: null, detail: '{"reason":"unknown_account"}' });
  });

  it('locks an account after five failures in a row (audited), even against the right password, until the lock ends', async () => {
    const fixture = await consoleFixture(await open());
    const attempt = (password: string) => fixture.call('session:signIn', { username: 'reviewer-one', password }, null);
    for (let failure = 1; failure <= 4; failure += 1) expect((await attempt('wrong guess')).result).toEqual({ ok: false, error: { code: 'sign_in_failed' } });
    expect((await attempt('wrong guess')).result).toEqual({ ok: false, error: { code: 'account_locked' } });
    expect((await attempt(FIXTURE_PASSWORD)).result).toEqual({ ok: false, error: { code: 'account_locked' } });
    expect((await auditActions(fixture.hub)).slice(4)).toEqual(['session:signInFailed', 'account:locked', 'session:signInFailed']);

    fixture.advance(15 * MINUTE + 1);
    expect((await attempt(FIXTURE_PASSWORD)).result).toMatchObject({ ok: true });
  });

  it('refuses a disabled account, and ends its sessions when it is disabled', async () => {
    const fixture = await consoleFixture(await open());
    const spareSession = tokenOf(await fixture.call('session:signIn', { username: 'spare-one', password: FIXTURE_PASSWORD }, null));
    const admin = await fixture.sessionOf('administrator');
    expect((await fixture.call('accounts:disable', { accountId: fixture.spare.id }, admin)).result).toMatchObject({ ok: true, data: { disabled: true } });
    expect((await fixture.call('session:current', undefined, spareSession)).result).toEqual({ ok: false, error: { code: 'not_signed_in' } });
    expect((await fixture.call('session:signIn', { username: 'spare-one', password: FIXTURE_PASSWORD }, null)).result).toEqual({ ok: false, error: { code: 'account_disabled' } });
    expect((await fixture.call('accounts:disable', { accountId: fixture.spare.id, disabled: false }, admin)).result).toMatchObject({ ok: true, data: { disabled: false } });
    expect((await fixture.call('session:signIn', { username: 'spare-one', password: FIXTURE_PASSWORD }, null)).result).toMatchObject({ ok: true });
  });

  it('keeps the last enabled administrator', async () => {
    const fixture = await consoleFixture(await open());
    const admin = await fixture.sessionOf('administrator');
    const self = await fixture.call('accounts:disable', { accountId: fixture.accounts.administrator.id }, admin);
    expect(self.result).toEqual({ ok: false, error: { code: 'last_administrator' } });
    const created = await fixture.call('accounts:create', { username: 'second-admin', displayName: 'Second', role: 'administrator', password: 'a temporary password' }, admin);
    expect(created.result).toMatchObject({ ok: true, data: { role: 'administrator', mustChangePassword: true } });
    expect((await fixture.call('accounts:disable', { accountId: fixture.accounts.administrator.id }, admin)).result).toMatchObject({ ok: true });
    // The refused call left no entry: its work and its entry roll back together.
    expect(await auditActions(fixture.hub)).toEqual(['accounts:create', 'accounts:disable']);
  });

  it('a password set by an administrator must be replaced before anything else; the other sessions of the account end', async () => {
    const fixture = await consoleFixture(await open());
    const admin = await fixture.sessionOf('administrator');
    const taken = await fixture.call('accounts:create', { username: 'Analyst-One', displayName: 'Twin', role: 'analyst', password: 'a temporary password' }, admin);
    expect(taken.result).toEqual({ ok: false, error: { code: 'username_taken' } });
    const short = await fixture.call('accounts:create', { username: 'new-one', displayName: 'New', role: 'analyst', password: 'short' }, admin);
    expect(short.result).toEqual({ ok: false, error: { code: 'validation_failed', issues: [{ path: 'password', code: 'too_short' }] } });
    await fixture.call('accounts:create', { username: 'new-one', displayName: 'New', role: 'auditor', password: 'a temporary password' }, admin);

    const first = await fixture.call('session:signIn', { username: 'new-one', password: 'a temporary password' }, null);
    expect(first.result).toMatchObject({ ok: true, data: { mustChangePassword: true } });
    const token = tokenOf(first);
    const other = tokenOf(await fixture.call('session:signIn', { username: 'new-one', password: 'a temporary password' }, null));
    expect((await fixture.call('audit:list', {}, token)).result).toEqual({ ok: false, error: { code: 'password_change_required' } });
    expect((await fixture.call('audit:verify', undefined, token)).result).toEqual({ ok: false, error: { code: 'password_change_required' } });

    const unchanged = await fixture.call('session:changePassword', { currentPassword: 'a temporary password', newPassword: 'a temporary password' }, token);
    expect(unchanged.result).toEqual({ ok: false, error: { code: 'password_unchanged' } });
    const wrong = await fixture.call('session:changePassword', { currentPassword: 'not the current one', newPassword: 'my own long password' }, token);
    expect(wrong.result).toEqual({ ok: false, error: { code: 'current_password_incorrect' } });
    const changed = await fixture.call('session:changePassword', { currentPassword: 'a temporary password', newPassword: 'my own long password' }, token);
    expect(changed.result).toMatchObject({ ok: true, data: { mustChangePassword: false } });
    expect((await fixture.call('session:current', undefined, token)).result).toMatchObject({ ok: true, data: { mustChangePassword: false } });
    expect((await fixture.call('session:current', undefined, other)).result).toEqual({ ok: false, error: { code: 'not_signed_in' } });
    expect((await fixture.call('session:signIn', { username: 'new-one', password: 'my own long password' }, null)).result).toMatchObject({ ok: true });
  });

  it('ends a session idle longer than the setting, judged by the hub; a call keeps it alive; and ends any session after its hours', async () => {
    const fixture = await consoleFixture(await open(), { idleMinutes: 10, sessionHours: 1 });
    const token = tokenOf(await fixture.call('session:signIn', { username: 'auditor-one', password: FIXTURE_PASSWORD }, null));
    for (let step = 0; step < 5; step += 1) {
      fixture.advance(9 * MINUTE);
      expect((await fixture.call('audit:verify', undefined, token)).result).toMatchObject({ ok: true });
    }
    // 45 minutes in, busy all along; past the hour the session ends however busy it was.
    fixture.advance(9 * MINUTE);
    expect((await fixture.call('session:current', undefined, token)).result).toMatchObject({ ok: true });
    fixture.advance(9 * MINUTE);
    expect(await fixture.call('session:current', undefined, token)).toEqual({ result: { ok: false, error: { code: 'session_expired' } }, cookie: { clear: true } });

    const idle = tokenOf(await fixture.call('session:signIn', { username: 'auditor-one', password: FIXTURE_PASSWORD }, null));
    fixture.advance(10 * MINUTE + 1);
    expect((await fixture.call('session:current', undefined, idle)).result).toEqual({ ok: false, error: { code: 'session_expired' } });
    expect((await sessionByToken(fixture.hub.db, PROVINCE, idle))?.endedAt).not.toBeNull();
    // Ended, it stays ended.
    expect((await fixture.call('session:current', undefined, idle)).result).toEqual({ ok: false, error: { code: 'not_signed_in' } });
  });

  it('answers an unknown call and a malformed input with their codes', async () => {
    const fixture = await consoleFixture(await open());
    const token = await fixture.sessionOf('administrator');
    expect((await fixture.call('accounts:drop', undefined, token)).result).toEqual({ ok: false, error: { code: 'unknown_call' } });
    expect((await fixture.call('accounts:disable', { accountId: 'not-an-id' }, token)).result).toMatchObject({ ok: false, error: { code: 'validation_failed' } });
    expect((await fixture.call('accounts:disable', { accountId: '00000000-0000-4000-8000-000000000000' }, token)).result).toEqual({ ok: false, error: { code: 'not_found' } });
  });
});
