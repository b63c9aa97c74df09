import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { beijing, kiosk, openEducationStation, sampleSession, type EducationStation } from '../fixtures/education';

let edu: EducationStation;

beforeEach(async () => {
  edu = await openEducationStation();
});
afterEach(async () => {
  await edu.station.remove();
});

describe('scheduling a life-education session', () => {
  it('stores it on its Beijing date, audited and queued for the province', async () => {
    // 00:30 on 12 May in Beijing is still 11 May in UTC: the session's day is the station's.
    const session = await edu.ok('education:schedule', sampleSession({ startsAt: beijing('00:45'), endsAt: beijing('02:00') }));
    expect(session).toMatchObject({ date: '2026-05-12', state: 'scheduled', version: 1, audienceKind: 'school', expectedHeadCount: 80 });
    expect(session.startsAt).toBe('2026-05-11T16:45:00.000Z');

    const outbox = edu.rows<{ kind: string; entity_id: string; version: number }>('select kind, entity_id, version from outbox');
    expect(outbox).toEqual([{ kind: 'education_session', entity_id: session.id, version: 1 }]);
    const audit = edu.rows<{ action: string; object_type: string; object_id: string }>(
      "select action, object_type, object_id from audit_log where object_type = 'education_session'",
    );
    expect(audit).toEqual([{ action: 'create', object_type: 'education_session', object_id: session.id }]);
  });

  it('refuses an end before the start, a session over two days, a past day and bad choices, each with its reason', async () => {
    const cases = [
      [{ endsAt: beijing('08:00') }, 'endsAt', 'session_end_before_start'],
      [{ endsAt: beijing('09:00') }, 'endsAt', 'session_end_before_start'],
      [{ endsAt: beijing('10:00', '2026-05-13') }, 'endsAt', 'session_spans_days'],
      [{ audienceKind: 'university' as never }, 'audienceKind', 'audience_kind'],
      [{ expectedHeadCount: 0 }, 'expectedHeadCount', 'head_count_range'],
      [{ expectedHeadCount: 2.5 }, 'expectedHeadCount', 'head_count_range'],
      [{ title: '   ' }, 'title', 'required'],
      [{ venue: '礼'.repeat(101) }, 'venue', 'text_too_long'],
      [{ startsAt: '2026-05-12 09:00' }, 'startsAt', 'invalid'],
      [{ endsAt: '' }, 'endsAt', 'required'],
    ] as const;
    for (const [override, path, reason] of cases) {
      const result = await edu.dispatch('education:schedule', sampleSession(override));
      expect(result, JSON.stringify(override)).toMatchObject({ ok: false, error: { code: 'validation_failed', issues: [{ path, reason }] } });
    }
    const past = await edu.dispatch('education:schedule', sampleSession({ startsAt: beijing('09:00', '2026-05-11'), endsAt: beijing('10:00', '2026-05-11') }));
    expect(past).toMatchObject({ ok: false, error: { code: 'validation_failed', issues: [{ path: 'startsAt', reason: 'session_start_past' }] } });
    expect(edu.rows('select id from education_session')).toHaveLength(0);
    expect(edu.rows('select seq from outbox')).toHaveLength(0);
  });

  it('is staff work: the kiosk can neither schedule nor list sessions', async () => {
    expect(await edu.dispatch('education:schedule', sampleSession(), kiosk)).toMatchObject({ ok: false, error: { code: 'not_signed_in' } });
    expect(await edu.dispatch('education:list', {}, kiosk)).toMatchObject({ ok: false, error: { code: 'not_signed_in' } });
  });

  it('changes details before the start from the version read, and refuses a stale version', async () => {
    const session = await edu.ok('education:schedule', sampleSession());
    const changed = await edu.ok('education:update', { ...sampleSession({ venue: '二楼多功能厅', expectedHeadCount: 60 }), sessionId: session.id, version: 1 });
    expect(changed).toMatchObject({ venue: '二楼多功能厅', expectedHeadCount: 60, version: 2 });
    const stale = await edu.dispatch('education:update', { ...sampleSession({ venue: '三楼' }), sessionId: session.id, version: 1 });
    expect(stale).toMatchObject({ ok: false, error: { code: 'version_conflict' } });
    expect(edu.rows('select kind, version from outbox order by seq')).toEqual([
      { kind: 'education_session', version: 1 },
      { kind: 'education_session', version: 2 },
    ]);
    expect(edu.rows("select action from audit_log where object_type = 'education_session' order by seq")).toEqual([{ action: 'create' }, { action: 'amend' }]);
  });

  it('cancels before the start with a sealed reason, and nothing changes once started or cancelled', async () => {
    const first = await edu.ok('education:schedule', sampleSession());
    const second = await edu.ok('education:schedule', sampleSession({ title: '红十字精神进社区', startsAt: beijing('14:00'), endsAt: beijing('16:00'), audienceKind: 'community' }));
    const cancelled = await edu.ok('education:cancel', { sessionId: second.id, version: 1, reason: '讲师张老师临时有事' });
    expect(cancelled).toMatchObject({ state: 'cancelled', version: 2 });
    const stored = edu.rows<{ cancel_reason: string }>('select cancel_reason from education_session where id = ?', second.id)[0]!;
    expect(stored.cancel_reason).not.toContain('张老师');
    expect((await edu.ok('education:get', { sessionId: second.id })).cancelReason).toBe('讲师张老师临时有事');
    expect(await edu.dispatch('education:update', { ...sampleSession(), sessionId: second.id, version: 2 })).toMatchObject({ ok: false, error: { code: 'session_cancelled' } });
    expect(edu.rows("select action from audit_log where object_id = ? order by seq", second.id)).toEqual([{ action: 'create' }, { action: 'cancel' }]);

    edu.at(beijing('09:01'));
    expect(await edu.dispatch('education:cancel', { sessionId: first.id, version: 1, reason: '下雨' })).toMatchObject({ ok: false, error: { code: 'session_already_started' } });
    expect(await edu.dispatch('education:update', { ...sampleSession(), sessionId: first.id, version: 1 })).toMatchObject({ ok: false, error: { code: 'session_already_started' } });
    expect((await edu.ok('education:get', { sessionId: first.id })).canChange).toBe(false);
  });

  it('lists upcoming sessions soonest first (a running one included) and past ones latest first', async () => {
    const morning = await edu.ok('education:schedule', sampleSession());
    const afternoon = await edu.ok('education:schedule', sampleSession({ title: '下午场', startsAt: beijing('14:00'), endsAt: beijing('16:00') }));
    const tomorrow = await edu.ok('education:schedule', sampleSession({ title: '明日场', startsAt: beijing('09:00', '2026-05-13'), endsAt: beijing('10:00', '2026-05-13') }));

    const ids = (list: { sessions: Array<{ id: string }> }) => list.sessions.map((session) => session.id);
    expect(ids(await edu.ok('education:list', { period: 'upcoming' }))).toEqual([morning.id, afternoon.id, tomorrow.id]);
    edu.at(beijing('10:00'));
    expect(ids(await edu.ok('education:list', { period: 'upcoming' }))).toEqual([morning.id, afternoon.id, tomorrow.id]);
    edu.at(beijing('17:00'));
    expect(await edu.ok('education:list', { period: 'upcoming' })).toMatchObject({ total: 1, sessions: [{ id: tomorrow.id }] });
    expect(await edu.ok('education:list', { period: 'past' })).toMatchObject({ total: 2, sessions: [{ id: afternoon.id }, { id: morning.id }] });
  });
});
