import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { adminCaller, expect, openTileAs, test } from './fixtures';
import { changeSyncSettings } from './sync-helpers';

/** Staff who may read settings but not change them see them as they stand, with nothing to save. */

test.beforeEach(async ({ setUpStation, openApp }) => {
  await setUpStation();
  await openApp();
});

test('a supervisor reads the backup settings and cannot change them, in Chinese', async ({ page, station, createStaff }) => {
  const folder = mkdtempSync(join(tmpdir(), 'relay-backups-'));
  try {
    expect((await station.dispatch('backup:settings', { folder, keep: 5, intervalHours: 12 }, adminCaller)).ok).toBe(true);
    const supervisor = await createStaff('supervisor');
    await openTileAs(page, 'zh', supervisor, '备份与恢复');

    const settings = page.getByRole('region', { name: '备份设置' });
    await expect(settings.locator('dt')).toHaveText(['备份文件夹', '保留份数', '间隔（小时）']);
    await expect(settings.locator('dd')).toHaveText([folder, '5', '12']);
    await expect(page.getByRole('button', { name: '保存设置' })).toHaveCount(0);
    await expect(page.getByLabel('备份文件夹')).toHaveCount(0);
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
});

test('a registrar reads the sync settings and cannot change them, in English', async ({ page, station, createStaff }) => {
  await changeSyncSettings(station, { endpoint: 'https://sync.example.cn/relay', batchSize: 200, twoPersonApproval: true });
  const registrar = await createStaff('registrar');
  await openTileAs(page, 'en', registrar, 'Sync with the province');

  const settings = page.getByRole('region', { name: 'Current settings' });
  await expect(settings.locator('dt')).toHaveText(['Provincial endpoint', 'Records per batch', 'Two-person approval: another staff member must approve each batch before it leaves']);
  await expect(settings.locator('dd')).toHaveText(['https://sync.example.cn/relay', '200', 'on']);
  await expect(page.getByRole('button', { name: 'Save settings' })).toHaveCount(0);
  await expect(page.getByLabel('Provincial endpoint')).toHaveCount(0);
});
