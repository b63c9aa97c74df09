import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { stationDate } from '../../shared/domain/age';
import { stationMoment } from '../../shared/domain/education';
import { MEMORIAL_CONSENT_TEXT_VERSION } from '../../shared/domain/memorial-names';
import { residentId } from '../fixtures/registrations';
import { adminCaller, expect, sampleAdmin, sampleStation, signIn, test } from './fixtures';
import { errorText, localeText, type Locale } from './sync-helpers';

let scratch: string;

test.beforeEach(async ({ setUpStation, openApp, page }) => {
  scratch = mkdtempSync(join(tmpdir(), 'relay-form-checks-'));
  await setUpStation();
  await openApp();
  await expect(page.getByRole('heading', { name: sampleStation.name })).toBeVisible();
});

test.afterEach(() => {
  rmSync(scratch, { recursive: true, force: true });
});

async function openBackup(page: Page): Promise<void> {
  await page.getByRole('button', { name: /备份与恢复/ }).click();
  await expect(page.getByRole('heading', { name: '备份与恢复', level: 1 })).toBeVisible();
}

async function showIn(page: Page, locale: Locale): Promise<void> {
  await page.getByRole('button', { name: locale === 'en' ? 'English' : '简体中文' }).click();
  await expect(page.getByRole('heading', { name: localeText(locale, 'backup', 'title'), level: 1 })).toBeVisible();
}

for (const locale of ['zh-CN', 'en'] as const) {
  test(`a backup folder that cannot take backups is refused when saved, with its reason (${locale})`, async ({ page, station }) => {
    await signIn(page, sampleAdmin);
    await openBackup(page);
    await showIn(page, locale);
    const folderField = page.getByLabel(localeText(locale, 'backup', 'settings.folder'), { exact: true });
    const save = page.getByRole('button', { name: localeText(locale, 'backup', 'settings.save') });
    for (const [folder, reason] of [
      ['/etc', 'backup_folder_system'],
      [join(scratch, 'nonexistent', 'dir'), 'backup_folder_not_found'],
    ] as const) {
      await folderField.fill(folder);
      await save.click();
      await expect(page.getByText(localeText(locale, 'validation', reason))).toBeVisible();
    }
    await expect(page.getByTestId('backup-settings-saved')).toHaveCount(0);
    const status = await station.dispatch('backup:status', undefined, adminCaller);
    expect(status).toMatchObject({ ok: true, data: { settings: { folder: null } } });

    const restoreFile = page.getByLabel(localeText(locale, 'backup', 'restore.file'), { exact: true });
    await restoreFile.fill(join(scratch, 'KMU01-backup-missing.rsbk'));
    await page.getByRole('button', { name: localeText(locale, 'backup', 'restore.inspect') }).click();
    await expect(page.locator('[data-error-code="backup_file_not_found"]')).toHaveText(errorText(locale, 'backup_file_not_found'));
  });
}

const group = { organisation: '昆明市第一中学初二（3）班', contactName: '王丽华', contactPhone: '13987654321', headCount: 45, ageBand: 'age_12_17' } as const;

test.describe('at a life-education base', () => {
  // Its public home offers today's sessions (shared/domain/station-tiles.ts).
  test.use({ stationKind: 'education_base' });

  for (const locale of ['zh-CN', 'en'] as const) {
    test(`the kiosk asks before the same group checks in twice, and checks it in again once asked (${locale})`, async ({ page, station }) => {
      const today = stationDate(new Date());
      const title = '生命的礼物：器官捐献知识讲座';
      const scheduled = await station.dispatch(
        'education:schedule',
        { title, startsAt: stationMoment(today, '00:00'), endsAt: stationMoment(today, '23:59'), venue: '生命教育馆报告厅', host: '张老师', audienceKind: 'school', expectedHeadCount: 50 },
        adminCaller,
      );
      if (!scheduled.ok) throw new Error(JSON.stringify(scheduled.error));
      const sessionId = (scheduled.data as { id: string }).id;
      expect((await station.dispatch('education:checkIn', { sessionId, ...group }, adminCaller)).ok).toBe(true);
      const groups = () => (station.connection.sqlite.prepare('select count(*) as n from education_group').get() as { n: number }).n;

      await page.getByRole('button', { name: locale === 'en' ? 'English' : '简体中文', exact: true }).click();
      const kioskTitle = localeText(locale, 'sessionKiosk', 'title');
      await page.locator('.tile', { has: page.locator('strong', { hasText: new RegExp(`^${kioskTitle}$`) }) }).click();
      await expect(page.getByRole('heading', { name: kioskTitle, level: 1 })).toBeVisible();
      await page.locator(`li[data-session="${title}"]`).getByRole('button', { name: localeText(locale, 'sessionKiosk', 'checkIn.open') }).click();
      await page.getByLabel(localeText(locale, 'sessionKiosk', 'checkIn.organisation')).fill(group.organisation);
      await page.getByLabel(localeText(locale, 'sessionKiosk', 'checkIn.contactName')).fill(group.contactName);
      await page.getByLabel(localeText(locale, 'sessionKiosk', 'checkIn.contactPhone')).fill('139 8765 4321');
      await page.getByLabel(localeText(locale, 'sessionKiosk', 'checkIn.headCount')).fill(String(group.headCount));
      await page.getByRole('radio', { name: localeText(locale, 'sessions', 'ageBand.age_12_17'), exact: true }).check();
      await page.getByRole('button', { name: localeText(locale, 'sessionKiosk', 'checkIn.submit'), exact: true }).click();

      const question = page.getByTestId('check-in-repeat');
      await expect(question).toContainText(localeText(locale, 'sessionKiosk', 'checkIn.repeatQuestion'));
      expect(groups()).toBe(1);
      await question.getByRole('button', { name: localeText(locale, 'sessionKiosk', 'checkIn.repeatConfirm') }).click();
      await expect(page.getByTestId('session-kiosk-done')).toBeVisible();
      expect(groups()).toBe(2);
    });
  }
});

for (const locale of ['zh-CN', 'en'] as const) {
  test(`the name-list desk refuses a consent date before 1950 and asks before the same name at the same place (${locale})`, async ({ page, station }) => {
    const relativeDocument = { kind: 'resident_id', number: residentId('530102', '19600101', '011') } as const;
    const seeded = await station.dispatch(
      'nameList:add',
      {
        publishedName: '张晓明',
        donationKind: 'body',
        engravingYear: 2025,
        wallLocation: '东区 3 排 12 号',
        consent: { relativeName: '李建国', relation: 'child', relativeDocument, signature: { kind: 'paper' }, givenOn: '2025-03-01', textVersion: MEMORIAL_CONSENT_TEXT_VERSION },
      },
      adminCaller,
    );
    expect(seeded.ok).toBe(true);
    const published = () => (station.connection.sqlite.prepare("select count(*) as n from memorial_entry where state = 'published'").get() as { n: number }).n;
    const text = (key: string) => localeText(locale, 'nameListDesk', key);

    await signIn(page, sampleAdmin);
    await page.getByRole('button', { name: locale === 'en' ? 'English' : '简体中文', exact: true }).click();
    await page.locator('.tile').filter({ has: page.locator('strong', { hasText: new RegExp(`^${text('title')}$`) }) }).click();
    await expect(page.getByRole('heading', { name: text('title'), level: 1 })).toBeVisible();
    await page.getByRole('button', { name: text('add.open') }).click();
    await page.getByLabel(text('add.publishedName')).fill('张晓明');
    await page.getByLabel(text('add.wallLocation')).fill('东区 3 排 12 号');
    await page.getByLabel(text('consent.confirm')).check();
    await page.getByLabel(text('consent.relativeName')).fill('李建国');
    await page.locator('#entry-kind').selectOption('body');
    await page.locator('#consent-relation').selectOption('child');
    await page.locator('#consent-document-number').fill(relativeDocument.number);
    await page.getByLabel(text('consent.signaturePaper')).check();
    await page.locator('#consent-given-on').fill('1900-01-01');
    const save = page.getByRole('button', { name: text('add.submit') });
    await save.click();
    await expect(page.locator('#consent-given-on-error')).toHaveText(localeText(locale, 'validation', 'consent_date_too_early'));

    await page.locator('#consent-given-on').fill('2025-03-02');
    await save.click();
    await expect(page.locator('[data-error-code="memorial_entry_duplicate"]')).toHaveText(errorText(locale, 'memorial_entry_duplicate'));
    expect(published()).toBe(1);
    await page.getByLabel(text('add.confirmDuplicate')).check();
    await save.click();
    await expect(page.getByTestId('name-desk-done')).toBeVisible();
    expect(published()).toBe(2);
  });
}

for (const locale of ['zh-CN', 'en'] as const) {
  test(`scheduling a session gives a historic date the "today or later" reason and a far date its own, at the date field (${locale})`, async ({ page }) => {
    const text = (key: string) => localeText(locale, 'sessions', key);
    await signIn(page, sampleAdmin);
    await page.getByRole('button', { name: locale === 'en' ? 'English' : '简体中文', exact: true }).click();
    await page.locator('.tile').filter({ has: page.locator('strong', { hasText: new RegExp(`^${text('title')}$`) }) }).click();
    await expect(page.getByRole('heading', { name: text('title'), level: 1 })).toBeVisible();
    await page.getByRole('button', { name: text('new') }).click();
    await page.getByLabel(text('form.title'), { exact: true }).fill('生命的礼物：器官捐献知识讲座');
    await page.getByLabel(text('form.venue'), { exact: true }).fill('生命教育馆报告厅');
    await page.getByLabel(text('form.host'), { exact: true }).fill('张老师');
    await page.getByLabel(text('form.audience'), { exact: true }).selectOption('school');
    await page.getByLabel(text('form.expected'), { exact: true }).fill('60');
    // An evening session: on a historic date it used to be refused as running over two days.
    await page.getByLabel(text('form.start'), { exact: true }).fill('19:00');
    await page.getByLabel(text('form.end'), { exact: true }).fill('23:59');
    const schedule = page.getByRole('button', { name: text('form.schedule'), exact: true });
    for (const [date, reason] of [
      ['1900-01-01', 'session_start_past'],
      ['2100-01-01', 'session_start_too_far'],
    ] as const) {
      await page.getByLabel(text('form.date'), { exact: true }).fill(date);
      await schedule.click();
      await expect(page.locator('#session-date-error')).toHaveText(localeText(locale, 'validation', reason));
    }
  });
}
