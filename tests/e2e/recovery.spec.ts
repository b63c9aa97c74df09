import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { recoveredRingOf } from '../../electron/services/backup/backup';
import { callOk } from '../fixtures/dispatch';
import { openTempStation, sampleSetup } from '../fixtures/temp-station';
import { expect, openTileAs, sampleAdmin, test } from './fixtures';

const system = { id: null, role: 'system' };

/** Another station's backup and the recovery code it was given at setup: what an administrator brings to a new machine. */
async function backupWithCode(): Promise<{ file: string; code: string; remove: () => Promise<void> }> {
  const source = await openTempStation();
  const folder = mkdtempSync(join(tmpdir(), 'relay-recovery-e2e-'));
  const setUp = await callOk(source, 'station:setup', sampleSetup, { sessionKey: 'source-admin' });
  const taken = await source.services.backup.take(system, folder);
  return {
    file: taken.backup.file,
    code: setUp.recovery.code,
    remove: async () => {
      await source.remove();
      rmSync(folder, { recursive: true, force: true });
    },
  };
}

test.describe('restoring a fresh install from a backup', () => {
  test('refuses a wrong recovery code with a clear message (Chinese and English), then prepares the restore with the right one', async ({ page, openApp, station }) => {
    const backup = await backupWithCode();
    try {
      await openApp();
      await expect(page.getByRole('heading', { name: '初始设置' })).toBeVisible();
      await page.getByRole('button', { name: '从备份恢复本站' }).click();
      await expect(page.getByRole('heading', { name: '从备份恢复本站' })).toBeVisible();
      await page.getByLabel('备份文件').fill(backup.file);
      await page.getByLabel('恢复码').fill('AAAAA-BBBBB-CCCCC-DDDDD-EEEEE');
      await page.getByRole('button', { name: '恢复', exact: true }).click();
      await expect(page.getByRole('alert')).toHaveText('恢复码无法打开此备份。请核对恢复单上的恢复码（后来重新签发的恢复码无法打开更早的备份）。未做任何更改。');
      expect(existsSync(join(station.dataDir, 'station.sqlite.restore'))).toBe(false);

      await page.getByRole('button', { name: 'English' }).click();
      await expect(page.getByRole('alert')).toHaveText(
        'The recovery code does not open this backup. Check the code on the recovery sheet (a code issued later does not open older backups). Nothing was changed.',
      );
      await page.getByLabel('Recovery code').fill(backup.code.toLowerCase());
      await page.getByRole('button', { name: 'Restore', exact: true }).click();
      await expect(page.getByTestId('restore-fresh-staged')).toContainText(`The backup of station ${sampleSetup.code}`);
      await expect(page.getByTestId('restore-fresh-staged')).toContainText('start it again');
      expect(existsSync(join(station.dataDir, 'station.sqlite.restore'))).toBe(true);
      expect(await station.services.station.get()).toBeNull();
    } finally {
      await backup.remove();
    }
  });
});

test.describe('the recovery code given at setup', () => {
  test('is shown once in English too, and opens the station’s backups', async ({ page, openApp, station }) => {
    await openApp();
    await page.getByRole('button', { name: 'English' }).click();
    await page.getByLabel('Station code').fill('KMU01');
    await page.getByLabel('Station name').fill('Kunming station');
    await page.getByLabel('Station kind').selectOption('memorial_kiosk');
    await page.getByLabel('Region').selectOption('5301');
    await page.getByLabel('Administrator username').fill(sampleAdmin.username);
    await page.getByLabel('Administrator name').fill(sampleAdmin.displayName);
    await page.getByLabel('Administrator password').fill(sampleAdmin.password);
    await page.getByLabel('Administrator PIN').fill(sampleAdmin.pin);
    await page.getByRole('button', { name: 'Save and start' }).click();

    await expect(page.getByRole('heading', { name: 'Recovery code' })).toBeVisible();
    const code = (await page.getByTestId('recovery-code').textContent()) ?? '';
    expect(code).toMatch(/^[0-9A-Z]{5}(-[0-9A-Z]{5}){4}$/);
    await expect(page.getByText('It is shown only this once.')).toBeVisible();
    await page.getByLabel('I have written down or printed the recovery code and put it in a safe place.').check();
    await page.getByRole('button', { name: 'Continue' }).click();
    await expect(page.getByTestId('station-code')).toHaveText('KMU01');

    const folder = mkdtempSync(join(tmpdir(), 'relay-recovery-e2e-'));
    try {
      const taken = await station.services.backup.take(system, folder);
      const ring = await recoveredRingOf(taken.backup.file, code);
      expect(ring.currentKeyId).toBe(station.services.protection.cipher.currentKeyId);
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  });
});

test.describe('a station set up before recovery codes existed', () => {
  test('warns on the backup screen until an administrator creates a code, shown once', async ({ page, openApp, station, setUpStation }) => {
    await setUpStation();
    station.connection.sqlite.prepare("delete from station_setting where key = 'recoveryKey'").run();
    await openApp();
    await openTileAs(page, 'zh', sampleAdmin, '备份与恢复');
    await expect(page.getByTestId('recovery-key-missing')).toHaveText(
      '本站尚未设置恢复码：备份只能凭本机的密钥文件打开，本机损坏时备份也随之作废。请系统管理员立即创建恢复码。',
    );
    await page.getByRole('button', { name: '创建恢复码' }).click();
    await expect(page.getByRole('heading', { name: '恢复码' })).toBeVisible();
    const fingerprint = (await page.getByTestId('recovery-fingerprint').textContent()) ?? '';
    await page.getByLabel('我已抄下或打印恢复码，并妥善保管。').check();
    await page.getByRole('button', { name: '完成' }).click();
    await expect(page.getByTestId('recovery-key')).toContainText(fingerprint);
    await expect(page.getByTestId('recovery-key-missing')).toHaveCount(0);
    const audited = station.connection.sqlite.prepare("select object_id from audit_log where object_type = 'recovery_key'").all();
    expect(audited).toEqual([{ object_id: fingerprint }]);
  });
});
