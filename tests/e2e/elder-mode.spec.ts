import type { Page } from '@playwright/test';
import { stationDate } from '../../shared/domain/age';
import { stationMoment } from '../../shared/domain/education';
import { adminCaller, expect, sampleAdmin, sampleStation, signIn, test } from './fixtures';
import { elderModeBreaches, elderToggle, fontSizes, lowContrastTexts, turnOnElderMode } from './support/elder-mode';

/** The words the spec clicks, in each language. */
const words = {
  zh: {
    language: '简体中文',
    home: '返回首页',
    signIn: /来访登记/,
    wall: /留言墙/,
    nameList: /纪念名录/,
    register: /意愿登记/,
    sessions: /今日生命教育活动/,
    checkIn: '团体签到',
    survey: '填写满意度问卷',
    searchLabel: '查找姓名',
  },
  en: {
    language: 'English',
    home: 'Back to home',
    signIn: /Visitor sign-in/,
    wall: /Message wall/,
    nameList: /Memorial name list/,
    register: /Register an intent/,
    sessions: /Today's life-education sessions/,
    checkIn: 'Group check-in',
    survey: 'Satisfaction survey',
    searchLabel: 'Find a name',
  },
} as const;
type Words = (typeof words)[keyof typeof words];

async function home(page: Page, w: Words): Promise<void> {
  await page.getByRole('button', { name: w.home }).click();
  await expect(page.getByRole('heading', { name: sampleStation.name, level: 1 })).toBeVisible();
}

/** The screen keeps every elder-friendly rule, named by `screen` when it does not. */
async function expectElderFriendly(page: Page, screen: string): Promise<void> {
  await expect(page.locator('html')).toHaveAttribute('data-elder-mode', 'on');
  const sizes = await fontSizes(page);
  expect(sizes.body, `${screen}: body text`).toBeGreaterThanOrEqual(24);
  expect(sizes.h1, `${screen}: heading`).toBeGreaterThanOrEqual(40);
  expect(await elderModeBreaches(page), screen).toEqual([]);
}

for (const language of ['zh', 'en'] as const) {
  const w = words[language];

  test.describe(`the elder-friendly mode at a memorial park (${language})`, () => {
    test.beforeEach(async ({ page, setUpStation, openApp, station }) => {
      await setUpStation();
      const visit = await station.dispatch('visitor:signIn', { partySize: 2, purpose: 'remembrance', message: '永远怀念' }, { sessionKey: 'kiosk' });
      expect(visit.ok).toBe(true);
      const pending = (await station.dispatch('messages:list', { limit: 10 }, adminCaller)) as { ok: true; data: { messages: Array<{ id: string }> } };
      for (const message of pending.data.messages) expect((await station.dispatch('messages:approve', { id: message.id }, adminCaller)).ok).toBe(true);
      await openApp();
      await expect(page.getByRole('heading', { name: sampleStation.name, level: 1 })).toBeVisible();
      await page.getByRole('button', { name: w.language, exact: true }).click();
    });

    test('normal mode keeps contrast of at least 4.5:1 on every public screen', async ({ page }) => {
      await expect(elderToggle(page)).toHaveAttribute('aria-pressed', 'false');
      await expect(page.locator('html')).not.toHaveAttribute('data-elder-mode', 'on');
      // The measurement sees the normal screens' 18 px text for what it is.
      expect((await elderModeBreaches(page)).some((breach) => breach.startsWith('text 18px'))).toBe(true);
      expect(await lowContrastTexts(page, 4.5), 'home').toEqual([]);
      for (const tile of [w.signIn, w.wall, w.nameList, w.register]) {
        await page.getByRole('button', { name: tile }).click();
        await expect(page.locator('main h1')).toBeVisible();
        expect(await lowContrastTexts(page, 4.5), String(tile)).toEqual([]);
        await home(page, w);
      }
    });

    test('one tap on the first screen turns it on, and every public screen keeps its sizes, targets and contrast', async ({ page, station }) => {
      const before = await fontSizes(page);
      await elderToggle(page).click();
      await expect(elderToggle(page)).toHaveAttribute('aria-pressed', 'true');
      const after = await fontSizes(page);
      expect(after.body).toBeGreaterThan(before.body);
      await expectElderFriendly(page, 'home');

      await page.getByRole('button', { name: w.signIn }).click();
      await expect(page.getByRole('radio').first()).toBeVisible();
      await expectElderFriendly(page, 'visitor sign-in');
      // A chosen party size carries a check mark, not only a colour.
      await page.getByRole('radio').nth(2).check();
      const mark = await page.locator('.big-choice:has(input:checked)').evaluate((label) => getComputedStyle(label, '::after').content);
      expect(mark).toContain('✓');
      await expectElderFriendly(page, 'visitor sign-in, a size chosen');
      await home(page, w);

      await page.getByRole('button', { name: w.wall }).click();
      await expect(page.getByTestId('wall-message')).toHaveCount(1);
      await expectElderFriendly(page, 'message wall');
      await home(page, w);

      await page.getByRole('button', { name: w.nameList }).click();
      await page.getByLabel(w.searchLabel).fill('张');
      await expect(page.getByTestId('name-list-empty')).toBeVisible();
      await expectElderFriendly(page, 'name list');
      await home(page, w);

      await page.getByRole('button', { name: w.register }).click();
      await expect(page.locator('[data-step="programs"]')).toBeVisible();
      await expectElderFriendly(page, 'registration, first step');
      await home(page, w);

      expect((await station.dispatch('memorial:setQingmingMode', { enabled: true }, adminCaller)).ok).toBe(true);
      await page.getByRole('button', { name: w.signIn }).click();
      await expect(page.locator('.qingming__sizes button').first()).toBeVisible();
      await expectElderFriendly(page, 'Qingming mode');
    });
  });

  test.describe(`the elder-friendly mode at a life-education base (${language})`, () => {
    test.use({ stationKind: 'education_base' });

    test('the session list, the check-in and the survey keep every rule', async ({ page, setUpStation, openApp, station }) => {
      await setUpStation();
      const today = stationDate(new Date());
      const scheduled = await station.dispatch(
        'education:schedule',
        { title: '红十字精神进社区', startsAt: stationMoment(today, '00:00'), endsAt: stationMoment(today, '23:59'), venue: '社区活动中心', host: '李老师', audienceKind: 'community', expectedHeadCount: 30 },
        adminCaller,
      );
      expect(scheduled.ok).toBe(true);
      await openApp();
      await expect(page.getByRole('heading', { name: sampleStation.name, level: 1 })).toBeVisible();
      await page.getByRole('button', { name: w.language, exact: true }).click();
      await turnOnElderMode(page);
      await page.getByRole('button', { name: w.sessions }).click();
      await expect(page.getByRole('button', { name: w.checkIn })).toBeVisible();
      await expectElderFriendly(page, 'session list');
      await page.getByRole('button', { name: w.checkIn }).click();
      await expect(page.locator('main form')).toBeVisible();
      await expectElderFriendly(page, 'session check-in');
      await home(page, w);
      await page.getByRole('button', { name: w.sessions }).click();
      await page.getByRole('button', { name: w.survey }).click();
      await expect(page.locator('main form')).toBeVisible();
      await expectElderFriendly(page, 'session survey');
    });
  });
}

test.describe('the idle wipe', () => {
  test.beforeEach(async ({ page, setUpStation, openApp }) => {
    await setUpStation();
    await page.clock.install();
    await openApp();
    await expect(page.getByRole('heading', { name: sampleStation.name })).toBeVisible();
  });

  test('warns at least 20 s ahead with a large "continue" that extends the time, then forgets the visitor and the mode', async ({ page }) => {
    // Fast-forwarding ten minutes of the page's clock runs every timer in it; that takes a while on busy cores.
    test.setTimeout(60_000);
    await turnOnElderMode(page);
    await page.getByRole('button', { name: /来访登记/ }).click();
    await page.getByLabel('3', { exact: true }).check();

    // Forms wait five minutes; the warning takes the last 30 s of them.
    await page.clock.fastForward('04:29');
    const warning = page.getByRole('alertdialog', { name: '还在使用吗？' });
    await expect(warning).toHaveCount(0);
    await page.clock.fastForward('00:02');
    await expect(warning).toBeVisible();
    const left = Number(/\d+/.exec((await page.getByTestId('idle-countdown').textContent()) ?? '')?.[0]);
    expect(left).toBeGreaterThanOrEqual(20);
    const carryOn = warning.getByRole('button', { name: '继续填写' });
    const box = await carryOn.boundingBox();
    expect(box!.width).toBeGreaterThanOrEqual(60);
    expect(box!.height).toBeGreaterThanOrEqual(60);
    // The pointer on its way to the button leaves the warning where the visitor aims: only the button answers it.
    await page.mouse.move(5, 5);
    await page.mouse.move(box!.x + box!.width / 2, box!.y + box!.height / 2, { steps: 4 });
    await expect(warning).toBeVisible();
    await carryOn.click();
    await expect(warning).toHaveCount(0);
    await expect(page.getByLabel('3', { exact: true })).toBeChecked();
    await expect(elderToggle(page)).toHaveAttribute('aria-pressed', 'true');

    // "Continue" gave a whole idle time again.
    await page.clock.fastForward('04:25');
    await expect(page.getByLabel('3', { exact: true })).toBeChecked();
    await page.clock.fastForward('00:40');
    await expect(page.getByLabel('3', { exact: true })).not.toBeChecked();
    await expect(elderToggle(page)).toHaveAttribute('aria-pressed', 'false');
    await expect(page.locator('html')).not.toHaveAttribute('data-elder-mode', 'on');
  });

  test('never wipes while a save is under way', async ({ page, station }) => {
    let release: () => void = () => undefined;
    const held = new Promise<void>((resolve) => (release = resolve));
    await page.route(/\/api\/visitor(%3A|:)signIn$/, async (route) => {
      await held;
      await route.continue();
    });
    await page.getByRole('button', { name: /来访登记/ }).click();
    await page.getByLabel('3', { exact: true }).check();
    await page.getByLabel('参观', { exact: true }).check();
    await page.getByRole('button', { name: '登记', exact: true }).click();
    // Ten minutes with the save held: no warning, no wipe.
    await page.clock.fastForward('10:00');
    await expect(page.getByRole('alertdialog')).toHaveCount(0);
    await expect(page.getByLabel('3', { exact: true })).toBeChecked();
    release();
    await expect(page.getByRole('heading', { name: '感谢您的到访' })).toBeVisible();
    expect(station.connection.sqlite.prepare('select count(*) as n from visitor_sign_in').get()).toEqual({ n: 1 });
  });
});

test('an administrator makes the mode the default: audited, staff screens stay normal, and the wipe brings it back', async ({ page, openHome, station }) => {
  await page.clock.install();
  await openHome();
  await signIn(page, sampleAdmin);
  await expect(elderToggle(page)).toHaveCount(0);
  await page.getByRole('button', { name: /站点设置/ }).click();
  const section = page.getByTestId('settings-kiosk');
  await section.getByLabel('默认使用大字模式（适老模式）').check();
  await section.getByRole('button', { name: '保存' }).click();
  await expect(page.getByTestId('settings-kiosk-saved')).toBeVisible();
  await expect(page.locator('html')).not.toHaveAttribute('data-elder-mode', 'on');
  const audited = station.connection.sqlite.prepare("select detail from audit_log where action = 'settings_change' and object_id = 'kiosk'").all() as Array<{ detail: string }>;
  expect(audited.map((row) => JSON.parse(row.detail) as unknown)).toEqual([{ section: 'kiosk', changes: { elderModeDefault: { from: false, to: true } } }]);

  await page.getByRole('button', { name: '退出登录' }).click();
  await expect(elderToggle(page)).toHaveAttribute('aria-pressed', 'true');
  await expect(page.locator('html')).toHaveAttribute('data-elder-mode', 'on');

  // A visitor who prefers the normal screens taps once; the next visitor finds the default again.
  await elderToggle(page).click();
  await expect(elderToggle(page)).toHaveAttribute('aria-pressed', 'false');
  await page.getByRole('button', { name: /来访登记/ }).click();
  await page.getByLabel('3', { exact: true }).check();
  await page.clock.fastForward('05:05');
  await expect(elderToggle(page)).toHaveAttribute('aria-pressed', 'true');
  await expect(page.getByLabel('3', { exact: true })).not.toBeChecked();
});
