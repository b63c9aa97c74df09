import { countRows, expect, test } from './fixtures';

test.describe('first-run setup', () => {
  test('records the station and shows it on the home screen, also after a reload', async ({ page, openApp, station }) => {
    await openApp();
    await expect(page.getByRole('heading', { name: '初始设置' })).toBeVisible();
    await expect(page).not.toHaveURL(/token=/);

    await page.getByLabel('站点代码').fill('kmu01');
    await page.getByLabel('站点名称').fill('昆明医科大学遗体捐献登记接收站');
    await page.getByLabel('站点类型').selectOption({ label: '纪念园自助终端' });
    await page.getByLabel('所在地区').selectOption({ label: '昆明市' });
    await page.getByRole('button', { name: '保存并开始使用' }).click();

    await expect(page.getByRole('heading', { name: '昆明医科大学遗体捐献登记接收站' })).toBeVisible();
    await expect(page.getByTestId('station-code')).toHaveText('KMU01');
    await expect(page.getByText('纪念园自助终端')).toBeVisible();
    await expect(page.getByText('昆明市')).toBeVisible();

    const stored = await station.services.station.get();
    expect(stored).toMatchObject({ code: 'KMU01', kind: 'memorial_kiosk', regionCode: '5301' });

    await page.reload();
    await expect(page.getByTestId('station-code')).toHaveText('KMU01');
  });

  test('refuses bad input with translated reasons and stores nothing', async ({ page, openApp, station }) => {
    await openApp();
    await page.getByLabel('站点代码').fill('KM-01');
    await page.getByRole('button', { name: '保存并开始使用' }).click();

    await expect(page.getByRole('alert')).toHaveText('输入有误，请检查标出的项目。');
    await expect(page.getByText('站点代码为 2–12 位大写字母或数字。')).toBeVisible();
    await expect(page.getByText('站点名称为 1–60 个字。')).toBeVisible();
    await expect(page.getByText('请选择站点类型。')).toBeVisible();
    await expect(page.getByText('请选择所在地区。')).toBeVisible();

    await page.getByRole('button', { name: 'English' }).click();
    await expect(page.getByRole('alert')).toHaveText('Some entries are not valid. Please check the marked fields.');
    await expect(page.getByText('The station code is 2–12 capital letters or digits.')).toBeVisible();
    await expect(page.getByText('Please choose the region.')).toBeVisible();

    expect(countRows(station, 'station')).toBe(0);
  });

  test('shows the server refusal when the station was set up meanwhile', async ({ page, openApp, station, setUpStation }) => {
    await openApp();
    await expect(page.getByRole('heading', { name: '初始设置' })).toBeVisible();
    await setUpStation(); // e.g. by `cli init` while the screen was open

    await page.getByLabel('站点代码').fill('XY99');
    await page.getByLabel('站点名称').fill('另一站');
    await page.getByLabel('站点类型').selectOption('education_base');
    await page.getByLabel('所在地区').selectOption('11');
    await page.getByRole('button', { name: '保存并开始使用' }).click();

    await expect(page.getByRole('alert')).toHaveText('本站已完成设置，站点信息不能再次初始化。');
    expect(await station.services.station.get()).toMatchObject({ code: 'KMU01' });
  });
});
