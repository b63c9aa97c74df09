import AxeBuilder from '@axe-core/playwright';
import type { Locator, Page } from '@playwright/test';
import { stationDate } from '../../shared/domain/age';
import { stationMoment } from '../../shared/domain/education';
import { adminCaller, expect, openTile, sampleAdmin, showIn, signIn, test } from './fixtures';
import { answerConsents, choosePrograms, drawSignature, en, next, openRegistration, skipHeardFrom, zh, type FlowLabels } from './registration-helpers';
import { localeText, type Locale } from './sync-helpers';
import { wcagTags } from './support/axe';

/**
 * The kiosk's on-screen numeric keypad: a visitor with no keyboard enters a document number (with its
 * X) and phones by tapping, a keyboard still types into the same field, the keys are big enough, and
 * staff screens never show it.
 */

const locales: ReadonlyArray<[Locale, FlowLabels]> = [
  ['zh-CN', zh],
  ['en', en],
];

/** The keypad under the focused field, and its keys by the name a screen reader gives them. */
function keypadOf(page: Page, locale: Locale) {
  const pad = page.getByRole('group', { name: localeText(locale, 'keypad', 'label') });
  const key = (name: string) => pad.getByRole('button', { name, exact: true });
  return {
    pad,
    digit: (digit: string) => key(digit),
    x: key(localeText(locale, 'keypad', 'checkCharacter')),
    delete: key(localeText(locale, 'keypad', 'delete')),
    clear: key(localeText(locale, 'keypad', 'clear')),
    done: key(localeText(locale, 'keypad', 'done')),
  };
}

/** Taps each character of `text` on the keypad. */
async function tap(keypad: ReturnType<typeof keypadOf>, text: string): Promise<void> {
  for (const character of text) await (character === 'X' ? keypad.x : keypad.digit(character)).click();
}

/** WCAG 2.2 A/AA violations inside the open keypad and its field (the whole screen is checked elsewhere). */
async function keypadViolations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).include('.keypad-field:has([data-testid="numeric-keypad"])').withTags([...wcagTags]).analyze();
  return results.violations.map((violation) => `${violation.id}: ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`);
}

async function keyBoxes(pad: Locator): Promise<Array<{ width: number; height: number }>> {
  return pad.getByRole('button').evaluateAll((keys) => keys.map((key) => key.getBoundingClientRect()).map(({ width, height }) => ({ width, height })));
}

test.beforeEach(({ openHome }) => openHome());

for (const [locale, labels] of locales) {
  test(`a visitor enters a resident number ending in X and a phone on the keypad and registers (${locale})`, async ({ page, station }) => {
    test.setTimeout(60_000);
    await showIn(page, locale);
    await openRegistration(page, labels);
    await choosePrograms(page, [localeText(locale, 'registration', 'program.cornea')]);
    await next(page, labels);

    const keypad = keypadOf(page, locale);
    const number = page.getByLabel(labels.documentNumber, { exact: true });
    await expect(keypad.pad).toHaveCount(0);
    await number.click();
    await expect(keypad.pad).toBeVisible();
    // The system's touch keyboard stays down while the keypad is up.
    await expect(number).toHaveAttribute('inputmode', 'none');
    await tap(keypad, '110105194912310025');
    await keypad.delete.click();
    await tap(keypad, 'X');
    await expect(number).toHaveValue('11010519491231002X');
    await expect(number).toBeFocused();
    await expect(page.getByTestId('derived-birth-date')).toBeVisible();

    // Done moves on to the name and takes the keypad away.
    await keypad.done.click();
    await expect(keypad.pad).toHaveCount(0);
    const name = page.getByLabel(labels.name, { exact: true });
    await expect(name).toBeFocused();
    await name.fill('王建华');
    await page.getByLabel(labels.ethnicGroup, { exact: true }).selectOption({ label: locale === 'en' ? 'Han' : '汉族' });

    const phone = page.getByLabel(labels.phone, { exact: true });
    await phone.click();
    await expect(keypad.pad).toBeVisible();
    // X belongs to document numbers only.
    await expect(keypad.x).toHaveCount(0);
    await tap(keypad, '13812345678');
    await expect(phone).toHaveValue('13812345678');
    await keypad.done.click();
    await expect(keypad.pad).toHaveCount(0);
    await expect(phone).toHaveAttribute('inputmode', 'tel');

    await next(page, labels);
    await answerConsents(page, { provincial_sync: true, follow_up_contact: true, memorial_publication: false }, labels);
    await next(page, labels);
    await drawSignature(page);
    await next(page, labels);
    await skipHeardFrom(page, labels);
    await page.getByRole('button', { name: localeText(locale, 'kiosk', 'actions.submit'), exact: true }).click();
    await expect(page.getByTestId('registration-number')).toBeVisible();

    // What was stored is the number as tapped, X included.
    expect((await station.dispatch('session:login', { username: sampleAdmin.username, password: sampleAdmin.password }, adminCaller)).ok).toBe(true);
    const found = await station.dispatch('registration:search', { query: '11010519491231002X' }, adminCaller);
    expect(found).toMatchObject({ ok: true, data: { matchedBy: 'document', results: [{ documentKind: 'resident_id' }] } });
  });

  test(`the keys are at least 60 × 60 px and a keyboard still types into the field (${locale})`, async ({ page }) => {
    await showIn(page, locale);
    await openRegistration(page, labels);
    await choosePrograms(page, [localeText(locale, 'registration', 'program.cornea')]);
    await next(page, labels);
    const keypad = keypadOf(page, locale);

    const number = page.getByLabel(labels.documentNumber, { exact: true });
    await number.focus();
    await expect(keypad.pad).toBeVisible();
    const boxes = await keyBoxes(keypad.pad);
    // 0–9, X, delete, clear, done.
    expect(boxes).toHaveLength(14);
    for (const box of boxes) {
      expect(box.width).toBeGreaterThanOrEqual(60);
      expect(box.height).toBeGreaterThanOrEqual(60);
    }
    expect(await keypadViolations(page)).toEqual([]);

    const phone = page.getByLabel(labels.phone, { exact: true });
    await phone.focus();
    await expect(keypad.pad).toHaveCount(1);
    await expect(keypad.pad.getByRole('button')).toHaveCount(13);
    // Typing, then a key at the caret: between what was typed, as a keyboard would put it.
    await page.keyboard.type('1381234');
    await expect(phone).toHaveValue('1381234');
    await page.keyboard.press('ArrowLeft');
    await page.keyboard.press('ArrowLeft');
    await keypad.digit('9').click();
    await expect(phone).toHaveValue('13812934');
    await keypad.delete.click();
    await expect(phone).toHaveValue('1381234');
    await page.keyboard.press('End');
    await page.keyboard.type('5678');
    await expect(phone).toHaveValue('13812345678');
    await keypad.clear.click();
    await expect(phone).toHaveValue('');
    await expect(phone).toBeFocused();

    // Leaving the field by keyboard takes the keypad away and gives the field its own input mode back.
    await page.keyboard.type('13812345678');
    await page.keyboard.press('Shift+Tab');
    await expect(keypad.pad).toHaveCount(0);
    await expect(phone).toHaveAttribute('inputmode', 'tel');
    await expect(phone).toHaveValue('13812345678');
  });
}

test('in the elder-friendly mode the keys grow to at least 72 × 72 px', async ({ page }) => {
  await page.getByTestId('elder-toggle').click();
  await openRegistration(page, zh);
  await choosePrograms(page, [localeText('zh-CN', 'registration', 'program.cornea')]);
  await next(page, zh);
  const keypad = keypadOf(page, 'zh-CN');
  await page.getByLabel(zh.documentNumber, { exact: true }).focus();
  await expect(keypad.pad).toBeVisible();
  const boxes = await keyBoxes(keypad.pad);
  expect(boxes).toHaveLength(14);
  for (const box of boxes) {
    expect(box.width).toBeGreaterThanOrEqual(72);
    expect(box.height).toBeGreaterThanOrEqual(72);
  }
  expect(await keypadViolations(page)).toEqual([]);
});

test('a passport number has no keypad: it holds letters, typed with the system keyboard', async ({ page }) => {
  await openRegistration(page, zh);
  await choosePrograms(page, [localeText('zh-CN', 'registration', 'program.cornea')]);
  await next(page, zh);
  await page.locator('#document-kind').selectOption('passport');
  const number = page.getByLabel(zh.documentNumber, { exact: true });
  await number.focus();
  await page.keyboard.type('E12345678');
  await expect(number).toHaveValue('E12345678');
  await expect(keypadOf(page, 'zh-CN').pad).toHaveCount(0);
  await expect(number).not.toHaveAttribute('inputmode', 'none');
});

test('staff at the desk type on their keyboard: no keypad on the registration screen', async ({ page }) => {
  await signIn(page, sampleAdmin);
  await openRegistration(page, zh);
  await choosePrograms(page, [localeText('zh-CN', 'registration', 'program.cornea')]);
  await next(page, zh);
  const number = page.getByLabel(zh.documentNumber, { exact: true });
  await number.click();
  await page.keyboard.type('11010519491231002X');
  await expect(number).toHaveValue('11010519491231002X');
  const phone = page.getByLabel(zh.phone, { exact: true });
  await phone.click();
  await expect(keypadOf(page, 'zh-CN').pad).toHaveCount(0);
  await expect(page.getByTestId('numeric-keypad')).toHaveCount(0);
  await expect(number).not.toHaveAttribute('inputmode', 'none');
  await expect(phone).toHaveAttribute('inputmode', 'tel');
});

test('a larger party types its size on the keypad at the memorial sign-in', async ({ page, station }) => {
  await page.getByRole('button', { name: /来访登记/ }).click();
  await page.getByLabel('更多').check();
  const size = page.getByLabel('人数', { exact: true });
  const keypad = keypadOf(page, 'zh-CN');
  await size.click();
  await expect(keypad.pad).toBeVisible();
  await expect(keypad.x).toHaveCount(0);
  await tap(keypad, '12');
  await keypad.done.click();
  await expect(keypad.pad).toHaveCount(0);
  await page.getByLabel('缅怀').check();
  await page.getByRole('button', { name: '登记', exact: true }).click();
  await expect(page.getByRole('heading', { name: '感谢您的到访' })).toBeVisible();
  expect(station.connection.sqlite.prepare('select party_size from visitor_sign_in').all()).toEqual([{ party_size: 12 }]);
});

test.describe('at a life-education base', () => {
  // The public home offers today's sessions there (shared/domain/station-tiles.ts).
  test.use({ stationKind: 'education_base' });

  test('a group leader checks in with the phone and head count tapped on the keypad', async ({ page, station }) => {
    const today = stationDate(new Date());
    const session = { title: '生命的礼物', startsAt: stationMoment(today, '00:00'), endsAt: stationMoment(today, '23:59'), venue: '报告厅', host: '张老师', audienceKind: 'school', expectedHeadCount: 60 } as const;
    expect((await station.dispatch('education:schedule', session, adminCaller)).ok).toBe(true);
    const text = (key: string) => localeText('zh-CN', 'sessionKiosk', key);
    await openTile(page, text('title'));
    await page.locator(`li[data-session="${session.title}"]`).getByRole('button', { name: text('checkIn.open') }).click();
    const keypad = keypadOf(page, 'zh-CN');

    await page.getByLabel(text('checkIn.organisation')).fill('某某中学初二（3）班');
    await page.getByLabel(text('checkIn.contactName')).fill('王丽华');
    const phone = page.getByLabel(text('checkIn.contactPhone'));
    await phone.click();
    await expect(keypad.x).toHaveCount(0);
    await tap(keypad, '13987654321');
    await keypad.done.click();
    // Done goes on to the head count, which has its own keypad.
    const headCount = page.getByLabel(text('checkIn.headCount'));
    await expect(headCount).toBeFocused();
    await expect(keypad.pad).toHaveCount(1);
    await tap(keypad, '42');
    await keypad.done.click();
    await page.getByRole('radio', { name: localeText('zh-CN', 'sessions', 'ageBand.age_12_17'), exact: true }).check();
    await page.getByRole('button', { name: text('checkIn.submit'), exact: true }).click();
    await expect(page.getByTestId('session-kiosk-done')).toBeVisible();
    expect(station.connection.sqlite.prepare('select head_count from education_group').all()).toEqual([{ head_count: 42 }]);
  });
});
