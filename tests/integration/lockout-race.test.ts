import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { callResult } from '../fixtures/dispatch';
import { secretChecks } from '../fixtures/counted-secrets';
import { openTempStation, sampleSetup } from '../fixtures/temp-station';

vi.mock('../../electron/security/secrets', async (original: () => Promise<typeof import('../../electron/security/secrets')>) =>
  (await import('../fixtures/counted-secrets')).countingChecks(await original()),
);

type TempStation = Awaited<ReturnType<typeof openTempStation>>;

let station: TempStation;
let now: Date;
const admin = { sessionKey: 'admin-window' };
const registrar = { username: 'li.registrar', displayName: '李登记', role: 'registrar', password: 'registrar pass 1', pin: '1357' } as const;
const PARALLEL = 50;

beforeEach(async () => {
  now = new Date('2026-04-04T09:00:00.000Z');
  station = await openTempStation({ clock: { now: () => now } });
  await callResult(station, 'station:setup', sampleSetup, admin);
  await callResult(station, 'session:login', { username: sampleSetup.admin.username, password: sampleSetup.admin.password }, admin);
  expect(await callResult(station, 'staff:create', registrar, admin)).toMatchObject({ ok: true });
});
afterEach(async () => {
  await station.remove();
});

function storedLock(): { failed_attempts: number; locked_until: string | null } {
  return station.connection.sqlite.prepare("select failed_attempts, locked_until from staff where username = 'li.registrar'").get() as {
    failed_attempts: number;
    locked_until: string | null;
  };
}

function errorCodes(results: Array<{ ok: boolean; error?: { code: string } }>): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const result of results) {
    const code = result.ok ? 'ok' : (result.error?.code ?? '?');
    counts[code] = (counts[code] ?? 0) + 1;
  }
  return counts;
}

/** Signs the registrar in on `count` desks and locks each screen, as a passer-by would find them. */
async function lockedDesks(count: number): Promise<Array<{ sessionKey: string }>> {
  const desks = Array.from({ length: count }, (_, index) => ({ sessionKey: `desk-${index}` }));
  for (const desk of desks) {
    expect(await callResult(station, 'session:login', { username: registrar.username, password: registrar.password }, desk)).toMatchObject({ ok: true });
    expect(await callResult(station, 'session:lock', undefined, desk)).toMatchObject({ ok: true, data: { locked: true } });
  }
  return desks;
}

describe('lockout under parallel attempts', () => {
  it('fifty parallel wrong passwords from fifty tabs: five are checked, the account locks, the right password is refused', async () => {
    secretChecks.count = 0;
    const results = await Promise.all(
      Array.from({ length: PARALLEL }, (_, index) =>
        callResult(station, 'session:login', { username: registrar.username, password: `guess ${index}` }, { sessionKey: `tab-${index}` }),
      ),
    );
    expect(errorCodes(results)).toEqual({ login_failed: PARALLEL });
    expect(secretChecks.count).toBe(5);
    expect(storedLock().locked_until).toBe('2026-04-04T09:15:00.000Z');

    const rightPassword = await callResult(station, 'session:login', { username: registrar.username, password: registrar.password }, { sessionKey: 'tab-late' });
    expect(rightPassword).toMatchObject({ ok: false, error: { code: 'login_failed' } });
    expect(secretChecks.count).toBe(5);

    now = new Date('2026-04-04T09:15:00.000Z');
    const afterLock = await callResult(station, 'session:login', { username: registrar.username, password: registrar.password }, { sessionKey: 'tab-later' });
    expect(afterLock).toMatchObject({ ok: true, data: { staff: { username: registrar.username } } });
    expect(storedLock()).toEqual({ failed_attempts: 0, locked_until: null });
  });

  it('fifty parallel wrong PINs from fifty locked desks: five are checked, the account locks, the right PIN is refused', async () => {
    const desks = await lockedDesks(PARALLEL);
    secretChecks.count = 0;
    const results = await Promise.all(desks.map((desk, index) => callResult(station, 'session:unlock', { pin: String(2000 + index) }, desk)));
    expect(errorCodes(results)).toEqual({ pin_incorrect: 4, account_locked: PARALLEL - 4 });
    expect(secretChecks.count).toBe(5);
    expect(storedLock().locked_until).toBe('2026-04-04T09:15:00.000Z');

    // A desk that only heard "wrong PIN" is still locked; the right PIN now ends its sign-in.
    const stillLocked = desks[results.findIndex((result) => !result.ok && result.error.code === 'pin_incorrect')]!;
    expect(await callResult(station, 'session:unlock', { pin: registrar.pin }, stillLocked)).toMatchObject({ ok: false, error: { code: 'account_locked' } });
    expect(secretChecks.count).toBe(5);
    expect(await callResult(station, 'session:get', undefined, stillLocked)).toMatchObject({ ok: true, data: { role: 'kiosk', staff: null } });
  }, 90_000); // fifty real sign-ins (scrypt) to prepare the desks, on a busy machine

  it('one session has one attempt in flight: the other forty-nine are refused at once, unchecked and uncounted', async () => {
    const [desk] = await lockedDesks(1);
    secretChecks.count = 0;
    const results = await Promise.all(Array.from({ length: PARALLEL }, (_, index) => callResult(station, 'session:unlock', { pin: String(3000 + index) }, desk!)));
    expect(errorCodes(results)).toEqual({ pin_incorrect: 1, try_again: PARALLEL - 1 });
    expect(secretChecks.count).toBe(1);
    expect(storedLock()).toEqual({ failed_attempts: 1, locked_until: null });

    // The next attempt, once the first has been answered, goes through.
    expect(await callResult(station, 'session:unlock', { pin: registrar.pin }, desk!)).toMatchObject({ ok: true, data: { locked: false } });
    expect(storedLock()).toEqual({ failed_attempts: 0, locked_until: null });
  });
});
