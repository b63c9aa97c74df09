import type { Page } from '@playwright/test';
import { stationDate } from '../../shared/domain/age';
import { stationMoment } from '../../shared/domain/education';
import { residentId } from '../fixtures/registrations';
import { adminCaller, expect, openTile, sampleAdmin, sampleStation, showIn, signIn, test } from './fixtures';
import { localeText } from './sync-helpers';

/**
 * Numbers typed with a Chinese input method in full-width mode (`４５`) are read as digits in the group
 * check-in, the name-list desk and the figures' targets; junk (`4５x`) gets the field's own message.
 */

const locales = ['zh-CN', 'en'] as const;

/** Sets the station up (as the test's `stationKind`) and opens the app at its home. */
async function openStation(page: Page, setUpStation: () => Promise<void>, openApp: () => Promise<void>): Promise<void> {
  await setUpStation();
  await openApp();
  await expect(page.getByRole('heading', { name: sampleStation.name })).toBeVisible();
}

test.describe('at a life-education base', () => {
  // Its public home offers the session kiosk (shared/domain/station-tiles.ts).
  test.use({ stationKind: 'education_base' });

  for (const locale of locales) {
    test(`a group's head count typed in full width is read as its digits at the session kiosk (${locale})`, async ({ page, station, setUpStation, openApp }) => {
      await openStation(page, setUpStation, openApp);
      const today = stationDate(new Date());
      const title = '生命的礼物：器官捐献知识讲座';
      const scheduled = await station.dispatch(
        'education:schedule',
        { title, startsAt: stationMoment(today, '00:00'), endsAt: stationMoment(today, '23:59'), venue: '生命教育馆报告厅', host: '张老师', audienceKind: 'school', expectedHeadCount: 50 },
        adminCaller,
      );
      expect(scheduled.ok).toBe(true);
      const text = (key: string) => localeText(locale, 'sessionKiosk', key);

      await showIn(page, locale);
      await openTile(page, text('title'));
      await page.locator(`li[data-session="${title}"]`).getByRole('button', { name: text('checkIn.open') }).click();
      await page.getByLabel(text('checkIn.organisation')).fill('昆明市第一中学初二（3）班');
      await page.getByLabel(text('checkIn.contactName')).fill('王丽华');
      await page.getByLabel(text('checkIn.contactPhone')).fill('13987654321');
      await page.getByRole('radio', { name: localeText(locale, 'sessions', 'ageBand.age_12_17'), exact: true }).check();
      const headCount = page.getByLabel(text('checkIn.headCount'));
      const submit = page.getByRole('button', { name: text('checkIn.submit'), exact: true });

      await headCount.fill('4５x');
      await submit.click();
      await expect(page.locator('#check-in-head-count-error')).toHaveText(localeText(locale, 'validation', 'head_count_range'));
      await headCount.fill('４５');
      await submit.click();
      await expect(page.getByTestId('session-kiosk-done')).toBeVisible();
      expect(station.connection.sqlite.prepare('select head_count from education_group').all()).toEqual([{ head_count: 45 }]);
    });
  }
});

for (const locale of locales) {
  test(`a year of engraving typed in full width is read as its digits at the name-list desk (${locale})`, async ({ page, station, setUpStation, openApp }) => {
    await openStation(page, setUpStation, openApp);
    const text = (key: string) => localeText(locale, 'nameListDesk', key);
    await signIn(page, sampleAdmin);
    await showIn(page, locale);
    await openTile(page, text('title'));
    await page.getByRole('button', { name: text('add.open') }).click();
    await page.getByLabel(text('add.publishedName')).fill('张晓明');
    await page.getByLabel(text('add.donationKind')).selectOption('body');
    await page.getByLabel(text('add.wallLocation')).fill('东区 3 排 12 号');
    await page.getByLabel(text('consent.confirm')).check();
    await page.getByLabel(text('consent.relativeName')).fill('李建国');
    await page.getByLabel(text('consent.relation')).selectOption('child');
    await page.locator('#consent-document-number').fill(residentId('530102', '19600101', '011'));
    await page.getByLabel(text('consent.signaturePaper')).check();
    const year = page.getByLabel(text('add.engravingYear'));
    const save = page.getByRole('button', { name: text('add.submit') });

    await year.fill('２０２x');
    await save.click();
    await expect(page.locator('#entry-year-error')).toHaveText(localeText(locale, 'validation', 'engraving_year'));
    await year.fill('２０２５');
    await save.click();
    await expect(page.getByTestId('name-desk-done')).toBeVisible();
    expect(station.connection.sqlite.prepare('select engraving_year from memorial_entry').all()).toEqual([{ engraving_year: 2025 }]);
  });

  test(`the local population and reach target typed in full width are read as digits in the figures (${locale})`, async ({ page, station, setUpStation, openApp }) => {
    await openStation(page, setUpStation, openApp);
    const text = (key: string) => localeText(locale, 'figures', key);
    await signIn(page, sampleAdmin);
    await showIn(page, locale);
    await openTile(page, text('title'));
    await page.getByRole('button', { name: text('settings.open') }).click();
    const population = page.getByLabel(text('settings.population'), { exact: true });
    const reach = page.getByLabel(text('settings.reachTarget'), { exact: true });
    const save = page.getByRole('button', { name: text('settings.save'), exact: true });

    await population.fill('１２０００x');
    await reach.fill('２，５');
    await save.click();
    await expect(page.locator('#target-population-error')).toHaveText(localeText(locale, 'validation', 'population_range'));
    await population.fill('１２００００');
    await save.click();
    await expect(page.getByTestId('targets-saved')).toBeVisible();
    const targets = await station.dispatch('figures:targets', undefined, adminCaller);
    expect(targets).toMatchObject({ ok: true, data: { localPopulation: 120000, reachTargetPercent: 2.5 } });
  });
}
