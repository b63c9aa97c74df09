import { languages } from '../../../shared/i18n/languages';
import { CONSOLE_PASSWORD, consoleText, consoleUsername, expect, openConsole, signInOnPage, test } from '../console-fixtures';

for (const language of languages) {
  test.describe(`console sign-in [${language}]`, () => {
    test('a wrong password is refused without saying which part was wrong; the right one opens the console with the province and the account in the bar', async ({ page, consoleHub }) => {
      await openConsole(page, consoleHub, language);
      await signInOnPage(page, consoleUsername('administrator'), 'not the password at all', language);
      await expect(page.getByRole('alert')).toHaveText(consoleText(language, 'consoleErrors', 'sign_in_failed'));
      await signInOnPage(page, consoleUsername('administrator'), CONSOLE_PASSWORD, language);
      await expect(page.getByTestId('console-account')).toContainText('李主任');
      await expect(page.getByTestId('console-account')).toContainText(consoleText(language, 'console', 'role.administrator'));
      await expect(page.getByTestId('console-province')).toContainText(language === 'en' ? 'Yunnan' : '云南');
      await expect(page.getByTestId('console-province')).toContainText('53');
      await expect(page).toHaveTitle(consoleText(language, 'console', 'appName'));

      await page.getByRole('button', { name: consoleText(language, 'console', 'bar.signOut') }).click();
      await expect(page.getByRole('heading', { name: consoleText(language, 'console', 'signIn.title') })).toBeVisible();
    });

    test('an account whose password an administrator set must replace it before anything else', async ({ page, consoleHub }) => {
      await consoleHub.addAccount({ username: 'newcomer', role: 'reviewer', displayName: '新同事', mustChangePassword: true });
      await openConsole(page, consoleHub, language);
      await signInOnPage(page, 'newcomer', CONSOLE_PASSWORD, language);
      await expect(page.getByRole('heading', { name: consoleText(language, 'console', 'password.title') })).toBeVisible();
      await expect(page.getByRole('navigation')).toHaveCount(0);

      await page.getByLabel(consoleText(language, 'console', 'password.current'), { exact: true }).fill(CONSOLE_PASSWORD);
      await page.getByLabel(consoleText(language, 'console', 'password.new'), { exact: true }).fill('short');
      await page.getByLabel(consoleText(language, 'console', 'password.repeat')).fill('short');
      await page.getByRole('button', { name: consoleText(language, 'console', 'password.submit') }).click();
      await expect(page.getByRole('alert')).toContainText(consoleText(language, 'consoleErrors', 'validation_failed'));

      await page.getByLabel(consoleText(language, 'console', 'password.new'), { exact: true }).fill('a passphrase of my own');
      await page.getByLabel(consoleText(language, 'console', 'password.repeat')).fill('a passphrase of my own');
      await page.getByRole('button', { name: consoleText(language, 'console', 'password.submit') }).click();
      await expect(page.getByRole('heading', { name: consoleText(language, 'console', 'home.title', { name: '新同事' }) })).toBeVisible();
    });

    test('a role without a screen sees no link to it and is told so when it opens its address', async ({ page, signIn }) => {
      await signIn('analyst', language);
      const navigation = page.getByRole('navigation');
      await expect(navigation.getByRole('link', { name: consoleText(language, 'consoleAccounts', 'title') })).toHaveCount(0);
      await expect(navigation.getByRole('link', { name: consoleText(language, 'consoleAudit', 'title') })).toHaveCount(0);
      await page.evaluate(() => {
        window.location.hash = '#/accounts';
      });
      await expect(page.getByTestId('console-forbidden')).toContainText(consoleText(language, 'console', 'forbidden.title'));
      await expect(page.getByTestId('console-forbidden')).toContainText(consoleText(language, 'console', 'role.analyst'));
    });
  });
}
