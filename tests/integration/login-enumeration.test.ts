import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { callResult } from '../fixtures/dispatch';
import { openTempStation, sampleAdmin, sampleSetup } from '../fixtures/temp-station';

let station: Awaited<ReturnType<typeof openTempStation>>;
const now = new Date('2026-04-04T09:00:00.000Z');

beforeEach(async () => {
  station = await openTempStation({ clock: { now: () => now } });
  await callResult(station, 'station:setup', sampleSetup, { sessionKey: 'setup' });
});
afterEach(async () => {
  await station.remove();
});

function loginAudit(): Array<{ action: string; actor_id: string | null; detail: string | null }> {
  return station.connection.sqlite
    .prepare("select action, actor_id, detail from audit_log where action in ('login_failed', 'account_locked') order by seq")
    .all() as Array<{ action: string; actor_id: string | null; detail: string | null }>;
}

describe('sign-in does not tell which usernames exist', () => {
  it('answers a locked account exactly as an unknown user, from the fifth wrong password on, and audits the real reason', async () => {
    const attempt = (username: string, password: string, sessionKey: string) => callResult(station, 'session:login', { username, password }, { sessionKey });
    for (let index = 1; index <= 4; index += 1) await attempt(sampleAdmin.username, `wrong ${index}`, 'kiosk-a');

    const unknown = await attempt('nobody.here', 'wrong 5', 'kiosk-b');
    const lockingAttempt = await attempt(sampleAdmin.username, 'wrong 5', 'kiosk-c');
    const whileLocked = await attempt(sampleAdmin.username, sampleAdmin.password, 'kiosk-d');
    expect(unknown).toEqual({ ok: false, error: { code: 'login_failed', message: 'login_failed' } });
    expect(lockingAttempt).toEqual(unknown);
    expect(whileLocked).toEqual(unknown);

    const adminId = (station.connection.sqlite.prepare("select id from staff where username = 'admin'").get() as { id: string }).id;
    expect(loginAudit().slice(-4)).toEqual([
      { action: 'login_failed', actor_id: null, detail: null },
      { action: 'login_failed', actor_id: adminId, detail: null },
      { action: 'account_locked', actor_id: adminId, detail: null },
      { action: 'login_failed', actor_id: adminId, detail: JSON.stringify({ reason: 'account_locked' }) },
    ]);
  });
});
