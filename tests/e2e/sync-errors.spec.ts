import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { BATCH_FLOOR_UNCONFIRMED_SETTING } from '../../shared/domain/backup';
import { makeProvince } from '../fixtures/province';
import { adminCaller, expect, sampleAdmin, signIn } from './fixtures';
import {
  auditCount,
  batchRow,
  changeSyncSettings,
  errorText,
  exportTo,
  importProvinceKeys,
  localeText,
  openAtHome,
  openSync,
  seedRegistrations,
  storedBatches,
  storedOutbox,
  switchTo,
  test,
  type Locale,
} from './sync-helpers';

test.beforeEach(openAtHome);

/** The refusal's banner shows the code's sentence in Chinese, then in English, and the screen is left in Chinese. */
async function expectBannerInBothLanguages(page: Page, code: string): Promise<void> {
  const banner = page.locator(`[data-error-code="${code}"]`);
  await expect(banner).toHaveText(errorText('zh-CN', code));
  await switchTo(page, 'en');
  await expect(banner).toHaveText(errorText('en', code));
  await switchTo(page, 'zh-CN');
}

async function expectOutboxOnScreen(page: Page, counts: { pending: number; in_batch: number }): Promise<void> {
  await expect(page.getByTestId('outbox-pending')).toHaveText(String(counts.pending));
  await expect(page.getByTestId('outbox-in_batch')).toHaveText(String(counts.in_batch));
}

function batchState(locale: Locale, state: string): string {
  return localeText(locale, 'sync', `batchState.${state}`);
}

test('USB export to a path that is a file, or to a missing folder, is refused before any batch is written', async ({ page, station, usbFolder }) => {
  await seedRegistrations(station, 2);
  await importProvinceKeys(station, makeProvince());
  await signIn(page, sampleAdmin);
  await openSync(page);
  await expectOutboxOnScreen(page, { pending: 4, in_batch: 0 });

  const aFile = join(usbFolder, 'relay.txt');
  writeFileSync(aFile, 'not a folder');
  await exportTo(page, aFile);
  await expectBannerInBothLanguages(page, 'sync_folder_unusable');
  await expect(page.getByTestId('export-result')).toHaveCount(0);
  expect(readFileSync(aFile, 'utf8')).toBe('not a folder');
  // The records still wait, in no batch: a refused export leaves nothing half done.
  await expectOutboxOnScreen(page, { pending: 4, in_batch: 0 });
  await expect(page.getByText(localeText('zh-CN', 'sync', 'batches.empty'))).toBeVisible();
  expect(storedBatches(station)).toEqual([]);
  expect(storedOutbox(station)).toEqual({ pending: 4 });

  // Opened afresh, the screen shows no refusal until the next one.
  await page.getByRole('button', { name: '返回首页' }).click();
  await openSync(page);
  await expect(page.locator('[data-error-code]')).toHaveCount(0);
  const missing = join(usbFolder, 'not-mounted', 'relay');
  await exportTo(page, missing);
  await expectBannerInBothLanguages(page, 'sync_folder_unusable');
  expect(existsSync(join(usbFolder, 'not-mounted'))).toBe(false);
  await expectOutboxOnScreen(page, { pending: 4, in_batch: 0 });
  expect(storedBatches(station)).toEqual([]);
  expect(auditCount(station, 'batch_write')).toBe(0);
});

test('USB export that cannot write its file: the batch stays ready, not sent, and leaves once the stick is usable', async ({ page, station, usbFolder }) => {
  await seedRegistrations(station, 2);
  await importProvinceKeys(station, makeProvince());
  // Something on the stick already holds the batch's name, so the finished file cannot take it.
  const batchFile = join(usbFolder, 'KMU01-B000001.rse');
  mkdirSync(batchFile);
  await signIn(page, sampleAdmin);
  await openSync(page);

  await exportTo(page, usbFolder);
  await expectBannerInBothLanguages(page, 'sync_folder_unusable');
  await expect(page.getByTestId('export-result')).toHaveCount(0);
  const row = batchRow(page, 'KMU01-B000001');
  await expect(row.getByTestId('batch-state')).toHaveText(batchState('zh-CN', 'ready'));
  // Nothing half-written is left on the stick.
  expect(readdirSync(usbFolder)).toEqual(['KMU01-B000001.rse']);
  await expectOutboxOnScreen(page, { pending: 0, in_batch: 4 });
  expect(storedBatches(station)).toEqual([{ batch_id: 'KMU01-B000001', state: 'ready', sent_at: null }]);
  expect(auditCount(station, 'batch_send')).toBe(0);

  rmSync(batchFile, { recursive: true });
  await exportTo(page, usbFolder);
  await expect(page.getByTestId('export-result')).toContainText('KMU01-B000001.rse');
  await expect(page.locator('[data-error-code]')).toHaveCount(0);
  await expect(row.getByTestId('batch-state')).toHaveText(batchState('zh-CN', 'sent'));
  expect(readFileSync(batchFile).length).toBeGreaterThan(0);
  expect(storedBatches(station).map((batch) => batch.state)).toEqual(['sent']);
  expect(auditCount(station, 'batch_send')).toBe(1);
});

test('send now after the endpoint was cleared elsewhere: refused at once with the missing endpoint, nothing written', async ({ page, station }) => {
  await seedRegistrations(station, 1);
  await changeSyncSettings(station, { endpoint: 'https://sync.example.cn/relay' });
  await signIn(page, sampleAdmin);
  await openSync(page);
  const send = page.getByRole('button', { name: localeText('zh-CN', 'sync', 'send.submit') });
  await expect(send).toBeEnabled();
  await expect(page.getByTestId('last-run')).toHaveText(localeText('zh-CN', 'sync', 'summary.noRun'));

  // Another desk empties the endpoint while this screen still shows it (it reads the status every ten seconds).
  await changeSyncSettings(station, { endpoint: null });
  await send.click();
  await expectBannerInBothLanguages(page, 'sync_endpoint_missing');
  // No run started, so none is reported as failed; nothing was written.
  await expect(page.getByTestId('last-run')).toHaveText(localeText('zh-CN', 'sync', 'summary.noRun'));
  await expectOutboxOnScreen(page, { pending: 2, in_batch: 0 });
  await expect(page.getByText(localeText('zh-CN', 'sync', 'batches.empty'))).toBeVisible();
  expect(storedBatches(station)).toEqual([]);
  expect(storedOutbox(station)).toEqual({ pending: 2 });
  // The settings form takes the change made elsewhere at the next reading of the status, so saving here cannot undo it.
  await expect(page.locator('#sync-endpoint')).toHaveValue('', { timeout: 15_000 });
});

test('two-person approval: an earlier batch cannot be taken back once a later one was approved', async ({ page, station, createStaff, usbFolder }) => {
  // Twelve outbox rows in batches of ten: two batches, both waiting for approval.
  await seedRegistrations(station, 6);
  await importProvinceKeys(station, makeProvince());
  await changeSyncSettings(station, { batchSize: 10, twoPersonApproval: true });
  const written = await station.dispatch('sync:export', { folder: usbFolder }, adminCaller);
  expect(written).toMatchObject({ ok: true, data: { files: [], pendingApproval: 2 } });

  // A second supervisor approves the later batch at another desk.
  const second = await createStaff('supervisor');
  const secondCaller = { sessionKey: 'second-supervisor' };
  expect((await station.dispatch('session:login', { username: second.username, password: second.password }, secondCaller)).ok).toBe(true);
  expect((await station.dispatch('sync:approve', { batchId: 'KMU01-B000002' }, secondCaller)).ok).toBe(true);

  await signIn(page, sampleAdmin);
  await openSync(page);
  const first = batchRow(page, 'KMU01-B000001');
  const later = batchRow(page, 'KMU01-B000002');
  await expect(first.getByTestId('batch-state')).toHaveText(batchState('zh-CN', 'pending_approval'));
  await expect(later.getByTestId('batch-state')).toHaveText(batchState('zh-CN', 'ready'));
  await expectOutboxOnScreen(page, { pending: 0, in_batch: 12 });

  await first.getByRole('button', { name: localeText('zh-CN', 'sync', 'batches.decline') }).click();
  const question = page.getByRole('alertdialog');
  await expect(question).toContainText(localeText('zh-CN', 'sync', 'batches.declineConfirm').replace('{{batchId}}', 'KMU01-B000001'));
  await question.getByRole('button', { name: localeText('zh-CN', 'sync', 'batches.declineYes') }).click();
  await expectBannerInBothLanguages(page, 'batch_not_last');
  await expect(page.getByTestId('batch-done')).toHaveCount(0);

  // Both batches are still there as they were, their records still in them.
  await expect(first.getByTestId('batch-state')).toHaveText(batchState('zh-CN', 'pending_approval'));
  await expect(later.getByTestId('batch-state')).toHaveText(batchState('zh-CN', 'ready'));
  await expect(first.getByRole('button', { name: localeText('zh-CN', 'sync', 'batches.decline') })).toBeEnabled();
  await expectOutboxOnScreen(page, { pending: 0, in_batch: 12 });
  expect(storedBatches(station).map(({ batch_id, state }) => [batch_id, state])).toEqual([
    ['KMU01-B000001', 'pending_approval'],
    ['KMU01-B000002', 'ready'],
  ]);
  expect(storedOutbox(station)).toEqual({ in_batch: 12 });
  expect(auditCount(station, 'batch_decline')).toBe(0);
  expect(existsSync(join(usbFolder, 'KMU01-B000001.rse'))).toBe(false);
});

test('a station rebuilt from a backup exports no batch until it knows the province’s last batch number', async ({ page, station, usbFolder }) => {
  await seedRegistrations(station, 2);
  await importProvinceKeys(station, makeProvince());
  // What a restore onto a fresh install leaves in the restored database.
  station.connection.sqlite
    .prepare('insert into station_setting (key, value, updated_at) values (?, ?, ?)')
    .run(BATCH_FLOOR_UNCONFIRMED_SETTING, '2026-12-01T08:00:00.000Z', '2026-12-01T08:00:00.000Z');
  await signIn(page, sampleAdmin);
  await openSync(page);
  await exportTo(page, usbFolder);
  await expectBannerInBothLanguages(page, 'sync_batch_floor_unconfirmed');
  expect(readdirSync(usbFolder)).toEqual([]);
  expect(storedBatches(station)).toEqual([]);
  await expectOutboxOnScreen(page, { pending: 4, in_batch: 0 });
});
