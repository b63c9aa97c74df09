import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { openTempStation, sampleStation } from '../fixtures/temp-station';

type TempStation = Awaited<ReturnType<typeof openTempStation>>;

let station: TempStation;
const fixedNow = new Date('2026-04-04T09:30:00.000Z');
const logError = vi.fn();

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
    const result = await station.dispatch('visitor:signIn', { partySize: 1, purpose: 'tour' });
    expect(result).toEqual({ ok: false, error: { code: 'station_not_set_up', message: 'station_not_set_up' } });
    expect(count('visitor_sign_in')).toBe(0);
  });

  it('is recorded once and refused the second time', async () => {
    expect(await station.dispatch('station:get', undefined)).toEqual({ ok: true, data: null });
    const first = await station.dispatch('station:setup', sampleStation);
    expect(first).toEqual({ ok: true, data: { ...sampleStation, createdAt: fixedNow.toISOString() } });
    const second = await station.dispatch('station:setup', { ...sampleStation, code: 'OTHER' });
    expect(second).toMatchObject({ ok: false, error: { code: 'station_already_set_up' } });
    expect(await station.dispatch('station:get', undefined)).toEqual(first);
  });
});

describe('visitor sign-in', () => {
  beforeEach(async () => {
    await station.dispatch('station:setup', sampleStation);
  });

  it('stores the visit and its outbox entry in the same transaction', async () => {
    const result = await station.dispatch('visitor:signIn', { partySize: 3, purpose: 'qingming', visitorName: '李・四' });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const data = result.data as { id: string; visitorName: string };
    expect(data).toMatchObject({ partySize: 3, purpose: 'qingming', visitorName: '李*', visitedAt: fixedNow.toISOString() });

    const row = station.connection.sqlite.prepare('select * from visitor_sign_in where id = ?').get(data.id);
    expect(row).toMatchObject({ station_code: 'KMU01', party_size: 3, purpose: 'qingming', visitor_name: '李·四', version: 1 });
    const outbox = station.connection.sqlite.prepare('select * from outbox where entity_id = ?').all(data.id) as Array<{
      kind: string;
      version: number;
      payload: string;
    }>;
    expect(outbox).toHaveLength(1);
    expect(outbox[0]).toMatchObject({ kind: 'visitor_sign_in', version: 1 });
    expect(JSON.parse(outbox[0]?.payload ?? '{}')).toMatchObject({ id: data.id, visitor_name: '李·四' });
  });

  it('stores nothing when the input is refused, and says why', async () => {
    const result = await station.dispatch('visitor:signIn', { partySize: 0, purpose: 'picnic', visitorName: '张3' });
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
    station.connection.sqlite.exec('create trigger refuse_outbox before insert on outbox begin select raise(abort, \'outbox full\'); end');
    const result = await station.dispatch('visitor:signIn', { partySize: 1, purpose: 'tour' });
    expect(result).toEqual({ ok: false, error: { code: 'internal', message: 'internal error' } });
    expect(logError).toHaveBeenCalledTimes(1);
    expect(count('visitor_sign_in')).toBe(0);
  });

  it('lists visits newest first with names masked and a total', async () => {
    let minute = 0;
    const clocked = await openTempStation({ clock: { now: () => new Date(Date.UTC(2026, 3, 4, 9, minute++)) } });
    try {
      await clocked.dispatch('station:setup', sampleStation);
      await clocked.dispatch('visitor:signIn', { partySize: 1, purpose: 'tour', visitorName: '王五' });
      await clocked.dispatch('visitor:signIn', { partySize: 2, purpose: 'remembrance' });
      await clocked.dispatch('visitor:signIn', { partySize: 4, purpose: 'qingming', visitorName: 'John Smith' });
      const listed = await clocked.dispatch('visitor:list', { limit: 2 });
      expect(listed.ok).toBe(true);
      if (!listed.ok) return;
      const data = listed.data as { total: number; visitors: Array<{ partySize: number; visitorName: string | null }> };
      expect(data.total).toBe(3);
      expect(data.visitors.map((v) => [v.partySize, v.visitorName])).toEqual([
        [4, 'J*'],
        [2, null],
      ]);
    } finally {
      await clocked.remove();
    }
  });

  it('answers an unknown call with a code, not an exception', async () => {
    expect(await station.dispatch('visitor:delete', {})).toEqual({ ok: false, error: { code: 'unknown_call', message: 'unknown call' } });
    expect(await station.dispatch('__proto__', {})).toMatchObject({ ok: false, error: { code: 'unknown_call' } });
  });
});
