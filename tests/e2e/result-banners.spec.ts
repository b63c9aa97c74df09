import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { makeProvince } from '../fixtures/province';
import { expect, sampleAdmin, signIn } from './fixtures';
import { errorText, exportTo, importProvinceKeys, localeText, openAtHome, openSync, seedRegistrations, switchTo, test, type Locale } from './sync-helpers';

// Each screen has one result area: the banner of the action started last replaces the one before.

test.beforeEach(openAtHome);

/** Picks a file that is not an acknowledgement: its import fails, with its own outcome line. */
async function importJunkAck(page: Page, locale: Locale): Promise<void> {
  await page.getByLabel(localeText(locale, 'sync', 'ack.choose')).setInputFiles({ name: 'KMU01-B000001.rsa', mimeType: 'application/octet-stream', buffer: Buffer.from('not an acknowledgement') });
  await expect(page.getByTestId('ack-outcomes').locator('li')).toHaveCount(1);
}

test('同步页面：导出失败的提示在导入回执后消失，回执结果在再次导出时消失；英文界面亦然', async ({ page, station, usbFolder }) => {
  await seedRegistrations(station, 1);
  await signIn(page, sampleAdmin);
  await openSync(page);

  const keyMissing = page.locator('[data-error-code="province_key_missing"]');
  await exportTo(page, usbFolder);
  await expect(keyMissing).toHaveText(errorText('zh-CN', 'province_key_missing'));
  await importJunkAck(page, 'zh-CN');
  await expect(keyMissing).toHaveCount(0);

  await switchTo(page, 'en');
  await exportTo(page, usbFolder, 'en');
  await expect(keyMissing).toHaveText(errorText('en', 'province_key_missing'));
  await expect(page.getByTestId('ack-outcomes')).toHaveCount(0);

  // A success replaces a refusal too: the keys imported, the export writes its file and the refusal goes.
  await importProvinceKeys(station, makeProvince());
  await importJunkAck(page, 'en');
  await expect(keyMissing).toHaveCount(0);
  await exportTo(page, usbFolder, 'en');
  await expect(page.getByTestId('export-result')).toContainText('1 file written');
  await expect(page.getByTestId('ack-outcomes')).toHaveCount(0);
  await expect(page.locator('[data-error-code]')).toHaveCount(0);
});

async function openBackup(page: Page, locale: Locale): Promise<void> {
  await page.getByRole('button', { name: /备份与恢复/ }).click();
  await expect(page.getByRole('heading', { name: '备份与恢复', level: 1 })).toBeVisible();
  if (locale === 'en') {
    await page.getByRole('button', { name: 'English' }).click();
    await expect(page.getByRole('heading', { name: localeText('en', 'backup', 'title'), level: 1 })).toBeVisible();
  }
}

async function saveBackupFolder(page: Page, locale: Locale, folder: string): Promise<void> {
  await page.getByLabel(localeText(locale, 'backup', 'settings.folder'), { exact: true }).fill(folder);
  await page.getByRole('button', { name: localeText(locale, 'backup', 'settings.save') }).click();
}

for (const locale of ['zh-CN', 'en'] as const) {
  test(`backup screen (${locale}): a backup's result replaces "settings saved", and a refused folder replaces the backup's result`, async ({ page }) => {
    const folder = mkdtempSync(join(tmpdir(), 'relay-backups-'));
    try {
      await signIn(page, sampleAdmin);
      await openBackup(page, locale);
      const saved = page.getByTestId('backup-settings-saved');
      const taken = page.getByTestId('backup-taken');
      const backUpNow = page.getByRole('button', { name: localeText(locale, 'backup', 'now.submit') });

      await saveBackupFolder(page, locale, folder);
      await expect(saved).toHaveText(localeText(locale, 'backup', 'settings.saved'));
      await backUpNow.click();
      await expect(taken).toBeVisible();
      await expect(saved).toHaveCount(0);

      // A file where the folder should be: refused at its field, and the backup's line goes.
      const aFile = join(folder, 'not-a-folder.txt');
      writeFileSync(aFile, 'x');
      await saveBackupFolder(page, locale, aFile);
      await expect(page.getByText(localeText(locale, 'validation', 'backup_folder_not_directory'))).toBeVisible();
      await expect(taken).toHaveCount(0);

      // Saved again, then the folder disappears: the backup's refusal stands alone.
      await saveBackupFolder(page, locale, folder);
      await expect(saved).toBeVisible();
      rmSync(folder, { recursive: true, force: true });
      await backUpNow.click();
      await expect(page.locator('[data-error-code="backup_folder_unusable"]')).toHaveText(errorText(locale, 'backup_folder_unusable'));
      await expect(saved).toHaveCount(0);
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  });
}
