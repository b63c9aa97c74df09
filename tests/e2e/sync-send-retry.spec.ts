import { readdirSync } from 'node:fs';
import type { Page } from '@playwright/test';
import type { OpenStation } from '../../electron/app/open-station';
import { makeProvince } from '../fixtures/province';
import { refusingPort } from '../fixtures/refusing-port';
import { expect, sampleAdmin, signIn } from './fixtures';
import { changeSyncSettings, exportTo, importProvinceKeys, localeText, openAtHome, openSync, seedRegistrations, storedBatches, storedOutbox, switchTo, test, type Locale } from './sync-helpers';

test.beforeEach(openAtHome);

/** Two people waiting to be reported, the province's keys imported, and an endpoint where nothing listens. */
async function unreachableProvince(station: OpenStation): Promise<void> {
  await seedRegistrations(station, 2);
  await importProvinceKeys(station, makeProvince());
  await changeSyncSettings(station, { endpoint: `http://127.0.0.1:${await refusingPort()}/relay` });
  // Waits of a few seconds, so the countdown shows, and attempts enough to outlast the test.
  station.services.sync.transfer.transportOptions = { baseDelayMs: 3_000, maxDelayMs: 6_000, maxAttempts: 50 };
}

/** The send panel says it cannot reach the province, retries, and why, in `locale`. */
async function expectRetrying(page: Page, locale: Locale): Promise<void> {
  const retry = page.getByTestId('send-retry');
  // The first attempt fails at once; the screen reads the status every second while a send runs.
  await expect(retry).toBeVisible({ timeout: 15_000 });
  await expect(retry).toHaveAttribute('data-reason', 'connection_refused');
  await expect(retry).toContainText(localeText(locale, 'sync', 'send.retryingUnreachable'));
  await expect(retry).toContainText(localeText(locale, 'sync', 'send.retryReason.connection_refused'));
  await expect(retry).toContainText('ECONNREFUSED');
  await expect(retry).toContainText(locale === 'en' ? 'at most 50 are made' : '最多尝试 50 次');
  await expect(page.getByRole('button', { name: localeText(locale, 'sync', 'send.submit') })).toBeDisabled();
}

test('在中文界面：无法连接省级系统时显示正在重试，期间仍可导出到U盘，取消后批次仍在等待', async ({ page, station, usbFolder }) => {
  await unreachableProvince(station);
  await signIn(page, sampleAdmin);
  await openSync(page);

  await page.getByRole('button', { name: '立即发送' }).click();
  await expectRetrying(page, 'zh-CN');

  // The USB export does not wait for the send that keeps retrying.
  await exportTo(page, usbFolder);
  await expect(page.getByTestId('export-result')).toContainText('已写出 1 个文件');
  expect(readdirSync(usbFolder)).toHaveLength(1);
  await expect(page.getByTestId('send-retry')).toBeVisible();

  await page.getByRole('button', { name: localeText('zh-CN', 'sync', 'send.cancel') }).click();
  await expect(page.getByTestId('send-notice')).toHaveText(localeText('zh-CN', 'sync', 'send.cancelled'));
  await expect(page.getByTestId('send-retry')).toHaveCount(0);
  await expect(page.getByTestId('last-run')).toContainText(localeText('zh-CN', 'sync', 'cancelled'));
  await expect(page.getByRole('button', { name: '立即发送' })).toBeEnabled();
  // Nothing lost, nothing half-acknowledged: the batch on the stick still waits for the province's answer.
  expect(storedBatches(station).map((batch) => batch.state)).toEqual(['sent']);
  expect(storedOutbox(station)).toEqual({ in_batch: 4 });
});

test('in English: the retrying line says why and when, and Cancel sending stops it', async ({ page, station }) => {
  await unreachableProvince(station);
  await signIn(page, sampleAdmin);
  await openSync(page);
  await switchTo(page, 'en');

  await page.getByRole('button', { name: 'Send now' }).click();
  await expectRetrying(page, 'en');
  await expect(page.getByTestId('send-retry')).toContainText(localeText('en', 'sync', 'send.exportMeanwhile'));

  await page.getByRole('button', { name: 'Cancel sending' }).click();
  await expect(page.getByTestId('send-notice')).toHaveText(localeText('en', 'sync', 'send.cancelled'));
  await expect(page.getByTestId('send-retry')).toHaveCount(0);
  await expect(page.getByTestId('last-run')).toContainText(localeText('en', 'sync', 'cancelled'));
  expect(storedOutbox(station)).toEqual({ pending: 4 });
});
