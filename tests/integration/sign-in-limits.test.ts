import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { callResult } from '../fixtures/dispatch';
import { secretChecks } from '../fixtures/counted-secrets';
import { openTempStation, sampleAdmin, sampleSetup } from '../fixtures/temp-station';

vi.mock('../../electron/security/secrets', async (original: () => Promise<typeof import('../../electron/security/secrets')>) =>
  (await import('../fixtures/counted-secrets')).countingChecks(await original()),
);

let station: Awaited<ReturnType<typeof openTempStation>>;
let now: Date;
const desk = { sessionKey: 'desk' };
const ONE_MEGABYTE = 'x'.repeat(1024 * 1024);

beforeEach(async () => {
  now = new Date('2026-04-04T09:00:00.000Z');
  station = await openTempStation({ clock: { now: () => now } });
  await callResult(station, 'station:setup', sampleSetup, { sessionKey: 'setup' });
  secretChecks.count = 0;
});
afterEach(async () => {
  await station.remove();
});

function auditRows(): number {
  return (station.connection.sqlite.prepare('select count(*) as n from audit_log').get() as { n: number }).n;
}

function advanceSeconds(seconds: number): void {
  now = new Date(now.getTime() + seconds * 1000);
}

describe('secret inputs have a maximum length', () => {
  it('refuses a 1 MB password, username or PIN as invalid input, before any hash or audit row', async () => {
    const rowsBefore = auditRows();
    expect(await callResult(station, 'session:login', { username: sampleAdmin.username, password: ONE_MEGABYTE }, desk)).toMatchObject({
      ok: false,
      error: { code: 'validation_failed', issues: [{ path: 'password', reason: 'password_too_long' }] },
    });
    expect(await callResult(station, 'session:login', { username: ONE_MEGABYTE, password: 'anything' }, desk)).toMatchObject({
      ok: false,
      error: { code: 'validation_failed', issues: [{ path: 'username', reason: 'username_format' }] },
    });
    await callResult(station, 'session:login', { username: sampleAdmin.username, password: sampleAdmin.password }, desk);
    await callResult(station, 'session:lock', undefined, desk);
    const checksBeforePin = secretChecks.count;
    const rowsBeforePin = auditRows();
    expect(await callResult(station, 'session:unlock', { pin: '1'.repeat(1024 * 1024) }, desk)).toMatchObject({
      ok: false,
      error: { code: 'validation_failed', issues: [{ path: 'pin', reason: 'pin_format' }] },
    });
    expect(secretChecks.count - checksBeforePin).toBe(0);
    expect(auditRows()).toBe(rowsBeforePin);
    // Only the real sign-in and lock above were hashed and audited.
    expect(secretChecks.count).toBe(1);
    expect(auditRows()).toBe(rowsBefore + 2);
  });

  it('still takes the longest password an account can have, and answers a wrong one as wrong', async () => {
    const longest = 'p'.repeat(128);
    expect(await callResult(station, 'session:login', { username: sampleAdmin.username, password: longest }, desk)).toMatchObject({
      ok: false,
      error: { code: 'login_failed' },
    });
  });
});

describe('a session that keeps failing waits', () => {
  const wrongAttempt = (index: number) => callResult(station, 'session:login', { username: `nobody${index}`, password: 'guess' }, desk);

  it('after ten failures in a row, each further attempt waits longer, and is refused unhashed and unaudited until then', async () => {
    for (let index = 1; index <= 10; index += 1) {
      expect(await wrongAttempt(index)).toMatchObject({ ok: false, error: { code: 'login_failed' } });
    }
    const checks = secretChecks.count;
    const rows = auditRows();
    expect(await wrongAttempt(11)).toMatchObject({ ok: false, error: { code: 'try_again' } });
    // Even the right password waits: the session is throttled, whatever it tries.
    expect(await callResult(station, 'session:login', { username: sampleAdmin.username, password: sampleAdmin.password }, desk)).toMatchObject({
      ok: false,
      error: { code: 'try_again' },
    });
    expect(secretChecks.count).toBe(checks);
    expect(auditRows()).toBe(rows);
    // Another tab is not held up by this one.
    expect(await callResult(station, 'session:login', { username: 'nobody', password: 'guess' }, { sessionKey: 'other-tab' })).toMatchObject({
      error: { code: 'login_failed' },
    });

    advanceSeconds(1);
    expect(await wrongAttempt(12)).toMatchObject({ ok: false, error: { code: 'login_failed' } });
    advanceSeconds(1);
    expect(await wrongAttempt(13)).toMatchObject({ ok: false, error: { code: 'try_again' } });
    advanceSeconds(1);
    expect(await callResult(station, 'session:login', { username: sampleAdmin.username, password: sampleAdmin.password }, desk)).toMatchObject({
      ok: true,
      data: { staff: { username: sampleAdmin.username } },
    });
    // A success starts the count again.
    await callResult(station, 'session:logout', undefined, desk);
    for (let index = 1; index <= 10; index += 1) {
      expect(await wrongAttempt(index)).toMatchObject({ ok: false, error: { code: 'login_failed' } });
    }
  });
});
