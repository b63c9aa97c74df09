import type { OpenStation } from '../../electron/app/open-station';
import { adminCaller, expect, sampleAdmin, sampleStation, signIn, test } from './fixtures';

test.beforeEach(async ({ setUpStation, openApp, page }) => {
  await setUpStation();
  await openApp();
  await expect(page.getByRole('heading', { name: sampleStation.name })).toBeVisible();
});

/** What the station really stored, read through the dispatcher as the first administrator. */
async function storedSettings(station: OpenStation) {
  const login = await station.dispatch('session:login', { username: sampleAdmin.username, password: sampleAdmin.password }, adminCaller);
  expect(login.ok).toBe(true);
  const result = await station.dispatch('settings:get', undefined, adminCaller);
  if (!result.ok) throw new Error(JSON.stringify(result.error));
  return result.data as { registration: { values: object }; staff: { values: object }; printing: { values: object } };
}

function auditedSections(station: OpenStation): string[] {
  const rows = station.connection.sqlite
    .prepare("select object_id from audit_log where action = 'settings_change' order by seq")
    .all() as Array<{ object_id: string }>;
  return rows.map((row) => row.object_id);
}

test('an administrator changes each section and sees it saved, the memorial retention and the sync settings too', async ({ page, station }) => {
  await signIn(page, sampleAdmin);
  await page.getByRole('button', { name: /站点设置/ }).click();
  await expect(page.getByRole('heading', { name: '站点设置', level: 1 })).toBeVisible();

  const registration = page.getByTestId('settings-registration');
  await expect(registration.getByLabel('造血干细胞志愿者最高年龄（周岁）')).toHaveValue('45');
  await expect(registration.getByText('默认 45，可设 18–65')).toBeVisible();
  await registration.getByLabel('造血干细胞志愿者最高年龄（周岁）').fill('55');
  await registration.getByLabel('造血干细胞冷静期（天）').fill('14');
  await registration.getByLabel('自助机无操作后清空表单（秒）').fill('120');
  await registration.getByLabel('变更或撤回遗体捐献登记须提交公证文书').check();
  await registration.getByRole('button', { name: '保存' }).click();
  await expect(page.getByTestId('settings-registration-saved')).toHaveText('已保存。');

  const staff = page.getByTestId('settings-staff');
  // Typed with a Chinese input method in full-width mode: read as 15.
  await staff.getByLabel('工作人员屏幕无操作后自动锁定（分钟）').fill('１５');
  await staff.getByRole('button', { name: '保存' }).click();
  await expect(page.getByTestId('settings-staff-saved')).toHaveText('已保存。');

  const printing = page.getByTestId('settings-printing');
  await printing.getByLabel('回执打印机名称').fill('EPSON TM-T82III');
  await printing.getByLabel('回执纸张').selectOption({ label: '80 毫米热敏卷纸' });
  await printing.getByRole('button', { name: '保存' }).click();
  await expect(page.getByTestId('settings-printing-saved')).toHaveText('已保存。');

  // The memorial retention and the provincial settings are the visitor log's and the sync screen's own forms.
  const memorial = page.getByRole('region', { name: '纪念园设置' });
  await memorial.getByLabel('来访记录保存天数').fill('400');
  await memorial.getByRole('button', { name: '保存', exact: true }).click();
  await expect(memorial.getByRole('status')).toHaveText('设置已保存。');
  await page.getByLabel('每批记录数').fill('５００');
  await page.getByRole('button', { name: '保存设置' }).click();
  await expect(page.getByTestId('settings-saved')).toHaveText('已保存同步设置。');
  // The province's keys, with the form an administrator imports them with.
  await expect(page.getByRole('heading', { name: '密钥', exact: true })).toBeVisible();
  await expect(page.getByRole('button', { name: '导入公钥' })).toBeVisible();

  const stored = await storedSettings(station);
  expect(stored.registration.values).toEqual({ stemCellMinAge: 18, stemCellMaxAge: 55, coolingOffDays: 14, kioskIdleSeconds: 120, bodyChangeNeedsNotarisation: true });
  expect(stored.staff.values).toEqual({ idleLockMinutes: 15 });
  expect(stored.printing.values).toEqual({ receiptPrinter: 'EPSON TM-T82III', receiptPaper: 'thermal' });
  expect(auditedSections(station)).toEqual(['registration', 'staff', 'printing', 'memorial', 'sync']);

  // Opened again, the screen shows what was stored.
  await page.getByRole('button', { name: '返回首页' }).click();
  await page.getByRole('button', { name: /站点设置/ }).click();
  await expect(page.getByTestId('settings-registration').getByLabel('造血干细胞志愿者最高年龄（周岁）')).toHaveValue('55');
  await expect(page.getByTestId('settings-staff').getByLabel('工作人员屏幕无操作后自动锁定（分钟）')).toHaveValue('15');
  await expect(page.getByTestId('settings-printing').getByLabel('回执纸张')).toHaveValue('thermal');
});

test('a refused value shows its reason under the field in Chinese and in English, and nothing is stored', async ({ page, station }) => {
  await signIn(page, sampleAdmin);
  await page.getByRole('button', { name: /站点设置/ }).click();
  const registration = page.getByTestId('settings-registration');
  const maxAge = registration.getByLabel('造血干细胞志愿者最高年龄（周岁）');
  await maxAge.fill('66');
  await registration.getByRole('button', { name: '保存' }).click();
  await expect(registration.locator('[data-reason="stem_cell_max_age_range"]')).toHaveText('最高年龄须为 18–65 之间的整数周岁。');

  await registration.getByLabel('造血干细胞志愿者最低年龄（周岁）').fill('40');
  await maxAge.fill('30');
  await registration.getByRole('button', { name: '保存' }).click();
  await expect(registration.locator('[data-reason="stem_cell_age_order"]')).toHaveText('最高年龄不能小于最低年龄。');

  const staff = page.getByTestId('settings-staff');
  await staff.getByLabel('工作人员屏幕无操作后自动锁定（分钟）').fill('');
  await staff.getByRole('button', { name: '保存' }).click();
  await expect(staff.locator('[data-reason="idle_lock_minutes_range"]')).toHaveText('工作人员屏幕自动锁定时间须为 1–60 之间的整数分钟数。');

  await page.getByRole('button', { name: 'English' }).click();
  await expect(page.getByRole('heading', { name: 'Station settings', level: 1 })).toBeVisible();
  await expect(registration.locator('[data-reason="stem_cell_age_order"]')).toHaveText('The oldest age cannot be below the youngest age.');
  await expect(staff.locator('[data-reason="idle_lock_minutes_range"]')).toHaveText('The staff screen lock time must be a whole number of minutes from 1 to 60.');
  await registration.getByLabel('Stem-cell cooling-off period (days)').fill('91');
  await registration.getByLabel('Oldest stem-cell volunteer (years)').fill('45');
  await registration.getByRole('button', { name: 'Save' }).click();
  await expect(registration.locator('[data-reason="cooling_off_days_range"]')).toHaveText('The cooling-off period must be a whole number of days from 0 to 90.');
  await expect(registration.locator('[data-reason="stem_cell_age_order"]')).toHaveCount(0);

  expect(auditedSections(station)).toEqual([]);
  const stored = await storedSettings(station);
  expect(stored.registration.values).toEqual({ stemCellMinAge: 18, stemCellMaxAge: 45, coolingOffDays: 7, kioskIdleSeconds: 300, bodyChangeNeedsNotarisation: false });
  expect(stored.staff.values).toEqual({ idleLockMinutes: 5 });
});

test('a supervisor sees the settings read-only, with no way to save them', async ({ page, station, createStaff }) => {
  const supervisor = await createStaff('supervisor');
  expect((await station.dispatch('settings:change', { section: 'registration', stemCellMinAge: 18, stemCellMaxAge: 50, coolingOffDays: 10, kioskIdleSeconds: 90, bodyChangeNeedsNotarisation: false }, adminCaller)).ok).toBe(true);

  await signIn(page, supervisor);
  await page.getByRole('button', { name: /站点设置/ }).click();
  await expect(page.getByTestId('settings-read-only')).toHaveText('登记、工作人员、回执打印、公众屏幕、身份证读卡器、家属关怀和人道救助的设置只能由系统管理员修改，这里仅供查看。');
  await expect(page.getByTestId('fact-stemCellMaxAge')).toHaveText('50');
  await expect(page.getByTestId('fact-coolingOffDays')).toHaveText('10');
  await expect(page.getByTestId('fact-idleLockMinutes')).toHaveText('5');
  await expect(page.getByTestId('fact-receiptPrinter')).toHaveText('未设置（工作人员打印时显示对话框）');
  await expect(page.getByTestId('fact-receiptPaper')).toHaveText('A4 纸');
  await expect(page.getByTestId('fact-elderModeDefault')).toHaveText('默认普通模式');
  for (const section of ['registration', 'staff', 'printing', 'kiosk']) {
    await expect(page.getByTestId(`settings-${section}`).getByRole('button')).toHaveCount(0);
    await expect(page.getByTestId(`settings-${section}`).getByRole('textbox')).toHaveCount(0);
  }
  // The province's keys are imported by an administrator only.
  await expect(page.getByRole('button', { name: '导入公钥' })).toHaveCount(0);
});
