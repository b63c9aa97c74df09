import { exampleKeyPair, publicKeyToPem } from '../../electron/sync/keys';
import type { CallOutput } from '../../shared/contract/calls';
import { makeProvince } from '../fixtures/province';
import { startTestHub } from '../fixtures/test-hub';
import { adminCaller, expect, sampleAdmin, signIn } from './fixtures';
import {
  changeSyncSettings,
  errorText,
  importProvinceKeys,
  localeText,
  openAtHome,
  openSync,
  seedRegistrations,
  sentencePattern,
  storedBatches,
  storedOutbox,
  switchTo,
  test,
} from './sync-helpers';

test.beforeEach(openAtHome);

test('a supervisor sees the endpoint but cannot change it, and still sets the batch size', async ({ page, station, createStaff }) => {
  await changeSyncSettings(station, { endpoint: 'https://sync.example.cn/relay' });
  const supervisor = await createStaff('supervisor');
  await signIn(page, supervisor);
  await openSync(page);

  const endpoint = page.locator('#sync-endpoint');
  await expect(endpoint).toHaveValue('https://sync.example.cn/relay');
  await expect(endpoint).not.toBeEditable();
  await expect(page.getByText(localeText('zh-CN', 'sync', 'settings.endpointAdminOnly'))).toBeVisible();
  await page.getByLabel(localeText('zh-CN', 'sync', 'settings.batchSize')).fill('200');
  await page.getByRole('button', { name: localeText('zh-CN', 'sync', 'settings.save') }).click();
  await expect(page.getByTestId('settings-saved')).toBeVisible();
  const status = await station.dispatch('sync:status', undefined, adminCaller);
  expect(status.ok && (status.data as CallOutput<'sync:status'>).settings).toMatchObject({ endpoint: 'https://sync.example.cn/relay', batchSize: 200 });
});

test('sending to an endpoint that does not name the imported keys: nothing leaves, and the screen says why', async ({ page, station }) => {
  await seedRegistrations(station, 1);
  // A receiver of another province: its /v1/info names keys this station never imported.
  const elsewhere = await startTestHub({ stationPublicKeyPem: publicKeyToPem(exampleKeyPair('relay-station test: any station', 'ed25519').publicKey) });
  try {
    await importProvinceKeys(station, makeProvince());
    await changeSyncSettings(station, { endpoint: elsewhere.url });
    await signIn(page, sampleAdmin);
    await openSync(page);
    await page.getByRole('button', { name: localeText('zh-CN', 'sync', 'send.submit') }).click();

    const lastRun = page.getByTestId('last-run');
    await expect(lastRun).toHaveAttribute('data-error', 'sync_endpoint_unverified');
    await expect(lastRun).toHaveText(sentencePattern(localeText('zh-CN', 'sync', 'summary.runFailed'), { error: errorText('zh-CN', 'sync_endpoint_unverified') }));
    await switchTo(page, 'en');
    await expect(lastRun).toHaveText(sentencePattern(localeText('en', 'sync', 'summary.runFailed'), { error: errorText('en', 'sync_endpoint_unverified') }));
    expect(await elsewhere.store.countBatches()).toBe(0);
    expect(storedBatches(station)).toEqual([]);
    expect(storedOutbox(station)).toEqual({ pending: 2 });
  } finally {
    await elsewhere.close();
  }
});
