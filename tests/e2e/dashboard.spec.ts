import { readFileSync } from 'node:fs';
import ExcelJS from 'exceljs';
import type { Page } from '@playwright/test';
import { DASHBOARD_NOW, seedDashboard, seededSessionTitle } from '../fixtures/dashboard';
import { beijing, figuresDesk } from '../fixtures/figures';
import { sampleSetup } from '../fixtures/temp-station';
import { expect, openTileAs, sampleAdmin, sampleStation, testOnPinnedClock } from './fixtures';

/**
 * The station's clock and the page's both stand at 10:00 on 30 June 2026 (Beijing time), after the
 * registrations, visits and session of tests/fixtures/dashboard.ts were recorded through the real
 * calls at their own times. "This year" is then 1 January to 30 June 2026, against the same days of
 * 2025; the expected figures are worked out in tests/integration/dashboard.test.ts.
 */
const test = testOnPinnedClock(beijing('2025-01-02', '08:00'));

test.beforeEach(async ({ station, clock, page, openApp }) => {
  const setup = await station.dispatch('station:setup', sampleSetup, figuresDesk);
  expect(setup.ok).toBe(true);
  await seedDashboard(station, clock);
  await page.clock.setFixedTime(new Date(DASHBOARD_NOW));
  await openApp();
  await expect(page.getByRole('heading', { name: sampleStation.name })).toBeVisible();
});

const tiles = { zh: '统计看板', en: 'Statistics dashboard' } as const;

/** Clicks an export button, checks the progress bar filled up, and returns the downloaded file. */
async function exportFile(page: Page, button: string): Promise<{ name: string; bytes: Buffer }> {
  const downloading = page.waitForEvent('download');
  await page.getByRole('button', { name: button }).click();
  const file = await downloading;
  const bar = page.getByTestId('dashboard-export-progress');
  await expect(bar).toBeVisible();
  const total = await bar.getAttribute('aria-valuemax');
  expect(Number(total)).toBeGreaterThan(50);
  await expect(bar).toHaveAttribute('aria-valuenow', total!);
  return { name: file.suggestedFilename(), bytes: readFileSync(await file.path()) };
}

async function workbook(bytes: Buffer): Promise<ExcelJS.Workbook> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(bytes as unknown as ArrayBuffer);
  return book;
}

function rows(book: ExcelJS.Workbook, sheet: string): unknown[][] {
  const found: unknown[][] = [];
  book.getWorksheet(sheet)!.eachRow((row) => found.push((row.values as unknown[]).slice(1)));
  return found;
}

test('zh: this year against last year and the targets, with charts and sessions, exported as CSV and XLSX with progress', async ({ page, station }) => {
  await openTileAs(page, 'zh', sampleAdmin, tiles.zh);
  await expect(page.getByTestId('dashboard-shown')).toHaveText('2026 年：2026-01-01 至 2026-06-30，对比 2025-01-01 至 2025-06-30');
  await expect(page.getByTestId('dashboard-registered-value')).toHaveText('6');
  await expect(page.getByTestId('dashboard-registered')).toContainText('上年同期 3');
  await expect(page.getByTestId('dashboard-growth-value')).toHaveText('+100%');
  await expect(page.getByTestId('dashboard-growth-target')).toHaveText('目标：增长不低于 10%');
  await expect(page.getByTestId('dashboard-growth').locator('.target-status')).toHaveText('达标');
  await expect(page.getByTestId('dashboard-withdrawn-value')).toHaveText('2');
  await expect(page.getByTestId('dashboard-withdrawn')).toContainText('已实现捐献 1');
  await expect(page.getByTestId('dashboard-recontact-value')).toHaveText('100%');
  await expect(page.getByTestId('dashboard-recontact')).toContainText('2 / 2 名在册志愿者同意回访');
  await expect(page.getByTestId('dashboard-recontact').locator('.target-status')).toHaveAttribute('data-status', 'met');
  await expect(page.getByTestId('dashboard-visitors-value')).toHaveText('5');
  await expect(page.getByTestId('dashboard-sessions-value')).toHaveText('1');
  await expect(page.getByTestId('dashboard-reach-value')).toHaveText('20');
  await expect(page.getByTestId('dashboard-reach').locator('.target-status')).toHaveText('未设置当地人口');
  await expect(page.getByTestId('dashboard-satisfaction-value')).toHaveText('66.67%');
  await expect(page.getByTestId('dashboard-satisfaction').locator('.target-status')).toHaveText('未达标');
  await expect(page.getByTestId('dashboard-satisfaction-target')).toHaveText('目标：不低于 95%');

  for (const [chart, title] of [
    ['dashboard-chart-months', '每月登记与撤回'],
    ['dashboard-chart-programs', '各项目登记数'],
    ['dashboard-chart-pipeline', '造血干细胞志愿者进展（本年度报名者当前所处环节）'],
    ['dashboard-chart-heard-from', '了解渠道'],
  ] as const) {
    await expect(page.getByTestId(chart).locator('svg[role="img"]')).toHaveAttribute('aria-label', title);
  }
  // Bars with a value: signed up 1, typed 1, withdrawn 1.
  await expect(page.getByTestId('dashboard-chart-pipeline').locator('.recharts-bar-rectangle path')).toHaveCount(3);
  await expect(page.getByTestId('dashboard-chart-months').locator('.bar-chart__legend li')).toHaveText(['登记', '撤回', '上年同月登记']);

  const session = page.getByTestId('dashboard-sessions').locator('tbody tr');
  await expect(session).toHaveCount(1);
  await expect(session.locator('th')).toHaveText(seededSessionTitle);
  await expect(session.locator('[data-column="date"]')).toHaveText('2026-03-10');
  await expect(session.locator('[data-column="registrations"]')).toHaveText('3');
  await expect(page.getByTestId('dashboard-stations').locator('tr[data-station="KMU01"] [data-column="registered"]')).toHaveText('6');

  const csv = await exportFile(page, '导出 CSV');
  expect(csv.name).toBe('dashboard-KMU01-2026-01-01-2026-06-30.csv');
  const csvText = csv.bytes.toString('utf8');
  expect(csvText.startsWith('\uFEFF概况\r\n指标,数值,目标,是否达标\r\n')).toBe(true);
  expect(csvText).toContain('\r\n带来登记的活动\r\n活动,日期,登记数\r\n生命教育讲座（春季）,2026-03-10,3\r\n');
  await expect(page.getByTestId('dashboard-exported')).toHaveText(`已导出 ${csv.name}。`);

  const xlsx = await exportFile(page, '导出 Excel（XLSX）');
  expect(xlsx.name).toBe('dashboard-KMU01-2026-01-01-2026-06-30.xlsx');
  const book = await workbook(xlsx.bytes);
  expect(book.worksheets.map((sheet) => sheet.name)).toEqual(['概况', '各月登记', '各项目登记', '各站点登记', '历年登记', '造血干细胞进展', '了解渠道', '带来登记的活动', '家庭关怀', '纪念活动邀请', '人道救助发放']);
  expect(rows(book, '概况')).toContainEqual(['同比增长', 1, 0.1, '达标']);
  expect(rows(book, '各月登记')[3]).toEqual(['2026-03', 3, 0, 0, 0]);

  const audited = station.connection.sqlite
    .prepare(`select action, count(*) as n from audit_log where object_type = 'dashboard' group by action order by action`)
    .all() as Array<{ action: string; n: number }>;
  expect(audited).toEqual([
    { action: 'export', n: 2 },
    { action: 'view', n: 1 },
  ]);
});

test('en: last year, a year still to come refused in English, and an XLSX with English headers', async ({ page }) => {
  await openTileAs(page, 'en', sampleAdmin, tiles.en);
  await expect(page.getByTestId('dashboard-shown')).toHaveText('2026: 2026-01-01 to 2026-06-30, compared with 2025-01-01 to 2025-06-30');
  await expect(page.getByTestId('dashboard-growth').locator('.target-status')).toHaveText('Met');
  await expect(page.getByTestId('dashboard-recontact')).toContainText('2 of 2 volunteers on the register consent to follow-up contact');
  await expect(page.getByTestId('dashboard-chart-heard-from')).toContainText('Where registrants heard of donation');

  await page.getByLabel('Year', { exact: true }).fill('2027');
  await page.getByRole('button', { name: 'Show', exact: true }).click();
  await expect(page.locator('#dashboard-year-error')).toHaveText('That year has not begun yet: choose this year or an earlier one.');
  // The figures on screen stay those of the year last shown.
  await expect(page.getByTestId('dashboard-shown')).toContainText('2026:');

  await page.getByRole('button', { name: 'Last year', exact: true }).click();
  await expect(page.getByTestId('dashboard-shown')).toHaveText('2025: 2025-01-01 to 2025-12-31, compared with 2024-01-01 to 2024-12-31');
  await expect(page.locator('#dashboard-year-error')).toHaveCount(0);
  await expect(page.getByTestId('dashboard-registered-value')).toHaveText('4');
  await expect(page.getByTestId('dashboard-growth').locator('.target-status')).toHaveText('None last year');
  await expect(page.getByTestId('dashboard-recontact').locator('.target-status')).toHaveText('No volunteers');
  await expect(page.getByTestId('dashboard-sessions-empty')).toHaveText('No registration this year names a life-education session.');

  const xlsx = await exportFile(page, 'Export Excel (XLSX)');
  expect(xlsx.name).toBe('dashboard-KMU01-2025-01-01-2025-12-31.xlsx');
  const book = await workbook(xlsx.bytes);
  expect(book.worksheets.map((sheet) => sheet.name)).toEqual(['Summary', 'Months', 'Programs', 'Stations', 'Years', 'Stem-cell pipeline', 'Heard from', 'Sessions', 'Family care', 'Ceremony invitations', 'Aid paid']);
  expect(rows(book, 'Programs')).toEqual([
    ['Program', 'Registrations', 'Withdrawals', 'Donations realised', 'Registrations a year before'],
    ['Organ donation', 2, 0, 0, 0],
    ['Cornea donation', 1, 0, 0, 0],
    ['Body donation', 1, 0, 0, 0],
    ['Stem-cell volunteers', 0, 0, 0, 0],
  ]);
  // Nothing to grow from: no value, the target, and why it is not judged.
  expect(rows(book, 'Summary').find((row) => row[0] === 'Growth')?.slice(2)).toEqual([0.1, 'None last year']);
});
