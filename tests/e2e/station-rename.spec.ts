import { adminCaller, countRows, expect, sampleAdmin, sampleStation, signIn, test } from './fixtures';

test.beforeEach(async ({ setUpStation, openApp, page }) => {
  await setUpStation();
  await openApp();
  await expect(page.getByRole('heading', { name: sampleStation.name })).toBeVisible();
  await signIn(page, sampleAdmin);
  await page.getByRole('button', { name: /站点设置/ }).click();
});

test('the administrator corrects the station name on the settings screen and the header shows it at once', async ({ page, station }) => {
  const form = page.getByTestId('settings-stationName');
  await expect(form.getByLabel('名称')).toHaveValue(sampleStation.name);
  await form.getByLabel('名称').fill('昆明医科大学遗体捐献接收站');
  await form.getByRole('button', { name: '更改站点名称' }).click();
  await expect(page.getByTestId('settings-stationName-saved')).toHaveText('站点名称已更改。');
  await expect(page.locator('.app-header .station-name')).toHaveText('昆明医科大学遗体捐献接收站');

  const stored = await station.dispatch('station:get', undefined, adminCaller);
  expect(stored).toMatchObject({ ok: true, data: { code: sampleStation.code, name: '昆明医科大学遗体捐献接收站' } });
});

test('a name with a right-to-left override is refused with its reason in English, and the name stays', async ({ page, station }) => {
  await page.getByRole('button', { name: 'English' }).click();
  const form = page.getByTestId('settings-stationName');
  const audited = countRows(station, 'audit_log');
  await form.getByLabel('Name').fill('昆明医科大学<img src=x onerror=alert(1)>\u202E站');
  await form.getByRole('button', { name: 'Rename the station' }).click();
  await expect(form.locator('[data-reason="text_characters"]')).toHaveText(
    'This text contains invisible control characters; please remove them and type it again.',
  );
  await expect(page.locator('.app-header .station-name')).toHaveText(sampleStation.name);
  expect(countRows(station, 'audit_log')).toBe(audited);
  expect(await station.dispatch('station:get', undefined, adminCaller)).toMatchObject({ ok: true, data: { name: sampleStation.name } });
});
