import type { Page } from '@playwright/test';
import type { StationKind } from '../../shared/domain/station';
import { samplePerson } from '../fixtures/registrations';
import { kioskCaller, sampleSetup } from '../fixtures/temp-station';
import { adminCaller, expect, openTileAs, sampleAdmin, sampleStation, test } from './fixtures';
import { register } from './records-helpers';

/** The public home's tiles at each kind of station (shared/domain/station-tiles.ts), in both languages. */
const publicTiles: Record<StationKind, { zh: string[]; en: string[] }> = {
  university_station: {
    zh: ['意愿登记', '今日生命教育活动'],
    en: ['Register an intent', "Today's life-education sessions"],
  },
  memorial_kiosk: {
    zh: ['来访登记', '留言墙', '纪念名录', '意愿登记'],
    en: ['Visitor sign-in', 'Message wall', 'Memorial name list', 'Register an intent'],
  },
  education_base: {
    zh: ['今日生命教育活动', '意愿登记'],
    en: ["Today's life-education sessions", 'Register an intent'],
  },
};

const kindNames: Record<StationKind, { zh: string; en: string }> = {
  university_station: { zh: '高校遗体捐献登记接收站', en: 'University body-donation registration station' },
  memorial_kiosk: { zh: '纪念园自助终端', en: 'Memorial park kiosk' },
  education_base: { zh: '生命教育基地', en: 'Life-education base' },
};

test.describe('the public home follows the station kind', () => {
  for (const kind of Object.keys(publicTiles) as StationKind[]) {
    test(`${kind}: the kind's tiles, no station code; staff still see the code and every tile`, async ({ page, station, openApp }) => {
      expect((await station.dispatch('station:setup', { ...sampleSetup, kind }, adminCaller)).ok).toBe(true);
      await openApp();
      await expect(page.getByRole('heading', { name: sampleStation.name })).toBeVisible();
      const tiles = page.locator('.tile strong');
      await expect(tiles).toHaveText(publicTiles[kind].zh);
      await expect(page.locator('.station-facts')).toContainText(kindNames[kind].zh);
      await expect(page.locator('.station-facts')).toContainText('昆明市');
      await expect(page.getByTestId('station-code')).toHaveCount(0);
      await expect(page.getByText(sampleStation.code)).toHaveCount(0);

      await page.getByRole('button', { name: 'English', exact: true }).click();
      await expect(tiles).toHaveText(publicTiles[kind].en);
      await expect(page.locator('.station-facts')).toContainText(kindNames[kind].en);
      await expect(page.getByText('Station code')).toHaveCount(0);

      // Staff keep every area their role allows, whatever the kind, and see the code.
      await page.getByRole('button', { name: 'Staff sign-in' }).click();
      await page.getByLabel('Username').fill(sampleAdmin.username);
      await page.getByLabel('Password').fill(sampleAdmin.password);
      await page.getByRole('button', { name: 'Sign in', exact: true }).click();
      await expect(page.getByTestId('station-code')).toHaveText(sampleStation.code);
      for (const tile of [...publicTiles.memorial_kiosk.en, ...publicTiles.education_base.en]) {
        await expect(tiles.filter({ hasText: new RegExp(`^${tile}$`) })).toHaveCount(1);
      }
    });
  }
});

/** The refusal form's labels in each interface language. */
const refusalTexts = {
  zh: {
    records: '登记记录',
    open: '登记不同意捐献',
    number: '证件号码',
    name: '姓名',
    phone: '电话',
    ethnicGroup: '民族',
    submit: '登记声明',
    message: '该证件号码已登记在另一个姓名下。请核对证件与姓名，必要时查询登记记录。',
  },
  en: {
    records: 'Registration records',
    open: 'Record a refusal',
    number: 'Document number',
    name: 'Name',
    phone: 'Phone',
    ethnicGroup: 'Ethnic group',
    submit: 'Record the refusal',
    message: 'This document number is registered under another name. Check the document against the name given, and look the person up in Registration records if needed.',
  },
} as const;

test.describe('staff read staff wording', () => {
  for (const [language, l] of Object.entries(refusalTexts) as Array<[keyof typeof refusalTexts, (typeof refusalTexts)[keyof typeof refusalTexts]]>) {
    test(`${language}: a refusal for a document on file under another name tells staff what to check, not to ask staff`, async ({ page, station, setUpStation, openApp }) => {
      await setUpStation();
      await register(station);
      await openApp();
      await openTileAs(page, language, sampleAdmin, l.records);

      await page.getByRole('button', { name: l.open }).click();
      const form = page.getByTestId('refusal-record-form');
      await form.getByLabel(l.number).fill(samplePerson.document.number);
      await form.getByLabel(l.name, { exact: true }).fill('随便写');
      await form.getByLabel(l.phone).fill(samplePerson.phone);
      await form.getByLabel(l.ethnicGroup).selectOption(samplePerson.ethnicGroup);
      await form.getByRole('button', { name: l.submit }).click();

      const alert = form.getByRole('alert');
      await expect(alert).toHaveAttribute('data-error-code', 'person_details_mismatch');
      await expect(alert).toHaveText(l.message);
    });
  }
});

/** Leaves a message at the kiosk and approves it, as staff would. */
async function approvedMessage(station: Parameters<typeof register>[0], message: string): Promise<void> {
  expect((await station.dispatch('visitor:signIn', { partySize: 1, purpose: 'remembrance', message }, kioskCaller)).ok).toBe(true);
  const listed = await station.dispatch('messages:list', { state: 'pending' }, adminCaller);
  if (!listed.ok) throw new Error('messages:list refused');
  const [pending] = (listed.data as { messages: Array<{ id: string }> }).messages;
  expect((await station.dispatch('messages:approve', { id: pending?.id ?? '' }, adminCaller)).ok).toBe(true);
}

async function openWall(page: Page): Promise<void> {
  await page.getByRole('button', { name: /留言墙/ }).click();
  await expect(page.getByRole('heading', { name: '留言墙', level: 1 })).toBeVisible();
}

test('the wall shows a run of blank lines as one, and caps a long message’s card with the rest scrollable', async ({ page, station, setUpStation, openApp }) => {
  await setUpStation();
  expect((await station.dispatch('session:login', { username: sampleAdmin.username, password: sampleAdmin.password }, adminCaller)).ok).toBe(true);
  await approvedMessage(station, `第一行${'\n'.repeat(21)}第二十行`);
  const lines = Array.from({ length: 30 }, (_, index) => `第${index + 1}句`);
  await approvedMessage(station, lines.join('\n'));
  await openApp();
  await openWall(page);

  const cards = page.getByTestId('wall-message');
  await expect(cards).toHaveCount(2);
  const blank = cards.filter({ hasText: '第二十行' }).locator('blockquote');
  await expect(blank).toHaveJSProperty('textContent', '第一行\n\n第二十行');

  const long = cards.filter({ hasText: '第30句' }).locator('blockquote');
  // The full text is there, but the card stops at eight lines, short of the screen, and scrolls for the rest.
  await expect(long).toHaveJSProperty('textContent', lines.join('\n'));
  const size = await long.evaluate((element) => ({ shown: element.clientHeight, full: element.scrollHeight, lineHeight: parseFloat(getComputedStyle(element).lineHeight) }));
  expect(size.full).toBeGreaterThan(size.shown);
  expect(size.shown).toBeLessThanOrEqual(size.lineHeight * 8 + 1);
  const viewport = page.viewportSize();
  const card = await cards.filter({ hasText: '第30句' }).boundingBox();
  expect(card?.height ?? Infinity).toBeLessThan(viewport?.height ?? 0);
  // Reachable from the keyboard, so the rest can be scrolled without touch.
  await long.focus();
  await expect(long).toBeFocused();
  await page.keyboard.press('End');
  await expect.poll(() => long.evaluate((element) => element.scrollTop)).toBeGreaterThan(0);
});
