import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import type { OpenStation } from '../../electron/app/open-station';
import { ReaderSimulator } from '../../electron/idcard/reader-simulator';
import { sampleCardImages } from '../../electron/idcard/sample-cards';
import { adminCaller, expect, openTileAs, sampleAdmin, test as stationTest } from './fixtures';
import { wcagTags } from './support/axe';

/**
 * The ID-card reader section of the settings: the administrator sets the reader up and tries it, the
 * station refuses a library path that is not a full path, a supervisor reads the section without changing
 * it. The simulated reader runs in-process (electron/idcard/reader-simulator.ts).
 */
const test = stationTest.extend<{ reader: { simulator: ReaderSimulator; address: string } }>({
  reader: async ({}, use) => {
    const simulator = new ReaderSimulator();
    const listening = await simulator.listen('127.0.0.1:0');
    await use({ simulator, address: listening.address });
    await listening.close();
  },
});

test.beforeEach(async ({ setUpStation, openApp }) => {
  await setUpStation();
  await openApp();
});

const section = (page: Page) => page.getByTestId('settings-idCardReader');

/** The reader settings the station stored, read through the dispatcher as the first administrator. */
async function storedReader(station: OpenStation) {
  const login = await station.dispatch('session:login', { username: sampleAdmin.username, password: sampleAdmin.password }, adminCaller);
  expect(login.ok).toBe(true);
  const result = await station.dispatch('idCard:settings', undefined, adminCaller);
  if (!result.ok) throw new Error(JSON.stringify(result.error));
  return result.data;
}

/** Audit entries of one action, oldest first. */
function audited(station: OpenStation, action: string): Array<{ object_id: string | null; detail: string }> {
  return station.connection.sqlite.prepare('select object_id, detail from audit_log where action = ? order by seq').all(action) as Array<{
    object_id: string | null;
    detail: string;
  }>;
}

/** WCAG A and AA violations inside the reader section only (the rest of the screen has its own checks). */
async function sectionViolations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).include('[data-testid="settings-idCardReader"]').withTags([...wcagTags]).analyze();
  return results.violations.map((violation) => `${violation.id}: ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`);
}

test('the administrator sets up the simulated reader and tries it with a card: only its kind is shown, in Chinese', async ({ page, station, reader }) => {
  await openTileAs(page, 'zh', sampleAdmin, '站点设置');
  const form = section(page);
  await expect(form.getByRole('heading', { name: '身份证读卡器' })).toBeVisible();
  await expect(form.getByLabel('读卡器类型')).toHaveValue('none');
  await expect(form.getByLabel('驱动库文件路径')).toHaveCount(0);

  await form.getByLabel('读卡器类型').selectOption({ label: '模拟读卡器（演示与测试）' });
  await expect(form.getByLabel('驱动库文件路径')).toHaveCount(0);
  await form.getByLabel('模拟读卡器地址').fill(reader.address);
  await form.getByRole('button', { name: '保存' }).click();
  await expect(page.getByTestId('settings-idCardReader-saved')).toHaveText('已保存');
  expect(await storedReader(station)).toEqual({ kind: 'simulated', libraryPath: null, port: null, simulatorAddress: reader.address });
  expect(audited(station, 'settings_change').map((entry) => entry.object_id)).toEqual(['idCardReader']);

  const result = page.getByTestId('id-card-test-result');
  await form.getByRole('button', { name: '测试读卡器' }).click();
  await expect(result).toContainText('读卡器已就绪，感应区无证件');

  reader.simulator.place('resident');
  await form.getByRole('button', { name: '测试读卡器' }).click();
  await expect(result).toContainText('读卡正常：居民身份证');
  const card = sampleCardImages.resident;
  await expect(page.locator('body')).not.toContainText(card.number);
  await expect(page.locator('body')).not.toContainText(card.name);
  const reads = audited(station, 'id_card_read');
  expect(reads).toHaveLength(1);
  expect(JSON.parse(reads[0]!.detail)).toMatchObject({ reader: 'simulated', outcome: 'read', documentKind: 'resident_id', test: true });
  expect(reads[0]!.detail).not.toContain(card.number);

  const violations = await sectionViolations(page);
  expect(violations, violations.join('\n')).toEqual([]);

  reader.simulator.unplug();
  await form.getByRole('button', { name: '测试读卡器' }).click();
  await expect(result).toContainText('读卡器未连接');
});

test('a library path that is not a full path is refused under its field, and nothing is stored, in English', async ({ page, station }) => {
  await openTileAs(page, 'en', sampleAdmin, 'Station settings');
  const form = section(page);
  await form.getByLabel('Reader type').selectOption({ label: 'Standard reader (sdtapi library)' });
  await expect(form.getByLabel('Simulated reader address')).toHaveCount(0);

  await form.getByRole('button', { name: 'Save' }).click();
  await expect(form.locator('[data-reason="required"]')).toHaveText('Enter the full path of the vendor library.');

  const path = form.getByLabel('Vendor library path');
  await path.fill('sdtapi.dll');
  await form.getByLabel('Port').selectOption({ label: 'USB 1001' });
  await form.getByRole('button', { name: 'Save' }).click();
  await expect(form.locator('[data-reason="invalid"]')).toHaveText('The library path must be a full path: starting with / or with a drive letter (such as C:\\).');
  await expect(path).toHaveAttribute('aria-invalid', 'true');
  await expect(page.getByTestId('settings-idCardReader-saved')).toHaveCount(0);
  expect(await storedReader(station)).toEqual({ kind: 'none', libraryPath: null, port: null, simulatorAddress: null });
  expect(audited(station, 'settings_change')).toEqual([]);

  // The saved reader is still none: the test says so and what to do.
  await form.getByRole('button', { name: 'Test the reader' }).click();
  await expect(page.getByTestId('id-card-test-result')).toContainText('No reader is set up');
  await expect(page.getByTestId('id-card-test-next')).toHaveText('Choose a reader type and save it first.');

  await path.fill('C:\\Program Files\\Reader\\sdtapi.dll');
  await form.getByRole('button', { name: 'Save' }).click();
  await expect(page.getByTestId('settings-idCardReader-saved')).toHaveText('Saved');
  // The earlier result described the reader saved before: it is cleared.
  await expect(page.getByTestId('id-card-test-result')).toBeEmpty();
  expect(await storedReader(station)).toEqual({ kind: 'sdtapi', libraryPath: 'C:\\Program Files\\Reader\\sdtapi.dll', port: 1001, simulatorAddress: null });

  // The library is not on this machine: the test names the reason and what to do.
  await form.getByRole('button', { name: 'Test the reader' }).click();
  await expect(page.getByTestId('id-card-test-result')).toContainText('The reader is not connected');
  await expect(page.getByTestId('id-card-test-next')).toHaveText(
    "The reader's vendor library was not found. An administrator should check its path in the settings",
  );

  const violations = await sectionViolations(page);
  expect(violations, violations.join('\n')).toEqual([]);
});

test('a supervisor reads the reader settings and cannot change or try them, in Chinese and English', async ({ page, station, createStaff, reader }) => {
  const login = await station.dispatch('session:login', { username: sampleAdmin.username, password: sampleAdmin.password }, adminCaller);
  expect(login.ok).toBe(true);
  const configured = await station.dispatch('idCard:configure', { kind: 'simulated', libraryPath: null, port: null, simulatorAddress: reader.address }, adminCaller);
  expect(configured.ok).toBe(true);
  const supervisor = await createStaff('supervisor');

  await openTileAs(page, 'zh', supervisor, '站点设置');
  const facts = section(page);
  await expect(facts.getByRole('heading', { name: '身份证读卡器' })).toBeVisible();
  await expect(facts.getByTestId('fact-idCardReaderKind')).toHaveText('模拟读卡器（演示与测试）');
  await expect(facts.getByTestId('fact-idCardSimulatorAddress')).toHaveText(reader.address);
  await expect(facts.getByRole('combobox')).toHaveCount(0);
  await expect(facts.getByRole('textbox')).toHaveCount(0);
  await expect(facts.getByRole('button')).toHaveCount(0);
  await expect(page.getByRole('button', { name: '测试读卡器' })).toHaveCount(0);

  await page.getByRole('button', { name: 'English', exact: true }).click();
  await expect(facts.getByRole('heading', { name: 'ID-card reader' })).toBeVisible();
  await expect(facts.getByTestId('fact-idCardReaderKind')).toHaveText('Simulated reader (demonstrations and tests)');
  const violations = await sectionViolations(page);
  expect(violations, violations.join('\n')).toEqual([]);
});
