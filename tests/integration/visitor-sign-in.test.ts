import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { kioskCaller, openTempStation, sampleAdmin, sampleSetup, sampleStation } from '../fixtures/temp-station';

type TempStation = Awaited<ReturnType<typeof openTempStation>>;

let station: TempStation;
const fixedNow = new Date('2026-04-04T09:30:00.000Z');
const logError = vi.fn();
const staffCaller = { sessionKey: 'staff-under-test' };

beforeEach(async () => {
  logError.mockClear();
  station = await openTempStation({ clock: { now: () => fixedNow }, logError });
});
afterEach(async () => {
  await station.remove();
});

function count(table: string): number {
  return (station.connection.sqlite.prepare(`select count(*) as n from ${table}`).get() as { n: number }).n;
}

describe('station setup', () => {
  it('is required before a visitor can sign in', async () => {
    const result = await station.dispatch('visitor:signIn', { partySize: 1, purpose: 'tour' }, kioskCaller);
    expect(result).toEqual({ ok: false, error: { code: 'station_not_set_up', message: 'station_not_set_up' } });
    expect(count('visitor_sign_in')).toBe(0);
  });

  it('is recorded once, with its first administrator signed in, and refused the second time', async () => {
    expect(await station.dispatch('station:get', undefined, kioskCaller)).toEqual({ ok: true, data: null });
    const first = await station.dispatch('station:setup', sampleSetup, staffCaller);
    expect(first).toEqual({
      ok: true,
      data: { ...sampleStation, createdAt: fixedNow.toISOString(), recovery: { code: expect.any(String), fingerprint: expect.any(String), createdAt: fixedNow.toISOString() } },
    });
    const session = await station.dispatch('session:get', undefined, staffCaller);
    expect(session).toMatchObject({ ok: true, data: { role: 'admin', staff: { username: 'admin', displayName: '管理员' }, locked: false } });

    const second = await station.dispatch('station:setup', { ...sampleSetup, code: 'OTHER', admin: { ...sampleAdmin, username: 'other' } }, kioskCaller);
    expect(second).toMatchObject({ ok: false, error: { code: 'station_already_set_up' } });
    // The recovery code is shown once, at setup; the station never gives it again.
    expect(await station.dispatch('station:get', undefined, kioskCaller)).toEqual({ ok: true, data: { ...sampleStation, createdAt: fixedNow.toISOString() } });
    expect(count('staff')).toBe(1);
  });

  it('refuses a setup without a valid administrator and stores nothing', async () => {
    const result = await station.dispatch('station:setup', { ...sampleStation, admin: { username: 'a', displayName: '', password: 'short', pin: '12' } }, kioskCaller);
    expect(result).toMatchObject({
      ok: false,
      error: {
        code: 'validation_failed',
        issues: [
          { path: 'admin.username', reason: 'username_format' },
          { path: 'admin.displayName', reason: 'required' },
          { path: 'admin.password', reason: 'password_too_short' },
          { path: 'admin.pin', reason: 'pin_format' },
        ],
      },
    });
    expect(count('station')).toBe(0);
    expect(count('staff')).toBe(0);
  });
});

describe('visitor sign-in', () => {
  beforeEach(async () => {
    await station.dispatch('station:setup', sampleSetup, staffCaller);
  });

  it('stores the visit sealed, with its sealed outbox entry and its audit entry, in one transaction', async () => {
    const result = await station.dispatch('visitor:signIn', { partySize: 3, purpose: 'qingming', visitorName: '李・四' }, kioskCaller);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const data = result.data as { id: string; visitorName: string };
    expect(data).toMatchObject({ partySize: 3, purpose: 'qingming', visitorName: '李*', visitedAt: fixedNow.toISOString() });

    const row = station.connection.sqlite.prepare('select * from visitor_sign_in where id = ?').get(data.id) as { visitor_name: string };
    expect(row).toMatchObject({ station_code: 'KMU01', party_size: 3, purpose: 'qingming', version: 1 });
    expect(row.visitor_name).toMatch(/^v1\./);
    expect(station.services.protection.open(row.visitor_name, 'visitor_sign_in.visitor_name')).toBe('李·四');

    const outbox = station.connection.sqlite.prepare('select * from outbox join outbox_payload using (seq) where entity_id = ?').all(data.id) as Array<{
      kind: string;
      version: number;
      payload: string;
    }>;
    expect(outbox).toHaveLength(1);
    expect(outbox[0]).toMatchObject({ kind: 'visitor_sign_in', version: 1 });
    const payload = JSON.parse(station.services.protection.open(outbox[0]?.payload ?? '', 'outbox.payload'));
    expect(payload).toMatchObject({ id: data.id, visitor_name: '李·四' });

    const audit = station.connection.sqlite.prepare("select * from audit_log where action = 'create'").all();
    expect(audit).toEqual([expect.objectContaining({ actor_id: null, actor_role: 'kiosk', object_type: 'visitor_sign_in', object_id: data.id })]);
  });

  it('stores nothing when the input is refused, and says why', async () => {
    const result = await station.dispatch('visitor:signIn', { partySize: 0, purpose: 'picnic', visitorName: '张3' }, kioskCaller);
    expect(result).toEqual({
      ok: false,
      error: {
        code: 'validation_failed',
        message: 'invalid input',
        issues: [
          { path: 'partySize', reason: 'party_size_range' },
          { path: 'purpose', reason: 'visit_purpose' },
          { path: 'visitorName', reason: 'name_digits' },
        ],
      },
    });
    expect(count('visitor_sign_in')).toBe(0);
    expect(count('outbox')).toBe(0);
  });

  it('rolls the visit back when the outbox write fails', async () => {
    station.connection.sqlite.exec("create trigger refuse_outbox before insert on outbox begin select raise(abort, 'outbox full'); end");
    const auditBefore = count('audit_log');
    const result = await station.dispatch('visitor:signIn', { partySize: 1, purpose: 'tour' }, kioskCaller);
    expect(result).toEqual({ ok: false, error: { code: 'internal', message: 'internal error' } });
    expect(logError).toHaveBeenCalledTimes(1);
    expect(count('visitor_sign_in')).toBe(0);
    expect(count('audit_log')).toBe(auditBefore);
  });

  it('lists visits for staff only, newest first with names masked, and reveals one name with an audit entry', async () => {
    let second = 0;
    const clocked = await openTempStation({ clock: { now: () => new Date(Date.UTC(2026, 3, 4, 9, 0, second++)) } });
    try {
      await clocked.dispatch('station:setup', sampleSetup, staffCaller);
      await clocked.dispatch('visitor:signIn', { partySize: 1, purpose: 'tour', visitorName: '王五' }, kioskCaller);
      await clocked.dispatch('visitor:signIn', { partySize: 2, purpose: 'remembrance' }, kioskCaller);
      const last = await clocked.dispatch('visitor:signIn', { partySize: 4, purpose: 'qingming', visitorName: 'John Smith' }, kioskCaller);

      expect(await clocked.dispatch('visitor:list', { limit: 2 }, kioskCaller)).toMatchObject({ ok: false, error: { code: 'not_signed_in' } });
      const listed = await clocked.dispatch('visitor:list', { limit: 2 }, staffCaller);
      expect(listed.ok).toBe(true);
      if (!listed.ok || !last.ok) return;
      const data = listed.data as { total: number; visitors: Array<{ partySize: number; visitorName: string | null }> };
      expect(data.total).toBe(3);
      expect(data.visitors.map((v) => [v.partySize, v.visitorName])).toEqual([
        [4, 'J*'],
        [2, null],
      ]);

      const id = (last.data as { id: string }).id;
      expect(await clocked.dispatch('visitor:revealName', { id }, staffCaller)).toEqual({ ok: true, data: { id, visitorName: 'John Smith' } });
      expect(await clocked.dispatch('visitor:revealName', { id: 'nope' }, staffCaller)).toMatchObject({ ok: false, error: { code: 'not_found' } });
      const reveals = clocked.connection.sqlite.prepare("select actor_role, object_id from audit_log where action = 'view_unmasked'").all();
      expect(reveals).toEqual([{ actor_role: 'admin', object_id: id }]);
    } finally {
      await clocked.remove();
    }
  });

  it('answers an unknown call with a code, not an exception', async () => {
    expect(await station.dispatch('visitor:delete', {}, kioskCaller)).toEqual({ ok: false, error: { code: 'unknown_call', message: 'unknown_call' } });
    expect(await station.dispatch('__proto__', {}, kioskCaller)).toMatchObject({ ok: false, error: { code: 'unknown_call' } });
  });
});
