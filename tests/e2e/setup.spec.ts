import { countRows, expect, sampleAdmin, test } from './fixtures';

test.describe('first-run setup', () => {
  test('records the station and its first administrator, who is signed in, also after a reload', async ({ page, openApp, station }) => {
    await openApp();
    await expect(page.getByRole('heading', { name: '初始设置' })).toBeVisible();
    await expect(page).not.toHaveURL(/launch=/);
    // Nobody is signed in before the station exists: no staff controls yet.
    await expect(page.getByRole('button', { name: '工作人员登录' })).toHaveCount(0);

    await page.getByLabel('站点代码').fill('kmu01');
    await page.getByLabel('站点名称').fill('昆明医科大学遗体捐献登记接收站');
    await page.getByLabel('站点类型').selectOption({ label: '纪念园自助终端' });
    await page.getByLabel('所在地区').selectOption({ label: '昆明市' });
    await expect(page.getByRole('group', { name: '首位系统管理员' })).toBeVisible();
    await page.getByLabel('管理员用户名').fill(sampleAdmin.username);
    await page.getByLabel('管理员姓名').fill(sampleAdmin.displayName);
    await page.getByLabel('管理员密码').fill(sampleAdmin.password);
    await expect(page.getByLabel('管理员密码')).toHaveAttribute('type', 'password');
    await page.getByLabel('管理员 PIN 码').fill(sampleAdmin.pin);
    await expect(page.getByLabel('管理员 PIN 码')).toHaveAttribute('type', 'password');
    await expect(page.getByLabel('管理员 PIN 码')).toHaveAttribute('inputmode', 'numeric');
    await page.getByRole('button', { name: '保存并开始使用' }).click();

    // The recovery code is shown once, before anything else; going on needs the administrator's word that it is kept.
    await expect(page.getByRole('heading', { name: '恢复码' })).toBeVisible();
    await expect(page.getByTestId('recovery-code')).toHaveText(/^[0-9A-Z]{5}(-[0-9A-Z]{5}){4}$/);
    await expect(page.getByRole('button', { name: '打印本页' })).toBeVisible();
    await expect(page.getByRole('button', { name: '继续' })).toBeDisabled();
    await page.getByLabel('我已抄下或打印恢复码，并妥善保管。').check();
    await page.getByRole('button', { name: '继续' }).click();

    await expect(page.getByRole('heading', { name: '昆明医科大学遗体捐献登记接收站' })).toBeVisible();
    await expect(page.getByTestId('station-code')).toHaveText('KMU01');
    await expect(page.getByText('纪念园自助终端')).toBeVisible();
    await expect(page.getByText('昆明市')).toBeVisible();
    await expect(page.getByTestId('staff-name')).toHaveText('管理员');
    await expect(page.getByTestId('staff-role')).toHaveText('系统管理员');
    await expect(page.getByRole('button', { name: /工作人员账户/ })).toBeVisible();
    await expect(page.getByRole('button', { name: /审计日志/ })).toBeVisible();

    const stored = await station.services.station.get();
    expect(stored).toMatchObject({ code: 'KMU01', kind: 'memorial_kiosk', regionCode: '5301' });
    const admin = station.connection.sqlite.prepare('select username, role from staff').all();
    expect(admin).toEqual([{ username: 'admin', role: 'admin' }]);

    // The sign-in belongs to this tab and survives a reload.
    await page.reload();
    await expect(page.getByTestId('station-code')).toHaveText('KMU01');
    await expect(page.getByTestId('staff-name')).toHaveText('管理员');
  });

  test('refuses bad input with translated reasons and stores nothing', async ({ page, openApp, station }) => {
    await openApp();
    await page.getByLabel('站点代码').fill('KM-01');
    await page.getByLabel('管理员用户名').fill('A');
    await page.getByLabel('管理员密码').fill('short');
    await page.getByLabel('管理员 PIN 码').fill('12ab');
    await page.getByRole('button', { name: '保存并开始使用' }).click();

    await expect(page.getByRole('alert')).toHaveText('输入有误，请检查标出的项目。');
    await expect(page.getByText('站点代码为 2–12 位大写字母或数字。')).toBeVisible();
    await expect(page.getByText('站点名称为 1–60 个字。')).toBeVisible();
    await expect(page.getByText('请选择站点类型。')).toBeVisible();
    await expect(page.getByText('请选择所在地区。')).toBeVisible();
    await expect(page.getByText('用户名为 3–32 位小写字母、数字、点、下划线或连字符，以字母或数字开头。')).toBeVisible();
    await expect(page.locator('#admin-display-name-error')).toHaveText('此项为必填项。');
    await expect(page.getByText('密码至少 10 个字符（首尾空格不计）。')).toBeVisible();
    await expect(page.getByText('PIN 码为 4–8 位数字。')).toBeVisible();

    await page.getByRole('button', { name: 'English' }).click();
    await expect(page.getByRole('alert')).toHaveText('Some entries are not valid. Please check the marked fields.');
    await expect(page.getByText('The station code is 2–12 capital letters or digits.')).toBeVisible();
    await expect(page.getByText('Please choose the region.')).toBeVisible();
    await expect(page.getByRole('group', { name: 'First administrator' })).toBeVisible();
    await expect(page.getByText('A password has at least 10 characters (spaces at either end do not count).')).toBeVisible();
    await expect(page.getByText('A PIN is 4–8 digits.')).toBeVisible();

    expect(countRows(station, 'station')).toBe(0);
    expect(countRows(station, 'staff')).toBe(0);
  });

  test('shows the server refusal when the station was set up meanwhile', async ({ page, openApp, station, setUpStation }) => {
    await openApp();
    await expect(page.getByRole('heading', { name: '初始设置' })).toBeVisible();
    await setUpStation(); // e.g. by `cli init` while the screen was open

    await page.getByLabel('站点代码').fill('XY99');
    await page.getByLabel('站点名称').fill('另一站');
    await page.getByLabel('站点类型').selectOption('education_base');
    await page.getByLabel('所在地区').selectOption('11');
    await page.getByLabel('管理员用户名').fill('other');
    await page.getByLabel('管理员姓名').fill('李四');
    await page.getByLabel('管理员密码').fill('another passphrase');
    await page.getByLabel('管理员 PIN 码').fill('1234');
    await page.getByRole('button', { name: '保存并开始使用' }).click();

    await expect(page.getByRole('alert')).toHaveText('本站已完成设置，站点信息不能再次初始化。');
    expect(await station.services.station.get()).toMatchObject({ code: 'KMU01' });
    expect(countRows(station, 'staff')).toBe(1);
  });
});
