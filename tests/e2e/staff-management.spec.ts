import type { Page } from '@playwright/test';
import { expect, sampleAdmin, signIn, test } from './fixtures';

/** Opens the administrator's actions on one account of the staff accounts screen (Chinese interface). */
async function manageAccount(page: Page, username: string): Promise<void> {
  await page.getByRole('button', { name: /工作人员账户/ }).click();
  await page.getByRole('button', { name: `管理账户 ${username}` }).click();
  await expect(page.getByRole('heading', { name: `管理账户 ${username}` })).toBeVisible();
}

/** The header's sign-in in each language, then the person's own password. */
const labels = {
  zh: { language: '简体中文', signIn: '工作人员登录', username: '用户名', password: '密码', login: '登录' },
  en: { language: 'English', signIn: 'Staff sign-in', username: 'Username', password: 'Password', login: 'Sign in' },
} as const;

async function signInAs(page: Page, language: keyof typeof labels, username: string, password: string): Promise<void> {
  const l = labels[language];
  await page.getByRole('button', { name: l.language, exact: true }).click();
  await page.getByRole('button', { name: l.signIn }).click();
  await page.getByLabel(l.username).fill(username);
  await page.getByLabel(l.password, { exact: true }).fill(password);
  await page.getByRole('button', { name: l.login, exact: true }).click();
}

test.describe('managing staff accounts', () => {
  test.beforeEach(async ({ setUpStation }) => {
    await setUpStation();
  });

  test('an administrator disables an account: its open tab is signed out and it cannot sign in again', async ({ page, openApp, context, host, createStaff }) => {
    const registrar = await createStaff('registrar');
    const desk = await context.newPage();
    await desk.goto(host.issueLaunchUrl());
    await signIn(desk, registrar);
    await desk.getByRole('button', { name: /来访记录/ }).click();
    await expect(desk.getByTestId('visitor-total')).toBeVisible();

    await openApp();
    await signIn(page, sampleAdmin);
    await manageAccount(page, registrar.username);
    await page.getByRole('button', { name: '停用账户' }).click();
    await expect(page.getByRole('alertdialog')).toHaveText(/确定停用账户 wangfang？/);
    await page.getByRole('button', { name: '停用', exact: true }).click();
    await expect(page.getByRole('status')).toHaveText('已停用账户 wangfang。');
    await expect(page.getByTestId('staff-table').getByRole('row').filter({ hasText: 'wangfang' })).toContainText('已停用');

    await desk.getByRole('button', { name: '刷新' }).click();
    await expect(desk.getByRole('alert')).toHaveText('请先以工作人员身份登录。');
    await expect(desk.getByTestId('staff-name')).toHaveCount(0);
    await signInAs(desk, 'zh', registrar.username, registrar.password);
    await expect(desk.getByRole('alert')).toHaveText('用户名或密码不正确。');
    await desk.getByRole('button', { name: 'English' }).click();
    await expect(desk.getByRole('alert')).toHaveText('The username or password is not correct.');

    await page.getByRole('button', { name: 'English' }).click();
    await expect(page.getByRole('status')).toHaveText('Account wangfang disabled.');
    await page.getByRole('button', { name: 'Re-enable account' }).click();
    await expect(page.getByRole('status')).toHaveText('Account wangfang re-enabled.');
    // The refused tab is still on the sign-in form.
    await desk.getByLabel('Password', { exact: true }).fill(registrar.password);
    await desk.getByRole('button', { name: 'Sign in', exact: true }).click();
    await expect(desk.getByTestId('staff-name')).toHaveText(registrar.displayName);
  });

  for (const language of ['zh', 'en'] as const) {
    test(`after a password reset the person must choose a new one before anything else (${language})`, async ({ page, openApp, context, host, createStaff }) => {
      const registrar = await createStaff('registrar');
      await openApp();
      await signIn(page, sampleAdmin);
      await manageAccount(page, registrar.username);
      await page.getByLabel('临时密码').fill('temporary pass 7');
      await page.getByRole('button', { name: '重置密码' }).click();
      await expect(page.getByRole('status')).toHaveText('已重置账户 wangfang 的密码，本人下次登录时须设置新密码。');

      const desk = await context.newPage();
      await desk.goto(host.issueLaunchUrl());
      await signInAs(desk, language, registrar.username, 'temporary pass 7');
      const text =
        language === 'zh'
          ? { title: '我的账户', required: '管理员已重置您的密码或 PIN 码。请先设置您自己的，然后才能继续工作。', current: '当前密码', next: '新密码', repeat: '再次输入新密码', save: '保存新密码', short: '密码至少 10 个字符（首尾空格不计）。', home: '登记记录' }
          : { title: 'My account', required: 'An administrator reset your password or PIN. Choose your own before you continue.', current: 'Current password', next: 'New password', repeat: 'New password again', save: 'Save new password', short: 'A password has at least 10 characters (spaces at either end do not count).', home: 'Registration records' };
      await expect(desk.getByRole('heading', { name: text.title, level: 1 })).toBeVisible();
      await expect(desk.getByText(text.required)).toBeVisible();
      await expect(desk.locator('.tile')).toHaveCount(0);

      // Spaces alone are not a password.
      await desk.getByLabel(text.current).fill('temporary pass 7');
      await desk.getByLabel(text.next, { exact: true }).fill('            ');
      await desk.getByLabel(text.repeat).fill('            ');
      await desk.getByRole('button', { name: text.save }).click();
      await expect(desk.locator('#my-password-next-error')).toHaveText(text.short);

      await desk.getByLabel(text.next, { exact: true }).fill('my own passphrase');
      await desk.getByLabel(text.repeat).fill('my own passphrase');
      await desk.getByRole('button', { name: text.save }).click();
      await expect(desk.locator('.tile strong', { hasText: text.home })).toBeVisible();
    });
  }

  test('the last active administrator cannot be disabled, and the refusal is translated', async ({ page, openApp }) => {
    await openApp();
    await signIn(page, sampleAdmin);
    await manageAccount(page, sampleAdmin.username);
    await page.getByRole('button', { name: '停用账户' }).click();
    await page.getByRole('button', { name: '停用', exact: true }).click();
    await expect(page.getByRole('alert')).toHaveText('这是最后一个启用的管理员账户，不能停用或更改其角色。');
    await page.getByRole('button', { name: 'English' }).click();
    await expect(page.getByRole('alert')).toHaveText('This is the last active administrator account: it cannot be disabled or given another role.');
    await expect(page.getByTestId('staff-table').getByRole('row').filter({ hasText: sampleAdmin.username })).toContainText('Active');
  });
});
