import type { Page } from '@playwright/test';
import type { OpenStation } from '../../electron/app/open-station';
import { addCalendarDays, stationDate } from '../../shared/domain/age';
import type { Language } from '../../shared/i18n/languages';
import { deskOf, dispatchOk, openAidDeskAs, openDonorFamily, openOnlyCase, textIn } from './aid-helpers';
import { adminCaller, expect, openTileAs, sampleAdmin, sampleStation, signOutStaff, test } from './fixtures';
import { ScreenChecks, text } from './support/axe';

/**
 * The donor families' care plan and the aid minimum on the settings screen: an administrator changes
 * them (the days typed as a list), a refused list or number shows its reason under the field in both
 * languages, and a supervisor reads them with nothing to save; the sections pass axe in both languages.
 * The aid desk's notice form offers the station's minimum.
 */

test.beforeEach(async ({ setUpStation, openApp, page }) => {
  await setUpStation();
  await openApp();
  await expect(page.getByRole('heading', { name: sampleStation.name })).toBeVisible();
});

/** The two sections as the station stores them, read through the dispatcher as the first administrator. */
async function storedSections(station: OpenStation) {
  const login = await station.dispatch('session:login', { username: sampleAdmin.username, password: sampleAdmin.password }, adminCaller);
  expect(login.ok).toBe(true);
  const result = await station.dispatch('settings:get', undefined, adminCaller);
  if (!result.ok) throw new Error(JSON.stringify(result.error));
  const view = result.data as { familyCare: { values: unknown }; aid: { values: unknown } };
  return { familyCare: view.familyCare.values, aid: view.aid.values };
}

function auditedSections(station: OpenStation): string[] {
  const rows = station.connection.sqlite.prepare("select object_id from audit_log where action = 'settings_change' order by seq").all() as Array<{ object_id: string }>;
  return rows.map((row) => row.object_id);
}

/** Types `value` into the section's field labelled with `labelKey` and saves the section. */
async function saveWith(page: Page, language: Language, section: 'familyCare' | 'aid', labelKey: string, value: string): Promise<void> {
  const form = page.getByTestId(`settings-${section}`);
  await form.getByLabel(text(language, labelKey)).fill(value);
  await form.getByRole('button', { name: text(language, 'settings:save'), exact: true }).click();
}

test('an administrator changes the care plan, typed as a list, and the aid minimum, each audited', async ({ page, station }) => {
  await openTileAs(page, 'zh', sampleAdmin, '站点设置');
  const care = page.getByTestId('settings-familyCare');
  await expect(care.getByRole('heading', { name: '家属关怀' })).toBeVisible();
  await expect(care.getByTestId('settings-familyCare-applies')).toHaveText(
    '修改后的回访计划用于此后建档的家庭，以及尚未安排的每年清明回访；已经安排的回访日期不变。',
  );
  await expect(care.getByLabel('捐献后回访（第几天，用逗号隔开）')).toHaveValue('14, 91, 365');
  await expect(care.getByText('默认 14, 91, 365；每个天数可设 1–1830，最多 8 个，从小到大')).toBeVisible();
  // Typed with a Chinese input method: full-width digits, the Chinese comma and the enumeration comma.
  await care.getByLabel('捐献后回访（第几天，用逗号隔开）').fill('７，30、180, 365');
  await care.getByLabel('清明前几天安排年度回访（天）').fill('10');
  await care.getByRole('button', { name: '保存' }).click();
  await expect(page.getByTestId('settings-familyCare-saved')).toHaveText('已保存。');
  await expect(care.getByLabel('捐献后回访（第几天，用逗号隔开）')).toHaveValue('7, 30, 180, 365');

  const aid = page.getByTestId('settings-aid');
  await expect(aid.getByLabel('公示期最短天数（含首尾两天）')).toHaveValue('7');
  await expect(aid.getByText('默认 7，可设 1–60')).toBeVisible();
  await aid.getByLabel('公示期最短天数（含首尾两天）').fill('10');
  await aid.getByRole('button', { name: '保存' }).click();
  await expect(page.getByTestId('settings-aid-saved')).toHaveText('已保存。');

  expect(await storedSections(station)).toEqual({ familyCare: { followUpOffsetsDays: [7, 30, 180, 365], qingmingLeadDays: 10 }, aid: { minNoticeDays: 10 } });
  expect(auditedSections(station)).toEqual(['familyCare', 'aid']);

  // Opened again, in English, the screen shows what was stored.
  await page.getByRole('button', { name: 'English' }).click();
  await page.getByRole('button', { name: 'Back to home' }).click();
  await page.getByRole('button', { name: /Station settings/ }).click();
  await expect(page.getByTestId('settings-familyCare').getByLabel('Follow-ups after the donation (days after it, separated by commas)')).toHaveValue('7, 30, 180, 365');
  await expect(page.getByTestId('settings-familyCare').getByLabel('Yearly visit before Qingming (days before 4 April)')).toHaveValue('10');
  await expect(page.getByTestId('settings-aid').getByLabel('Shortest public notice (days, counting the first and the last)')).toHaveValue('10');
});

test('a list out of order, with a repeat, out of range or unreadable shows its reason in Chinese and in English, and nothing is stored', async ({ page, station }) => {
  await openTileAs(page, 'zh', sampleAdmin, '站点设置');
  const care = page.getByTestId('settings-familyCare');
  const aid = page.getByTestId('settings-aid');

  await saveWith(page, 'zh-CN', 'familyCare', 'settings:familyCare.followUpOffsetsDays', '91, 14, 365');
  await expect(care.locator('[data-reason="follow_up_days_order"]')).toHaveText('请按从小到大的顺序填写天数，例如 14, 91, 365。');
  await saveWith(page, 'zh-CN', 'familyCare', 'settings:familyCare.followUpOffsetsDays', '14, 91, 91');
  await expect(care.locator('[data-reason="follow_up_days_repeated"]')).toHaveText('同一天数只能填写一次，请删去重复的天数。');
  await saveWith(page, 'zh-CN', 'aid', 'settings:aid.minNoticeDays', '61');
  await expect(aid.locator('[data-reason="min_notice_days_range"]')).toHaveText('公示期最短天数须为 1–60 之间的整数。');

  await page.getByRole('button', { name: 'English' }).click();
  await expect(page.getByRole('heading', { name: 'Station settings', level: 1 })).toBeVisible();
  await expect(care.locator('[data-reason="follow_up_days_repeated"]')).toHaveText('Each number of days may appear only once: remove the repeated one.');
  await expect(aid.locator('[data-reason="min_notice_days_range"]')).toHaveText('The shortest public notice must be a whole number of days from 1 to 60.');
  await saveWith(page, 'en', 'familyCare', 'settings:familyCare.followUpOffsetsDays', '14, 2000');
  await expect(care.locator('[data-reason="follow_up_days_range"]')).toHaveText('Each number of days must be a whole number from 1 to 1830.');
  await saveWith(page, 'en', 'familyCare', 'settings:familyCare.followUpOffsetsDays', '14, two weeks');
  await expect(care.locator('[data-reason="follow_up_days_list"]')).toHaveText(
    'Type from 1 to 8 whole numbers of days, separated by commas, for example 14, 91, 365.',
  );
  await care.getByLabel(text('en', 'settings:familyCare.followUpOffsetsDays')).fill('14, 91');
  await saveWith(page, 'en', 'familyCare', 'settings:familyCare.qingmingLeadDays', '61');
  await expect(care.locator('[data-reason="qingming_lead_days_range"]')).toHaveText('The days before Qingming must be a whole number from 0 to 60.');
  await expect(care.locator('[data-reason^="follow_up_days"]')).toHaveCount(0);

  expect(auditedSections(station)).toEqual([]);
  expect(await storedSections(station)).toEqual({ familyCare: { followUpOffsetsDays: [14, 91, 365], qingmingLeadDays: 7 }, aid: { minNoticeDays: 7 } });
});

test('a supervisor reads the care plan and the aid minimum in both languages, with nothing to save', async ({ page, station, createStaff }) => {
  const supervisor = await createStaff('supervisor');
  expect((await station.dispatch('settings:change', { section: 'familyCare', followUpOffsetsDays: [7, 30], qingmingLeadDays: 10 }, adminCaller)).ok).toBe(true);
  expect((await station.dispatch('settings:change', { section: 'aid', minNoticeDays: 14 }, adminCaller)).ok).toBe(true);

  await openTileAs(page, 'zh', supervisor, '站点设置');
  const care = page.getByRole('region', { name: '家属关怀' });
  await expect(care.locator('dt')).toHaveText(['捐献后回访（第几天，用逗号隔开）', '清明前几天安排年度回访（天）']);
  await expect(care.locator('dd')).toHaveText(['7, 30', '10']);
  const aid = page.getByRole('region', { name: '人道救助' });
  await expect(aid.locator('dt')).toHaveText(['公示期最短天数（含首尾两天）']);
  await expect(aid.locator('dd')).toHaveText(['14']);

  await page.getByRole('button', { name: 'English' }).click();
  await expect(page.getByTestId('settings-read-only')).toHaveText(
    'Registration, staff, receipt printing, public screen, ID-card reader, donor-family care and aid settings can only be changed by an administrator; they are shown here for reference.',
  );
  const careEn = page.getByRole('region', { name: 'Donor-family care' });
  await expect(careEn.locator('dt')).toHaveText(['Follow-ups after the donation (days after it, separated by commas)', 'Yearly visit before Qingming (days before 4 April)']);
  await expect(careEn.locator('dd')).toHaveText(['7, 30', '10']);
  await expect(page.getByRole('region', { name: 'Aid for donor families' }).locator('dd')).toHaveText(['14']);
  for (const section of ['familyCare', 'aid']) {
    await expect(page.getByTestId(`settings-${section}`).getByRole('button')).toHaveCount(0);
    await expect(page.getByTestId(`settings-${section}`).getByRole('textbox')).toHaveCount(0);
  }
});

test('the public notice form offers the minimum the administrator set', async ({ page, station, createStaff }) => {
  const family = await openDonorFamily(station, stationDate(new Date()));
  const registrar = await deskOf(station, await createStaff('registrar'));
  const supervisorAccount = await createStaff('supervisor');
  const supervisor = await deskOf(station, supervisorAccount);
  const decider = await deskOf(station, await createStaff('admin'));
  const applied = await dispatchOk(
    station,
    'aid:apply',
    { familyId: family.familyId, applicantMemberId: family.applicantId, cause: { programme: 'condolence' }, reason: '家中主要劳动力去世', amountAskedFen: 150_000, documentsSeen: ['id_card'] },
    registrar,
  );
  await dispatchOk(station, 'aid:review', { caseId: applied.id, outcome: 'approve', note: '材料齐全' }, supervisor);
  await dispatchOk(station, 'aid:propose', { caseId: applied.id, amountProposedFen: 150_000, note: null });
  await dispatchOk(station, 'aid:decide', { caseId: applied.id, outcome: 'grant', amountGrantedFen: 150_000 }, decider);
  await dispatchOk(station, 'settings:change', { section: 'aid', minNoticeDays: 10 });

  await openAidDeskAs(page, supervisorAccount);
  await openOnlyCase(page);
  await page.getByRole('button', { name: textIn('zh-CN', 'aidDesk:next.open', { step: textIn('zh-CN', 'aid:step.notice') }) }).click();
  const from = await page.getByLabel(textIn('zh-CN', 'aidDesk:notice.from')).inputValue();
  // Ten days counting the first and the last.
  await expect(page.getByLabel(textIn('zh-CN', 'aidDesk:notice.to'))).toHaveValue(addCalendarDays(from, 9));
});

for (const language of ['zh-CN', 'en'] as const) {
  test(`the care-plan and aid sections pass axe with their errors and read-only (${language})`, async ({ page, createStaff }) => {
    test.setTimeout(120_000);
    const checks = new ScreenChecks(page, `settings family and aid ${language}`);
    const short = language === 'en' ? 'en' : 'zh';
    await openTileAs(page, short, sampleAdmin, text(language, 'settings:title'));
    const care = page.getByTestId('settings-familyCare');
    const aid = page.getByTestId('settings-aid');
    await checks.check('care plan as it stands', '[data-testid="settings-familyCare"]');
    await checks.check('aid as it stands', '[data-testid="settings-aid"]');

    await saveWith(page, language, 'familyCare', 'settings:familyCare.followUpOffsetsDays', '91, 14');
    await saveWith(page, language, 'aid', 'settings:aid.minNoticeDays', '0');
    await expect(care.locator('[data-reason]')).toBeVisible();
    await expect(aid.locator('[data-reason]')).toBeVisible();
    await checks.check('care plan showing its error', '[data-testid="settings-familyCare"]');
    await checks.check('aid showing its error', '[data-testid="settings-aid"]');

    const supervisor = await createStaff('supervisor');
    await signOutStaff(page, short);
    await openTileAs(page, short, supervisor, text(language, 'settings:title'));
    await expect(page.getByTestId('settings-read-only')).toBeVisible();
    await checks.check('care plan read-only', '[data-testid="settings-familyCare"]');
    await checks.check('aid read-only', '[data-testid="settings-aid"]');
    checks.expectNone();
  });
}
