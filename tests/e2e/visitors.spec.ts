import { countRows, expect, sampleStation, test } from './fixtures';

test.beforeEach(async ({ setUpStation, openApp, page }) => {
  await setUpStation();
  await openApp();
  await expect(page.getByRole('heading', { name: sampleStation.name })).toBeVisible();
});

test('a visitor signs in and staff see the visit listed with the name masked', async ({ page, station }) => {
  await page.getByRole('button', { name: /来访登记/ }).click();
  await page.getByLabel('来访人数').fill('3');
  await page.getByLabel('清明祭扫').check();
  await page.getByLabel('姓名（选填）').fill('张・三丰');
  await page.getByRole('button', { name: '登记', exact: true }).click();

  await expect(page.getByRole('heading', { name: '感谢您的到访' })).toBeVisible();
  await expect(page.getByRole('status')).toContainText('3 人来访');
  expect(countRows(station, 'visitor_sign_in')).toBe(1);
  expect(countRows(station, 'outbox')).toBe(1);
  const stored = station.connection.sqlite.prepare('select visitor_name, party_size, purpose from visitor_sign_in').get();
  expect(stored).toEqual({ visitor_name: '张·三丰', party_size: 3, purpose: 'qingming' });

  // The next visitor starts from an empty form.
  await page.getByRole('button', { name: '下一位来访者' }).click();
  await expect(page.getByLabel('姓名（选填）')).toHaveValue('');
  await expect(page.getByLabel('清明祭扫')).not.toBeChecked();

  await page.getByRole('button', { name: '返回首页' }).click();
  await page.getByRole('button', { name: /来访记录/ }).click();
  await expect(page.getByTestId('visitor-total')).toHaveText('共 1 条来访记录');
  const row = page.getByRole('row').nth(1);
  await expect(row).toContainText('张*');
  await expect(row).toContainText('清明祭扫');
  await expect(row).not.toContainText('三丰');
});

test('bad input shows translated reasons and stores nothing', async ({ page, station }) => {
  await page.getByRole('button', { name: /来访登记/ }).click();
  await page.getByLabel('来访人数').fill('0');
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
  await page.getByLabel('Number of visitors').fill('2');
  await page.getByLabel('Tour').check();
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  await expect(page.getByRole('status')).toContainText('A visit of 2 people was recorded');
  await page.getByRole('button', { name: 'Back to home' }).click();
  await page.getByRole('button', { name: /Visitor log/ }).click();
  await expect(page.getByTestId('visitor-total')).toHaveText('1 visit recorded');
  await expect(page.getByRole('row').nth(1)).toContainText('Not given');

  await page.getByRole('button', { name: '简体中文' }).click();
  await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');
  await expect(page.getByRole('heading', { name: '来访记录' })).toBeVisible();
  await expect(page.getByRole('row').nth(1)).toContainText('未留名');
  await expect(page.getByRole('row').nth(1)).toContainText('参观');
});

test('a lost connection to the station is said plainly, in both languages, and nothing crashes', async ({ page, host }) => {
  await page.getByRole('button', { name: /来访记录/ }).click();
  await expect(page.getByTestId('visitor-total')).toHaveText('共 0 条来访记录');

  await host.close();
  await page.getByRole('button', { name: '刷新' }).click();
  await expect(page.getByRole('alert')).toHaveText('无法连接登记站服务，请稍后重试。');
  await page.getByRole('button', { name: 'English' }).click();
  await expect(page.getByRole('alert')).toHaveText('The station service cannot be reached. Please try again shortly.');
  await expect(page.getByRole('heading', { name: 'Visitor log' })).toBeVisible();
});
