import type { Page } from '@playwright/test';
import { maskName } from '../../shared/domain/masking';
import { adminCaller, expect, openTileAs, sampleAdmin, sampleStaff, test } from './fixtures';
import { answerConsents, choosePrograms, drawSignature, en, next, openRegistration, skipHeardFrom, zh, type FlowLabels } from './registration-helpers';

/**
 * People as they are: a foreign name with a hyphen and a typographic apostrophe as the passport prints
 * it, a Latin name searched in lower case, and a PIN typed in full-width digits by a Chinese input method.
 */

const PASSPORT_NAME = 'Jean-Luc O\u2019Brien';
const STORED_NAME = "Jean-Luc O'Brien";

/** The labels this file needs beyond the registration flow's, in each interface language. */
const screens = {
  zh: {
    flow: zh,
    language: '简体中文',
    program: '角膜捐献',
    documentKind: '证件类型',
    birthDate: '出生日期',
    male: '男',
    submit: '确认提交',
    done: '登记完成',
    finish: '完成，返回第一步',
    records: '登记记录',
    search: { query: '登记编号、证件号码或姓名', submit: '查询' },
    lock: '锁定屏幕',
    locked: '屏幕已锁定',
    unlock: '解锁',
    nameRule: "姓名只能包含汉字、拉丁字母、空格和间隔号“·”；外文姓名可在字母之间使用连字符“-”和撇号“'”（如 Jean-Luc、O'Brien）。",
  },
  en: {
    flow: en,
    language: 'English',
    program: 'Cornea donation',
    documentKind: 'Document type',
    birthDate: 'Date of birth',
    male: 'Male',
    submit: 'Confirm and submit',
    done: 'Registration complete',
    finish: 'Finish and start over',
    records: 'Registration records',
    search: { query: 'Registration number, document number or name', submit: 'Search' },
    lock: 'Lock',
    locked: 'Screen locked',
    unlock: 'Unlock',
    nameRule: "A name may contain Chinese characters, Latin letters, spaces and the middle dot “·” only; a Latin name may also have a hyphen “-” or an apostrophe “'” between letters (as in Jean-Luc, O'Brien).",
  },
} as const;

type Screen = (typeof screens)[keyof typeof screens];

/** A passport holder registers cornea donation at the kiosk, typing the name exactly as printed. */
async function registerPassportHolder(page: Page, screen: Screen, passport: string): Promise<void> {
  const flow: FlowLabels = screen.flow;
  await openRegistration(page, flow);
  await choosePrograms(page, [screen.program]);
  await next(page, flow);
  await page.getByLabel(screen.documentKind).selectOption('passport');
  await page.getByLabel(flow.documentNumber, { exact: true }).fill(passport);
  await page.getByLabel(flow.phone, { exact: true }).fill('+85291234567');
  await page.getByLabel(screen.birthDate).fill('1980-05-20');
  await page.getByLabel(screen.male, { exact: true }).check();
  // Punctuation that is no part of a name is still refused, with the rule in words.
  await page.getByLabel(flow.name, { exact: true }).fill('Jean--Luc');
  await next(page, flow);
  await expect(page.getByText(screen.nameRule)).toBeVisible();
  await page.getByLabel(flow.name, { exact: true }).fill(PASSPORT_NAME);
  await next(page, flow);
  await answerConsents(page, { provincial_sync: true, follow_up_contact: false, memorial_publication: false }, flow);
  await next(page, flow);
  await drawSignature(page);
  await next(page, flow);
  await skipHeardFrom(page, flow);
  await page.getByRole('button', { name: screen.submit }).click();
  await expect(page.getByRole('heading', { name: screen.done })).toBeVisible();
  await page.getByRole('button', { name: screen.finish }).click();
}

for (const [language, screen] of Object.entries(screens)) {
  test.describe(`real people (${language})`, () => {
    test.beforeEach(async ({ setUpStation, openApp, page }) => {
      await setUpStation();
      await openApp();
      await page.getByRole('button', { name: screen.language, exact: true }).click();
    });

    test('a passport name with a hyphen and an apostrophe registers at the kiosk, and staff find it in lower case', async ({ page, station }) => {
      await registerPassportHolder(page, screen, 'E12345678');
      const stored = station.connection.sqlite.prepare('select count(*) as n from person').get() as { n: number };
      expect(stored.n).toBe(1);

      await openTileAs(page, language as keyof typeof screens, sampleAdmin, screen.records);
      await page.getByLabel(screen.search.query).fill(STORED_NAME.toLowerCase());
      await page.getByRole('button', { name: screen.search.submit, exact: true }).click();
      await expect(page.getByTestId('search-results').getByTestId('result-name')).toHaveText([maskName(STORED_NAME)]);
    });

    test('a PIN set in full-width digits unlocks the screen typed the same way', async ({ page, station }) => {
      const registrar = { ...sampleStaff.registrar, pin: '１３５７' };
      expect(await station.dispatch('session:login', { username: sampleAdmin.username, password: sampleAdmin.password }, adminCaller)).toMatchObject({ ok: true });
      expect(await station.dispatch('staff:create', registrar, adminCaller)).toMatchObject({ ok: true });

      await openTileAs(page, language as keyof typeof screens, registrar, screen.records);
      await page.getByRole('button', { name: screen.lock, exact: true }).click();
      const lock = page.getByRole('region', { name: screen.locked });
      await expect(lock).toBeVisible();
      await lock.getByLabel('PIN').fill('１３５７');
      await Promise.all([
        page.waitForResponse((response) => response.url().includes('/api/session%3Aunlock')),
        page.getByRole('button', { name: screen.unlock, exact: true }).click(),
      ]);
      await expect(page.getByRole('heading', { name: screen.locked })).toHaveCount(0);
      await expect(page.getByRole('heading', { name: screen.records, level: 1 })).toBeVisible();
      await expect(page.getByTestId('staff-name')).toHaveText(registrar.displayName);
    });
  });
}
