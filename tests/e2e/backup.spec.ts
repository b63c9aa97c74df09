import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import type { CallOutput } from '../../shared/contract/calls';
import { adminCaller, expect, sampleAdmin, sampleStation, signIn, test } from './fixtures';
import { residentId, sampleRegistration } from '../fixtures/registrations';
import { errorText, localeText, seedRegistrations } from './sync-helpers';

let folder: string;

test.beforeEach(async ({ setUpStation, openApp, page }) => {
  folder = mkdtempSync(join(tmpdir(), 'relay-backups-'));
  await setUpStation();
  await openApp();
  await expect(page.getByRole('heading', { name: sampleStation.name })).toBeVisible();
  await signIn(page, sampleAdmin);
});

test.afterEach(() => {
  rmSync(folder, { recursive: true, force: true });
});

async function openBackup(page: Page): Promise<void> {
  await page.getByRole('button', { name: /备份与恢复/ }).click();
  await expect(page.getByRole('heading', { name: '备份与恢复', level: 1 })).toBeVisible();
}

test('an administrator sets the folder, backs up now and sees the backup listed', async ({ page, station }) => {
  await seedRegistrations(station, 1);
  await openBackup(page);
  await expect(page.getByText('设置备份文件夹后，此处列出其中的备份。')).toBeVisible();

  await page.getByLabel('备份文件夹', { exact: true }).fill('relative/folder');
  await page.getByRole('button', { name: '保存设置' }).click();
  await expect(page.getByText(localeText('zh-CN', 'validation', 'backup_path_absolute'))).toBeVisible();

  await page.getByLabel('备份文件夹', { exact: true }).fill(folder);
  await page.getByLabel('保留份数').fill('3');
  await page.getByRole('button', { name: '保存设置' }).click();
  await expect(page.getByTestId('backup-settings-saved')).toHaveText('设置已保存。');
  await expect(page.getByText('文件夹中还没有本站的备份。')).toBeVisible();

  await page.getByRole('button', { name: '立即备份' }).click();
  await expect(page.getByTestId('backup-taken')).toContainText('备份已写入：');
  const [name] = readdirSync(folder);
  expect(name).toMatch(/^KMU01-backup-\d{8}T\d{9}Z\.rsbk$/);
  await expect(page.getByTestId('backup-taken')).toContainText(`备份已写入：${name}`);
  const rows = page.getByTestId('backup-table').locator('tbody tr');
  await expect(rows).toHaveCount(1);
  await expect(rows.first()).toContainText(name as string);
  await expect(page.getByTestId('backup-last-run')).toContainText('最近一次备份');
});

test('a backup is inspected, and restoring over newer unsynced work needs the confirmation box', async ({ page, station }) => {
  await seedRegistrations(station, 1);
  expect((await station.dispatch('backup:settings', { folder, keep: 7, intervalHours: 24 }, adminCaller)).ok).toBe(true);
  const taken = await station.dispatch('backup:now', undefined, adminCaller);
  expect(taken.ok).toBe(true);
  const file = (taken as { data: CallOutput<'backup:now'> }).data.backup.file;
  // Registered after the backup: the restore would lose it.
  const created = await station.dispatch(
    'registration:create',
    sampleRegistration({
      person: { document: { kind: 'resident_id', number: residentId('530102', '19851120', '201') }, name: '赵一', phone: '13812345678', ethnicGroup: '01' },
      programs: [{ program: 'cornea' }],
    }),
    adminCaller,
  );
  expect(created.ok).toBe(true);

  await openBackup(page);
  // Chosen from the list, which fills in its path.
  await page.getByTestId('backup-table').getByRole('button', { name: '检查' }).click();
  await expect(page.getByLabel('备份文件', { exact: true })).toHaveValue(file);
  await page.getByRole('button', { name: '检查备份' }).click();
  const inspection = page.getByTestId('backup-inspection');
  await expect(inspection.getByTestId('inspection-integrity')).toHaveText('通过');
  const lost = Number(await inspection.getByTestId('inspection-lost').textContent());
  expect(lost).toBeGreaterThan(0);
  await expect(page.getByTestId('backup-loss')).toContainText(`此备份之后记录的 ${lost} 项变更不在备份中`);
  const restore = page.getByRole('button', { name: '恢复此备份' });
  await expect(restore).toBeDisabled();
  await page.getByLabel(`我知道此备份之后的 ${lost} 项变更将会丢失，仍要恢复此备份。`).check();
  await expect(restore).toBeEnabled();
  await restore.click();

  await expect(page.getByTestId('backup-pending')).toContainText('请重新启动站点以完成恢复');
  await expect(page.getByTestId('backup-pending')).toContainText(file);
  expect(existsSync(join(station.dataDir, 'station.sqlite.restore'))).toBe(true);
  const audit = station.connection.sqlite.prepare("select detail from audit_log where action = 'backup_restore'").all() as { detail: string }[];
  expect(audit.map((row) => JSON.parse(row.detail))).toEqual([expect.objectContaining({ step: 'staged', confirmed: true, confirmedOverwrite: lost })]);

  await page.getByRole('button', { name: '取消恢复' }).click();
  await expect(page.getByText('已取消准备好的恢复。')).toBeVisible();
  expect(existsSync(join(station.dataDir, 'station.sqlite.restore'))).toBe(false);
});

test('a damaged backup is refused, in Chinese and in English', async ({ page, station }) => {
  const damaged = join(folder, 'KMU01-backup-20261120T060000000Z.rsbk');
  writeFileSync(damaged, 'RSBACKUP and then nothing that holds');
  await openBackup(page);
  await page.getByLabel('备份文件', { exact: true }).fill(damaged);
  await page.getByRole('button', { name: '检查备份' }).click();
  const banner = page.locator('[data-error-code="backup_corrupt"]');
  await expect(banner).toHaveText(errorText('zh-CN', 'backup_corrupt'));
  await page.getByRole('button', { name: 'English' }).click();
  await expect(page.getByRole('heading', { name: 'Backup and restore', level: 1 })).toBeVisible();
  await expect(banner).toHaveText(errorText('en', 'backup_corrupt'));
  await expect(page.getByTestId('backup-inspection')).toHaveCount(0);
  expect(existsSync(join(station.dataDir, 'station.sqlite.restore'))).toBe(false);
});

test('backing up without a folder, or to a folder that is gone (a stick pulled out), is refused in Chinese and in English', async ({ page, station }) => {
  await openBackup(page);
  const backUpNow = page.getByRole('button', { name: '立即备份' });
  await backUpNow.click();
  await expect(page.locator('[data-error-code="backup_folder_missing"]')).toHaveText(errorText('zh-CN', 'backup_folder_missing'));

  const stick = join(folder, 'stick');
  // The folder is checked when saved; the stick is pulled out afterwards.
  mkdirSync(stick);
  const configured = await station.dispatch('backup:settings', { folder: stick, keep: 7, intervalHours: 24 }, adminCaller);
  expect(configured.ok).toBe(true);
  rmSync(stick, { recursive: true });
  await backUpNow.click();
  const banner = page.locator('[data-error-code="backup_folder_unusable"]');
  await expect(banner).toHaveText(errorText('zh-CN', 'backup_folder_unusable'));
  await page.getByRole('button', { name: 'English' }).click();
  await expect(page.getByRole('heading', { name: 'Backup and restore', level: 1 })).toBeVisible();
  await expect(banner).toHaveText(errorText('en', 'backup_folder_unusable'));
  await station.dispatch('backup:settings', { folder: null, keep: 7, intervalHours: 24 }, adminCaller);
  await page.getByRole('button', { name: 'Back up now' }).click();
  await expect(page.locator('[data-error-code="backup_folder_missing"]')).toHaveText(errorText('en', 'backup_folder_missing'));
  // Nothing was written, and no empty folder stands in for the missing stick.
  await expect(page.getByTestId('backup-taken')).toHaveCount(0);
  expect(existsSync(stick)).toBe(false);
});
