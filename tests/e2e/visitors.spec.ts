import { countRows, expect, sampleAdmin, sampleStation, signIn, test } from './fixtures';

test.beforeEach(async ({ setUpStation, openApp, page }) => {
  await setUpStation();
  await openApp();
  await expect(page.getByRole('heading', { name: sampleStation.name })).toBeVisible();
});

test('a visitor signs in at the kiosk and staff see the visit listed with the name masked', async ({ page, station }) => {
  // The kiosk offers the sign-in only: the visitor log is for staff.
  await expect(page.getByRole('button', { name: /来访记录/ })).toHaveCount(0);
  await page.getByRole('button', { name: /来访登记/ }).click();
  await page.getByLabel('3', { exact: true }).check();
  await page.getByLabel('清明祭扫').check();
  await page.getByText('留下姓名、关系或留言（选填）').click();
  await page.getByLabel('姓名（选填）').fill('张・三丰');
  await page.getByRole('button', { name: '登记', exact: true }).click();

  await expect(page.getByRole('heading', { name: '感谢您的到访' })).toBeVisible();
  await expect(page.getByRole('status')).toContainText('3 人来访');
  expect(countRows(station, 'visitor_sign_in')).toBe(1);
  expect(countRows(station, 'outbox')).toBe(1);
  const stored = station.connection.sqlite.prepare('select visitor_name, party_size, purpose from visitor_sign_in').get() as {
    visitor_name: string;
  };
  expect(stored).toMatchObject({ party_size: 3, purpose: 'qingming' });
  // The name is kept sealed in the database, never as plain text.
  expect(stored.visitor_name).not.toContain('三丰');

  // The next visitor starts from an empty form.
  await page.getByRole('button', { name: '下一位来访者' }).click();
  await expect(page.getByLabel('姓名（选填）')).toHaveValue('');
  await expect(page.getByLabel('清明祭扫')).not.toBeChecked();
  await expect(page.getByLabel('3', { exact: true })).not.toBeChecked();

  await page.getByRole('button', { name: '返回首页' }).click();
  await signIn(page, sampleAdmin);
  await page.getByRole('button', { name: /来访记录/ }).click();
  await expect(page.getByTestId('visitor-total')).toHaveText('共 1 条来访记录');
  const row = page.getByRole('row').nth(1);
  await expect(row).toContainText('张*');
  await expect(row).toContainText('清明祭扫');
  await expect(row).not.toContainText('三丰');
});

test('a party size typed in full width is read as its digits, in Chinese and in English', async ({ page, station }) => {
  for (const [language, more, purpose, thanks] of [
    ['简体中文', '更多', '缅怀', '感谢您的到访'],
    ['English', 'More', 'Remembrance', 'Thank you for your visit'],
  ] as const) {
    await page.getByRole('button', { name: language }).click();
    await page.getByRole('button', { name: /来访登记|Visitor sign-in/ }).click();
    await page.getByLabel(more).check();
    await page.getByLabel(/^(人数|Number)$/).fill('１２');
    await page.getByLabel(purpose).check();
    await page.getByRole('button', { name: /^(登记|Sign in)$/ }).click();
    await expect(page.getByRole('heading', { name: thanks })).toBeVisible();
    await page.getByRole('button', { name: /返回首页|Back to home/ }).click();
  }
  expect(station.connection.sqlite.prepare('select party_size from visitor_sign_in').all()).toEqual([{ party_size: 12 }, { party_size: 12 }]);
});

test('the thanks screen forgets the visitor by itself after 30 seconds', async ({ page }) => {
  await page.clock.install();
  await page.reload();
  await page.getByRole('button', { name: /来访登记/ }).click();
  await page.getByLabel('2', { exact: true }).check();
  await page.getByLabel('缅怀').check();
  await page.getByText('留下姓名、关系或留言（选填）').click();
  await page.getByLabel('姓名（选填）').fill('李四');
  await page.getByRole('button', { name: '登记', exact: true }).click();
  await expect(page.getByRole('heading', { name: '感谢您的到访' })).toBeVisible();
  await expect(page.getByText('稍后将自动返回登记页面。')).toBeVisible();

  await page.clock.fastForward('00:20');
  await expect(page.getByRole('heading', { name: '感谢您的到访' })).toBeVisible();
  await page.clock.fastForward('00:11');
  await expect(page.getByRole('heading', { name: '来访登记' })).toBeVisible();
  await expect(page.getByLabel('2', { exact: true })).not.toBeChecked();
  await expect(page.getByLabel('缅怀')).not.toBeChecked();
  await expect(page.getByLabel('姓名（选填）')).toHaveValue('');
});

test('staff reveal a full name on request; it is audited and forgotten when the screen closes', async ({ page, station }) => {
  await page.getByRole('button', { name: /来访登记/ }).click();
  await page.getByLabel('1', { exact: true }).check();
  await page.getByLabel('缅怀').check();
  await page.getByText('留下姓名、关系或留言（选填）').click();
  await page.getByLabel('姓名（选填）').fill('欧阳·娜娜');
  await page.getByRole('button', { name: '登记', exact: true }).click();
  await page.getByRole('button', { name: '下一位来访者' }).click();
  await page.getByLabel('2', { exact: true }).check();
  await page.getByLabel('参观').check();
  await page.getByRole('button', { name: '登记', exact: true }).click();
  await page.getByRole('button', { name: '返回首页' }).click();

  await signIn(page, sampleAdmin);
  await page.getByRole('button', { name: /来访记录/ }).click();
  await expect(page.getByTestId('visitor-total')).toHaveText('共 2 条来访记录');
  const named = page.getByRole('row').filter({ hasText: '缅怀' });
  const anonymous = page.getByRole('row').filter({ hasText: '参观' });
  await expect(named.getByTestId('visitor-name')).toHaveText('欧*');
  // A visit without a name has nothing to reveal.
  await expect(anonymous.getByRole('button', { name: '显示全名' })).toHaveCount(0);

  await named.getByRole('button', { name: '显示全名' }).click();
  await expect(named.getByTestId('visitor-name')).toHaveText('欧阳·娜娜');
  await expect(named.getByRole('button', { name: '显示全名' })).toHaveCount(0);
  const audited = station.connection.sqlite
    .prepare("select actor_role, object_type from audit_log where action = 'view_unmasked'")
    .all();
  expect(audited).toEqual([{ actor_role: 'admin', object_type: 'visitor_sign_in' }]);

  await page.getByRole('button', { name: '返回首页' }).click();
  await page.getByRole('button', { name: /来访记录/ }).click();
  await expect(page.getByRole('row').filter({ hasText: '缅怀' }).getByTestId('visitor-name')).toHaveText('欧*');
});

test('bad input shows translated reasons and stores nothing', async ({ page, station }) => {
  await page.getByRole('button', { name: /来访登记/ }).click();
  await page.getByLabel('更多').check();
  await page.getByLabel('人数', { exact: true }).fill('0');
  await page.getByText('留下姓名、关系或留言（选填）').click();
  await page.getByLabel('姓名（选填）').fill('张3');
  await page.getByRole('button', { name: '登记', exact: true }).click();

  await expect(page.getByRole('alert')).toHaveText('输入有误，请检查标出的项目。');
  await expect(page.getByText('人数须为 1–500 之间的整数。')).toBeVisible();
  await expect(page.getByText('请选择来访目的。')).toBeVisible();
  await expect(page.getByText('姓名中不能含有数字。')).toBeVisible();

  await page.getByRole('button', { name: 'English' }).click();
  await expect(page.getByText('The party size must be a whole number from 1 to 500.')).toBeVisible();
  await expect(page.getByText('A name cannot contain digits.')).toBeVisible();

  expect(countRows(station, 'visitor_sign_in')).toBe(0);
  expect(countRows(station, 'outbox')).toBe(0);
});

test('the whole interface switches to English and back to Chinese', async ({ page }) => {
  await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');
  await page.getByRole('button', { name: 'English' }).click();
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await expect(page.getByText('Memorial park kiosk')).toBeVisible();
  await page.getByRole('button', { name: /Visitor sign-in/ }).click();
  await expect(page.getByRole('heading', { name: 'Visitor sign-in' })).toBeVisible();
  await page.getByLabel('2', { exact: true }).check();
  await page.getByLabel('Tour').check();
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  await expect(page.getByRole('status')).toContainText('A visit of 2 people was recorded');
  await page.getByRole('button', { name: 'Back to home' }).click();

  await page.getByRole('button', { name: 'Staff sign-in' }).click();
  await expect(page.getByRole('heading', { name: 'Staff sign-in' })).toBeVisible();
  await page.getByLabel('Username').fill(sampleAdmin.username);
  await page.getByLabel('Password').fill(sampleAdmin.password);
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  await expect(page.getByTestId('staff-role')).toHaveText('Administrator');

  await page.getByRole('button', { name: /Visitor log/ }).click();
  await expect(page.getByTestId('visitor-total')).toHaveText('1 visit recorded');
  await expect(page.getByRole('row').nth(1)).toContainText('Not given');

  await page.getByRole('button', { name: '简体中文' }).click();
  await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');
  await expect(page.getByRole('heading', { name: '来访记录' })).toBeVisible();
  await expect(page.getByRole('row').nth(1)).toContainText('未留名');
  await expect(page.getByRole('row').nth(1)).toContainText('参观');
  await expect(page.getByTestId('staff-role')).toHaveText('系统管理员');
});

test('a lost connection to the station is said plainly, in both languages, and nothing crashes', async ({ page, host }) => {
  await signIn(page, sampleAdmin);
  await page.getByRole('button', { name: /来访记录/ }).click();
  await expect(page.getByTestId('visitor-total')).toHaveText('共 0 条来访记录');

  await host.close();
  await page.getByRole('button', { name: '刷新' }).click();
  await expect(page.getByRole('alert')).toHaveText('无法连接登记站服务，请稍后重试。');
  await page.getByRole('button', { name: 'English' }).click();
  await expect(page.getByRole('alert')).toHaveText('The station service cannot be reached. Please try again shortly.');
  await expect(page.getByRole('heading', { name: 'Visitor log' })).toBeVisible();
});
