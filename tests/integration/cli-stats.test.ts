import { rmSync } from 'node:fs';
import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openStation } from '../../electron/app/open-station';
import { addCalendarDays, stationDate } from '../../shared/domain/age';
import { openFiguresStation, seedFigures } from '../fixtures/figures';
import { makeTempDir, sampleAdmin } from '../fixtures/temp-station';
import { runCli } from '../fixtures/cli';


function cli(dataDir: string, args: string[], lang = 'zh_CN.UTF-8') {
  return runCli(dataDir, args, { lang, env: { RELAY_ADMIN_PASSWORD: sampleAdmin.password, RELAY_ADMIN_PIN: sampleAdmin.pin }, timeoutMs: 60_000 });
}

/** The station of tests/fixtures/figures.ts, seeded and closed, for the command line to open. */
let seededDir: string;

beforeAll(async () => {
  const { station, clock, ok } = await openFiguresStation();
  await seedFigures(station, clock);
  // The command line runs on the real clock: a long retention keeps the 2026 visits whenever the test runs.
  await ok('memorial:setRetentionDays', { days: 3650 });
  await ok('figures:setTargets', { localPopulation: 20_000, reachTargetPercent: 1.5 });
  seededDir = station.dataDir;
  await station.close();
});

afterAll(() => {
  rmSync(seededDir, { recursive: true, force: true });
});

describe('cli stats', () => {
  it('prints the figures of a site and period as JSON, audited as a view by the system', () => {
    const result = cli(seededDir, ['stats', '--site', 'KMU01', '--from', '2026-01-01', '--to', '2026-02-28']);
    expect(result.code, result.stderr).toBe(0);
    const figures = JSON.parse(result.stdout);
    expect(figures).toMatchObject({
      site: 'KMU01',
      sites: ['KMU01'],
      from: '2026-01-01',
      to: '2026-02-28',
      visits: { signIns: 5, people: 15 },
      messages: { submitted: 3, approved: 1 },
      sessions: { held: 2, cancelled: 1, expectedHeadCount: 130 },
      attendance: { reach: 108, groups: 97, walkIns: 11 },
      reach: { localPopulation: 20_000, targetPeople: 49, status: 'met' },
      satisfaction: { responses: 9, satisfied: 7, byScore: [0, 1, 1, 3, 4], targetShare: 0.95, status: 'not_met' },
    });
    expect(figures.months.map((month: { month: string; reach: number }) => [month.month, month.reach])).toEqual([
      ['2026-01', 78],
      ['2026-02', 30],
    ]);

    const sqlite = new BetterSqlite3(join(seededDir, 'station.sqlite'), { readonly: true });
    try {
      const view = sqlite.prepare(`select actor_role, detail from audit_log where action = 'view' and object_type = 'figures' order by seq desc limit 1`).get() as {
        actor_role: string;
        detail: string;
      };
      expect(view.actor_role).toBe('system');
      expect(JSON.parse(view.detail)).toEqual({ from: '2026-01-01', to: '2026-02-28' });
    } finally {
      sqlite.close();
    }
  });

  it('exits 2 with a translated message on a bad date, a reversed period or an unknown site', () => {
    const badDate = cli(seededDir, ['stats', '--from', '2026-02-30', '--to', '2026-03-31']);
    expect(badDate.code).toBe(2);
    expect(badDate.stdout).toBe('');
    expect(badDate.stderr).toContain('站点或统计期间有误：\n--from：请输入有效的日期（年、月、日）。');

    const reversed = cli(seededDir, ['stats', '--from', '2026-03-01', '--to', '2026-02-01'], 'en_US.UTF-8');
    expect(reversed.code).toBe(2);
    expect(reversed.stderr).toContain('--to: The end of the period cannot be before its start.');

    const unknown = cli(seededDir, ['stats', '--site', 'ZZZ99', '--from', '2026-01-01', '--to', '2026-02-28'], 'en_US.UTF-8');
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('--site: This site has no records at this station.');
    expect(unknown.stderr).toContain('Usage: cli <command> [options]');
  });
});

describe('cli seed --visits --sessions', () => {
  const temps: Array<{ remove(): void }> = [];
  afterAll(() => temps.splice(0).forEach((temp) => temp.remove()));

  function memorialStation(): string {
    const temp = makeTempDir();
    temps.push(temp);
    const init = cli(temp.dir, ['init', '--code', 'KMU01', '--name', '昆明纪念园', '--kind', 'memorial_kiosk', '--region', '5301', '--admin', 'admin', '--admin-name', '管理员']);
    expect(init.code, init.stderr).toBe(0);
    return temp.dir;
  }

  it('writes visits and sessions through the services, as the summary says, the same for the same seed', async () => {
    const first = memorialStation();
    const second = memorialStation();
    const seeded = cli(first, ['seed', '--visits', '400', '--sessions', '16', '--seed', '3']);
    expect(seeded.code, seeded.stderr).toBe(0);
    const summary = JSON.parse(seeded.stdout);
    expect(summary.visits.signIns).toBe(400);
    expect(summary.sessions.scheduled).toBe(16);

    const sqlite = new BetterSqlite3(join(first, 'station.sqlite'), { readonly: true });
    try {
      const count = (query: string) => (sqlite.prepare(query).get() as { n: number }).n;
      expect(count('select count(*) as n from visitor_sign_in')).toBe(400);
      expect(count('select sum(party_size) as n from visitor_sign_in')).toBe(summary.visits.people);
      expect(count('select count(*) as n from visitor_message')).toBe(summary.visits.messages);
      expect(count(`select count(*) as n from visitor_message where state = 'approved'`)).toBe(summary.visits.approved);
      expect(count(`select count(*) as n from visitor_message where state = 'rejected'`)).toBe(summary.visits.rejected);
      expect(count(`select count(*) as n from education_session where state = 'cancelled'`)).toBe(summary.sessions.cancelled);
      expect(count('select count(*) as n from education_group')).toBe(summary.sessions.groups);
      expect(count('select coalesce(sum(count), 0) as n from education_walk_in')).toBe(summary.sessions.walkIns);
      expect(count('select count(*) as n from education_survey')).toBe(summary.sessions.surveys);
      // Over the past year, never in the future; every visit queued for the province and audited.
      expect(count(`select count(*) as n from visitor_sign_in where visited_at > strftime('%Y-%m-%dT%H:%M:%fZ', 'now')`)).toBe(0);
      expect(count(`select count(*) as n from visitor_sign_in where visited_at < strftime('%Y-%m-%dT%H:%M:%fZ', 'now', '-361 days')`)).toBe(0);
      expect(count(`select count(*) as n from outbox where kind = 'visitor_sign_in'`)).toBe(400);
      expect(count(`select count(*) as n from audit_log where object_type = 'visitor_sign_in' and actor_role = 'system'`)).toBe(400);
      // Groups checked in on their session's day, in Beijing time.
      expect(
        count(`select count(*) as n from education_group g join education_session s on s.id = g.session_id
               where date(g.checked_in_at, '+8 hours') != s.session_date`),
      ).toBe(0);
    } finally {
      sqlite.close();
    }
    const station = await openStation({ dataDir: first });
    try {
      expect(await station.services.audit.verify()).toMatchObject({ ok: true });
    } finally {
      await station.close();
    }

    // The same seed on another station gives the same visits and sessions.
    const again = cli(second, ['seed', '--visits', '400', '--sessions', '16', '--seed', '3']);
    expect(again.code, again.stderr).toBe(0);
    const { seconds: _first, ...firstCounts } = summary;
    const { seconds: _second, ...secondCounts } = JSON.parse(again.stdout);
    expect(secondCounts).toEqual(firstCounts);
    const today = stationDate(new Date());
    const period = ['--from', addCalendarDays(today, -400), '--to', addCalendarDays(today, 40)];
    const withoutTime = (stdout: string) => ({ ...JSON.parse(stdout), generatedAt: null });
    expect(withoutTime(cli(second, ['stats', ...period]).stdout)).toEqual(withoutTime(cli(first, ['stats', ...period]).stdout));
  }, 120_000);

  it('exits 2 on counts that are not whole numbers in range', () => {
    const dir = memorialStation();
    const none = cli(dir, ['seed']);
    expect(none.code).toBe(2);
    expect(none.stderr).toContain('或用 --visits 和 --sessions 给出要生成的纪念园来访和生命教育活动数量。');
    const bad = cli(dir, ['seed', '--visits', 'many'], 'en_US.UTF-8');
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('--visits must be a whole number from 0 to 500000.');
    expect(cli(dir, ['seed', '--sessions', '10001']).code).toBe(2);
  });
});
