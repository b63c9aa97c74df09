import type { Page } from '@playwright/test';
import { expect, sampleAdmin, sampleStation, signIn, test } from './fixtures';

/** Submits the sign-in form and waits for the station's answer (the message may be the same as before). */
async function submitLogin(page: Page, username: string, password: string, button = '登录'): Promise<void> {
  await page.getByLabel(/^(用户名|Username)$/).fill(username);
  await page.getByLabel(/^(密码|Password)$/).fill(password);
  await Promise.all([
    page.waitForResponse((response) => response.url().includes('/api/session%3Alogin')),
    page.getByRole('button', { name: button, exact: true }).click(),
  ]);
}

async function submitPin(page: Page, pin: string): Promise<void> {
  // The lock screen's own field: a form hidden under the lock may have a PIN field of its own.
  await page.getByRole('region', { name: /屏幕已锁定|Screen locked/ }).getByLabel(/PIN/).fill(pin);
  await Promise.all([
    page.waitForResponse((response) => response.url().includes('/api/session%3Aunlock')),
    page.getByRole('button', { name: '解锁' }).click(),
  ]);
}

/** This tab's session key on the station host, to act on it from outside the page. */
async function tabSessionKey(page: Page): Promise<string> {
  const clientId = await page.evaluate(() => sessionStorage.getItem('relay-station.host-client'));
  expect(clientId).toBeTruthy();
  return `host:${clientId}`;
}

test.describe('staff sessions', () => {
  test.beforeEach(async ({ setUpStation }) => {
    await setUpStation();
  });

  test('the memorial kiosk offers visitor sign-in, the message wall, the name list and registration only; staff see their tiles until they sign out', async ({ page, openApp }) => {
    await openApp();
    await expect(page.getByRole('heading', { name: sampleStation.name })).toBeVisible();
    const tiles = page.locator('.tile strong');
    await expect(tiles).toHaveText(['来访登记', '留言墙', '纪念名录', '意愿登记']);
    await expect(page.getByTestId('staff-name')).toHaveCount(0);

    await signIn(page, sampleAdmin);
    await expect(page.getByTestId('staff-role')).toHaveText('系统管理员');
    await expect(tiles).toHaveText(['意愿登记', '登记记录', '回执与证书', '来访登记', '来访记录', '留言墙', '留言审核', '纪念名录', '纪念名录管理', '家属关怀', '人道救助', '今日生命教育活动', '生命教育活动', '纪念与教育统计', '统计看板', '省级同步', '备份与恢复', '审计日志', '工作人员账户', '站点设置', '我的账户']);

    await page.getByRole('button', { name: '退出登录' }).click();
    await expect(page.getByRole('button', { name: '工作人员登录' })).toBeVisible();
    await expect(page.getByTestId('staff-name')).toHaveCount(0);
    await expect(tiles).toHaveText(['来访登记', '留言墙', '纪念名录', '意愿登记']);
    await expect(page.getByRole('button', { name: /来访记录/ })).toHaveCount(0);

    // Signed out means signed out: a reload stays at the kiosk.
    await page.reload();
    await expect(page.getByRole('heading', { name: sampleStation.name })).toBeVisible();
    await expect(tiles).toHaveText(['来访登记', '留言墙', '纪念名录', '意愿登记']);
  });

  test('a wrong password is refused with a translated message, in Chinese and in English', async ({ page, openApp }) => {
    await openApp();
    await page.getByRole('button', { name: '工作人员登录' }).click();
    await expect(page.getByRole('heading', { name: '工作人员登录' })).toBeVisible();
    await submitLogin(page, sampleAdmin.username, 'not the password');
    await expect(page.getByRole('alert')).toHaveText('用户名或密码不正确。');
    // The refused password does not stay on screen.
    await expect(page.getByLabel('密码')).toHaveValue('');
    await expect(page.getByLabel('密码')).toHaveAttribute('type', 'password');

    await page.getByRole('button', { name: 'English' }).click();
    await expect(page.getByRole('alert')).toHaveText('The username or password is not correct.');
    await submitLogin(page, 'nobody', 'whatever it is', 'Sign in');
    await expect(page.getByRole('alert')).toHaveText('The username or password is not correct.');

    // Empty fields are caught on the form.
    await page.getByLabel('Username').fill('');
    await page.getByRole('button', { name: 'Sign in', exact: true }).click();
    await expect(page.locator('#login-username-error')).toHaveText('This field is required.');
  });

  test('five wrong passwords lock the account, even against the right password', async ({ page, openApp }) => {
    await openApp();
    await page.getByRole('button', { name: '工作人员登录' }).click();
    for (let attempt = 1; attempt <= 4; attempt += 1) {
      await submitLogin(page, sampleAdmin.username, `wrong password ${attempt}`);
      await expect(page.getByRole('alert')).toHaveText('用户名或密码不正确。');
    }
    // The lock is not announced at sign-in: that would confirm the username exists (the screen's intro states the rule).
    await submitLogin(page, sampleAdmin.username, 'wrong password 5');
    await expect(page.getByRole('alert')).toHaveText('用户名或密码不正确。');

    await submitLogin(page, sampleAdmin.username, sampleAdmin.password);
    await expect(page.getByRole('alert')).toHaveText('用户名或密码不正确。');
    await expect(page.getByTestId('staff-name')).toHaveCount(0);
    await page.getByRole('button', { name: 'English' }).click();
    await expect(page.getByRole('alert')).toHaveText('The username or password is not correct.');
  });

  test('signing in leads back home as that staff member', async ({ page, openApp }) => {
    await openApp();
    await page.getByRole('button', { name: '工作人员登录' }).click();
    await submitLogin(page, '  ADMIN ', sampleAdmin.password);
    await expect(page.getByRole('heading', { name: sampleStation.name })).toBeVisible();
    await expect(page.getByTestId('staff-name')).toHaveText('管理员');
    await expect(page.getByRole('button', { name: '锁定屏幕' })).toBeVisible();
    await expect(page.getByRole('button', { name: '工作人员登录' })).toHaveCount(0);
  });

  test('the lock button hides the screen until the right PIN is given', async ({ page, openApp }) => {
    await openApp();
    await signIn(page, sampleAdmin);
    await page.getByRole('button', { name: /来访记录/ }).click();
    await page.getByRole('button', { name: '锁定屏幕' }).click();

    await expect(page.getByRole('heading', { name: '屏幕已锁定' })).toBeVisible();
    await expect(page.getByTestId('locked-staff')).toHaveText('管理员（系统管理员）仍处于登录状态。请输入 PIN 码继续工作。');
    await expect(page.getByRole('heading', { name: '来访记录' })).toHaveCount(0);
    await expect(page.getByLabel('PIN 码')).toHaveAttribute('type', 'password');
    await expect(page.getByLabel('PIN 码')).toHaveAttribute('inputmode', 'numeric');

    // The lock is the station's too: a reload does not get round it.
    await page.reload();
    await expect(page.getByRole('heading', { name: '屏幕已锁定' })).toBeVisible();

    await submitPin(page, '000000');
    await expect(page.getByRole('alert')).toHaveText('PIN 码不正确。');
    await page.getByRole('button', { name: 'English' }).click();
    await expect(page.getByRole('alert')).toHaveText('The PIN is not correct.');
    await expect(page.getByRole('heading', { name: 'Screen locked' })).toBeVisible();
    await page.getByRole('button', { name: '简体中文' }).click();

    await submitPin(page, sampleAdmin.pin);
    await expect(page.getByRole('heading', { name: sampleStation.name })).toBeVisible();
    await expect(page.getByTestId('staff-name')).toHaveText('管理员');
  });

  test('locking keeps a half-filled form: after the PIN the work is still there', async ({ page, openApp }) => {
    await openApp();
    await signIn(page, sampleAdmin);
    await page.getByRole('button', { name: /工作人员账户/ }).click();
    await page.getByLabel('用户名').fill('half.done');
    await page.getByLabel('姓名').fill('未完成');

    await page.getByRole('button', { name: '锁定屏幕' }).click();
    await expect(page.getByRole('heading', { name: '屏幕已锁定' })).toBeVisible();
    // Hidden and inert while locked: nothing of the form can be seen or reached.
    await expect(page.getByLabel('用户名')).toBeHidden();
    await submitPin(page, sampleAdmin.pin);

    await expect(page.getByRole('heading', { name: '工作人员账户' })).toBeVisible();
    await expect(page.getByLabel('用户名')).toHaveValue('half.done');
    await expect(page.getByLabel('姓名')).toHaveValue('未完成');
  });

  test('five wrong PINs lock the account and return the screen to the kiosk', async ({ page, openApp }) => {
    await openApp();
    await signIn(page, sampleAdmin);
    await page.getByRole('button', { name: '锁定屏幕' }).click();
    for (let attempt = 1; attempt <= 4; attempt += 1) {
      await submitPin(page, `00${attempt}0`);
      await expect(page.getByRole('alert')).toHaveText('PIN 码不正确。');
    }
    await submitPin(page, '0050');

    await expect(page.getByRole('alert')).toHaveText('连续失败次数过多，账户已锁定 15 分钟。');
    await expect(page.getByRole('heading', { name: sampleStation.name })).toBeVisible();
    await expect(page.getByRole('button', { name: '工作人员登录' })).toBeVisible();
    await expect(page.locator('.tile strong')).toHaveText(['来访登记', '留言墙', '纪念名录', '意愿登记']);

    await page.getByRole('button', { name: '工作人员登录' }).click();
    await submitLogin(page, sampleAdmin.username, sampleAdmin.password);
    await expect(page.getByRole('alert')).toHaveText('用户名或密码不正确。');
  });

  test('the lock screen can sign out instead', async ({ page, openApp }) => {
    await openApp();
    await signIn(page, sampleAdmin);
    await page.getByRole('button', { name: '锁定屏幕' }).click();
    await page.getByRole('button', { name: '退出登录' }).click();
    await expect(page.getByRole('heading', { name: sampleStation.name })).toBeVisible();
    await expect(page.getByRole('button', { name: '工作人员登录' })).toBeVisible();
    await expect(page.getByRole('alert')).toHaveCount(0);
  });

  test('an idle staff screen locks itself after the idle time; activity starts the wait again', async ({ page, openApp }) => {
    await page.clock.install();
    await openApp();
    await signIn(page, sampleAdmin);
    await page.getByRole('button', { name: /来访记录/ }).click();
    await expect(page.getByTestId('visitor-total')).toBeVisible();

    await page.clock.fastForward('04:00');
    await page.mouse.move(200, 300);
    await page.clock.fastForward('04:00');
    await expect(page.getByRole('heading', { name: '来访记录' })).toBeVisible();

    await page.clock.fastForward('01:01');
    await expect(page.getByRole('heading', { name: '屏幕已锁定' })).toBeVisible();
    await expect(page.getByTestId('visitor-total')).toBeHidden();
    await submitPin(page, sampleAdmin.pin);
    // Back where the work was.
    await expect(page.getByRole('heading', { name: '来访记录' })).toBeVisible();
  });

  test('idle lock in English, and the kiosk never locks', async ({ page, openApp }) => {
    await page.clock.install();
    await openApp();
    await page.getByRole('button', { name: 'English' }).click();
    await page.clock.fastForward('10:00');
    await expect(page.getByRole('button', { name: 'Staff sign-in' })).toBeVisible();
    await expect(page.getByRole('heading', { name: 'Screen locked' })).toHaveCount(0);

    await page.getByRole('button', { name: 'Staff sign-in' }).click();
    await submitLogin(page, sampleAdmin.username, sampleAdmin.password, 'Sign in');
    await expect(page.getByTestId('staff-role')).toHaveText('Administrator');
    await page.clock.fastForward('05:01');
    await expect(page.getByRole('heading', { name: 'Screen locked' })).toBeVisible();
    await expect(page.getByTestId('locked-staff')).toHaveText('管理员 (Administrator) is still signed in. Enter the PIN to continue.');
    await expect(page.getByRole('button', { name: 'Unlock' })).toBeVisible();
  });

  test('a screen whose call finds the session locked shows the lock screen', async ({ page, openApp, station }) => {
    await openApp();
    await signIn(page, sampleAdmin);
    await page.getByRole('button', { name: /来访记录/ }).click();
    await expect(page.getByTestId('visitor-total')).toBeVisible();

    // Locked by the station (as after its own idle time) while the screen still shows the list.
    const locked = await station.dispatch('session:lock', undefined, { sessionKey: await tabSessionKey(page) });
    expect(locked.ok).toBe(true);
    await page.getByRole('button', { name: '刷新' }).click();
    await expect(page.getByRole('heading', { name: '屏幕已锁定' })).toBeVisible();
    await submitPin(page, sampleAdmin.pin);
    await expect(page.getByTestId('visitor-total')).toBeVisible();
  });

  test('a screen whose sign-in ended elsewhere says so and offers the sign-in again', async ({ page, openApp, station }) => {
    await openApp();
    await signIn(page, sampleAdmin);
    await page.getByRole('button', { name: /来访记录/ }).click();
    await expect(page.getByTestId('visitor-total')).toBeVisible();

    const ended = await station.dispatch('session:logout', undefined, { sessionKey: await tabSessionKey(page) });
    expect(ended.ok).toBe(true);
    await page.getByRole('button', { name: '刷新' }).click();
    await expect(page.getByRole('alert')).toHaveText('请先以工作人员身份登录。');
    await expect(page.getByRole('button', { name: '工作人员登录' })).toBeVisible();
    await page.getByRole('button', { name: 'English' }).click();
    await expect(page.getByRole('alert')).toHaveText('Please sign in as staff first.');
  });
});

test.describe('staff accounts', () => {
  test.beforeEach(async ({ setUpStation }) => {
    await setUpStation();
  });

  test('the administrator creates a registrar, who signs in in another tab and sees only their work', async ({ page, openApp, context, host }) => {
    await openApp();
    await signIn(page, sampleAdmin);
    await page.getByRole('button', { name: /工作人员账户/ }).click();
    await expect(page.getByRole('heading', { name: '工作人员账户' })).toBeVisible();
    const table = page.getByTestId('staff-table');
    await expect(table.getByRole('row')).toHaveCount(2);
    await expect(table.getByRole('row').nth(1)).toContainText('admin');
    await expect(table.getByRole('row').nth(1)).toContainText('系统管理员');

    // Refused first: every field says why, in the language on screen.
    await page.getByLabel('用户名').fill('Wang Fang');
    await page.getByLabel('初始密码').fill('short');
    await page.getByLabel('PIN 码').fill('12');
    await page.getByRole('button', { name: '创建账户' }).click();
    await expect(page.getByRole('alert')).toHaveText('输入有误，请检查标出的项目。');
    await expect(page.locator('#staff-username-error')).toHaveText('用户名为 3–32 位小写字母、数字、点、下划线或连字符，以字母或数字开头。');
    await expect(page.locator('#staff-display-name-error')).toHaveText('此项为必填项。');
    await expect(page.locator('#staff-role-error')).toHaveText('请选择角色。');
    await expect(page.locator('#staff-password-error')).toHaveText('密码至少 10 个字符（首尾空格不计）。');
    await expect(page.locator('#staff-pin-error')).toHaveText('PIN 码为 4–8 位数字。');
    await page.getByRole('button', { name: 'English' }).click();
    await expect(page.locator('#staff-role-error')).toHaveText('Please choose a role.');
    await page.getByRole('button', { name: '简体中文' }).click();

    // A username already in use.
    await page.getByLabel('用户名').fill('admin');
    await page.getByLabel('姓名').fill('王芳');
    await page.getByLabel('角色').selectOption({ label: '登记员' });
    await page.getByLabel('初始密码').fill('registrar passphrase');
    await page.getByLabel('PIN 码').fill('1357');
    await page.getByRole('button', { name: '创建账户' }).click();
    await expect(page.getByRole('alert')).toHaveText('该用户名已被使用。');

    await page.getByLabel('用户名').fill('wangfang');
    await page.getByRole('button', { name: '创建账户' }).click();
    await expect(page.getByRole('status')).toHaveText('已创建账户 wangfang。');
    await expect(page.getByLabel('用户名')).toHaveValue('');
    const registrarRow = table.getByRole('row').filter({ hasText: 'wangfang' });
    await expect(registrarRow).toContainText('王芳');
    await expect(registrarRow).toContainText('登记员');
    await expect(registrarRow).toContainText('未锁定');

    // A new tab is a new sign-in: it starts at the kiosk.
    const second = await context.newPage();
    await second.goto(host.issueLaunchUrl());
    await expect(second.getByRole('heading', { name: sampleStation.name })).toBeVisible();
    await expect(second.getByRole('button', { name: '工作人员登录' })).toBeVisible();
    await signIn(second, { username: 'wangfang', password: 'registrar passphrase', displayName: '王芳' });
    await expect(second.getByTestId('staff-role')).toHaveText('登记员');
    await expect(second.locator('.tile strong')).toHaveText(['意愿登记', '登记记录', '回执与证书', '来访登记', '来访记录', '留言墙', '留言审核', '纪念名录', '纪念名录管理', '家属关怀', '人道救助', '今日生命教育活动', '生命教育活动', '纪念与教育统计', '统计看板', '省级同步', '我的账户']);
    await second.getByRole('button', { name: /来访记录/ }).click();
    await expect(second.getByTestId('visitor-total')).toHaveText('共 0 条来访记录');

    // The first tab is still the administrator's.
    await page.reload();
    await expect(page.getByTestId('staff-name')).toHaveText('管理员');
  });

  test('a locked account shows until when', async ({ page, openApp, createStaff, station }) => {
    const registrar = await createStaff('registrar');
    for (let attempt = 1; attempt <= 5; attempt += 1) {
      await station.dispatch('session:login', { username: registrar.username, password: 'wrong' }, { sessionKey: 'elsewhere' });
    }
    await openApp();
    await signIn(page, sampleAdmin);
    await page.getByRole('button', { name: /工作人员账户/ }).click();
    const row = page.getByTestId('staff-table').getByRole('row').filter({ hasText: registrar.username });
    await expect(row).toContainText('登记员');
    await expect(row).not.toContainText('未锁定');
    const year = String(new Date().getFullYear());
    await expect(row.locator('td').nth(4)).toContainText(year);
  });
});
