import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import type { OpenStation } from '../../electron/app/open-station';
import type { CallOutput } from '../../shared/contract/calls';
import { startTestHub, type TestHub, type TestHubOptions } from '../fixtures/test-hub';
import { adminCaller, expect, sampleAdmin, signIn } from './fixtures';
import { batchRow, exportTo, openAtHome, openSync, seedRegistrations, test as syncTest } from './sync-helpers';

interface ReceiverFixtures {
  /** A province receiver in this process that knows the station's public key; closed after the test. */
  startReceiver: (options?: Omit<TestHubOptions, 'stationPublicKeyPem'>) => Promise<TestHub>;
}

const test = syncTest.extend<ReceiverFixtures>({
  startReceiver: async ({ station }, use) => {
    const started: TestHub[] = [];
    await use(async (options = {}) => {
      // The province registers the station's key at commissioning, as `export-public-key` prints it.
      const published = await station.dispatch('documents:publicKey', undefined, adminCaller);
      if (!published.ok) throw new Error(`public key refused: ${JSON.stringify(published.error)}`);
      const receiver = await startTestHub({ ...options, stationPublicKeyPem: (published.data as CallOutput<'documents:publicKey'>).publicKey });
      started.push(receiver);
      return receiver;
    });
    for (const receiver of started) await receiver.close();
  },
});

test.beforeEach(openAtHome);

async function importProvinceKeys(station: OpenStation, signing: TestHub, encryption: TestHub = signing): Promise<void> {
  for (const [use, pem] of [['signing', signing.provinceSigningPublicPem], ['encryption', encryption.provinceEncryptionPublicPem]] as const) {
    const imported = await station.dispatch('sync:importProvinceKey', { use, pem }, adminCaller);
    expect(imported.ok).toBe(true);
  }
}

async function signOut(page: Page): Promise<void> {
  await page.getByRole('button', { name: '退出登录' }).click();
  await expect(page.getByRole('button', { name: '工作人员登录' })).toBeVisible();
}

test('USB: batches exported to a folder come back acknowledged through their .rsa files', async ({ page, station, startReceiver, usbFolder }) => {
  await seedRegistrations(station, 3);
  const province = await startReceiver();
  await importProvinceKeys(station, province);
  await signIn(page, sampleAdmin);
  await openSync(page);
  await expect(page.getByTestId('outbox-pending')).toHaveText('6');
  await expect(page.getByTestId('outbox-done')).toHaveText('0');

  await exportTo(page, usbFolder);
  const result = page.getByTestId('export-result');
  await expect(result).toContainText('已写出 1 个文件：');
  await expect(result).toContainText('KMU01-B000001.rse');
  const batchFile = join(usbFolder, 'KMU01-B000001.rse');
  expect(existsSync(batchFile)).toBe(true);
  expect(existsSync(`${batchFile}.partial`)).toBe(false);
  const row = batchRow(page, 'KMU01-B000001');
  await expect(row.getByTestId('batch-state')).toHaveText('已发出，待回执');
  await expect(row).toContainText('U盘');
  await expect(page.getByTestId('outbox-in_batch')).toHaveText('6');
  await expect(page.getByTestId('outbox-pending')).toHaveText('0');

  // At the province: the file is imported from the stick and its acknowledgement written back.
  const ackFile = join(usbFolder, 'KMU01-B000001.rsa');
  writeFileSync(ackFile, await province.processFile(readFileSync(batchFile), 'KMU01-B000001.rse'));
  expect(await province.store.countVersions()).toBe(6);

  await page.getByLabel('回执文件').setInputFiles(ackFile);
  const outcomes = page.getByTestId('ack-outcomes');
  await expect(outcomes).toContainText('批次 KMU01-B000001 已处理：接收 6 条，重复 0 条，退回 0 条。');
  await expect(row.getByTestId('batch-state')).toHaveText('已确认接收');
  await expect(row.getByTestId('batch-ack-counts')).toHaveText('6 / 0 / 0');
  await expect(page.getByTestId('outbox-done')).toHaveText('6');
  await expect(page.getByTestId('outbox-in_batch')).toHaveText('0');
  await expect(page.getByTestId('last-acknowledged')).not.toHaveText('尚无');

  // The same file again changes nothing, and says so.
  await page.getByLabel('回执文件').setInputFiles(ackFile);
  await expect(outcomes.locator('li')).toHaveText(['KMU01-B000001.rsa 批次 KMU01-B000001 的回执此前已导入，未作更改。']);
  await expect(page.getByTestId('outbox-done')).toHaveText('6');

  await page.getByRole('button', { name: 'English' }).click();
  await expect(page.getByRole('heading', { name: 'Sync with the province', level: 1 })).toBeVisible();
  await expect(row.getByTestId('batch-state')).toHaveText('Acknowledged');
  await expect(row).toContainText('USB stick');
  await expect(outcomes).toContainText('The acknowledgement of batch KMU01-B000001 was imported before; nothing changed.');
  await expect(page.getByTestId('outbox-counts')).toContainText('Delivered');
  // One result area per screen: the export's result made way for the acknowledgements'.
  await expect(result).toHaveCount(0);
});

test('HTTP: sending to the endpoint shows its progress, and a record the province refuses shows with its reason', async ({ page, station, startReceiver }) => {
  const [refusedNumber = ''] = await seedRegistrations(station, 3);
  const reason = '该证件号已有有效的角膜捐献登记（YNU02-2026-R000007，云南大学登记站），请核实后撤回其中一条。';
  const province = await startReceiver({
    // Every answer waits, so the bar is on screen long enough to be seen.
    faults: { slowRate: 1, slowMs: 2500 },
    policy: (envelope) => (envelope.kind === 'registration' && envelope.payload.number === refusedNumber ? { reason } : null),
  });
  await importProvinceKeys(station, province);
  await signIn(page, sampleAdmin);
  await openSync(page);
  const send = page.getByRole('button', { name: '立即发送' });
  await expect(send).toBeDisabled();
  await expect(page.getByText('尚未设置省级系统的接收地址，请在下方同步设置中填写。')).toBeVisible();

  const endpoint = page.getByLabel('省级系统接收地址');
  await endpoint.fill('ftp://sync.example.cn/relay');
  await page.getByRole('button', { name: '保存设置' }).click();
  await expect(page.locator('#sync-endpoint-error')).toHaveText('请输入以 https:// 或 http:// 开头的完整地址，不含用户名和查询参数。');
  await endpoint.fill(province.url);
  await page.getByRole('button', { name: '保存设置' }).click();
  await expect(page.getByTestId('settings-saved')).toHaveText('已保存同步设置。');
  await expect(send).toBeEnabled();

  await send.click();
  await expect(page.getByTestId('send-notice')).toHaveText('已开始发送，进度见上方。');
  const progress = page.getByRole('progressbar', { name: '同步进度' });
  await expect(progress).toBeVisible();
  // The bytes really handed to the network: the whole file, while the province takes its time to answer.
  await expect(page.locator('#sync-progress-text')).toHaveText(/^正在发送批次 KMU01-B000001：已发送 (\d+) \/ \1 字节$/);
  await expect(batchRow(page, 'KMU01-B000001').getByTestId('batch-state')).toHaveText('已发出，待回执');
  await expect(progress).toBeHidden({ timeout: 10_000 });

  const row = batchRow(page, 'KMU01-B000001');
  await expect(row.getByTestId('batch-state')).toHaveText('已确认接收，部分记录被退回');
  await expect(row.getByTestId('batch-ack-counts')).toHaveText('5 / 0 / 1');
  await expect(row).toContainText('网络');
  await expect(page.getByTestId('last-run')).toContainText('待报送的记录已全部送达');
  await expect(page.getByTestId('outbox-done')).toHaveText('5');
  await expect(page.getByTestId('outbox-rejected')).toHaveText('1');
  expect(province.faultCounts.slow).toBeGreaterThan(0);

  const rejection = page.getByTestId('sync-rejections').getByRole('row').filter({ hasText: refusedNumber });
  await expect(rejection).toContainText('捐献登记');
  await expect(rejection).toContainText('省级规则拒收');
  await expect(rejection.getByTestId('rejection-reason')).toHaveText(reason);

  await page.getByRole('button', { name: 'English' }).click();
  await expect(row.getByTestId('batch-state')).toHaveText('Acknowledged, partially rejected');
  await expect(rejection).toContainText('Refused by a provincial rule');
  await expect(rejection).toContainText('Registration');
  // The province's words are shown as it gave them.
  await expect(rejection.getByTestId('rejection-reason')).toHaveText(reason);
  await expect(page.getByTestId('last-run')).toContainText('everything waiting was delivered');

  // Once the province resolved the cause, a supervisor sends the same version again.
  await rejection.getByRole('button', { name: 'Send again unchanged' }).click();
  await expect(page.getByTestId('rejection-resent')).toHaveText('The record will be sent again unchanged with the next batch.');
  await expect(page.getByTestId('rejections-empty')).toBeVisible();
  await expect(page.getByTestId('outbox-resend')).toHaveText('1');
});

test('errors: no province key to export to, and an acknowledgement signed by a key never imported', async ({ page, station, startReceiver, usbFolder }) => {
  await seedRegistrations(station, 1);
  await signIn(page, sampleAdmin);
  await openSync(page);
  await expect(page.getByTestId('province-keys-none')).toHaveText('尚未导入省级系统的公钥。');
  await exportTo(page, usbFolder);
  const alert = page.locator('[data-error-code="province_key_missing"]');
  await expect(alert).toHaveText('尚未导入省级系统的公钥，请由管理员在同步设置中导入。');
  await page.getByRole('button', { name: 'English' }).click();
  await expect(alert).toHaveText("The province's public key has not been imported yet; an administrator imports it in the sync settings.");
  await page.getByRole('button', { name: '简体中文' }).click();

  // The signing key of one province and the encryption key of another: its acknowledgements are not ours to trust.
  const trusted = await startReceiver();
  const impostor = await startReceiver();
  const keyForm = page.locator('form[aria-labelledby="sync-key-import-title"]');
  await keyForm.getByLabel('用途').selectOption('signing');
  await keyForm.getByLabel('公钥（PEM 格式）').fill(trusted.provinceSigningPublicPem);
  await keyForm.getByRole('button', { name: '导入公钥' }).click();
  const grouped = (id: string) => (id.match(/.{4}/g) ?? []).join(' ');
  await expect(page.getByTestId('key-imported')).toHaveText(`已导入，指纹：${grouped(trusted.provinceSigningKeyId)}`);
  await keyForm.getByLabel('用途').selectOption('encryption');
  await keyForm.getByLabel('公钥（PEM 格式）').fill(impostor.provinceEncryptionPublicPem);
  await keyForm.getByRole('button', { name: '导入公钥' }).click();
  await expect(page.getByTestId('key-imported')).toHaveText(`已导入，指纹：${grouped(impostor.provinceEncryptionKeyId)}`);
  const keys = page.getByTestId('province-keys');
  await expect(keys.locator('tr[data-use="signing"]')).toContainText(grouped(trusted.provinceSigningKeyId));
  await expect(keys.locator('tr[data-use="encryption"]')).toContainText(grouped(impostor.provinceEncryptionKeyId));
  await expect(page.getByTestId('station-key').locator('code')).toHaveText(/^([0-9a-f]{4} ){15}[0-9a-f]{4}$/);

  await exportTo(page, usbFolder);
  await expect(page.getByTestId('export-result')).toContainText('KMU01-B000001.rse');
  const ackFile = join(usbFolder, 'KMU01-B000001.rsa');
  writeFileSync(ackFile, await impostor.processFile(readFileSync(join(usbFolder, 'KMU01-B000001.rse'))));
  await page.getByLabel('回执文件').setInputFiles(ackFile);
  const outcome = page.getByTestId('ack-outcomes').locator('li[data-result="ack_signature_invalid"]');
  await expect(outcome).toContainText('未导入：回执的签名无法用已导入的省级签名密钥验证，已拒收。');
  await expect(batchRow(page, 'KMU01-B000001').getByTestId('batch-state')).toHaveText('已发出，待回执');
  await expect(page.getByTestId('outbox-done')).toHaveText('0');
  await page.getByRole('button', { name: 'English' }).click();
  await expect(outcome).toContainText("Not imported: The acknowledgement's signature does not verify with an imported provincial signing key; it was refused.");
});

test('two-person approval: the supervisor who wrote a batch cannot approve it, another supervisor can', async ({ page, station, startReceiver, createStaff, usbFolder }) => {
  await seedRegistrations(station, 2);
  await importProvinceKeys(station, await startReceiver());
  const writer = await createStaff('supervisor');
  const second = { username: 'sunli', displayName: '孙丽', role: 'supervisor', password: 'second supervisor passphrase', pin: '4826' } as const;
  expect((await station.dispatch('staff:create', second, adminCaller)).ok).toBe(true);

  await signIn(page, sampleAdmin);
  await openSync(page);
  await page.getByLabel('双人复核：批次须由另一位工作人员批准后才能发出').check();
  await page.getByRole('button', { name: '保存设置' }).click();
  await expect(page.getByTestId('settings-saved')).toBeVisible();
  await signOut(page);

  await signIn(page, writer);
  await openSync(page);
  await exportTo(page, usbFolder);
  await expect(page.getByTestId('export-result')).toContainText('没有需要导出的批次。');
  await expect(page.getByTestId('export-pending-approval')).toHaveText('另有 1 个批次待复核，批准后才能导出。');
  expect(existsSync(join(usbFolder, 'KMU01-B000001.rse'))).toBe(false);
  const row = batchRow(page, 'KMU01-B000001');
  await expect(row.getByTestId('batch-state')).toHaveText('待复核');
  await row.getByRole('button', { name: '批准' }).click();
  const refusal = page.locator('[data-error-code="approval_needs_second_person"]');
  await expect(refusal).toHaveText('双人复核需由另一位工作人员批准，不能批准自己写出的批次。');
  await page.getByRole('button', { name: 'English' }).click();
  await expect(refusal).toHaveText('Two-person approval needs another staff member; you cannot approve a batch you wrote.');
  await expect(row.getByTestId('batch-state')).toHaveText('Waiting for approval');
  await page.getByRole('button', { name: '简体中文' }).click();
  await signOut(page);

  await signIn(page, second);
  await openSync(page);
  await row.getByRole('button', { name: '批准' }).click();
  await expect(page.getByTestId('batch-done')).toHaveText('已批准批次 KMU01-B000001，可以导出或发送。');
  await expect(row.getByTestId('batch-state')).toHaveText('待发出');
  await exportTo(page, usbFolder);
  await expect(page.getByTestId('export-result')).toContainText('KMU01-B000001.rse');
  expect(existsSync(join(usbFolder, 'KMU01-B000001.rse'))).toBe(true);
  await page.getByRole('button', { name: 'English' }).click();
  await expect(row.getByTestId('batch-state')).toHaveText('Sent, awaiting acknowledgement');
});
