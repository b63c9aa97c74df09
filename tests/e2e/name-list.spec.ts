import type { Locator, Page } from '@playwright/test';
import type { OpenStation } from '../../electron/app/open-station';
import type { CallInput } from '../../shared/contract/calls';
import { stationDate } from '../../shared/domain/age';
import { maskDocumentNumber } from '../../shared/domain/masking';
import { MEMORIAL_CONSENT_TEXT_VERSION } from '../../shared/domain/memorial-names';
import { residentId } from '../fixtures/registrations';
import { adminCaller, expect, sampleAdmin, sampleStation, signIn, test } from './fixtures';
import { drawOn } from './registration-helpers';

const relativeDocument = residentId('530102', '19600101', '011');
const thisYear = Number(stationDate(new Date()).slice(0, 4));

test.beforeEach(async ({ setUpStation, openApp, page }) => {
  await setUpStation();
  await openApp();
  await expect(page.getByRole('heading', { name: sampleStation.name })).toBeVisible();
});

/** Adds an entry through the dispatcher, as the first administrator (signed in by the station's setup). */
async function seed(station: OpenStation, publishedName: string, engravingYear: number, wallLocation: string): Promise<string> {
  const input: CallInput<'nameList:add'> = {
    publishedName,
    donationKind: 'body',
    engravingYear,
    wallLocation,
    consent: {
      relativeName: '李建国',
      relation: 'child',
      relativeDocument: { kind: 'resident_id', number: relativeDocument },
      signature: { kind: 'paper' },
      givenOn: '2025-03-01',
      textVersion: MEMORIAL_CONSENT_TEXT_VERSION,
    },
  };
  const added = await station.dispatch('nameList:add', input, adminCaller);
  if (!added.ok) throw new Error(`nameList:add refused: ${JSON.stringify(added.error)}`);
  return (added.data as { id: string }).id;
}

/** Opens a screen from the home screen by the exact title of its tile. */
async function openTile(page: Page, title: string): Promise<void> {
  await page.locator('.brand').click();
  await page.locator('.tile').filter({ has: page.locator('strong', { hasText: new RegExp(`^${title}$`) }) }).click();
  await expect(page.getByRole('heading', { name: title, level: 1 })).toBeVisible();
}

/** Types a search on the public list and waits for its answer: the names found, in the order shown. */
async function searchNames(page: Page, query: string): Promise<Locator> {
  await page.locator('#name-query').fill(query);
  await page.locator('#name-query').press('Enter');
  return page.getByTestId('memorial-name');
}

test('staff add a name with the family consent signed on screen; the public finds it by characters and initials until the consent is withdrawn', async ({ page }) => {
  await signIn(page, sampleAdmin);
  await openTile(page, '纪念名录管理');
  await expect(page.getByTestId('name-desk-total')).toHaveText('共 0 条');

  await page.getByRole('button', { name: '添加名录条目' }).click();
  await page.getByLabel('公开姓名').fill('单雄信');
  await page.getByLabel('捐献类型').selectOption({ label: '遗体捐献' });
  await page.getByLabel('刻名位置').fill('东区 3 排 12 号');
  await expect(page.getByLabel('刻名年份')).toHaveValue(String(thisYear));
  // Without the family's confirmation and signature, nothing is saved.
  await page.getByRole('button', { name: '保存条目和家属同意' }).click();
  await expect(page.locator('[data-reason="memorial_consent_required"]')).toHaveText('没有家属的同意，不能添加名录条目。请家属阅读同意书后勾选确认。');
  await expect(page.getByTestId('name-entry')).toHaveCount(0);
  await page.getByLabel('家属已阅读并同意上述内容').check();
  await page.getByLabel('家属姓名').fill('单建国');
  await page.getByLabel('与捐献者的关系').selectOption({ label: '子女' });
  await page.locator('#consent-document-number').fill(relativeDocument);
  await drawOn(page, page.locator('#consent-signature'));
  await page.getByRole('button', { name: '保存条目和家属同意' }).click();

  await expect(page.getByTestId('name-desk-done')).toHaveText('已添加“单雄信”，已在公开名录中显示。');
  const entry = page.getByTestId('name-entry');
  await expect(entry).toHaveCount(1);
  await expect(entry.getByTestId('name-entry-name')).toHaveText('单雄信');
  await expect(entry.getByTestId('name-entry-state')).toHaveText('公开中');
  await expect(entry.getByTestId('name-entry-consent')).toContainText(`单*（子女，居民身份证 ${maskDocumentNumber(relativeDocument)}）`);
  await expect(entry.getByTestId('name-entry-consent')).toContainText('屏幕签名');

  // The public list: by characters, by the surname reading's initials and by the everyday reading's.
  await openTile(page, '纪念名录');
  for (const query of ['雄信', 'sxx', 'dxx', 'shanxiong']) {
    const names = await searchNames(page, query);
    await expect(names, query).toHaveCount(1);
    await expect(names.first()).toContainText('单雄信');
    await expect(names.first()).toContainText('遗体捐献');
    await expect(names.first()).toContainText('刻名位置：东区 3 排 12 号');
  }
  await expect(page.getByRole('heading', { name: `${thisYear} 年刻名`, level: 2 })).toBeVisible();
  await expect(page.getByTestId('name-list-total')).toHaveText('找到 1 位');

  // Withdrawing the consent asks once more, then takes the name off the public list at once.
  await openTile(page, '纪念名录管理');
  await entry.getByRole('button', { name: '撤回同意' }).click();
  await page.getByLabel('撤回原因').fill('家属要求撤下');
  await page.getByRole('button', { name: '撤回同意', exact: true }).click();
  await expect(page.getByRole('alertdialog')).toContainText('确定撤回对“单雄信”的同意？');
  await page.getByRole('button', { name: '确定撤回' }).click();
  await expect(page.getByTestId('name-desk-done')).toHaveText('已撤回同意，该姓名已从公开名录中移除。');
  await expect(entry.getByTestId('name-entry-state')).toHaveText('已撤回同意');
  await expect(entry.getByTestId('name-entry-name')).toHaveText('单*');

  await openTile(page, '纪念名录');
  for (const query of ['单雄信', 'dxx']) {
    await searchNames(page, query);
    await expect(page.getByTestId('name-list-empty')).toContainText(`没有找到“${query}”`);
    await expect(page.getByTestId('memorial-name')).toHaveCount(0);
    await expect(page.getByTestId('name-list-total')).toHaveCount(0);
  }
});

test('in English, at the kiosk: names grouped by year, newest first, and a withdrawn name never shown nor counted', async ({ page, station }) => {
  await seed(station, '张晓明', 2024, '东区 1 排 1 号');
  await seed(station, '赵小梅', 2025, '西区 2 排 5 号');
  const withdrawn = await seed(station, '周秀梅', 2025, '西区 2 排 6 号');
  const result = await station.dispatch('nameList:withdrawConsent', { entryId: withdrawn, reason: '家属要求' }, adminCaller);
  expect(result.ok).toBe(true);

  await page.reload();
  await page.getByRole('button', { name: 'English' }).click();
  // The kiosk (nobody signed in) sees the list but not the desk.
  await expect(page.locator('.tile strong', { hasText: /^Memorial name list$/ })).toBeVisible();
  await expect(page.locator('.tile strong', { hasText: /desk/ })).toHaveCount(0);
  await openTile(page, 'Memorial name list');
  await expect(page.getByText('Type the name you are looking for.')).toBeVisible();

  const names = await searchNames(page, 'zxm');
  await expect(names).toHaveText([/赵小梅/, /张晓明/]);
  await expect(page.getByTestId('name-list-total')).toHaveText('2 names found');
  // 周秀梅 has the same initials, but her family withdrew the consent: she is neither listed nor counted.
  await expect(page.getByRole('heading', { level: 2 })).toHaveText([/^Engraved in 2025\s*1 name$/, /^Engraved in 2024\s*1 name$/]);
  await expect(names.first()).toContainText('Body donation');
  await expect(names.first()).toContainText('Wall location: 西区 2 排 5 号');

  await searchNames(page, '秀梅');
  await expect(page.getByTestId('name-list-empty')).toContainText('No name matches “秀梅”');
  await searchNames(page, 'zx');
  await expect(page.getByTestId('name-list-total')).toHaveText('2 names found');
  await searchNames(page, '%');
  await expect(page.locator('[data-reason="search_query"]')).toHaveText('Type Chinese characters, pinyin or pinyin initials.');
});

test('in English, staff record a consent signed on paper, and the public finds the name by characters and by initials', async ({ page }) => {
  await signIn(page, sampleAdmin);
  await page.getByRole('button', { name: 'English' }).click();
  await openTile(page, 'Memorial name list desk');
  await page.getByRole('button', { name: 'Add a name' }).click();
  await page.getByLabel('Published name').fill('曾国藩');
  await page.getByLabel('Kind of donation').selectOption({ label: 'Cornea donation' });
  await page.getByLabel('Year of engraving').fill(String(thisYear + 2));
  await page.getByLabel('Wall location').fill('南区 1 排 8 号');
  await page.getByLabel('The relative has read and agrees to the text above').check();
  await page.getByLabel("Relative's name").fill('曾纪泽');
  await page.getByLabel('Relation to the donor').selectOption({ label: 'Child' });
  await page.locator('#consent-document-number').fill(relativeDocument);
  await page.getByLabel('Signed the paper consent form (filed)').check();
  await expect(page.locator('#consent-signature')).toHaveCount(0);
  await page.getByRole('button', { name: "Save the name and the family's consent" }).click();
  // The year is checked against the station's calendar: next year at the latest.
  await expect(page.locator('#entry-year-error')).toHaveText('Enter the year of engraving (from 1950 to next year).');
  await page.getByLabel('Year of engraving').fill(String(thisYear));
  await page.getByRole('button', { name: "Save the name and the family's consent" }).click();
  await expect(page.getByTestId('name-desk-done')).toHaveText('“曾国藩” was added and is now on the public list.');
  await expect(page.getByTestId('name-entry-consent')).toContainText('signed on paper');
  await expect(page.getByTestId('name-entry-consent')).toContainText('曾* (Child,');

  await openTile(page, 'Memorial name list');
  for (const query of ['国藩', 'zgf', 'cgf', 'zengguo']) {
    const names = await searchNames(page, query);
    await expect(names, query).toHaveText([/曾国藩/]);
  }
  await expect(page.getByTestId('memorial-name')).toContainText('Cornea donation');
  await expect(page.getByTestId('memorial-name')).toContainText('Wall location: 南区 1 排 8 号');
});
