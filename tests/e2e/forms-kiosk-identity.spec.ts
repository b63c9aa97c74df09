import type { Page } from '@playwright/test';
import { residentId } from '../fixtures/registrations';
import { adminCaller, expect, sampleStation, test } from './fixtures';
import { localeText, type Locale } from './sync-helpers';

/**
 * The kiosk's identity step (step 2): a stem-cell volunteer past the station's range reads the range in
 * force and what to do about it, and a passport holder's birth date in the future is refused as a date.
 */

const locales = ['zh-CN', 'en'] as const;

test.beforeEach(async ({ setUpStation, openApp, page }) => {
  await setUpStation();
  await openApp();
  await expect(page.getByRole('heading', { name: sampleStation.name })).toBeVisible();
});

/** Switches the language and opens the registration flow at its first step. */
async function openRegistration(page: Page, locale: Locale): Promise<void> {
  await page.getByRole('button', { name: locale === 'en' ? 'English' : '简体中文', exact: true }).click();
  const title = localeText(locale, 'kiosk', 'title');
  await page.locator('.tile', { has: page.locator('strong', { hasText: new RegExp(`^${title}$`) }) }).click();
  await expect(page.locator('[data-step="programs"]')).toBeVisible();
}

function programBox(page: Page, locale: Locale, program: 'stem_cell' | 'cornea') {
  return page.getByRole('checkbox', { name: new RegExp(`^${localeText(locale, 'registration', `program.${program}`)}`) });
}

for (const locale of locales) {
  test(`a volunteer past the stem-cell range reads the configured range and how to go on (${locale})`, async ({ page, station }) => {
    const settings = { section: 'registration', stemCellMinAge: 20, stemCellMaxAge: 40, coolingOffDays: 7, kioskIdleSeconds: 90, bodyChangeNeedsNotarisation: false } as const;
    expect((await station.dispatch('settings:change', settings, adminCaller)).ok).toBe(true);
    const kiosk = (key: string) => localeText(locale, 'kiosk', key);
    const next = page.getByRole('button', { name: kiosk('actions.next'), exact: true });

    await openRegistration(page, locale);
    await programBox(page, locale, 'stem_cell').check();
    await next.click();
    // Born 1970: past 40 whatever day the test runs.
    await page.getByLabel(kiosk('identity.documentNumber'), { exact: true }).fill(residentId('530102', '19700101', '002'));
    await page.getByLabel(kiosk('identity.name'), { exact: true }).fill('张晓红');
    await page.locator('#person-ethnic-group').selectOption('01');
    await page.getByLabel(kiosk('identity.phone'), { exact: true }).fill('13812345678');
    await next.click();
    const sentence = localeText(locale, 'validation', 'stem_cell_age_range').replace('{{min}}', '20').replace('{{max}}', '40');
    await expect(page.locator('[data-reason="stem_cell_age_range"]')).toHaveText(sentence);

    // Doing what it says: back one step, untick stem cells, and the rest registers on.
    await page.getByRole('button', { name: kiosk('actions.back'), exact: true }).click();
    await programBox(page, locale, 'stem_cell').uncheck();
    await programBox(page, locale, 'cornea').check();
    await next.click();
    await next.click();
    await expect(page.locator('[data-step="identity"]')).toHaveCount(0);
  });

  test(`a passport holder's birth date in the future is refused as a date, not as a document number (${locale})`, async ({ page }) => {
    const kiosk = (key: string) => localeText(locale, 'kiosk', key);
    const next = page.getByRole('button', { name: kiosk('actions.next'), exact: true });
    await openRegistration(page, locale);
    await programBox(page, locale, 'cornea').check();
    await next.click();
    await page.getByLabel(kiosk('identity.documentKind')).selectOption('passport');
    await page.getByLabel(kiosk('identity.documentNumber'), { exact: true }).fill('E12345678');
    await page.getByLabel(kiosk('identity.name'), { exact: true }).fill('Anna Schmidt');
    await page.getByLabel(kiosk('identity.phone'), { exact: true }).fill('+85291234567');
    await page.locator('#person-birth-date').fill('2030-01-01');
    await page.locator('input[name="person-sex"]').first().check();
    await next.click();
    await expect(page.locator('#person-birth-date-error')).toHaveText(localeText(locale, 'validation', 'birth_date_future'));
  });
}
