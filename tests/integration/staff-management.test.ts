import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openTempStation, sampleAdmin, sampleSetup } from '../fixtures/temp-station';

type TempStation = Awaited<ReturnType<typeof openTempStation>>;

let station: TempStation;
const admin = { sessionKey: 'admin-window' };
const desk = { sessionKey: 'registrar-desk' };
const registrar = { username: 'li.registrar', displayName: '李登记', role: 'registrar', password: 'registrar pass 1', pin: '1357' } as const;
let registrarId: string;
let adminId: string;

beforeEach(async () => {
  station = await openTempStation();
  await station.dispatch('station:setup', sampleSetup, admin);
  const created = await station.dispatch('staff:create', registrar, admin);
  registrarId = (created as { data: { id: string } }).data.id;
  adminId = (station.connection.sqlite.prepare("select id from staff where username = 'admin'").get() as { id: string }).id;
});
afterEach(async () => {
  await station.remove();
});

function auditOf(action: string): Array<{ actor_id: string | null; object_id: string | null; detail: string | null }> {
  return station.connection.sqlite
    .prepare('select actor_id, object_id, detail from audit_log where action = ? order by seq')
    .all(action) as Array<{ actor_id: string | null; object_id: string | null; detail: string | null }>;
}

async function signIn(caller: { sessionKey: string }, username: string, password: string) {
  return station.dispatch('session:login', { username, password }, caller);
}

describe('disabling an account', () => {
  it('ends its open sessions at once and answers its sign-in as an unknown user is answered', async () => {
    expect(await signIn(desk, registrar.username, registrar.password)).toMatchObject({ ok: true, data: { role: 'registrar' } });
    expect(await station.dispatch('registration:search', { query: '李' }, desk)).toMatchObject({ ok: true });

    const disabled = await station.dispatch('staff:setActive', { staffId: registrarId, active: false }, admin);
    expect(disabled).toMatchObject({ ok: true, data: { username: registrar.username, active: false } });
    expect(await station.dispatch('registration:search', { query: '李' }, desk)).toMatchObject({ ok: false, error: { code: 'not_signed_in' } });
    expect(await station.dispatch('session:get', undefined, desk)).toMatchObject({ ok: true, data: { role: 'kiosk', staff: null } });

    const refused = await signIn({ sessionKey: 'other' }, registrar.username, registrar.password);
    const unknown = await signIn({ sessionKey: 'third' }, 'nobody.here', registrar.password);
    expect(refused).toEqual(unknown);
    expect(refused).toMatchObject({ ok: false, error: { code: 'login_failed' } });
    expect(auditOf('account_disable')).toEqual([{ actor_id: adminId, object_id: registrarId, detail: null }]);
    expect(auditOf('login_failed').map((row) => row.detail)).toContain(JSON.stringify({ reason: 'account_disabled' }));
  });

  it('can be undone: a re-enabled account signs in again', async () => {
    await station.dispatch('staff:setActive', { staffId: registrarId, active: false }, admin);
    expect(await station.dispatch('staff:setActive', { staffId: registrarId, active: true }, admin)).toMatchObject({ ok: true, data: { active: true } });
    expect(await signIn(desk, registrar.username, registrar.password)).toMatchObject({ ok: true, data: { role: 'registrar' } });
    expect(auditOf('account_enable')).toHaveLength(1);
    const listed = await station.dispatch('staff:list', undefined, admin);
    expect(listed).toMatchObject({ ok: true, data: { accounts: [{ username: 'admin', active: true }, { username: registrar.username, active: true }] } });
  });

  it('is refused for anyone but an administrator', async () => {
    await signIn(desk, registrar.username, registrar.password);
    expect(await station.dispatch('staff:setActive', { staffId: adminId, active: false }, desk)).toMatchObject({ ok: false, error: { code: 'forbidden' } });
  });
});

describe('the last active administrator', () => {
  it('can be neither disabled nor demoted, and can once another administrator is active', async () => {
    expect(await station.dispatch('staff:setActive', { staffId: adminId, active: false }, admin)).toMatchObject({ ok: false, error: { code: 'last_admin' } });
    expect(await station.dispatch('staff:setRole', { staffId: adminId, role: 'supervisor' }, admin)).toMatchObject({ ok: false, error: { code: 'last_admin' } });

    // A second administrator who is disabled does not count.
    await station.dispatch('staff:setRole', { staffId: registrarId, role: 'admin' }, admin);
    await station.dispatch('staff:setActive', { staffId: registrarId, active: false }, admin);
    expect(await station.dispatch('staff:setRole', { staffId: adminId, role: 'supervisor' }, admin)).toMatchObject({ ok: false, error: { code: 'last_admin' } });

    await station.dispatch('staff:setActive', { staffId: registrarId, active: true }, admin);
    expect(await station.dispatch('staff:setRole', { staffId: adminId, role: 'supervisor' }, admin)).toMatchObject({ ok: true, data: { role: 'supervisor' } });
    // The demoted administrator's own session ended with the change.
    expect(await station.dispatch('staff:list', undefined, admin)).toMatchObject({ ok: false, error: { code: 'not_signed_in' } });
    expect(station.connection.sqlite.prepare("select count(*) as n from staff where role = 'admin' and active = 1").get()).toEqual({ n: 1 });
  });
});

describe('changing a role', () => {
  it('applies from the next sign-in: open sessions end, and the change is audited with both roles', async () => {
    await signIn(desk, registrar.username, registrar.password);
    expect(await station.dispatch('staff:setRole', { staffId: registrarId, role: 'auditor' }, admin)).toMatchObject({ ok: true, data: { role: 'auditor' } });
    expect(await station.dispatch('session:get', undefined, desk)).toMatchObject({ data: { role: 'kiosk' } });
    expect(await signIn(desk, registrar.username, registrar.password)).toMatchObject({ ok: true, data: { role: 'auditor' } });
    expect(await station.dispatch('registration:search', { query: '李' }, desk)).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(auditOf('account_role_change')).toEqual([{ actor_id: adminId, object_id: registrarId, detail: JSON.stringify({ from: 'registrar', to: 'auditor' }) }]);
  });
});

describe('unlocking an account', () => {
  it('lets a locked account sign in before its lock runs out', async () => {
    for (let attempt = 0; attempt < 5; attempt += 1) await signIn({ sessionKey: `guess-${attempt}` }, registrar.username, 'not the password');
    expect(await signIn(desk, registrar.username, registrar.password)).toMatchObject({ ok: false, error: { code: 'login_failed' } });
    const listed = await station.dispatch('staff:list', undefined, admin);
    expect((listed as { data: { accounts: Array<{ lockedUntil: string | null }> } }).data.accounts[1]?.lockedUntil).not.toBeNull();

    expect(await station.dispatch('staff:unlock', { staffId: registrarId }, admin)).toMatchObject({ ok: true, data: { lockedUntil: null } });
    expect(await signIn(desk, registrar.username, registrar.password)).toMatchObject({ ok: true });
    expect(auditOf('account_unlock')).toEqual([{ actor_id: adminId, object_id: registrarId, detail: null }]);
  });
});

describe('a reset password or PIN', () => {
  it('must be replaced at the next sign-in, and nothing else goes through until it is', async () => {
    await signIn(desk, registrar.username, registrar.password);
    const reset = await station.dispatch('staff:resetSecret', { staffId: registrarId, secret: 'password', newValue: 'temporary pass 7' }, admin);
    expect(reset).toMatchObject({ ok: true, data: { mustChange: ['password'] } });
    expect(await station.dispatch('session:get', undefined, desk)).toMatchObject({ data: { role: 'kiosk' } });
    expect(await signIn(desk, registrar.username, registrar.password)).toMatchObject({ ok: false, error: { code: 'login_failed' } });

    expect(await signIn(desk, registrar.username, 'temporary pass 7')).toMatchObject({ ok: true, data: { role: 'registrar', mustChange: ['password'] } });
    expect(await station.dispatch('registration:search', { query: '李' }, desk)).toMatchObject({ ok: false, error: { code: 'secret_change_required' } });
    expect(await station.dispatch('session:changePassword', { current: 'temporary pass 7', next: 'temporary pass 7' }, desk)).toMatchObject({
      ok: false,
      error: { code: 'secret_unchanged' },
    });
    expect(await station.dispatch('session:changePassword', { current: 'temporary pass 7', next: 'my own passphrase' }, desk)).toMatchObject({
      ok: true,
      data: { mustChange: [] },
    });
    expect(await station.dispatch('registration:search', { query: '李' }, desk)).toMatchObject({ ok: true });
    await station.dispatch('session:logout', undefined, desk);
    expect(await signIn(desk, registrar.username, 'my own passphrase')).toMatchObject({ ok: true, data: { mustChange: [] } });
    expect(auditOf('secret_reset')).toEqual([{ actor_id: adminId, object_id: registrarId, detail: JSON.stringify({ secret: 'password' }) }]);
    expect(auditOf('secret_change')).toEqual([{ actor_id: registrarId, object_id: registrarId, detail: JSON.stringify({ secret: 'password' }) }]);
  });

  it('of the PIN works the same way, and the temporary PIN reopens a locked screen', async () => {
    await station.dispatch('staff:resetSecret', { staffId: registrarId, secret: 'pin', newValue: '２４６８' }, admin);
    expect(await signIn(desk, registrar.username, registrar.password)).toMatchObject({ ok: true, data: { mustChange: ['pin'] } });
    expect(await station.dispatch('documents:list', {}, desk)).toMatchObject({ ok: false, error: { code: 'secret_change_required' } });
    expect(await station.dispatch('session:changePin', { current: registrar.pin, next: '9090' }, desk)).toMatchObject({
      ok: false,
      error: { code: 'current_secret_incorrect' },
    });
    expect(await station.dispatch('session:changePin', { current: '2468', next: '９０９０' }, desk)).toMatchObject({ ok: true, data: { mustChange: [] } });
    await station.dispatch('session:lock', undefined, desk);
    expect(await station.dispatch('session:unlock', { pin: '9090' }, desk)).toMatchObject({ ok: true, data: { locked: false } });
    expect(await station.dispatch('documents:list', {}, desk)).toMatchObject({ ok: true });
  });
});

describe('changing one’s own password and PIN', () => {
  it('needs the current one, counts wrong guesses towards the lockout, and is audited', async () => {
    await signIn(desk, registrar.username, registrar.password);
    for (let attempt = 0; attempt < 4; attempt += 1) {
      expect(await station.dispatch('session:changePassword', { current: 'a wrong guess', next: 'my own passphrase' }, desk)).toMatchObject({
        ok: false,
        error: { code: 'current_secret_incorrect' },
      });
    }
    expect(await station.dispatch('session:changePassword', { current: 'a wrong guess', next: 'my own passphrase' }, desk)).toMatchObject({
      ok: false,
      error: { code: 'account_locked' },
    });
    expect(await station.dispatch('session:get', undefined, desk)).toMatchObject({ data: { role: 'kiosk' } });
    expect(auditOf('secret_change_failed')).toHaveLength(5);

    await station.dispatch('staff:unlock', { staffId: registrarId }, admin);
    await signIn(desk, registrar.username, registrar.password);
    expect(await station.dispatch('session:changePin', { current: registrar.pin, next: '8080' }, desk)).toMatchObject({ ok: true });
    await station.dispatch('session:lock', undefined, desk);
    expect(await station.dispatch('session:unlock', { pin: registrar.pin }, desk)).toMatchObject({ ok: false, error: { code: 'pin_incorrect' } });
    expect(await station.dispatch('session:unlock', { pin: '8080' }, desk)).toMatchObject({ ok: true });
    expect(auditOf('secret_change')).toEqual([{ actor_id: registrarId, object_id: registrarId, detail: JSON.stringify({ secret: 'pin' }) }]);
  });

  it('is open to every staff role, administrator included', async () => {
    expect(await station.dispatch('session:changePassword', { current: sampleAdmin.password, next: 'a new admin passphrase' }, admin)).toMatchObject({ ok: true });
    await station.dispatch('session:logout', undefined, admin);
    expect(await signIn(admin, 'admin', 'a new admin passphrase')).toMatchObject({ ok: true, data: { role: 'admin' } });
  });
});

describe('password rules (M1)', () => {
  const issues = (result: unknown) => (result as { error: { issues: Array<{ path: string; reason: string }> } }).error.issues;

  it('refuse a password of spaces only and a short one, at creation, at a reset and at one’s own change', async () => {
    const created = await station.dispatch('staff:create', { ...registrar, username: 'reg.1', password: '        ' }, admin);
    expect(created).toMatchObject({ ok: false, error: { code: 'validation_failed' } });
    expect(issues(created)).toEqual([{ path: 'password', reason: 'password_too_short' }]);
    const padded = await station.dispatch('staff:create', { ...registrar, username: 'reg.1', password: '      short pw      ' }, admin);
    expect(issues(padded)).toEqual([{ path: 'password', reason: 'password_too_short' }]);
    expect(station.connection.sqlite.prepare("select count(*) as n from staff where username = 'reg.1'").get()).toEqual({ n: 0 });

    const reset = await station.dispatch('staff:resetSecret', { staffId: registrarId, secret: 'password', newValue: ' '.repeat(16) }, admin);
    expect(issues(reset)).toEqual([{ path: 'newValue', reason: 'password_too_short' }]);

    await signIn(desk, registrar.username, registrar.password);
    const own = await station.dispatch('session:changePassword', { current: registrar.password, next: '\t'.repeat(12) }, desk);
    expect(issues(own)).toEqual([{ path: 'next', reason: 'password_too_short' }]);
    expect(await signIn({ sessionKey: 'check' }, registrar.username, registrar.password)).toMatchObject({ ok: true });
  });
});
