import { nameListEntry, sampleRelativeDocument } from '../fixtures/name-list';
import { adminCaller, expect, openTile, sampleAdmin, sampleStation, showIn, signIn, test } from './fixtures';
import { localeText } from './sync-helpers';

/**
 * The memorial name list: the public finds a name with a rare character and a middle dot by its pinyin
 * initials, and the desk's new entry starts with no kind of donation and no relation chosen.
 */

const locales = ['zh-CN', 'en'] as const;
const relativeDocument = sampleRelativeDocument.number;

test.beforeEach(async ({ setUpStation, openApp, page }) => {
  await setUpStation();
  await openApp();
  await expect(page.getByRole('heading', { name: sampleStation.name })).toBeVisible();
});

/** An entry whose family signed the consent on paper. */
const entry = (publishedName: string) => nameListEntry(publishedName, {}, { signature: { kind: 'paper' }, givenOn: '2025-03-01' });

for (const locale of locales) {
  test(`the public finds 𠮷野·家 by its pinyin initials and its full pinyin (${locale})`, async ({ page, station }) => {
    for (const name of ['𠮷野·家', '张晓明']) expect((await station.dispatch('nameList:add', entry(name), adminCaller)).ok).toBe(true);
    await showIn(page, locale);
    await openTile(page, localeText(locale, 'nameList', 'title'));
    for (const query of ['jyj', 'jiyejia']) {
      await page.locator('#name-query').fill(query);
      await page.locator('#name-query').press('Enter');
      await expect(page.getByTestId('memorial-name'), query).toHaveText([/𠮷野·家/]);
    }
  });

  test(`a new name-list entry has no kind of donation or relation chosen, and saving names both fields (${locale})`, async ({ page, station }) => {
    const text = (key: string) => localeText(locale, 'nameListDesk', key);
    const entries = () => (station.connection.sqlite.prepare('select count(*) as n from memorial_entry').get() as { n: number }).n;
    await signIn(page, sampleAdmin);
    await showIn(page, locale);
    await openTile(page, text('title'));
    await page.getByRole('button', { name: text('add.open') }).click();
    const kind = page.getByLabel(text('add.donationKind'), { exact: true });
    const relation = page.getByLabel(text('consent.relation'), { exact: true });
    for (const select of [kind, relation]) {
      await expect(select).toHaveValue('');
      await expect(select.locator('option:checked')).toHaveText(localeText(locale, 'common', 'choose'));
    }
    await page.getByLabel(text('add.publishedName')).fill('张晓明');
    await page.getByLabel(text('add.wallLocation')).fill('东区 3 排 12 号');
    await page.getByLabel(text('consent.confirm')).check();
    await page.getByLabel(text('consent.relativeName')).fill('李建国');
    await page.locator('#consent-document-number').fill(relativeDocument);
    await page.getByLabel(text('consent.signaturePaper')).check();
    const save = page.getByRole('button', { name: text('add.submit') });
    await save.click();
    await expect(page.locator('#entry-kind-error')).toHaveText(localeText(locale, 'validation', 'donation_kind'));
    await expect(page.locator('#consent-relation-error')).toHaveText(localeText(locale, 'validation', 'consent_relation'));
    expect(entries()).toBe(0);

    await kind.selectOption('cornea');
    await relation.selectOption('spouse');
    await save.click();
    await expect(page.getByTestId('name-desk-done')).toBeVisible();
    expect(station.connection.sqlite.prepare('select donation_kind from memorial_entry').all()).toEqual([{ donation_kind: 'cornea' }]);
  });
}
