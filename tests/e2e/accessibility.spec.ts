import type { Page } from '@playwright/test';
import type { OpenStation } from '../../electron/app/open-station';
import { stationDate } from '../../shared/domain/age';
import { stationMoment } from '../../shared/domain/education';
import type { Language } from '../../shared/i18n/languages';
import { samplePerson } from '../fixtures/registrations';
import { sampleSetup } from '../fixtures/temp-station';
import { adminCaller, expect, sampleAdmin, sampleStaff, sampleStation, showIn, test } from './fixtures';
import { register } from './records-helpers';
import { answerConsents, drawSignature, en, fillIdentity, zh, type FlowLabels } from './registration-helpers';
import { ScreenChecks, tabThrough, text, type AxeExclusion } from './support/axe';
import { turnOnElderMode } from './support/elder-mode';

/**
 * A way the screens can be shown: each walk below runs once per mode and language. `turnOn` runs on the
 * public home screen before the walk starts.
 */
interface DisplayMode {
  name: string;
  turnOn: (page: Page) => Promise<void>;
}

const displayModes: DisplayMode[] = [
  { name: 'standard', turnOn: async () => undefined },
  // The large-text, high-contrast mode of the public screens, switched on with the visitor's one tap.
  { name: 'elder-friendly', turnOn: turnOnElderMode },
];

const languages: Language[] = ['zh-CN', 'en'];

/**
 * Violations the screens keep on purpose, each on the narrowest selector. Empty: every screen passes
 * WCAG 2.2 A and AA as axe-core checks it.
 */
const exclusions: readonly AxeExclusion[] = [];

function escaped(value: string): string {
  return value.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Opens the home tile titled with `key`'s text and waits for the screen's main heading. */
async function openTileByKey(page: Page, language: Language, key: string): Promise<void> {
  const title = text(language, key);
  await page.locator('.tile', { has: page.locator('strong', { hasText: new RegExp(`^${escaped(title)}$`) }) }).click();
  await expect(page.getByRole('heading', { level: 1 }).first()).toBeVisible();
}

/** Back to the home screen by the header's home button. */
async function goHome(page: Page, language: Language): Promise<void> {
  await page.locator('.app-header nav').getByRole('button', { name: text(language, 'common:nav.home') }).click();
  await expect(page.getByRole('heading', { name: sampleStation.name })).toBeVisible();
}

async function signInThroughScreen(page: Page, language: Language, account: { username: string; password: string; displayName: string }): Promise<void> {
  await page.getByRole('button', { name: text(language, 'staff:session.signIn') }).click();
  await page.getByLabel(text(language, 'staff:login.username')).fill(account.username);
  await page.getByLabel(text(language, 'staff:login.password')).fill(account.password);
  await page.getByRole('button', { name: text(language, 'staff:login.submit'), exact: true }).click();
  await expect(page.getByTestId('staff-name')).toHaveText(account.displayName);
}

/** Today's session at the station, from midnight, so that its check-in and survey are both open. */
async function scheduleTodaysSession(station: OpenStation): Promise<void> {
  const today = stationDate(new Date());
  const scheduled = await station.dispatch(
    'education:schedule',
    { title: '生命的礼物', startsAt: stationMoment(today, '00:00'), endsAt: stationMoment(today, '23:59'), venue: '报告厅', host: '张老师', audienceKind: 'school', expectedHeadCount: 60 },
    adminCaller,
  );
  expect(scheduled.ok).toBe(true);
}

/** Two visitors' messages, one approved, so that the wall and the moderation list both have something to show. */
async function leaveMessages(station: OpenStation): Promise<void> {
  for (const message of ['爸爸，我们都很想念您。', '谢谢所有捐献者。']) {
    const visit = await station.dispatch('visitor:signIn', { partySize: 2, purpose: 'remembrance', message, name: '张三', relation: 'family' }, { sessionKey: 'kiosk' });
    expect(visit.ok).toBe(true);
  }
  const pending = (await station.dispatch('messages:list', { limit: 50 }, adminCaller)) as { ok: true; data: { messages: Array<{ id: string }> } };
  const first = pending.data.messages[0];
  if (first) expect((await station.dispatch('messages:approve', { id: first.id }, adminCaller)).ok).toBe(true);
}

/**
 * Lets the kiosk's clock run on, five seconds at a time, until its idle countdown shows: each screen has
 * its own wait (minutes), and the countdown lasts longer than a step.
 */
async function showIdleCountdown(page: Page): Promise<void> {
  const countdown = page.getByRole('alertdialog');
  for (let waited = 0; waited < 3600 && !(await countdown.isVisible()); waited += 5) await page.clock.fastForward('00:05');
  await expect(countdown).toBeVisible();
}

/**
 * Checks the countdown dialog alone (the screen under it was checked just before): a check of the whole page
 * on a busy machine could outlast the countdown, and the wipe would clear the screen under the walk.
 */
async function checkIdleCountdown(checks: ScreenChecks, screen: string): Promise<void> {
  await checks.check(screen, '[role="alertdialog"]');
}

async function dismissIdleCountdown(page: Page): Promise<void> {
  // The countdown's button holds the focus; Enter answers it as a visitor at a keyboard would.
  await expect(page.getByRole('alertdialog').getByRole('button')).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('alertdialog')).toHaveCount(0);
}

for (const mode of displayModes) {
  for (const language of languages) {
    const labels: FlowLabels = language === 'en' ? en : zh;
    const prefix = `[${mode.name} ${language}]`;

    test.describe(`${prefix} axe-core finds no WCAG 2.2 AA violation`, () => {
      test('first run, sign-in and the lock screen', async ({ page, openApp }) => {
        test.setTimeout(150_000);
        const checks = new ScreenChecks(page, prefix, exclusions);
        await openApp();
        await showIn(page, language);
        await expect(page.getByRole('heading', { name: text(language, 'setup:title') })).toBeVisible();
        await checks.check('setup');
        await page.getByRole('button', { name: text(language, 'setup:submit') }).click();
        await expect(page.locator('.field__error').first()).toBeVisible();
        await checks.check('setup, form showing its errors');

        await page.getByLabel(text(language, 'setup:code')).fill(sampleSetup.code);
        await page.getByLabel(text(language, 'setup:name')).fill(sampleSetup.name);
        await page.getByLabel(text(language, 'setup:kind')).selectOption(sampleSetup.kind);
        await page.getByLabel(text(language, 'setup:region')).selectOption(sampleSetup.regionCode);
        await page.getByLabel(text(language, 'setup:admin.username')).fill(sampleAdmin.username);
        await page.getByLabel(text(language, 'setup:admin.displayName')).fill(sampleAdmin.displayName);
        await page.getByLabel(text(language, 'setup:admin.password')).fill(sampleAdmin.password);
        await page.getByLabel(text(language, 'setup:admin.pin')).fill(sampleAdmin.pin);
        await page.getByRole('button', { name: text(language, 'setup:submit') }).click();
        await expect(page.getByRole('heading', { name: text(language, 'setup:recovery.title') })).toBeVisible();
        await checks.check('setup: recovery code sheet');
        await page.getByLabel(text(language, 'setup:recovery.confirmKept')).check();
        await page.getByRole('button', { name: text(language, 'setup:recovery.continue') }).click();
        await expect(page.getByTestId('staff-name')).toHaveText(sampleAdmin.displayName);
        await page.getByRole('button', { name: text(language, 'staff:session.signOut'), exact: true }).click();
        await expect(page.getByRole('heading', { name: sampleSetup.name })).toBeVisible();
        await mode.turnOn(page);
        await checks.check('public home');

        await page.getByRole('button', { name: text(language, 'staff:session.signIn') }).click();
        await checks.check('staff sign-in');
        await page.getByLabel(text(language, 'staff:login.username')).fill(sampleAdmin.username);
        await page.getByLabel(text(language, 'staff:login.password')).fill('not the password');
        await page.getByRole('button', { name: text(language, 'staff:login.submit'), exact: true }).click();
        await expect(page.getByRole('alert').first()).toBeVisible();
        await checks.check('staff sign-in, refused');
        await page.getByLabel(text(language, 'staff:login.password')).fill(sampleAdmin.password);
        await page.getByRole('button', { name: text(language, 'staff:login.submit'), exact: true }).click();
        await expect(page.getByTestId('staff-name')).toHaveText(sampleAdmin.displayName);
        await checks.check('staff home');

        await page.getByRole('button', { name: text(language, 'staff:session.lock'), exact: true }).click();
        await expect(page.getByRole('heading', { name: text(language, 'staff:lock.title') })).toBeVisible();
        await checks.check('lock screen');
        await page.getByLabel(text(language, 'staff:lock.pin')).fill('0000');
        await page.getByRole('button', { name: text(language, 'staff:lock.unlock') }).click();
        await expect(page.getByRole('alert').first()).toBeVisible();
        await checks.check('lock screen, wrong PIN');
        checks.expectNone();
      });

      test('the memorial kiosk: registration step by step, visitor sign-in, Qingming, the wall and the name list', async ({ page, station, setUpStation, openApp }) => {
        test.setTimeout(240_000);
        const checks = new ScreenChecks(page, prefix, exclusions);
        await setUpStation();
        await leaveMessages(station);
        await page.clock.install();
        await openApp();
        await showIn(page, language);
        await expect(page.getByRole('heading', { name: sampleStation.name })).toBeVisible();
        await mode.turnOn(page);

        // Registration, each step; the identity step also with its errors; the question before leaving.
        await page.getByRole('button', { name: labels.tile }).click();
        await expect(page.locator('[data-step="programs"]')).toBeVisible();
        await checks.check('registration: programs');
        await page.getByRole('checkbox', { name: new RegExp(`^${escaped(text(language, 'registration:program.organ'))}`) }).check();
        await page.getByRole('checkbox', { name: new RegExp(`^${escaped(text(language, 'registration:program.body'))}`) }).check();
        await page.getByRole('button', { name: labels.next, exact: true }).click();
        await expect(page.locator('[data-step="identity"]')).toBeVisible();
        await checks.check('registration: identity');
        await page.getByRole('button', { name: labels.next, exact: true }).click();
        await expect(page.locator('.field__error').first()).toBeVisible();
        await checks.check('registration: identity, form showing its errors');
        await fillIdentity(page, { number: samplePerson.document.number, name: samplePerson.name, phone: samplePerson.phone, ethnicGroup: language === 'en' ? 'Han' : '汉族' }, labels);
        await page.getByRole('button', { name: labels.next, exact: true }).click();
        await expect(page.locator('[data-step="choices"]')).toBeVisible();
        await checks.check('registration: choices');
        await page.getByRole('button', { name: labels.next, exact: true }).click();
        await expect(page.locator('[data-step="choices"] .field__error').first()).toBeVisible();
        await checks.check('registration: choices, form showing its errors');
        await page.getByRole('radio', { name: text(language, 'registration:organScope.all') }).check();
        await page.getByRole('button', { name: labels.next, exact: true }).click();
        await expect(page.locator('[data-step="consents"]')).toBeVisible();
        await checks.check('registration: consents');
        await answerConsents(page, { provincial_sync: true, follow_up_contact: true, memorial_publication: false }, labels);
        await page.getByRole('button', { name: labels.next, exact: true }).click();
        await expect(page.locator('[data-step="signature"]')).toBeVisible();
        await checks.check('registration: signature');
        await drawSignature(page);
        await page.getByRole('button', { name: labels.next, exact: true }).click();
        await expect(page.locator('[data-step="heardFrom"]')).toBeVisible();
        await checks.check('registration: heard from');
        await page.getByRole('button', { name: labels.next, exact: true }).click();
        await expect(page.locator('[data-step="review"]')).toBeVisible();
        await checks.check('registration: review');
        await showIdleCountdown(page);
        await checkIdleCountdown(checks, 'registration: idle countdown');
        await dismissIdleCountdown(page);
        await page.locator('.app-header nav').getByRole('button', { name: text(language, 'common:nav.home') }).click();
        await expect(page.getByRole('alertdialog')).toBeVisible();
        await checks.check('registration: leave confirm prompt');
        await page.getByRole('button', { name: text(language, 'kiosk:leave.stay') }).click();
        await page.locator('[data-step="review"]').getByRole('button', { name: text(language, 'kiosk:actions.submit') }).click();
        await expect(page.locator('[data-step="done"]')).toBeVisible();
        await checks.check('registration: done');
        await goHome(page, language);

        await openTileByKey(page, language, 'memorial:signIn.title');
        await checks.check('visitor sign-in');
        await page.getByText(text(language, 'memorial:signIn.extras')).click();
        await checks.check('visitor sign-in, with the optional fields');
        await page.getByRole('button', { name: text(language, 'memorial:signIn.submit'), exact: true }).click();
        await expect(page.locator('.field__error, [role="alert"]').first()).toBeVisible();
        await checks.check('visitor sign-in, form showing its errors');
        // The idle clock runs once the visitor has entered something.
        await page.getByLabel('2', { exact: true }).check();
        await page.getByLabel(text(language, 'memorial:purpose.remembrance'), { exact: true }).check();
        await showIdleCountdown(page);
        await checkIdleCountdown(checks, 'visitor sign-in: idle countdown');
        await dismissIdleCountdown(page);
        await page.getByLabel('2', { exact: true }).check();
        await page.getByLabel(text(language, 'memorial:purpose.remembrance'), { exact: true }).check();
        await page.getByRole('button', { name: text(language, 'memorial:signIn.submit'), exact: true }).click();
        // The sign-in is a save through the host; on two busy cores it can take longer than the default wait.
        await expect(page.getByRole('heading', { name: text(language, 'memorial:signIn.thanks') })).toBeVisible({ timeout: 15_000 });
        await checks.check('visitor sign-in: thanks');
        await goHome(page, language);

        await openTileByKey(page, language, 'memorial:wall.title');
        await expect(page.getByTestId('wall-message')).toHaveCount(1);
        await checks.check('message wall');
        await goHome(page, language);

        await openTileByKey(page, language, 'nameList:title');
        await checks.check('name list');
        await goHome(page, language);

        expect((await station.dispatch('memorial:setQingmingMode', { enabled: true }, adminCaller)).ok).toBe(true);
        await page.reload();
        await showIn(page, language);
        await mode.turnOn(page);
        await openTileByKey(page, language, 'memorial:signIn.title');
        await expect(page.getByTestId('today-count')).toBeVisible();
        await checks.check('Qingming sign-in');
        await page.getByRole('button', { name: language === 'en' ? '3 people' : '3 人', exact: true }).click();
        await expect(page.getByRole('status')).toBeVisible();
        await checks.check('Qingming sign-in, after a group signed in');
        checks.expectNone();
      });

      test.describe('at a life-education base', () => {
        test.use({ stationKind: 'education_base' });

        test('session check-in and the survey', async ({ page, station, setUpStation, openApp }) => {
          test.setTimeout(150_000);
          const checks = new ScreenChecks(page, prefix, exclusions);
          await setUpStation();
          await scheduleTodaysSession(station);
            await page.clock.install();
          await openApp();
          await showIn(page, language);
          await expect(page.getByRole('heading', { name: sampleStation.name })).toBeVisible();
          await mode.turnOn(page);
          await checks.check('public home (education base)');

          await openTileByKey(page, language, 'sessionKiosk:title');
          await checks.check("today's sessions");
          await page.getByRole('button', { name: text(language, 'sessionKiosk:checkIn.open') }).click();
          await expect(page.getByRole('heading', { name: text(language, 'sessionKiosk:checkIn.title') })).toBeVisible();
          await checks.check('group check-in');
          await page.getByRole('button', { name: text(language, 'sessionKiosk:checkIn.submit'), exact: true }).click();
          await expect(page.locator('.field__error').first()).toBeVisible();
          await checks.check('group check-in, form showing its errors');
          await showIdleCountdown(page);
          await checkIdleCountdown(checks, 'group check-in: idle countdown');
          await dismissIdleCountdown(page);
          await page.getByTestId('check-in-form').getByRole('button', { name: text(language, 'sessionKiosk:back'), exact: true }).click();

          await page.getByRole('button', { name: text(language, 'sessionKiosk:survey.open') }).click();
          await expect(page.getByRole('heading', { name: text(language, 'sessionKiosk:survey.title') })).toBeVisible();
          await checks.check('survey');
          await page.getByRole('button', { name: text(language, 'sessionKiosk:survey.submit'), exact: true }).click();
          await expect(page.locator('.field__error, [role="alert"]').first()).toBeVisible();
          await checks.check('survey, form showing its errors');
          checks.expectNone();
        });
      });

      test('keyboard: every control is reached by Tab and shows its focus', async ({ page, setUpStation, openApp }) => {
        test.setTimeout(150_000);
        await setUpStation();
        await openApp();
        await showIn(page, language);
        await expect(page.getByRole('heading', { name: sampleStation.name })).toBeVisible();
        await mode.turnOn(page);
        const found: string[] = [];
        const walk = async (screen: string) => {
          const { stops, unreached } = await tabThrough(page);
          expect(stops.length, `${screen}: Tab reaches something`).toBeGreaterThan(3);
          for (const stop of stops) if (stop.indicator === null) found.push(`${screen}: ${stop.element} shows no focus`);
          for (const control of unreached) found.push(`${screen}: ${control} is never reached by Tab`);
        };

        await walk('public home');
        await page.getByRole('button', { name: labels.tile }).click();
        await page.getByRole('checkbox', { name: new RegExp(`^${escaped(text(language, 'registration:program.body'))}`) }).check();
        await page.getByRole('button', { name: labels.next, exact: true }).click();
        await expect(page.locator('[data-step="identity"]')).toBeVisible();
        await walk('registration: identity');
        await page.getByRole('button', { name: labels.next, exact: true }).click();
        await expect(page.locator('.field__error').first()).toBeVisible();
        await walk('registration: identity, form showing its errors');
        await page.locator('.app-header nav').getByRole('button', { name: text(language, 'common:nav.home') }).click();
        await page.getByRole('button', { name: text(language, 'kiosk:leave.leave') }).click();
        await openTileByKey(page, language, 'memorial:signIn.title');
        await page.getByText(text(language, 'memorial:signIn.extras')).click();
        await walk('visitor sign-in');
        await goHome(page, language);

        await page.getByRole('button', { name: text(language, 'staff:session.signIn') }).click();
        await walk('staff sign-in');
        await page.getByLabel(text(language, 'staff:login.username')).fill(sampleAdmin.username);
        await page.getByLabel(text(language, 'staff:login.password')).fill(sampleAdmin.password);
        await page.getByRole('button', { name: text(language, 'staff:login.submit'), exact: true }).click();
        await expect(page.getByTestId('staff-name')).toHaveText(sampleAdmin.displayName);
        await walk('staff home');
        await openTileByKey(page, language, 'records:title');
        await walk('records: search');
        await goHome(page, language);
        await openTileByKey(page, language, 'staff:accounts.title');
        await walk('staff accounts');
        expect(found).toEqual([]);
      });

      test('every staff tile and its main views', async ({ page, station, setUpStation, openApp, createStaff }) => {
        test.setTimeout(240_000);
        const checks = new ScreenChecks(page, prefix, exclusions);
        await setUpStation();
        await createStaff('registrar');
        await register(station);
        await leaveMessages(station);
        await scheduleTodaysSession(station);
        await openApp();
        await showIn(page, language);
        await expect(page.getByRole('heading', { name: sampleStation.name })).toBeVisible();
        await mode.turnOn(page);
        await signInThroughScreen(page, language, sampleAdmin);

        // Records: the search, its results and one person's record.
        await openTileByKey(page, language, 'records:title');
        await checks.check('records: search');
        await page.getByLabel(text(language, 'records:search.query')).fill(samplePerson.name);
        await page.getByRole('button', { name: text(language, 'records:search.submit'), exact: true }).click();
        await expect(page.getByTestId('search-results')).toBeVisible();
        await checks.check('records: results');
        await page.getByTestId('search-results').getByRole('button', { name: text(language, 'records:search.open') }).first().click();
        await expect(page.getByTestId('person-record')).toBeVisible();
        await checks.check('records: person record');
        await goHome(page, language);

        await openTileByKey(page, language, 'kiosk:title');
        await checks.check('registration desk');
        await goHome(page, language);

        const tiles: Array<[string, string]> = [
          ['documentDesk:title', 'documents'],
          ['nameListDesk:title', 'name-list desk'],
          ['memorial:log.title', 'visitor log'],
          ['memorial:moderation.title', 'message moderation'],
          ['figures:title', 'figures'],
          ['dashboard:title', 'dashboard'],
          ['sync:title', 'sync'],
          ['backup:title', 'backup'],
          ['settings:title', 'settings'],
          ['staff:myAccount.title', 'my account'],
          ['audit:title', 'audit log'],
        ];
        for (const [key, screen] of tiles) {
          await openTileByKey(page, language, key);
          await page.waitForLoadState('networkidle');
          await checks.check(screen);
          await goHome(page, language);
        }

        await openTileByKey(page, language, 'sessions:title');
        await checks.check('sessions');
        await page.locator('tr[data-session]').first().getByRole('button').first().click();
        await expect(page.getByTestId('session-detail')).toBeVisible();
        await checks.check('sessions: one session');
        await goHome(page, language);

        await openTileByKey(page, language, 'staff:myAccount.title');
        await page.getByRole('button', { name: text(language, 'staff:myAccount.password.submit') }).click();
        await expect(page.locator('.field__error').first()).toBeVisible();
        await checks.check('my account, form showing its errors');
        await goHome(page, language);

        await openTileByKey(page, language, 'staff:accounts.title');
        await checks.check('staff accounts');
        await page.getByRole('button', { name: text(language, 'staff:accounts.submit') }).click();
        await expect(page.locator('.field__error').first()).toBeVisible();
        await checks.check('staff accounts, form showing its errors');
        await page.getByRole('button', { name: text(language, 'staff:accounts.manageNamed').replace('{{username}}', sampleStaff.registrar.username) }).click();
        await checks.check('staff accounts: manage one account');
        await page.getByRole('button', { name: text(language, 'staff:manage.disable') }).click();
        await expect(page.getByRole('alertdialog')).toBeVisible();
        await checks.check('staff accounts: confirm prompt');
        await page.getByRole('button', { name: text(language, 'staff:manage.disableNo') }).click();
        checks.expectNone();
      });
    });
  }
}
