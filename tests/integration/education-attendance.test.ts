import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { summariseSurvey } from '../../shared/domain/education';
import { beijing, kiosk, openEducationStation, sampleGroup, sampleSession, type EducationStation } from '../fixtures/education';

let edu: EducationStation;

beforeEach(async () => {
  edu = await openEducationStation();
});
afterEach(async () => {
  await edu.station.remove();
});

async function scheduleMorning() {
  return edu.ok('education:schedule', sampleSession());
}

describe("today's sessions at the kiosk", () => {
  it('lists the sessions of the Beijing date in the order they start, cancelled ones marked', async () => {
    // Scheduled the evening before (Beijing), for the session day and the day after.
    edu.at(beijing('20:00', '2026-05-11'));
    const afternoon = await edu.ok('education:schedule', sampleSession({ title: '下午场', startsAt: beijing('14:00'), endsAt: beijing('15:00') }));
    const morning = await scheduleMorning();
    const later = await edu.ok('education:schedule', sampleSession({ title: '次日场', startsAt: beijing('09:00', '2026-05-13'), endsAt: beijing('10:00', '2026-05-13') }));
    const early = await edu.ok('education:schedule', sampleSession({ title: '早场', startsAt: beijing('07:00'), endsAt: beijing('08:00') }));
    await edu.ok('education:cancel', { sessionId: early.id, version: 1, reason: '场地维修' });

    // The evening before, the kiosk lists nothing yet: its day is still 11 May.
    expect(await edu.ok('education:today', undefined, kiosk)).toEqual({ date: '2026-05-11', sessions: [] });

    // 00:30 on the session day in Beijing is 16:30 UTC on the day before: the Beijing date decides.
    edu.at(beijing('00:30'));
    const today = await edu.ok('education:today', undefined, kiosk);
    expect(today.date).toBe('2026-05-12');
    expect(today.sessions.map((session) => [session.id, session.state, session.checkInOpen, session.surveyOpen])).toEqual([
      [early.id, 'cancelled', false, false],
      [morning.id, 'scheduled', true, false],
      [afternoon.id, 'scheduled', true, false],
    ]);
    expect(today.sessions.map((session) => session.id)).not.toContain(later.id);
    expect(Object.keys(today.sessions[0]!).sort()).toEqual(['audienceKind', 'checkInOpen', 'endsAt', 'host', 'id', 'startsAt', 'state', 'surveyOpen', 'title', 'venue']);

    edu.at(beijing('09:30'));
    expect((await edu.ok('education:today', undefined, kiosk)).sessions.find((session) => session.id === morning.id)?.surveyOpen).toBe(true);
  });
});

describe('group check-in', () => {
  it('records a group from the kiosk with the contact adult sealed, queued and audited', async () => {
    const session = await scheduleMorning();
    edu.at(beijing('08:40'));
    const group = await edu.ok('education:checkIn', { sessionId: session.id, ...sampleGroup, contactPhone: '139 8765 4321' }, kiosk);
    expect(group).toMatchObject({ sessionId: session.id, organisation: sampleGroup.organisation, headCount: 42, ageBand: 'age_12_17' });
    expect(Object.keys(group)).not.toContain('contactName');

    const stored = edu.rows<Record<string, unknown>>('select * from education_group')[0]!;
    expect(JSON.stringify(stored)).not.toContain(sampleGroup.contactName);
    expect(JSON.stringify(stored)).not.toContain('13987654321');
    expect(stored).toMatchObject({ organisation: sampleGroup.organisation, head_count: 42, station_code: 'KMU01', checked_in_by: null });
    const outbox = edu.rows<{ kind: string; payload: string }>("select kind, payload from outbox join outbox_payload using (seq) where kind = 'education_group'");
    expect(outbox).toHaveLength(1);
    expect(outbox[0]!.payload).not.toContain(sampleGroup.contactName);
    expect(edu.rows("select actor_role, action from audit_log where object_type = 'education_group'")).toEqual([{ actor_role: 'kiosk', action: 'create' }]);

    const detail = await edu.ok('education:get', { sessionId: session.id });
    expect(detail.groups).toEqual([
      expect.objectContaining({ id: group.id, contactName: '王*', contactPhone: '139****4321', headCount: 42, certificates: [] }),
    ]);
    expect(await edu.ok('education:revealContact', { groupId: group.id })).toEqual({ groupId: group.id, contactName: '王丽华', contactPhone: '13987654321' });
    expect(edu.rows("select action from audit_log where object_type = 'education_group' order by seq")).toEqual([{ action: 'create' }, { action: 'view_unmasked' }]);
    expect(await edu.dispatch('education:revealContact', { groupId: group.id }, kiosk)).toMatchObject({ ok: false, error: { code: 'not_signed_in' } });
  });

  it('checks the contact adult with the shared name and phone rules, and the head count and age band', async () => {
    const session = await scheduleMorning();
    const cases = [
      [{ contactName: '王2丽' }, 'contactName', 'name_digits'],
      [{ contactPhone: '1234' }, 'contactPhone', 'mobile_format'],
      [{ contactPhone: '' }, 'contactPhone', 'required'],
      [{ headCount: 0 }, 'headCount', 'head_count_range'],
      [{ headCount: 501 }, 'headCount', 'head_count_range'],
      [{ ageBand: 'toddlers' as never }, 'ageBand', 'age_band'],
      [{ organisation: '' }, 'organisation', 'required'],
    ] as const;
    for (const [override, path, reason] of cases) {
      const result = await edu.dispatch('education:checkIn', { sessionId: session.id, ...sampleGroup, ...override }, kiosk);
      expect(result, JSON.stringify(override)).toMatchObject({ ok: false, error: { code: 'validation_failed', issues: [{ path, reason }] } });
    }
    // A school office landline is a phone too; the look-alike dot in a name is normalised.
    const landline = await edu.ok('education:checkIn', { sessionId: session.id, ...sampleGroup, contactName: '阿依古丽・买买提', contactPhone: '0871-65123456' }, kiosk);
    expect(await edu.ok('education:revealContact', { groupId: landline.id })).toMatchObject({ contactName: '阿依古丽·买买提', contactPhone: '0871-65123456' });
  });

  it('is open on the day of the session only, and never for a cancelled one', async () => {
    const session = await scheduleMorning();
    const tomorrow = await edu.ok('education:schedule', sampleSession({ startsAt: beijing('09:00', '2026-05-13'), endsAt: beijing('10:00', '2026-05-13') }));
    const cancelled = await edu.ok('education:schedule', sampleSession({ startsAt: beijing('15:00'), endsAt: beijing('16:00') }));
    await edu.ok('education:cancel', { sessionId: cancelled.id, version: 1, reason: '取消' });

    expect(await edu.dispatch('education:checkIn', { sessionId: tomorrow.id, ...sampleGroup }, kiosk)).toMatchObject({ ok: false, error: { code: 'check_in_closed' } });
    expect(await edu.dispatch('education:checkIn', { sessionId: cancelled.id, ...sampleGroup }, kiosk)).toMatchObject({ ok: false, error: { code: 'session_cancelled' } });
    expect(await edu.dispatch('education:checkIn', { sessionId: 'no-such-session', ...sampleGroup }, kiosk)).toMatchObject({ ok: false, error: { code: 'not_found' } });
    edu.at(beijing('23:59'));
    await edu.ok('education:checkIn', { sessionId: session.id, ...sampleGroup }, kiosk);
    edu.at(beijing('00:00', '2026-05-13'));
    expect(await edu.dispatch('education:checkIn', { sessionId: session.id, ...sampleGroup }, kiosk)).toMatchObject({ ok: false, error: { code: 'check_in_closed' } });
    expect(edu.rows('select id from education_group')).toHaveLength(1);
  });
});

describe('walk-ins and the actual head count', () => {
  it('counts walk-ins once the session has started, corrections included, and adds them to the groups', async () => {
    const session = await scheduleMorning();
    await edu.ok('education:checkIn', { sessionId: session.id, ...sampleGroup }, kiosk);
    await edu.ok('education:checkIn', { sessionId: session.id, ...sampleGroup, organisation: '翠湖社区老年协会', headCount: 15, ageBand: 'seniors' }, kiosk);

    expect(await edu.dispatch('education:addWalkIns', { sessionId: session.id, count: 5 })).toMatchObject({ ok: false, error: { code: 'session_not_started' } });
    edu.at(beijing('09:05'));
    expect(await edu.dispatch('education:addWalkIns', { sessionId: session.id, count: 5 }, kiosk)).toMatchObject({ ok: false, error: { code: 'not_signed_in' } });
    await edu.ok('education:addWalkIns', { sessionId: session.id, count: 12 });
    const corrected = await edu.ok('education:addWalkIns', { sessionId: session.id, count: -2 });
    expect(corrected.session).toMatchObject({ groupCount: 2, groupHeadCount: 57, walkInCount: 10, actualHeadCount: 67 });
    expect(corrected.walkIns.map((entry) => [entry.count, entry.recordedBy])).toEqual([
      [12, '管理员'],
      [-2, '管理员'],
    ]);

    expect(await edu.dispatch('education:addWalkIns', { sessionId: session.id, count: -11 })).toMatchObject({
      ok: false,
      error: { code: 'validation_failed', issues: [{ path: 'count', reason: 'walk_in_total_negative' }] },
    });
    for (const count of [0, 501, 1.5]) {
      expect(await edu.dispatch('education:addWalkIns', { sessionId: session.id, count })).toMatchObject({
        ok: false,
        error: { code: 'validation_failed', issues: [{ path: 'count', reason: 'walk_in_count' }] },
      });
    }
    const list = await edu.ok('education:list', { period: 'upcoming' });
    expect(list.sessions[0]).toMatchObject({ id: session.id, actualHeadCount: 67, expectedHeadCount: 80 });
    expect(edu.rows("select count(*) as n from outbox where kind = 'education_walk_in'")).toEqual([{ n: 2 }]);
  });
});

describe('the satisfaction survey', () => {
  it('sums up scores: count, mean and the share of 4 and 5', () => {
    expect(summariseSurvey([])).toEqual({ count: 0, mean: null, satisfiedShare: null, byScore: [0, 0, 0, 0, 0] });
    expect(summariseSurvey([5, 4, 4, 3, 1])).toEqual({ count: 5, mean: 3.4, satisfiedShare: 0.6, byScore: [1, 0, 1, 2, 1] });
    expect(summariseSurvey([5, 5, 5])).toMatchObject({ mean: 5, satisfiedShare: 1 });
    expect(summariseSurvey([3, 3])).toMatchObject({ mean: 3, satisfiedShare: 0 });
  });

  it('takes answers from the start of the session until the end of its day, comments sealed', async () => {
    const session = await scheduleMorning();
    // Each answer from a kiosk window of its own: one window answers a session once within the cool-down.
    let windows = 0;
    const answer = (score: number, comment?: string) => edu.dispatch('education:survey', { sessionId: session.id, score, comment }, { sessionKey: `kiosk-${(windows += 1)}` });

    expect(await answer(5)).toMatchObject({ ok: false, error: { code: 'survey_closed' } });
    edu.at(beijing('09:00'));
    for (const score of [5, 4, 4, 3]) expect((await answer(score)).ok).toBe(true);
    edu.at(beijing('23:59'));
    expect((await answer(1, '声音太小，后排听不清。王老师讲得很好')).ok).toBe(true);
    for (const [score, reason] of [
      [0, 'survey_score'],
      [6, 'survey_score'],
      [4.5, 'survey_score'],
    ] as const) {
      expect(await answer(score)).toMatchObject({ ok: false, error: { code: 'validation_failed', issues: [{ path: 'score', reason }] } });
    }
    expect(await answer(4, '好'.repeat(501))).toMatchObject({ ok: false, error: { issues: [{ path: 'comment', reason: 'text_too_long' }] } });
    edu.at(beijing('00:00', '2026-05-13'));
    expect(await answer(5)).toMatchObject({ ok: false, error: { code: 'survey_closed' } });

    const detail = await edu.ok('education:get', { sessionId: session.id });
    expect(detail.session.survey).toEqual({ count: 5, mean: 3.4, satisfiedShare: 0.6, byScore: [1, 0, 1, 2, 1] });
    const comments = edu.rows<{ comment: string | null }>('select comment from education_survey where comment is not null');
    expect(comments).toHaveLength(1);
    expect(comments[0]!.comment).not.toContain('王老师');
    expect(edu.rows("select count(*) as n from outbox where kind = 'education_survey'")).toEqual([{ n: 5 }]);
    expect(edu.rows("select count(*) as n from audit_log where object_type = 'education_survey' and actor_role = 'kiosk'")).toEqual([{ n: 5 }]);
  });
});
