import type { Locator, Page } from '@playwright/test';
import type { HubStore } from '../../../hub/db/open';
import { languages } from '../../../shared/i18n/languages';
import { screenViolations } from '../support/axe';
import { CONSOLE_PROVINCE, consoleText, expect, openScreen, test } from '../console-fixtures';
import { sampleStation } from '../../fixtures/temp-station';

/** The year the care figures are read for; the section opens on the period's year and is moved to this one. */
const YEAR = 2026;

/**
 * Donor-family care of the real station's Kunming, written straight into the hub's projections (the apply step
 * that fills them from batches is tested in tests/hub/care-figures.test.ts): two families on file, one contacted
 * three times and at the ceremony, the other asking not to be contacted; one condolence payment of 2 000 yuan.
 */
async function seedCare(hub: HubStore): Promise<void> {
  const key = { province_code: CONSOLE_PROVINCE, station_code: sampleStation.code };
  const family = { registration_id: 'registration-care-1', donated_on: `${YEAR}-01-20`, consent_name_engraving: 1, consent_publicity: null, consent_contact: 1, version: 2 };
  await hub.db
    .insertInto('care_family')
    .values([
      { ...key, ...family, family_id: 'family-care-1', opened_on: `${YEAR}-03-01`, do_not_contact: 0 },
      { ...key, ...family, family_id: 'family-care-2', registration_id: 'registration-care-2', opened_on: `${YEAR}-05-01`, do_not_contact: 1, consent_contact: 0 },
    ])
    .execute();
  await hub.db
    .insertInto('care_family_year')
    .values({
      ...key,
      record_id: 'care-year-1',
      family_id: 'family-care-1',
      year: YEAR,
      phone_calls: 2,
      home_visits: 1,
      festival_visits: 0,
      contacts: 3,
      follow_ups_done: 1,
      follow_ups_stopped: 0,
      invitations: 1,
      accepted: 1,
      attended: 1,
      version: 3,
    })
    .execute();
  await hub.db
    .insertInto('care_aid_case')
    .values({
      ...key,
      case_id: 'aid-case-1',
      family_id: 'family-care-1',
      programme: 'condolence',
      state: 'paid',
      applied_on: `${YEAR}-03-10`,
      amount_granted_fen: 200_000,
      notice_from: null,
      notice_to: null,
      paid_on: `${YEAR}-04-01`,
      version: 6,
    })
    .execute();
}

/** The cells after a table row's heading, found by the heading's text. */
function cellsOf(table: Locator, page: Page, heading: string): Locator {
  return table.locator('tr', { has: page.getByRole('rowheader', { name: heading, exact: true }) }).locator('td');
}

for (const language of languages) {
  test.describe(`console care figures [${language}]`, () => {
    test('shows a year’s donor-family care and aid per programme, names no family, and breaks no WCAG 2.2 A/AA rule', async ({ page, consoleHub, signIn }) => {
      await seedCare(consoleHub.hub);
      await signIn('analyst', language);
      await openScreen(page, language, 'consoleFigures');
      const text = (key: string, values: Record<string, string | number> = {}) => consoleText(language, 'consoleFigures', `care.${key}`, values);
      const section = page.getByTestId('care-figures');
      await expect(section.getByRole('heading', { name: text('title') })).toBeVisible();

      await section.getByLabel(text('year')).fill(String(YEAR));
      await section.getByRole('button', { name: text('show') }).click();
      await expect(page.getByTestId('care-figures-year')).toHaveText(text('shown', { year: YEAR }));

      const summary = page.getByTestId('care-summary');
      await expect(cellsOf(summary, page, text('familiesOnFile'))).toHaveText('2');
      await expect(cellsOf(summary, page, text('familiesCaredFor'))).toHaveText('1');
      await expect(cellsOf(summary, page, text('contacts'))).toHaveText('3');
      await expect(cellsOf(summary, page, text('contactsPerFamily'))).toHaveText('3.00');
      await expect(cellsOf(summary, page, text('attended'))).toHaveText('1');
      await expect(cellsOf(summary, page, text('doNotContact'))).toHaveText('1');
      await expect(page.getByTestId('care-stations')).toContainText(sampleStation.code);
      await expect(page.getByTestId('care-prefectures')).toContainText(language === 'en' ? 'Kunming' : '昆明市');

      const condolence = cellsOf(page.getByTestId('care-aid'), page, text('programmes.condolence'));
      // Seven states, then the payments and the sum in yuan.
      await expect(condolence).toHaveCount(9);
      await expect(condolence.nth(5)).toHaveText('1');
      await expect(condolence.nth(8)).toHaveText('2,000.00');
      await expect(cellsOf(page.getByTestId('care-aid'), page, text('programmes.bo_ai_visit')).nth(8)).toHaveText('0.00');

      // Figures only: no family's or registration's id is on the screen.
      await expect(section).not.toContainText('family-care-1');
      await expect(section).not.toContainText('registration-care-1');

      expect(await screenViolations(page, `console care figures [${language}]`, [], '[data-testid="care-figures"]')).toEqual([]);
    });
  });
}
