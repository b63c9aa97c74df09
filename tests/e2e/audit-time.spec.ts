import type { Page } from '@playwright/test';
import { register, numberOf, openFirstResult, openRecords, search } from './records-helpers';
import { stationMoment } from '../../shared/domain/education';
import { sampleGroup, sampleSession } from '../fixtures/education';
import { kioskCaller } from '../fixtures/temp-station';
import { adminCaller, expect, openTileAs, sampleAdmin, sampleStation, signIn, test, testOnPinnedClock } from './fixtures';

/** A moment at 01:30 UTC: 09:30 at the station (Beijing time), whatever zone the browser is in. */
const EARLY_MORNING = '2026-03-02T01:30:00.000Z';
const onPinnedClock = testOnPinnedClock(EARLY_MORNING);

test.describe('the audit log names what it lists and refuses a reversed range', () => {
  test.beforeEach(async ({ setUpStation }) => {
    await setUpStation();
  });

  for (const language of ['zh', 'en'] as const) {
    const words =
      language === 'zh'
        ? { tile: '审计日志', registration: '登记记录', person: '登记人', dashboard: '统计看板', from: '起始日期', to: '截止日期', search: '查询', reversed: '截止日期不能早于起始日期。' }
        : { tile: 'Audit trail', registration: 'Registration', person: 'Person', dashboard: 'Dashboard', from: 'From date', to: 'To date', search: 'Search', reversed: 'The end date cannot be before the start date.' };

    test(`objects by their registration numbers and types in words (${language})`, async ({ page, station, openApp }) => {
      const created = await register(station);
      const body = numberOf(created, 'body');
      expect((await station.dispatch('person:get', { personId: created.personId }, adminCaller)).ok).toBe(true);
      expect((await station.dispatch('dashboard:get', {}, adminCaller)).ok).toBe(true);
      await openApp();
      await openTileAs(page, language, sampleAdmin, words.tile);

      const rows = page.getByTestId('audit-table').locator('tbody tr');
      const registrationRow = rows.filter({ hasText: words.registration }).filter({ hasText: body });
      await expect(registrationRow).toHaveCount(1);
      // The person looked at is named by their registration numbers: never by name, never by a bare UUID.
      const viewed = rows.filter({ has: page.locator('td', { hasText: new RegExp(`^${words.person}$`) }) });
      await expect(viewed.first()).toContainText(body);
      await expect(page.getByTestId('audit-table')).not.toContainText(created.personId);
      await expect(page.getByTestId('audit-table')).not.toContainText('𠮷');
      await expect(rows.filter({ hasText: words.dashboard })).toHaveCount(1);
      await expect(page.getByTestId('audit-table')).not.toContainText(/\bdashboard\b/);

      const before = await rows.count();
      await page.getByLabel(words.from).fill('2026-03-02');
      await page.getByLabel(words.to).fill('2026-03-01');
      await page.getByRole('button', { name: words.search, exact: true }).click();
      await expect(page.getByText(words.reversed)).toBeVisible();
      await expect(page.getByLabel(words.to)).toHaveAttribute('aria-invalid', 'true');
      // The list stays as it was rather than emptying silently.
      await expect(rows).toHaveCount(before);
    });
  }
});

onPinnedClock.describe('every screen shows times in the station zone, not the browser’s', () => {
  onPinnedClock.use({ timezoneId: 'UTC' });

  onPinnedClock.beforeEach(async ({ setUpStation }) => {
    await setUpStation();
  });

  onPinnedClock('a record’s first registration, a group’s check-in and the audit trail at 09:30 for 01:30 UTC (zh + en)', async ({ page, station, openApp, clock }) => {
    const created = await register(station);
    // A session scheduled at 09:20 for 09:25 (the idle lock of the desk does not run out in between),
    // and a group that checks in at 09:30.
    clock.set(stationMoment('2026-03-02', '09:20'));
    const session = await station.dispatch('education:schedule', sampleSession({ startsAt: stationMoment('2026-03-02', '09:25'), endsAt: stationMoment('2026-03-02', '11:00') }), adminCaller);
    if (!session.ok) throw new Error(JSON.stringify(session.error));
    clock.set(EARLY_MORNING);
    const sessionId = (session.data as { id: string }).id;
    expect((await station.dispatch('education:checkIn', { sessionId, ...sampleGroup }, kioskCaller)).ok).toBe(true);
    await openApp();
    await signIn(page, sampleAdmin);
    await openRecords(page);
    await search(page, numberOf(created, 'body'));
    await openFirstResult(page);
    const record = page.getByTestId('person-record');
    await expect(record).toContainText('2026年3月2日 09:30');
    await page.getByRole('button', { name: 'English', exact: true }).click();
    await expect(record).toContainText('Mar 2, 2026, 09:30');

    await page.getByRole('button', { name: 'Back to home', exact: true }).click();
    await page.getByRole('button', { name: /Audit trail/ }).click();
    const firstRow = page.getByTestId('audit-table').locator('tbody tr').last();
    await expect(firstRow).toContainText('Mar 2, 2026, 09:30:00');
    await page.getByRole('button', { name: '简体中文', exact: true }).click();
    await expect(firstRow).toContainText('2026年3月2日 09:30:00');

    await page.getByRole('button', { name: '返回首页', exact: true }).click();
    await page.locator('.tile', { has: page.locator('strong', { hasText: /^生命教育活动$/ }) }).click();
    await page.locator(`tr[data-session="${sampleSession().title}"]`).getByRole('button', { name: '查看' }).click();
    const group = page.getByTestId('session-detail').locator(`tr[data-group="${sampleGroup.organisation}"]`);
    await expect(group).toContainText('2026年3月2日 09:30');
    await page.getByRole('button', { name: 'English', exact: true }).click();
    await expect(group).toContainText('Mar 2, 2026, 09:30');
  });
});

/** Every console error and every failed or refused request while `load` runs. */
async function problemsDuring(page: Page, load: () => Promise<void>): Promise<string[]> {
  const problems: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(`console: ${message.text()}`);
  });
  page.on('requestfailed', (request) => problems.push(`failed: ${request.url()}`));
  page.on('response', (response) => {
    if (response.status() >= 400) problems.push(`${response.status()}: ${response.url()}`);
  });
  await load();
  return problems;
}

test('the page is titled in the language on screen and loads without a console error or a failed request', async ({ page, openApp, setUpStation }) => {
  await setUpStation();
  const problems = await problemsDuring(page, async () => {
    await openApp();
    await expect(page.getByRole('heading', { name: sampleStation.name })).toBeVisible();
    await page.waitForLoadState('networkidle');
  });
  expect(problems).toEqual([]);
  await expect(page).toHaveTitle('生命接力登记站');
  await page.getByRole('button', { name: 'English', exact: true }).click();
  await expect(page).toHaveTitle('Relay Station');
  await page.getByRole('button', { name: '简体中文', exact: true }).click();
  await expect(page).toHaveTitle('生命接力登记站');
});

test.describe('the visitor sign-in countdown speaks of the start page, not of steps', () => {
  test.beforeEach(async ({ setUpStation, station, openApp, page }) => {
    await setUpStation();
    station.connection.sqlite
      .prepare("insert into station_setting(key, value, updated_at) values ('kioskIdleSeconds', '20', ?)")
      .run(new Date().toISOString());
    await page.clock.install();
    await openApp();
    await expect(page.getByRole('heading', { name: sampleStation.name })).toBeVisible();
  });

  for (const language of ['zh', 'en'] as const) {
    const words =
      language === 'zh'
        ? { switch: '简体中文', tile: /来访登记/, party: '3', title: '还在使用吗？', countdown: /^1[5-9] 秒后将清除已填写的内容并回到开始页面。$/, continue: '继续填写' }
        : {
            switch: 'English',
            tile: /Visitor sign-in/,
            party: '3',
            title: 'Are you still there?',
            countdown: /^In 1[5-9] seconds, what you entered is cleared and the screen returns to the start page\.$/,
            continue: 'Continue',
          };

    test(`(${language})`, async ({ page }) => {
      await page.getByRole('button', { name: words.switch, exact: true }).click();
      await page.getByRole('button', { name: words.tile }).click();
      await page.getByLabel(words.party, { exact: true }).check();
      // 20 s idle, too short for a whole warning: it shows after 10 s and leaves 20 s to answer.
      await page.clock.fastForward('00:11');
      const countdown = page.getByRole('alertdialog', { name: words.title });
      await expect(countdown).toBeVisible();
      await expect(page.getByTestId('idle-countdown')).toHaveText(words.countdown);
      await expect(page.getByTestId('idle-countdown')).not.toContainText(language === 'zh' ? '第一步' : 'first step');
      await countdown.getByRole('button', { name: words.continue, exact: true }).click();
      await expect(countdown).toHaveCount(0);
      await expect(page.getByLabel(words.party, { exact: true })).toBeChecked();
    });
  }
});

test.describe('the staff header keeps to one row at desk widths', () => {
  /** One row of 2.5rem buttons (18 px root) with its padding is about 60 px; two rows were about 137. */
  const ONE_ROW_MAX_PX = 90;

  for (const viewport of [
    { width: 1024, height: 768 },
    { width: 1280, height: 900 },
  ]) {
    for (const language of ['zh', 'en'] as const) {
      test(`at ${viewport.width}×${viewport.height} (${language})`, async ({ page, openApp, setUpStation }) => {
        await setUpStation();
        await page.setViewportSize(viewport);
        await openApp();
        await openTileAs(page, language, sampleAdmin, language === 'zh' ? '审计日志' : 'Audit trail');

        const header = page.locator('.app-header');
        const box = await header.boundingBox();
        expect(box).not.toBeNull();
        expect(box!.height).toBeLessThan(ONE_ROW_MAX_PX);
        const signOut = await page.locator('.staff-bar button').last().boundingBox();
        for (const button of await page.locator('.language-switch button').all()) {
          const own = await button.boundingBox();
          // On the header's row: inside it, level with the staff bar's buttons.
          expect(own!.y).toBeGreaterThanOrEqual(box!.y);
          expect(own!.y + own!.height).toBeLessThanOrEqual(box!.y + box!.height);
          expect(Math.abs(own!.y - signOut!.y)).toBeLessThan(2);
        }
        // Nothing spills out sideways or runs into its neighbour.
        expect(await header.evaluate((element) => element.scrollWidth <= element.clientWidth)).toBe(true);
        // Each piece of the row, in document order (which is left to right), starts after the one before ends.
        const pieces = await header.evaluate((element) =>
          Array.from(element.querySelectorAll('.brand, .station-name, nav button, .staff-bar__who, .staff-bar button, .language-switch button')).map((piece) => {
            const rect = piece.getBoundingClientRect();
            return { left: rect.left, right: rect.right };
          }),
        );
        for (let index = 1; index < pieces.length; index += 1) expect(pieces[index]!.left).toBeGreaterThanOrEqual(pieces[index - 1]!.right - 0.5);
        await expect(page.getByTestId('staff-name')).toBeVisible();
      });
    }
  }
});
