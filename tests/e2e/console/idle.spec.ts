import { languages } from '../../../shared/i18n/languages';
import { CONSOLE_PASSWORD, consoleText, consoleUsername, expect, openScreen, signInOnPage, test } from '../console-fixtures';

// Sessions end after one idle minute: the console warns 30 seconds before.
test.use({ consoleIdleMinutes: 1 });

for (const language of languages) {
  test.describe(`console idle end [${language}]`, () => {
    test('the console warns before the idle end, carries on when asked, then signs out; signing in again returns to the same screen', async ({ page, signIn }) => {
      await page.clock.install();
      await signIn('auditor', language);
      await openScreen(page, language, 'consoleStations');

      await page.clock.fastForward(31_000);
      const dialog = page.getByRole('alertdialog', { name: consoleText(language, 'console', 'idle.title') });
      await expect(dialog).toBeVisible();
      await dialog.getByRole('button', { name: consoleText(language, 'console', 'idle.continue') }).click();
      await expect(dialog).toHaveCount(0);

      await page.clock.fastForward(31_000);
      await expect(dialog).toBeVisible();
      await page.clock.fastForward(31_000);
      await expect(page.getByTestId('sign-in-notice')).toHaveText(consoleText(language, 'console', 'signIn.idleEnded'));

      await signInOnPage(page, consoleUsername('auditor'), CONSOLE_PASSWORD, language);
      await expect(page.getByRole('heading', { level: 1, name: consoleText(language, 'consoleStations', 'title') })).toBeVisible();
    });

    test('a session the hub ended shows the sign-in at the next call, and signing in returns to the screen asked for', async ({ page, consoleHub, signIn }) => {
      await signIn('administrator', language);
      await openScreen(page, language, 'consoleStations');
      consoleHub.advanceClock(2 * 60_000);

      await page.getByRole('navigation').getByRole('link', { name: consoleText(language, 'consoleIngest', 'title') }).click();
      await expect(page.getByTestId('sign-in-notice')).toHaveText(consoleText(language, 'console', 'signIn.ended'));
      await signInOnPage(page, consoleUsername('administrator'), CONSOLE_PASSWORD, language);
      await expect(page.getByRole('heading', { level: 1, name: consoleText(language, 'consoleIngest', 'title') })).toBeVisible();
      await expect(page.getByTestId('ingest-entry').first()).toBeVisible();
    });
  });
}
