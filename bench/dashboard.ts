import { existsSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { CallOutput } from '../shared/contract/calls';
import { stationDate } from '../shared/domain/age';
import { openStation, type OpenStation } from '../electron/app/open-station';
import { startStationHost } from '../electron/host/server';
import { createRandom } from '../shared/random/seeded-random';
import { latency, type Latency } from './registration';

/**
 * The statistics dashboard over a large station (default 1 000 000 registrations and 1 000 000
 * memorial visits, env BENCH_DASHBOARD_REGISTRATIONS and BENCH_DASHBOARD_VISITS): `dashboard:get`
 * through the station's dispatcher (schema, role check, the figures of the year against the year
 * before, the audit entry of the view), against `select count(*) from registration` on the same
 * database in the same run, the floor of any figure read from the records themselves.
 *
 * The fill writes rows with prepared statements in transactions of 10 000, the triggers of migration
 * 0012 on (keeping the tallies is the point): people, a follow-up contact consent for each stem-cell
 * volunteer, registrations over the last two years with where the person heard of donation (some
 * naming one of 200 sessions), then withdrawals and stem-cell steps as updates, and the visits. The
 * records carry placeholder text where the station seals personal data: the dashboard never reads it.
 *
 * Cold is the first call after the station is reopened (SQLite's page cache empty, the operating
 * system's file cache warm); warm is the median and maximum of BENCH_DASHBOARD_CALLS calls per side,
 * the sides alternating. When the renderer is built (dist/renderer) and Debian's Chromium is there,
 * the time from the click on the dashboard's tile to its figures on screen is measured too, through
 * the station host, the first time and again.
 */

const STATION_CODE = 'KMU01';
const CHUNK = 10_000;
const HISTORY_DAYS = 730;
const SESSIONS = 200;
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const builtRenderer = fileURLToPath(new URL('../dist/renderer', import.meta.url));

const setup = {
  code: STATION_CODE,
  name: '昆明医科大学遗体捐献登记接收站',
  kind: 'university_station',
  regionCode: '5301',
  admin: { username: 'admin', displayName: '管理员', password: 'bench admin passphrase', pin: '246810' },
} as const;
const desk = { sessionKey: 'bench-desk' };

export interface DashboardBenchOptions {
  registrations: number;
  visits: number;
  /** Timed calls per side once warm. */
  calls: number;
  log?: (line: string) => void;
}

export interface DashboardBenchResult {
  registrations: number;
  visits: number;
  fill: { seconds: number; databaseMegabytes: number; tallyRows: Record<string, number> };
  /** What the reopened station holds: its registrations, and the visits its tally counted. */
  stored: { registrations: number; visits: number };
  /** Registrations the dashboard counted this year, as a check that it saw the fill. */
  counted: { thisYear: number; lastYearSameDays: number };
  cold: { dashboardMs: number; baselineMs: number };
  warm: { dashboard: Latency; baseline: Latency };
  /** Click on the tile to the figures on screen, in Chromium through the station host: the first time, and the median of five more. */
  browser: { firstMs: number; againMs: number } | { skipped: string };
}

function dayNumber(date: string): number {
  return Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10))) / 86_400_000;
}

function dateOfDay(day: number): string {
  return new Date(day * 86_400_000).toISOString().slice(0, 10);
}

/** A moment on a Beijing day, as the station stores moments (UTC ISO). */
function momentOn(date: string, minute: number): string {
  return new Date(Date.parse(`${date}T00:00:00+08:00`) + minute * 60_000).toISOString();
}

function ms(started: bigint): number {
  return Number(process.hrtime.bigint() - started) / 1e6;
}

async function ok<T>(result: Promise<{ ok: true; data: T } | { ok: false; error: unknown }>): Promise<T> {
  const settled = await result;
  if (!settled.ok) throw new Error(`refused: ${JSON.stringify(settled.error)}`);
  return settled.data;
}

async function signIn(station: OpenStation): Promise<void> {
  await ok(station.dispatch('session:login', { username: setup.admin.username, password: setup.admin.password }, desk));
}

/** Fills the station with prepared statements, the tallies' triggers on. */
function fill(station: OpenStation, options: DashboardBenchOptions, log: (line: string) => void): void {
  const sqlite = station.connection.sqlite;
  const random = createRandom(20_260_630);
  const today = dayNumber(stationDate(new Date()));
  const pick = <T>(choices: ReadonlyArray<readonly [T, number]>): T => {
    let roll = random();
    for (const [value, weight] of choices) {
      roll -= weight;
      if (roll < 0) return value;
    }
    return choices.at(-1)![0];
  };
  const dayBack = () => dateOfDay(today - Math.floor(random() * HISTORY_DAYS));
  sqlite.pragma('synchronous = OFF');

  const insertSession = sqlite.prepare(
    `insert into education_session (id, station_code, title, starts_at, ends_at, session_date, venue, host, audience_kind, expected_head_count, state, version, created_at, updated_at)
     values (?, ?, ?, ?, ?, ?, '报告厅', '张老师', 'school', 60, 'scheduled', 1, ?, ?)`,
  );
  const insertGroup = sqlite.prepare(
    `insert into education_group (id, session_id, station_code, organisation, contact_name, contact_phone, head_count, age_band, checked_in_at)
     values (?, ?, ?, '第一中学', 'x', 'x', ?, 'age_12_17', ?)`,
  );
  const insertSurvey = sqlite.prepare(`insert into education_survey (id, session_id, station_code, score, answered_at) values (?, ?, ?, ?, ?)`);
  const sessions: Array<{ id: string; day: number }> = [];
  sqlite.transaction(() => {
    for (let i = 0; i < SESSIONS; i += 1) {
      const date = dayBack();
      const id = `bench-session-${i}`;
      const starts = momentOn(date, 9 * 60);
      insertSession.run(id, STATION_CODE, `生命教育讲座 ${i + 1}`, starts, momentOn(date, 11 * 60), date, starts, starts);
      insertGroup.run(`${id}-group`, id, STATION_CODE, 20 + Math.floor(random() * 40), starts);
      for (let answer = 0; answer < 10; answer += 1) insertSurvey.run(`${id}-survey-${answer}`, id, STATION_CODE, 3 + Math.floor(random() * 3), starts);
      sessions.push({ id, day: dayNumber(date) });
    }
  })();
  // As the registration form allows: a session of the 90 days before the registration, or none to name.
  const sessionNamedOn = (day: string): string | null => {
    const on = dayNumber(day);
    const recent = sessions.filter((session) => session.day <= on && session.day >= on - 90);
    return recent.length === 0 ? null : recent[Math.floor(random() * recent.length)]!.id;
  };

  const insertPerson = sqlite.prepare(
    `insert into person (id, station_code, version, document_kind, document_key, name_key, phone_key, index_key_id, personal, created_at, updated_at)
     values (?, ?, 1, 'resident_id', ?, ?, ?, 'bench', 'x', ?, ?)`,
  );
  const insertConsent = sqlite.prepare(`insert into consent (person_id, purpose, granted, text_version, at) values (?, 'follow_up_contact', ?, 'bench', ?)`);
  const insertRegistration = sqlite.prepare(
    `insert into registration (id, number, person_id, program, state, version, channel, details, stem_cell_status, registered_on, typing_stopped, created_at, updated_at, heard_from, heard_from_session_id)
     values (?, ?, ?, ?, 'active', 1, 'staff', 'x', ?, ?, 0, ?, ?, ?, ?)`,
  );
  const withdraw = sqlite.prepare(
    `update registration set state = 'withdrawn', version = version + 1, updated_at = ?,
       stem_cell_status = case when program = 'stem_cell' then 'withdrawn' else stem_cell_status end where id = ?`,
  );
  const step = sqlite.prepare(`update registration set stem_cell_status = ?, version = version + 1 where id = ?`);
  const insertVisit = sqlite.prepare(
    `insert into visitor_sign_in (id, station_code, visited_at, party_size, purpose, visitor_name, version) values (?, ?, ?, ?, 'remembrance', null, 1)`,
  );

  const programs = [
    ['organ', 0.35],
    ['cornea', 0.25],
    ['body', 0.15],
    ['stem_cell', 0.25],
  ] as const;
  const sources = [
    [null, 0.4],
    ['session', 0.15],
    ['campaign', 0.15],
    ['media', 0.15],
    ['friend', 0.1],
    ['other', 0.05],
  ] as const;
  const steps = [
    ['signed_up', 0.3],
    ['sample_taken', 0.4],
    ['typed', 0.2],
    ['in_registry', 0.1],
  ] as const;

  for (let start = 0; start < options.registrations; start += CHUNK) {
    const end = Math.min(options.registrations, start + CHUNK);
    sqlite.transaction(() => {
      for (let i = start; i < end; i += 1) {
        const day = dayBack();
        const at = momentOn(day, 8 * 60 + (i % 600));
        const personId = `bench-person-${i}`;
        const id = `bench-registration-${i}`;
        const program = pick(programs);
        let source: (typeof sources)[number][0] = pick(sources);
        const named = source === 'session' ? sessionNamedOn(day) : null;
        if (source === 'session' && named === null) source = 'campaign';
        insertPerson.run(personId, STATION_CODE, `document-${i}`, `name-${i % 5000}`, `phone-${i}`, at, at);
        if (program === 'stem_cell') insertConsent.run(personId, random() < 0.88 ? 1 : 0, at);
        insertRegistration.run(
          id,
          `${STATION_CODE}-${day.slice(0, 4)}-R${String(i + 1).padStart(7, '0')}`,
          personId,
          program,
          program === 'stem_cell' ? 'signed_up' : null,
          day,
          at,
          at,
          source,
          named,
        );
        // Withdrawals and stem-cell steps as the services write them: updates of the record.
        if (random() < 0.05) withdraw.run(momentOn(dateOfDay(Math.min(today, dayNumber(day) + Math.floor(random() * 60))), 600), id);
        else if (program === 'stem_cell') {
          const reached = pick(steps);
          if (reached !== 'signed_up') step.run(reached, id);
        }
      }
    })();
    if (end % 200_000 === 0 || end === options.registrations) log(`  registrations: ${end.toLocaleString('en-US')}`);
  }

  for (let start = 0; start < options.visits; start += CHUNK) {
    const end = Math.min(options.visits, start + CHUNK);
    sqlite.transaction(() => {
      for (let i = start; i < end; i += 1) insertVisit.run(`bench-visit-${i}`, STATION_CODE, momentOn(dayBack(), 8 * 60 + (i % 540)), 1 + Math.floor(random() * 6));
    })();
    if (end % 200_000 === 0 || end === options.visits) log(`  visits: ${end.toLocaleString('en-US')}`);
  }
  sqlite.pragma('synchronous = FULL');
  sqlite.pragma('wal_checkpoint(TRUNCATE)');
  sqlite.exec('analyze');
}

/** The tile's click to the registrations figure on screen, in Chromium against the station host. */
async function timeInBrowser(station: OpenStation): Promise<DashboardBenchResult['browser']> {
  if (!existsSync(join(builtRenderer, 'index.html'))) return { skipped: 'renderer not built (npm run build:renderer)' };
  if (!existsSync(CHROMIUM)) return { skipped: `no Chromium at ${CHROMIUM}` };
  const { chromium } = await import('@playwright/test');
  const host = await startStationHost({ dispatch: station.dispatch, staticRoot: builtRenderer });
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--no-first-run'] });
  try {
    const page = await browser.newPage({ locale: 'zh-CN', timezoneId: 'Asia/Shanghai' });
    await page.goto(host.issueLaunchUrl());
    await page.getByRole('button', { name: '工作人员登录' }).click();
    await page.getByLabel('用户名').fill(setup.admin.username);
    await page.getByLabel('密码').fill(setup.admin.password);
    await page.getByRole('button', { name: '登录', exact: true }).click();
    await page.getByTestId('staff-name').waitFor();
    const open = async () => {
      const started = process.hrtime.bigint();
      await page.locator('.tile', { has: page.locator('strong', { hasText: /^统计看板$/ }) }).click();
      await page.getByTestId('dashboard-registered-value').waitFor({ state: 'visible' });
      return ms(started);
    };
    const firstMs = await open();
    const again: number[] = [];
    for (let i = 0; i < 5; i += 1) {
      await page.getByRole('button', { name: '返回首页' }).click();
      again.push(await open());
    }
    return { firstMs, againMs: again.sort((a, b) => a - b)[2]! };
  } finally {
    await browser.close();
    await host.close();
  }
}

export async function benchDashboard(options: DashboardBenchOptions): Promise<DashboardBenchResult> {
  const log = options.log ?? (() => undefined);
  const dir = mkdtempSync(join(tmpdir(), 'relay-dashboard-bench-'));
  try {
    let station = await openStation({ dataDir: dir });
    await ok(station.dispatch('station:setup', setup, desk));
    log(`filling ${options.registrations.toLocaleString('en-US')} registrations and ${options.visits.toLocaleString('en-US')} visits…`);
    const filling = process.hrtime.bigint();
    fill(station, options, log);
    const fillSeconds = ms(filling) / 1000;
    const tallyRows = Object.fromEntries(
      ['registration_tally', 'stem_cell_tally', 'visit_tally'].map((table) => [
        table,
        (station.connection.sqlite.prepare(`select count(*) as n from ${table}`).get() as { n: number }).n,
      ]),
    );
    await station.close();

    // Reopened as the app would: an empty page cache, the station's pragmas.
    station = await openStation({ dataDir: dir });
    try {
      await signIn(station);
      const sqlite = station.connection.sqlite;
      const countAll = sqlite.prepare('select count(*) as n from registration').pluck();
      const baseline = () => countAll.get() as number;
      const dashboard = () => ok(station.dispatch('dashboard:get', {}, desk)) as Promise<CallOutput<'dashboard:get'>>;

      let started = process.hrtime.bigint();
      const first = await dashboard();
      const coldDashboardMs = ms(started);
      started = process.hrtime.bigint();
      const stored = baseline();
      const coldBaselineMs = ms(started);
      if (stored !== options.registrations) throw new Error(`expected ${options.registrations} registrations, found ${stored}`);
      // The retention purge may have removed old sign-ins on reopening; their tally stays.
      const visits = sqlite.prepare('select coalesce(sum(sign_ins), 0) from visit_tally').pluck().get() as number;

      const dashboardTimes: number[] = [];
      const baselineTimes: number[] = [];
      for (let i = 0; i < options.calls; i += 1) {
        for (const side of i % 2 === 0 ? (['dashboard', 'baseline'] as const) : (['baseline', 'dashboard'] as const)) {
          const begun = process.hrtime.bigint();
          if (side === 'dashboard') await dashboard();
          else baseline();
          (side === 'dashboard' ? dashboardTimes : baselineTimes).push(Number(process.hrtime.bigint() - begun));
        }
      }
      log('timing in Chromium…');
      const browser = await timeInBrowser(station).catch((error: unknown) => ({ skipped: String(error) }));
      return {
        registrations: options.registrations,
        visits: options.visits,
        fill: { seconds: fillSeconds, databaseMegabytes: statSync(join(dir, 'station.sqlite')).size / 1_048_576, tallyRows },
        stored: { registrations: stored, visits },
        counted: { thisYear: first.registrations.registered, lastYearSameDays: first.registrations.growth.previous },
        cold: { dashboardMs: coldDashboardMs, baselineMs: coldBaselineMs },
        warm: { dashboard: latency(dashboardTimes), baseline: latency(baselineTimes) },
        browser,
      };
    } finally {
      await station.close();
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
