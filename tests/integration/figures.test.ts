import { randomUUID } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { beijing, caller, figuresDesk, openFiguresStation, seedFigures, type PinnedClock } from '../fixtures/figures';
import type { OpenStation } from '../../electron/app/open-station';

let station: OpenStation & { remove(): Promise<void> };
let clock: PinnedClock;
let ok: ReturnType<typeof caller>['ok'];
let at: ReturnType<typeof caller>['at'];

beforeEach(async () => {
  ({ station, clock, ok, at } = await openFiguresStation());
  await seedFigures(station, clock);
});

afterEach(async () => {
  await station.remove();
});

const twoMonths = { from: '2026-01-01', to: '2026-02-28' } as const;

function emptyMonth(month: string) {
  return { month, signIns: 0, people: 0, messagesSubmitted: 0, messagesApproved: 0, sessionsHeld: 0, expectedHeadCount: 0, reach: 0, responses: 0, satisfied: 0 };
}

describe('figures per site and period', () => {
  it('sum visits, messages, sessions held, reach and satisfaction over January and February, Beijing time', async () => {
    const figures = await ok('figures:get', twoMonths);
    expect(figures).toMatchObject({
      site: 'KMU01',
      sites: ['KMU01'],
      from: '2026-01-01',
      to: '2026-02-28',
      // 2 + 3 + 1 in January, 4 + 5 in February; the 7 a second before and the 6 a second after are outside.
      visits: { signIns: 5, people: 15 },
      // Three messages written in the period: one approved, one pending, one rejected.
      messages: { submitted: 3, approved: 1 },
      // The cancelled session is not held, and its checked-in group of 40 counts nowhere.
      sessions: { held: 2, cancelled: 1, expectedHeadCount: 130 },
      // 42 + 30 + 8 − 2 in January, 25 + 5 in February.
      attendance: { reach: 108, groups: 97, walkIns: 11 },
    });
    expect(figures.satisfaction).toEqual({
      responses: 9,
      satisfied: 7,
      mean: 37 / 9,
      share: 7 / 9,
      targetShare: 0.95,
      status: 'not_met',
      byScore: [0, 1, 1, 3, 4],
    });
    expect(figures.months).toEqual([
      { month: '2026-01', signIns: 3, people: 6, messagesSubmitted: 2, messagesApproved: 1, sessionsHeld: 1, expectedHeadCount: 80, reach: 78, responses: 4, satisfied: 3 },
      { month: '2026-02', signIns: 2, people: 9, messagesSubmitted: 1, messagesApproved: 0, sessionsHeld: 1, expectedHeadCount: 50, reach: 30, responses: 5, satisfied: 4 },
    ]);
    // No local population yet: reach cannot be judged.
    expect(figures.reach).toMatchObject({ reach: 108, localPopulation: null, targetPeople: null, share: null, status: 'unknown', yearlyTargetShare: 0.015 });
  });

  it('judge reach against the yearly target scaled to the period once the population is set, and audit the change', async () => {
    expect(await ok('figures:targets', undefined)).toEqual({ localPopulation: null, reachTargetPercent: 1.5, satisfactionTargetShare: 0.95 });
    await ok('figures:setTargets', { localPopulation: 20_000, reachTargetPercent: 1.5 });
    // 59 of 365 days: 20 000 × 1.5 % × 59/365 = 48.49…, so 49 people.
    const met = await ok('figures:get', twoMonths);
    expect(met.reach).toMatchObject({ localPopulation: 20_000, targetPeople: 49, share: 108 / 20_000, status: 'met' });
    expect(met.reach.periodTargetShare).toBeCloseTo((0.015 * 59) / 365, 12);

    await ok('figures:setTargets', { localPopulation: 100_000, reachTargetPercent: 1.5 });
    // 100 000 × 1.5 % × 59/365 = 242.46…, so 243 people; 108 is short of it.
    expect((await ok('figures:get', twoMonths)).reach).toMatchObject({ targetPeople: 243, status: 'not_met' });

    // The whole year 2026 needs the full 1.5 %: 1 500 people.
    expect((await ok('figures:get', { from: '2026-01-01', to: '2026-12-31' })).reach).toMatchObject({ targetPeople: 1500, periodTargetShare: 0.015 });

    const changes = station.connection.sqlite
      .prepare(`select object_id, detail from audit_log where action = 'settings_change' order by seq`)
      .all() as Array<{ object_id: string; detail: string }>;
    expect(changes.map((row) => [row.object_id, JSON.parse(row.detail)])).toEqual([
      ['figures', { section: 'figures', changes: { localPopulation: { from: null, to: 20_000 } } }],
      ['figures', { section: 'figures', changes: { localPopulation: { from: 20_000, to: 100_000 } } }],
    ]);
    // Cleared again, the population reads back as not set.
    expect(await ok('figures:setTargets', { localPopulation: null, reachTargetPercent: 2 })).toEqual({ localPopulation: null, reachTargetPercent: 2, satisfactionTargetShare: 0.95 });
  });

  it('take each month and each period edge in Beijing time', async () => {
    // January alone: the visit at 00:00 on 1 January (31 December in UTC) is in, the one of 1 February 07:00 (31 January in UTC) is out.
    const january = await ok('figures:get', { from: '2026-01-01', to: '2026-01-31' });
    expect(january.visits).toEqual({ signIns: 3, people: 6 });
    expect(january.months.map((month) => month.month)).toEqual(['2026-01']);
    // One day, 28 February: the visit at 23:59:59 Beijing time.
    expect((await ok('figures:get', { from: '2026-02-28', to: '2026-02-28' })).visits).toEqual({ signIns: 1, people: 5 });
    // December to March: every visit and every session not cancelled, each in its month.
    const wide = await ok('figures:get', { from: '2025-12-01', to: '2026-03-31' });
    expect(wide.visits).toEqual({ signIns: 7, people: 28 });
    expect(wide.months.map((month) => [month.month, month.people, month.reach])).toEqual([
      ['2025-12', 7, 20],
      ['2026-01', 6, 78],
      ['2026-02', 9, 30],
      ['2026-03', 6, 10],
    ]);
    // A month without anything is listed with zeros, so the charts show the gap.
    expect((await ok('figures:get', { from: '2026-04-01', to: '2026-05-31' })).months).toEqual([emptyMonth('2026-04'), emptyMonth('2026-05')]);
  });

  it('count a session as held only once it has started', async () => {
    at(beijing('2026-02-20', '08:00'));
    const session = await ok('education:schedule', {
      title: '春季讲座',
      startsAt: beijing('2026-02-26', '09:00'),
      endsAt: beijing('2026-02-26', '10:00'),
      venue: '报告厅',
      host: '李老师',
      audienceKind: 'community',
      expectedHeadCount: 70,
    });
    expect((await ok('figures:get', twoMonths)).sessions).toEqual({ held: 2, cancelled: 1, expectedHeadCount: 130 });
    at(beijing('2026-02-26', '09:00'));
    expect((await ok('figures:get', twoMonths)).sessions).toEqual({ held: 3, cancelled: 1, expectedHeadCount: 200 });
    expect(session.state).toBe('scheduled');
  });

  it('group by site: another site’s rows are apart, and a site with no records is refused', async () => {
    // A visit recorded under another site code (as a station that took over another's records would hold).
    station.connection.sqlite
      .prepare(`insert into visitor_sign_in (id, station_code, visited_at, party_size, purpose, visitor_name, version) values (?, 'KMU02', ?, 12, 'tour', null, 1)`)
      .run(randomUUID(), beijing('2026-01-10', '09:00'));
    await ok('figures:setTargets', { localPopulation: 20_000, reachTargetPercent: 1.5 });
    const own = await ok('figures:get', twoMonths);
    expect(own.sites).toEqual(['KMU01', 'KMU02']);
    expect(own.visits).toEqual({ signIns: 5, people: 15 });
    const other = await ok('figures:get', { ...twoMonths, site: 'kmu02' });
    expect(other).toMatchObject({ site: 'KMU02', visits: { signIns: 1, people: 12 }, attendance: { reach: 0 } });
    // The population is this station's; another site's reach is not judged against it.
    expect(other.reach).toMatchObject({ localPopulation: null, status: 'unknown' });
    expect(other.satisfaction).toMatchObject({ responses: 0, mean: null, share: null, status: 'unknown' });

    const unknown = await station.dispatch('figures:get', { ...twoMonths, site: 'ZZZ99' }, figuresDesk);
    expect(unknown).toMatchObject({ ok: false, error: { code: 'validation_failed', issues: [{ path: 'site', reason: 'site_unknown' }] } });
  });

  it('refuse a period that is not two real dates in order, at most ten years long', async () => {
    const refusal = async (input: Record<string, unknown>) => {
      const result = await station.dispatch('figures:get', input as never, figuresDesk);
      return result.ok ? null : result.error.issues;
    };
    expect(await refusal({ from: '2026-02-30', to: '2026-03-01' })).toEqual([{ path: 'from', reason: 'period_date' }]);
    expect(await refusal({ from: '2026-03-01', to: '2026-02-01' })).toEqual([{ path: 'to', reason: 'period_order' }]);
    expect(await refusal({ from: '2010-01-01', to: '2026-01-01' })).toEqual([{ path: 'to', reason: 'period_too_long' }]);
    expect(await refusal({ from: '2026-01-01' })).toEqual([{ path: 'to', reason: 'required' }]);
    expect(await refusal({ ...twoMonths, site: 'k' })).toEqual([{ path: 'site', reason: 'station_code_format' }]);
  });

  it('audit every reading as a view, and keep figures from the kiosk', async () => {
    await ok('figures:get', twoMonths);
    const views = station.connection.sqlite
      .prepare(`select actor_role, object_type, object_id, detail from audit_log where action = 'view' and object_type = 'figures'`)
      .all() as Array<{ actor_role: string; object_type: string; object_id: string; detail: string }>;
    expect(views).toHaveLength(1);
    expect(views[0]).toMatchObject({ actor_role: 'admin', object_id: 'KMU01' });
    expect(JSON.parse(views[0]!.detail)).toEqual({ from: '2026-01-01', to: '2026-02-28' });
    expect(await station.dispatch('figures:get', twoMonths, { sessionKey: 'some-kiosk' })).toMatchObject({ ok: false, error: { code: 'not_signed_in' } });
    expect(await station.services.audit.verify()).toMatchObject({ ok: true });
  });
});
