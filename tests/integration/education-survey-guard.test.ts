import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SURVEY_COOL_DOWN_SECONDS } from '../../shared/domain/education';
import { signInStaffDesks, type Caller } from '../fixtures/dispatch';
import { beijing, desk, kiosk, openEducationStation, sampleSession, type EducationStation } from '../fixtures/education';

let edu: EducationStation;

beforeEach(async () => {
  edu = await openEducationStation();
});
afterEach(async () => {
  await edu.station.remove();
});

/** A session that has started, so that its survey is open. */
async function runningSession() {
  const session = await edu.ok('education:schedule', sampleSession());
  edu.at(beijing('09:30'));
  return session;
}

function secondsAfter(moment: string, seconds: number): string {
  return new Date(Date.parse(moment) + seconds * 1000).toISOString();
}

describe('one survey answer per kiosk window', () => {
  it('refuses a second and third answer from the same kiosk window within the cool-down, counting only the first', async () => {
    const session = await runningSession();
    const answer = (score: number, caller: Caller = kiosk) => edu.dispatch('education:survey', { sessionId: session.id, score }, caller);

    expect((await answer(1)).ok).toBe(true);
    expect(await answer(1)).toMatchObject({ ok: false, error: { code: 'survey_already_given' } });
    edu.at(secondsAfter(beijing('09:30'), SURVEY_COOL_DOWN_SECONDS - 1));
    expect(await answer(1)).toMatchObject({ ok: false, error: { code: 'survey_already_given' } });

    // Another kiosk window answers meanwhile; the first one again once the cool-down is over.
    expect((await answer(5, { sessionKey: 'second-kiosk' })).ok).toBe(true);
    edu.at(secondsAfter(beijing('09:30'), SURVEY_COOL_DOWN_SECONDS));
    expect((await answer(4)).ok).toBe(true);

    const detail = await edu.ok('education:get', { sessionId: session.id });
    expect(detail.session.survey).toMatchObject({ count: 3, byScore: [1, 0, 0, 1, 1] });
    expect(edu.rows("select count(*) as n from outbox where kind = 'education_survey'")).toEqual([{ n: 3 }]);
  });

  it('refuses a 5 000-character comment with the field\'s reason, storing nothing', async () => {
    const session = await runningSession();
    const answer = (comment: string) => edu.dispatch('education:survey', { sessionId: session.id, score: 3, comment }, kiosk);
    expect(await answer('好'.repeat(5000))).toMatchObject({ ok: false, error: { code: 'validation_failed', issues: [{ path: 'comment', reason: 'text_too_long' }] } });
    expect(await answer('好'.repeat(501))).toMatchObject({ ok: false, error: { code: 'validation_failed', issues: [{ path: 'comment', reason: 'text_too_long' }] } });
    expect(edu.rows('select count(*) as n from education_survey')).toEqual([{ n: 0 }]);
    // The refusals took nothing from the window: it answers at once, with a comment of exactly 500 characters.
    expect((await answer('好'.repeat(500))).ok).toBe(true);
  });

  it('holds no cool-down after an answer the station refused', async () => {
    const session = await edu.ok('education:schedule', sampleSession());
    edu.at(secondsAfter(beijing('09:00'), -30));
    expect(await edu.dispatch('education:survey', { sessionId: session.id, score: 4 }, kiosk)).toMatchObject({ ok: false, error: { code: 'survey_closed' } });
    edu.at(beijing('09:00'));
    expect((await edu.dispatch('education:survey', { sessionId: session.id, score: 4 }, kiosk)).ok).toBe(true);
  });

  it('keeps each session apart: the same window answers two sessions of the day', async () => {
    const morning = await runningSession();
    const parallel = await edu.ok('education:schedule', sampleSession({ title: '同时段分会场', startsAt: beijing('09:15'), endsAt: beijing('11:00') }));
    expect((await edu.dispatch('education:survey', { sessionId: morning.id, score: 5 }, kiosk)).ok).toBe(true);
    expect((await edu.dispatch('education:survey', { sessionId: parallel.id, score: 5 }, kiosk)).ok).toBe(true);
  });
});

describe('survey comments for staff', () => {
  it('opens the comments of one session for staff who keep records, latest first, and audits each reading', async () => {
    const session = await runningSession();
    const other = await edu.ok('education:schedule', sampleSession({ title: '同时段分会场', startsAt: beijing('09:15'), endsAt: beijing('11:00') }));
    await edu.ok('education:survey', { sessionId: session.id, score: 2, comment: '声音太小，后排听不清。' }, { sessionKey: 'kiosk-a' });
    await edu.ok('education:survey', { sessionId: session.id, score: 5 }, { sessionKey: 'kiosk-b' });
    edu.at(beijing('09:40'));
    await edu.ok('education:survey', { sessionId: session.id, score: 4, comment: '很感人\n谢谢张老师' }, { sessionKey: 'kiosk-c' });
    await edu.ok('education:survey', { sessionId: other.id, score: 3, comment: '别的场次' }, { sessionKey: 'kiosk-d' });

    const read = await edu.ok('education:surveyComments', { sessionId: session.id });
    expect(read).toEqual({
      sessionId: session.id,
      comments: [
        { id: expect.any(String), score: 4, comment: '很感人\n谢谢张老师', answeredAt: new Date(beijing('09:40')).toISOString() },
        { id: expect.any(String), score: 2, comment: '声音太小，后排听不清。', answeredAt: new Date(beijing('09:30')).toISOString() },
      ],
    });
    expect(edu.rows("select actor_role, action, object_id, detail from audit_log where object_type = 'education_session' and action = 'view'")).toEqual([
      { actor_role: 'admin', action: 'view', object_id: session.id, detail: JSON.stringify({ field: 'survey_comments', count: 2 }) },
    ]);

    // The kiosk and the auditor (who sees no session details) are refused; an unknown session is not found.
    expect(await edu.dispatch('education:surveyComments', { sessionId: session.id }, kiosk)).toMatchObject({ ok: false, error: { code: 'not_signed_in' } });
    const auditorDesk = { sessionKey: 'auditor-desk' };
    await signInStaffDesks(edu.station, desk, [{ role: 'auditor', desk: auditorDesk }]);
    expect(await edu.dispatch('education:surveyComments', { sessionId: session.id }, auditorDesk)).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(await edu.dispatch('education:surveyComments', { sessionId: 'no-such-session' })).toMatchObject({ ok: false, error: { code: 'not_found' } });
  });
});
