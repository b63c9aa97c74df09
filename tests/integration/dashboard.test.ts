import { randomUUID } from 'node:crypto';
import ExcelJS from 'exceljs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { OpenStation } from '../../electron/app/open-station';
import type { CallOutput } from '../../shared/contract/calls';
import { seedDashboard, seededSessionTitle } from '../fixtures/dashboard';
import { signInStaffDesks } from '../fixtures/dispatch';
import { beijing, caller, figuresDesk, openFiguresStation, type PinnedClock } from '../fixtures/figures';

let station: OpenStation & { remove(): Promise<void> };
let clock: PinnedClock;
let ok: ReturnType<typeof caller>['ok'];
let at: ReturnType<typeof caller>['at'];
let seeded: Awaited<ReturnType<typeof seedDashboard>>;

async function open(options?: { consentLater?: boolean }) {
  ({ station, clock, ok, at } = await openFiguresStation(beijing('2025-01-02', '08:00')));
  seeded = await seedDashboard(station, clock, options);
}

afterEach(async () => {
  await station.remove();
});

function sql<T>(query: string, ...params: unknown[]): T[] {
  return station.connection.sqlite.prepare(query).all(...params) as T[];
}

async function refusal(input: Record<string, unknown>) {
  const result = await station.dispatch('dashboard:get', input as never, figuresDesk);
  return result.ok ? null : result.error;
}

describe('dashboard figures on the seed of tests/fixtures/dashboard.ts, worked out by hand', () => {
  beforeEach(async () => open());

  it('count this year so far against the same days of 2025, per program, month, station and year', async () => {
    const dashboard = await ok('dashboard:get', {});
    expect(dashboard).toMatchObject({
      year: 2026,
      from: '2026-01-01',
      to: '2026-06-30',
      previous: { from: '2025-01-01', to: '2025-06-30' },
      station: 'KMU01',
    });
    // P4 organ, P5 body + cornea, P6, P7, P8 stem cell = 6; P4 and P8 withdrew; P5's body donation took place.
    // The same days of 2025: P1 organ + cornea, P2 body = 3 (P3 in November is after 30 June). 6 on 3 is +100 %.
    expect(dashboard.registrations).toEqual({
      registered: 6,
      withdrawn: 2,
      realised: 1,
      growth: { current: 6, previous: 3, growth: 1, target: 0.1, status: 'met' },
    });
    expect(dashboard.programs).toEqual([
      { program: 'organ', registered: 1, withdrawn: 1, realised: 0, previousRegistered: 1 },
      { program: 'cornea', registered: 1, withdrawn: 0, realised: 0, previousRegistered: 1 },
      { program: 'body', registered: 1, withdrawn: 0, realised: 1, previousRegistered: 1 },
      { program: 'stem_cell', registered: 3, withdrawn: 1, realised: 0, previousRegistered: 0 },
    ]);
    expect(dashboard.months).toEqual([
      { month: '2026-01', registered: 1, withdrawn: 0, realised: 0, previousRegistered: 0 },
      // P1's two records of 10 February 2025.
      { month: '2026-02', registered: 0, withdrawn: 0, realised: 0, previousRegistered: 2 },
      { month: '2026-03', registered: 3, withdrawn: 0, realised: 0, previousRegistered: 0 },
      { month: '2026-04', registered: 2, withdrawn: 0, realised: 0, previousRegistered: 0 },
      { month: '2026-05', registered: 0, withdrawn: 1, realised: 0, previousRegistered: 0 },
      // P8 withdrew on 1 June; the donation of 8 June counts on its day, not on the day it was recorded.
      { month: '2026-06', registered: 0, withdrawn: 1, realised: 1, previousRegistered: 1 },
    ]);
    expect(dashboard.stations).toEqual([{ station: 'KMU01', registered: 6, withdrawn: 2, realised: 1 }]);
    expect(dashboard.years).toEqual([
      { year: 2022, registered: 0, withdrawn: 0, realised: 0 },
      { year: 2023, registered: 0, withdrawn: 0, realised: 0 },
      { year: 2024, registered: 0, withdrawn: 0, realised: 0 },
      { year: 2025, registered: 4, withdrawn: 0, realised: 0 },
      { year: 2026, registered: 6, withdrawn: 2, realised: 1 },
    ]);
  });

  it('show the stem-cell pipeline, re-contact consent, where registrants heard of donation and the sessions that led to registrations', async () => {
    const dashboard = await ok('dashboard:get', { year: 2026 });
    // P6 typed, P7 signed up, P8 withdrawn.
    expect(dashboard.stemCell.steps).toEqual([
      { status: 'signed_up', volunteers: 1 },
      { status: 'sample_taken', volunteers: 0 },
      { status: 'typed', volunteers: 1 },
      { status: 'in_registry', volunteers: 0 },
      { status: 'withdrawn', volunteers: 1 },
    ]);
    // P6 consented at registration, P7 on 5 June; P8 is withdrawn and no longer counts.
    expect(dashboard.stemCell.recontact).toEqual({ consenting: 2, volunteers: 2, share: 1, targetShare: 0.85, status: 'met' });
    expect(dashboard.heardFrom).toEqual([
      { source: 'session', registrations: 3 },
      { source: 'campaign', registrations: 1 },
      { source: 'media', registrations: 0 },
      { source: 'friend', registrations: 1 },
      { source: 'other', registrations: 0 },
      { source: 'unknown', registrations: 1 },
    ]);
    // P5's two records and P6's name the session of 10 March.
    expect(dashboard.sessions).toEqual([{ sessionId: seeded.sessionId, title: seededSessionTitle, date: '2026-03-10', registrations: 3 }]);
    // Visits of 4 January (3) and 18 February (2); the session's group of 20; answers 5, 4, 2.
    expect(dashboard.memorial).toMatchObject({
      visits: { signIns: 2, people: 5 },
      sessions: { held: 1, cancelled: 0, expectedHeadCount: 30 },
      attendance: { reach: 20, groups: 20, walkIns: 0 },
      reach: { reach: 20, localPopulation: null, status: 'unknown' },
      satisfaction: { responses: 3, satisfied: 2, share: 2 / 3, status: 'not_met', byScore: [0, 1, 0, 1, 1] },
    });
  });

  it('judge 2025 as a whole year against 2024, which had nothing: growth unknown', async () => {
    const dashboard = await ok('dashboard:get', { year: 2025 });
    expect(dashboard).toMatchObject({ from: '2025-01-01', to: '2025-12-31', previous: { from: '2024-01-01', to: '2024-12-31' } });
    expect(dashboard.registrations).toEqual({ registered: 4, withdrawn: 0, realised: 0, growth: { current: 4, previous: 0, growth: null, target: 0.1, status: 'unknown' } });
    expect(dashboard.heardFrom.find((row) => row.source === 'media')).toEqual({ source: 'media', registrations: 2 });
    expect(dashboard.stemCell.recontact).toMatchObject({ volunteers: 0, share: null, status: 'unknown' });
    expect(dashboard.memorial.visits).toEqual({ signIns: 1, people: 4 });
  });

  it('refuse a year still to come or before 2000, audit every view, and keep the dashboard from the kiosk', async () => {
    expect(await refusal({ year: 2027 })).toMatchObject({ code: 'validation_failed', issues: [{ path: 'year', reason: 'period_future' }] });
    expect(await refusal({ year: 1999 })).toMatchObject({ code: 'validation_failed', issues: [{ path: 'year', reason: 'period_year' }] });
    expect(await refusal({ year: 2026.5 })).toMatchObject({ issues: [{ path: 'year', reason: 'period_year' }] });
    await ok('dashboard:get', {});
    const views = sql<{ actor_role: string; object_id: string; detail: string }>(
      `select actor_role, object_id, detail from audit_log where action = 'view' and object_type = 'dashboard'`,
    );
    expect(views.map((row) => ({ ...row, detail: JSON.parse(row.detail) }))).toEqual([
      { actor_role: 'admin', object_id: '2026', detail: { from: '2026-01-01', to: '2026-06-30' } },
    ]);
    expect(await station.dispatch('dashboard:get', {}, { sessionKey: 'a-kiosk' })).toMatchObject({ ok: false, error: { code: 'not_signed_in' } });
    expect(await station.services.audit.verify()).toMatchObject({ ok: true });
  });

  it('read only the tallies and indexes: no statement of dashboard:get scans a table of records', async () => {
    const sqlite = station.connection.sqlite;
    const statements: string[] = [];
    const prepare = sqlite.prepare.bind(sqlite);
    sqlite.prepare = ((source: string) => {
      statements.push(source);
      return prepare(source);
    }) as typeof sqlite.prepare;
    try {
      await ok('dashboard:get', {});
    } finally {
      sqlite.prepare = prepare;
    }
    const reads = statements.filter((source) => /^\s*select/i.test(source));
    expect(reads.length).toBeGreaterThan(5);
    const plans = reads.flatMap((source) => {
      const parameters = (source.match(/\?/g) ?? []).map(() => '2026-01-01');
      return (sqlite.prepare(`explain query plan ${source}`).all(...parameters) as Array<{ detail: string }>).map((row) => row.detail);
    });
    // No full scan but of a subquery's few rows and the audit chain's head (the newest entry, read backwards by rowid, one row).
    const scans = plans.filter((detail) => /^SCAN /.test(detail));
    for (const detail of scans) expect(detail).toMatch(/^SCAN (named|audit_log)$/);
    expect(reads.filter((source) => /from "audit_log"/.test(source))).toEqual(['select "seq", "hash" from "audit_log" order by "seq" desc limit ?']);
    // The records themselves are never read: the tallies answer for them.
    for (const detail of plans) expect(detail).not.toMatch(/\b(registration|visitor_sign_in|consent|person|registration_version)\b(?!_)/);
    expect(plans.some((detail) => /SEARCH registration_tally USING PRIMARY KEY \(day>\? AND day<\?\)/.test(detail))).toBe(true);
    expect(plans.some((detail) => /SEARCH visit_tally USING PRIMARY KEY/.test(detail))).toBe(true);
  });
});

describe('re-contact consent before the follow-up call', () => {
  beforeEach(async () => open({ consentLater: false }));

  it('is 1 of 2 volunteers, short of 85 %, and moves to 2 of 2 when P7 consents', async () => {
    expect((await ok('dashboard:get', {})).stemCell.recontact).toEqual({ consenting: 1, volunteers: 2, share: 0.5, targetShare: 0.85, status: 'not_met' });
    await ok('person:consent', { personId: seeded.personIds.p7, expectedVersion: 1, purpose: 'follow_up_contact', granted: true, signature: { kind: 'paper' } });
    expect((await ok('dashboard:get', {})).stemCell.recontact).toMatchObject({ consenting: 2, volunteers: 2, status: 'met' });
    await ok('person:consent', { personId: seeded.personIds.p6, expectedVersion: 1, purpose: 'follow_up_contact', granted: false, signature: { kind: 'paper' } });
    expect((await ok('dashboard:get', {})).stemCell.recontact).toMatchObject({ consenting: 1, volunteers: 2, status: 'not_met' });
  });
});

describe('tallies kept by triggers', () => {
  beforeEach(async () => open());

  type Row = Record<string, string | number>;
  const sorted = (rows: Row[]) => rows.map((row) => JSON.stringify(row)).sort();

  /** Each tally against the same sums counted again from the records. */
  function expectTalliesMatchRecords(): void {
    const station = `substr(number, 1, instr(number, '-') - 1)`;
    expect(sorted(sql<Row>(`select day, station_code, program, count from registration_tally where event = 'registered' and count != 0`))).toEqual(
      sorted(sql<Row>(`select registered_on as day, ${station} as station_code, program, count(*) as count from registration group by 1, 2, 3`)),
    );
    expect(sorted(sql<Row>(`select day, station_code, heard_from, session_id, count from registration_source_tally where count != 0`))).toEqual(
      sorted(
        sql<Row>(`select registered_on as day, ${station} as station_code, coalesce(heard_from, '') as heard_from,
          coalesce(heard_from_session_id, '') as session_id, count(*) as count from registration group by 1, 2, 3, 4`),
      ),
    );
    expect(sorted(sql<Row>(`select day, station_code, program, event, count from registration_tally where event != 'registered' and count != 0`))).toEqual(
      sorted(
        sql<Row>(`select case when state = 'realised' then realised_on else date(updated_at, '+8 hours') end as day, ${station} as station_code, program,
          state as event, count(*) as count from registration where state != 'active' group by 1, 2, 3, 4`),
      ),
    );
    expect(sorted(sql<Row>(`select day, station_code, status, contact_consent, count from stem_cell_tally where count != 0`))).toEqual(
      sorted(
        sql<Row>(`select registered_on as day, ${station} as station_code, stem_cell_status as status,
          coalesce((select (granted != 0) from consent c where c.person_id = r.person_id and c.purpose = 'follow_up_contact' order by c.id desc limit 1), 0) as contact_consent,
          count(*) as count from registration r where program = 'stem_cell' group by 1, 2, 3, 4`),
      ),
    );
  }

  function visitTallies(): Row[] {
    return sql<Row>(`select day, station_code, sign_ins, people from visit_tally where sign_ins != 0 order by day, station_code`);
  }

  it('equal a recount of the records after registrations, withdrawals, steps, consents, donations and direct writes', async () => {
    expectTalliesMatchRecords();
    // Written straight into the tables, as another program or a repair would: the triggers still count.
    const id = randomUUID();
    station.connection.sqlite
      .prepare(
        `insert into registration (id, number, person_id, program, state, version, channel, details, registered_on, typing_stopped, created_at, updated_at, heard_from)
         values (?, 'KMU02-2026-R000001', ?, 'organ', 'active', 1, 'staff', 'x', '2026-02-02', 0, ?, ?, 'media')`,
      )
      .run(id, seeded.personIds.p7, beijing('2026-02-02', '09:00'), beijing('2026-02-02', '09:00'));
    expectTalliesMatchRecords();
    station.connection.sqlite.prepare(`update registration set heard_from = 'session', heard_from_session_id = ? where id = ?`).run(seeded.sessionId, id);
    expectTalliesMatchRecords();
    station.connection.sqlite.prepare(`update registration set state = 'withdrawn', updated_at = ? where id = ?`).run(beijing('2026-06-20', '23:30'), id);
    expectTalliesMatchRecords();
    at(beijing('2026-06-30', '11:00'));
    await ok('person:consent', { personId: seeded.personIds.p6, expectedVersion: 1, purpose: 'follow_up_contact', granted: false, signature: { kind: 'paper' } });
    expectTalliesMatchRecords();

    const dashboard = await ok('dashboard:get', {});
    expect(dashboard.stations).toEqual([
      { station: 'KMU01', registered: 6, withdrawn: 2, realised: 1 },
      { station: 'KMU02', registered: 1, withdrawn: 1, realised: 0 },
    ]);
    expect(dashboard.sessions).toMatchObject([{ sessionId: seeded.sessionId, registrations: 4 }]);
    expect(dashboard.heardFrom.find((row) => row.source === 'session')).toEqual({ source: 'session', registrations: 4 });
  });

  it('keep past years’ visits after the retention purge deletes the sign-ins', async () => {
    const recount = () =>
      sql<Row>(`select date(visited_at, '+8 hours') as day, station_code, count(*) as sign_ins, sum(party_size) as people from visitor_sign_in group by 1, 2 order by 1, 2`);
    expect(visitTallies()).toEqual(recount());
    expect(visitTallies()).toEqual([
      { day: '2025-12-20', station_code: 'KMU01', sign_ins: 1, people: 4 },
      { day: '2026-01-04', station_code: 'KMU01', sign_ins: 1, people: 3 },
      { day: '2026-02-18', station_code: 'KMU01', sign_ins: 1, people: 2 },
    ]);
    const before = visitTallies();

    // A year and more later, with the default retention of 365 days: every sign-in of the seed goes.
    // (A visitor signed in that morning: the purge never empties the whole log, which would be a clock jump.)
    at(beijing('2027-03-01', '09:00'));
    await ok('visitor:signIn', { partySize: 6, purpose: 'remembrance' }, { sessionKey: 'kiosk' });
    const thisMorning = { day: '2027-03-01', station_code: 'KMU01', sign_ins: 1, people: 6 };
    at(beijing('2027-03-01', '10:00'));
    const purge = await station.services.visitorRetention.purge();
    expect(purge).toMatchObject({ signIns: 3 });
    expect(sql(`select party_size from visitor_sign_in`)).toEqual([{ party_size: 6 }]);
    expect(visitTallies()).toEqual([...before, thisMorning]);
    expect((await ok('dashboard:get', { year: 2025 })).memorial.visits).toEqual({ signIns: 1, people: 4 });
    expect((await ok('dashboard:get', { year: 2026 })).memorial.visits).toEqual({ signIns: 2, people: 5 });
    expect((await ok('figures:get', { from: '2025-12-01', to: '2026-02-28' })).visits).toEqual({ signIns: 3, people: 9 });

    // New sign-ins are counted on top.
    await ok('visitor:signIn', { partySize: 2, purpose: 'remembrance' }, { sessionKey: 'kiosk' });
    expect(visitTallies().at(-1)).toEqual({ day: '2027-03-01', station_code: 'KMU01', sign_ins: 2, people: 8 });
  });
});

describe('dashboard export', () => {
  beforeEach(async () => open());

  async function workbook(file: CallOutput<'dashboard:export'>): Promise<ExcelJS.Workbook> {
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(Buffer.from(file.contentBase64, 'base64') as unknown as ArrayBuffer);
    return book;
  }

  function rows(book: ExcelJS.Workbook, sheet: string): unknown[][] {
    const found: unknown[][] = [];
    book.getWorksheet(sheet)!.eachRow((row) => found.push((row.values as unknown[]).slice(1)));
    return found;
  }

  it('write every table as an XLSX with Chinese headers that reads back with the figures', async () => {
    const file = await ok('dashboard:export', { format: 'xlsx', language: 'zh-CN' });
    expect(file.fileName).toBe('dashboard-KMU01-2026-01-01-2026-06-30.xlsx');
    const book = await workbook(file);
    expect(book.worksheets.map((sheet) => sheet.name)).toEqual(['概况', '各月登记', '各项目登记', '各站点登记', '历年登记', '造血干细胞进展', '了解渠道', '带来登记的活动', '家庭关怀', '纪念活动邀请', '人道救助发放']);
    const summary = rows(book, '概况');
    expect(summary[0]).toEqual(['指标', '数值', '目标', '是否达标']);
    expect(summary).toContainEqual(['登记数', 6]);
    expect(summary).toContainEqual(['同比增长', 1, 0.1, '达标']);
    expect(summary).toContainEqual(['回访同意率', 1, 0.85, '达标']);
    expect(summary).toContainEqual(['满意率（4–5 分）', 2 / 3, 0.95, '未达标']);
    expect(rows(book, '各月登记')).toEqual([
      ['月份', '登记数', '撤回数', '已实现捐献数', '上年同期登记数'],
      ['2026-01', 1, 0, 0, 0],
      ['2026-02', 0, 0, 0, 2],
      ['2026-03', 3, 0, 0, 0],
      ['2026-04', 2, 0, 0, 0],
      ['2026-05', 0, 1, 0, 0],
      ['2026-06', 0, 1, 1, 1],
    ]);
    expect(rows(book, '各项目登记')[4]).toEqual(['造血干细胞志愿者', 3, 1, 0, 0]);
    expect(rows(book, '造血干细胞进展')).toEqual([['环节', '志愿者人数'], ['已报名', 1], ['已采样', 0], ['已分型', 1], ['已入库', 0], ['已退出', 1]]);
    expect(rows(book, '了解渠道')[1]).toEqual(['生命教育活动', 3]);
    expect(rows(book, '带来登记的活动')).toEqual([['活动', '日期', '登记数'], [seededSessionTitle, '2026-03-10', 3]]);
    expect(rows(book, '历年登记').at(-1)).toEqual(['2026', 6, 2, 1]);
    expect(rows(book, '家庭关怀')).toContainEqual(['在册捐献者家庭', 0]);
    expect(rows(book, '纪念活动邀请')[0]).toEqual(['纪念活动', '邀请家庭数', '接受邀请数', '出席家庭数']);
    expect(rows(book, '人道救助发放')[1]).toEqual(['慰问金', 0, 0]);

    const exports = sql<{ object_id: string; detail: string }>(`select object_id, detail from audit_log where action = 'export' and object_type = 'dashboard'`);
    expect(exports.map((row) => [row.object_id, JSON.parse(row.detail)])).toEqual([['2026', { from: '2026-01-01', to: '2026-06-30', format: 'xlsx' }]]);
  });

  it('write English headers in English, and a CSV of every table', async () => {
    const book = await workbook(await ok('dashboard:export', { year: 2026, format: 'xlsx', language: 'en' }));
    expect(book.worksheets.map((sheet) => sheet.name)).toEqual(['Summary', 'Months', 'Programs', 'Stations', 'Years', 'Stem-cell pipeline', 'Heard from', 'Sessions', 'Family care', 'Ceremony invitations', 'Aid paid']);
    expect(rows(book, 'Programs')[0]).toEqual(['Program', 'Registrations', 'Withdrawals', 'Donations realised', 'Registrations a year before']);
    expect(rows(book, 'Summary')).toContainEqual(['Growth', 1, 0.1, 'Met']);

    const csv = await ok('dashboard:export', { format: 'csv', language: 'zh-CN' });
    const text = Buffer.from(csv.contentBase64, 'base64').toString('utf8');
    expect(text.startsWith('\uFEFF概况\r\n指标,数值,目标,是否达标\r\n')).toBe(true);
    expect(text).toContain('\r\n各站点登记\r\n站点代码,登记数,撤回数,已实现捐献数\r\nKMU01,6,2,1\r\n');
    expect(text).toContain('\r\n同比增长,100.0%,10.0%,达标\r\n');
  });

  it('run in the background with its progress polled, hand the file over once, and only to the window that started it', async () => {
    const started = await ok('dashboard:exportStart', { format: 'xlsx', language: 'zh-CN' });
    expect(started).toMatchObject({ state: 'running', done: 0 });
    // 11 header rows, 16 + 6 + 4 + 1 + 5 + 5 + 6 + 1 rows, the family care's 8 + 3 + 5, and packing the file.
    expect(started.total).toBe(11 + 16 + 6 + 4 + 1 + 5 + 5 + 6 + 1 + 8 + 3 + 5 + 1);
    // Another window, signed in and allowed to export, does not see this one's job.
    const otherWindow = { sessionKey: 'another-window' };
    await signInStaffDesks(station, figuresDesk, [{ role: 'registrar', desk: otherWindow }]);
    expect(await station.dispatch('dashboard:exportProgress', { jobId: started.jobId }, otherWindow)).toMatchObject({ ok: false, error: { code: 'not_found' } });
    expect(await station.dispatch('dashboard:exportResult', { jobId: started.jobId }, otherWindow)).toMatchObject({ ok: false, error: { code: 'not_found' } });

    const seen: number[] = [];
    let progress = started;
    while (progress.state === 'running') {
      await new Promise((resolve) => setTimeout(resolve, 5));
      progress = await ok('dashboard:exportProgress', { jobId: started.jobId });
      seen.push(progress.done);
    }
    expect(progress).toEqual({ jobId: started.jobId, state: 'done', done: started.total, total: started.total });
    expect([...seen].sort((a, b) => a - b)).toEqual(seen);
    const file = await ok('dashboard:exportResult', { jobId: started.jobId });
    expect((await workbook(file)).worksheets).toHaveLength(11);
    expect(await station.dispatch('dashboard:exportResult', { jobId: started.jobId }, figuresDesk)).toMatchObject({ ok: false, error: { code: 'not_found' } });
    expect(await station.dispatch('dashboard:exportProgress', { jobId: 'no-such-job' }, figuresDesk)).toMatchObject({ ok: false, error: { code: 'not_found' } });
  });
});
