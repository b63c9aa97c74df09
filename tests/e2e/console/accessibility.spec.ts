import type { Page } from '@playwright/test';
import { languages } from '../../../shared/i18n/languages';
import { ScreenChecks, tabThrough, type AxeExclusion } from '../support/axe';
import { CONSOLE_PASSWORD, consoleText, consoleUsername, expect, openConsole, openScreen, signInOnPage, test } from '../console-fixtures';
import { sampleStation } from '../../fixtures/temp-station';
import { documentSeenWithAnotherName } from './review-and-download-helpers';

/**
 * Violations the console keeps on purpose, each on the narrowest selector. Empty: every screen passes
 * WCAG 2.2 A and AA as axe-core checks it.
 */
const exclusions: readonly AxeExclusion[] = [];

/** Tabs through what the page shows and lists each control Tab never reaches or that shows no focus. */
async function keyboardProblems(page: Page, screen: string): Promise<string[]> {
  const { stops, unreached } = await tabThrough(page);
  const problems: string[] = [];
  if (stops.length < 3) problems.push(`${screen}: Tab reaches only ${stops.length} controls`);
  for (const stop of stops) if (stop.indicator === null) problems.push(`${screen}: ${stop.element} shows no focus`);
  for (const control of unreached) problems.push(`${screen}: ${control} is never reached by Tab`);
  return problems;
}

for (const language of languages) {
  test.describe(`console accessibility [${language}]`, () => {
    test('the sign-in, blank and refused, and the password change at first sign-in break no WCAG 2.2 A/AA rule', async ({ page, consoleHub }) => {
      const checks = new ScreenChecks(page, `console [${language}]`, exclusions);
      await consoleHub.addAccount({ username: 'newcomer', role: 'reviewer', displayName: '新同事', mustChangePassword: true });
      await openConsole(page, consoleHub, language);
      await checks.check('sign-in');

      await signInOnPage(page, consoleUsername('administrator'), 'not the password at all', language);
      await expect(page.getByRole('alert')).toHaveText(consoleText(language, 'consoleErrors', 'sign_in_failed'));
      await checks.check('sign-in refused');

      await signInOnPage(page, 'newcomer', CONSOLE_PASSWORD, language);
      await expect(page.getByRole('heading', { name: consoleText(language, 'console', 'password.title') })).toBeVisible();
      await checks.check('password change');
      await page.getByLabel(consoleText(language, 'console', 'password.current'), { exact: true }).fill(CONSOLE_PASSWORD);
      await page.getByLabel(consoleText(language, 'console', 'password.new'), { exact: true }).fill('short');
      await page.getByLabel(consoleText(language, 'console', 'password.repeat')).fill('short');
      await page.getByRole('button', { name: consoleText(language, 'console', 'password.submit') }).click();
      await expect(page.getByRole('alert')).toContainText(consoleText(language, 'consoleErrors', 'validation_failed'));
      await checks.check('password change refused');

      await page.getByLabel(consoleText(language, 'console', 'password.new'), { exact: true }).fill('a passphrase of my own');
      await page.getByLabel(consoleText(language, 'console', 'password.repeat')).fill('a passphrase of my own');
      await page.getByRole('button', { name: consoleText(language, 'console', 'password.submit') }).click();
      await expect(page.getByRole('heading', { name: consoleText(language, 'console', 'home.title', { name: '新同事' }) })).toBeVisible();
      await checks.check('home');
      checks.expectNone();
    });

    test('every screen of the administrator, with its panels and prompts open, breaks no WCAG 2.2 A/AA rule', async ({ page, consoleHub, signIn }) => {
      test.setTimeout(90_000);
      const checks = new ScreenChecks(page, `console [${language}]`, exclusions);
      await consoleHub.deliverTampered();
      await documentSeenWithAnotherName(consoleHub);
      await signIn('administrator', language);

      await openScreen(page, language, 'consoleStations');
      const history = page.getByTestId(`station-${sampleStation.code}`).getByTestId('station-key-history');
      await history.getByText(consoleText(language, 'consoleStations', 'list.keyHistory', { count: 1 })).click();
      await expect(history.getByTestId('station-key')).toHaveCount(1);
      await checks.check('stations with the key history open');

      await openScreen(page, language, 'consoleIngest');
      // The taken batch and the tampered copy the hub refused (the second station's batch went in directly).
      await expect(page.getByTestId('ingest-entry')).toHaveCount(2);
      await expect(page.getByTestId('ingest-entry').first()).toHaveAttribute('data-outcome', 'refused');
      await checks.check('ingest log');

      await openScreen(page, language, 'consoleReview');
      await expect(page.getByTestId('review-entry')).toHaveCount(1);
      await checks.check('review list');
      await page.getByTestId('review-entry').getByRole('button', { name: consoleText(language, 'consoleReview', 'list.open') }).click();
      await expect(page.getByRole('button', { name: consoleText(language, 'consoleReview', 'entry.reveal') })).toBeVisible();
      await checks.check('review entry, masked');
      await page.getByRole('button', { name: consoleText(language, 'consoleReview', 'entry.reveal') }).click();
      await expect(page.getByTestId('review-revealed')).toBeVisible();
      await checks.check('review entry, revealed');
      await page.getByLabel(consoleText(language, 'consoleReview', 'decide.reason')).fill('户籍核实为同一人');
      await page.getByRole('button', { name: consoleText(language, 'consoleReview', 'decide.submit') }).click();
      await expect(page.getByRole('button', { name: consoleText(language, 'consoleReview', 'decide.confirmYes') })).toBeVisible();
      await checks.check('review decision prompt');

      await openScreen(page, language, 'consoleFigures');
      await expect(page.getByTestId('figures-chart-prefectures')).toBeVisible();
      await expect(page.getByTestId('figures-chart-months')).toBeVisible();
      await checks.check('figures with charts');

      await openScreen(page, language, 'consoleExports');
      await page.getByRole('button', { name: consoleText(language, 'consoleExports', 'start.submit') }).click();
      await expect(page.locator('#exports-progress')).toHaveAttribute('data-state', 'finished');
      await expect(page.getByTestId('exports-run')).toHaveCount(1);
      await checks.check('exports with a finished run');

      await openScreen(page, language, 'consoleAccounts');
      const row = page.getByTestId('account-analyst-one');
      await row.getByRole('button', { name: consoleText(language, 'consoleAccounts', 'list.disable') }).click();
      await expect(row.getByRole('alertdialog')).toBeVisible();
      await checks.check('accounts with the disable prompt');

      await openScreen(page, language, 'consoleAudit');
      await page.getByRole('button', { name: consoleText(language, 'consoleAudit', 'verify.submit') }).click();
      await expect(page.getByTestId('audit-check')).toHaveAttribute('data-chain', 'intact');
      await checks.check('audit trail');
      checks.expectNone();
    });

    test('the sign-in and the accounts screen are walked whole by Tab, each control showing its focus', async ({ page, consoleHub, signIn }) => {
      await openConsole(page, consoleHub, language);
      const problems = await keyboardProblems(page, 'sign-in');
      await signIn('administrator', language);
      await openScreen(page, language, 'consoleAccounts');
      problems.push(...(await keyboardProblems(page, 'accounts')));
      expect(problems).toEqual([]);
    });
  });

  test.describe(`console accessibility, idle end [${language}]`, () => {
    // Sessions end after one idle minute: the console warns 30 seconds before.
    test.use({ consoleIdleMinutes: 1 });

    test('the idle countdown breaks no WCAG 2.2 A/AA rule', async ({ page, signIn }) => {
      const checks = new ScreenChecks(page, `console [${language}]`, exclusions);
      await page.clock.install();
      await signIn('auditor', language);
      await openScreen(page, language, 'consoleStations');
      await page.clock.fastForward(31_000);
      await expect(page.getByRole('alertdialog', { name: consoleText(language, 'console', 'idle.title') })).toBeVisible();
      await checks.check('idle countdown');
      checks.expectNone();
    });
  });
}
