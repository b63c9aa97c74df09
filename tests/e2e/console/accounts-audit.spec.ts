import { languages } from '../../../shared/i18n/languages';
import { consoleText, expect, openConsole, openScreen, signInOnPage, test } from '../console-fixtures';

for (const language of languages) {
  test.describe(`console accounts and audit [${language}]`, () => {
    test('the administrator creates an account that must change its password, disables it, and the account can no longer sign in', async ({ page, consoleHub, signIn }) => {
      await signIn('administrator', language);
      await openScreen(page, language, 'consoleAccounts');
      const form = page.getByRole('form', { name: consoleText(language, 'consoleAccounts', 'create.title') });
      await form.getByLabel(consoleText(language, 'consoleAccounts', 'create.username'), { exact: true }).fill('Reviewer-Two');
      await form.getByLabel(consoleText(language, 'consoleAccounts', 'create.displayName'), { exact: true }).fill('孙审核');
      await form.getByLabel(consoleText(language, 'consoleAccounts', 'create.role'), { exact: true }).selectOption('reviewer');
      await form.getByLabel(consoleText(language, 'consoleAccounts', 'create.password'), { exact: true }).fill('short');
      await form.getByRole('button', { name: consoleText(language, 'consoleAccounts', 'create.submit') }).click();
      await expect(page.getByRole('alert')).toContainText(consoleText(language, 'consoleErrors', 'validation_failed'));

      await form.getByLabel(consoleText(language, 'consoleAccounts', 'create.password'), { exact: true }).fill('a temporary password');
      await form.getByRole('button', { name: consoleText(language, 'consoleAccounts', 'create.submit') }).click();
      await expect(page.getByRole('status')).toHaveText(consoleText(language, 'consoleAccounts', 'create.done', { username: 'reviewer-two' }));
      const row = page.getByTestId('account-reviewer-two');
      await expect(row).toContainText(consoleText(language, 'console', 'role.reviewer'));
      await expect(row.getByTestId('account-state')).toContainText(consoleText(language, 'consoleAccounts', 'list.mustChange'));

      // The same username again is refused.
      await form.getByLabel(consoleText(language, 'consoleAccounts', 'create.username'), { exact: true }).fill('reviewer-two');
      await form.getByLabel(consoleText(language, 'consoleAccounts', 'create.displayName'), { exact: true }).fill('重名');
      await form.getByLabel(consoleText(language, 'consoleAccounts', 'create.password'), { exact: true }).fill('a temporary password');
      await form.getByRole('button', { name: consoleText(language, 'consoleAccounts', 'create.submit') }).click();
      await expect(page.getByRole('alert')).toHaveText(consoleText(language, 'consoleErrors', 'username_taken'));

      await row.getByRole('button', { name: consoleText(language, 'consoleAccounts', 'list.disable') }).click();
      await row.getByRole('alertdialog').getByRole('button', { name: consoleText(language, 'consoleAccounts', 'disable.confirmYes') }).click();
      await expect(page.getByRole('status')).toHaveText(consoleText(language, 'consoleAccounts', 'disabledDone', { username: 'reviewer-two' }));
      await expect(row.getByTestId('account-state')).toContainText(consoleText(language, 'consoleAccounts', 'list.disabled'));

      await page.getByRole('button', { name: consoleText(language, 'console', 'bar.signOut') }).click();
      await openConsole(page, consoleHub, language);
      await signInOnPage(page, 'reviewer-two', 'a temporary password', language);
      await expect(page.getByRole('alert')).toHaveText(consoleText(language, 'consoleErrors', 'account_disabled'));
    });

    test('disabling an account asks first: answering no leaves it enabled, answering yes disables it', async ({ page, consoleHub, signIn }) => {
      const disabledInHub = async () =>
        (await consoleHub.hub.db.selectFrom('console_account').select('disabled').where('id', '=', consoleHub.accounts.analyst.id).executeTakeFirstOrThrow()).disabled;
      await signIn('administrator', language);
      await openScreen(page, language, 'consoleAccounts');
      const row = page.getByTestId('account-analyst-one');
      const state = row.getByTestId('account-state');
      const question = row.getByRole('alertdialog');
      await expect(state).toHaveText(consoleText(language, 'consoleAccounts', 'list.enabled'));

      await row.getByRole('button', { name: consoleText(language, 'consoleAccounts', 'list.disable') }).click();
      await expect(question).toContainText(consoleText(language, 'consoleAccounts', 'disable.confirm', { username: 'analyst-one' }));
      await question.getByRole('button', { name: consoleText(language, 'consoleAccounts', 'disable.confirmNo') }).click();
      await expect(question).toHaveCount(0);
      await expect(state).toHaveText(consoleText(language, 'consoleAccounts', 'list.enabled'));
      await expect(page.getByRole('status')).toHaveCount(0);
      expect(Boolean(await disabledInHub())).toBe(false);

      await row.getByRole('button', { name: consoleText(language, 'consoleAccounts', 'list.disable') }).click();
      await question.getByRole('button', { name: consoleText(language, 'consoleAccounts', 'disable.confirmYes') }).click();
      await expect(page.getByRole('status')).toHaveText(consoleText(language, 'consoleAccounts', 'disabledDone', { username: 'analyst-one' }));
      await expect(state).toHaveText(consoleText(language, 'consoleAccounts', 'list.disabled'));
      expect(Boolean(await disabledInHub())).toBe(true);

      // Enabling again asks nothing.
      await row.getByRole('button', { name: consoleText(language, 'consoleAccounts', 'list.enable') }).click();
      await expect(page.getByRole('status')).toHaveText(consoleText(language, 'consoleAccounts', 'enabledDone', { username: 'analyst-one' }));
      await expect(question).toHaveCount(0);
    });

    test('the administrator resets a password: its owner must choose a new one at the next sign-in', async ({ page, consoleHub, signIn }) => {
      await signIn('administrator', language);
      await openScreen(page, language, 'consoleAccounts');
      await page.getByTestId('account-reviewer-one').getByRole('button', { name: consoleText(language, 'consoleAccounts', 'list.resetPassword') }).click();
      const reset = page.getByRole('form', { name: consoleText(language, 'consoleAccounts', 'reset.title', { username: 'reviewer-one' }) });
      await reset.getByLabel(consoleText(language, 'consoleAccounts', 'reset.password')).fill('another temporary one');
      await reset.getByRole('button', { name: consoleText(language, 'consoleAccounts', 'reset.submit') }).click();
      await expect(page.getByRole('status')).toHaveText(consoleText(language, 'consoleAccounts', 'reset.done', { username: 'reviewer-one' }));
      await expect(page.getByTestId('account-reviewer-one').getByTestId('account-state')).toContainText(consoleText(language, 'consoleAccounts', 'list.mustChange'));

      await page.getByRole('button', { name: consoleText(language, 'console', 'bar.signOut') }).click();
      await openConsole(page, consoleHub, language);
      await signInOnPage(page, 'reviewer-one', 'another temporary one', language);
      await expect(page.getByRole('heading', { name: consoleText(language, 'console', 'password.title') })).toBeVisible();
    });

    test('the auditor reads the trail newest first and verifies the chain', async ({ page, signIn }) => {
      await signIn('auditor', language);
      await openScreen(page, language, 'consoleAudit');
      const table = page.getByRole('table', { name: consoleText(language, 'consoleAudit', 'list.caption') });
      await expect(table.getByRole('row').nth(1)).toContainText('session:signIn');
      await expect(table).toContainText('auditor-one');
      await page.getByRole('button', { name: consoleText(language, 'consoleAudit', 'verify.submit') }).click();
      const check = page.getByTestId('audit-check');
      await expect(check).toHaveAttribute('data-chain', 'intact');
      await expect(check).toHaveText(/\d+/);
      const count = Number(/\d+/.exec((await check.textContent()) ?? '')?.[0]);
      await expect(check).toHaveText(consoleText(language, 'consoleAudit', 'verify.intact', { count }));
      expect(count).toBeGreaterThanOrEqual(1);
    });
  });
}
