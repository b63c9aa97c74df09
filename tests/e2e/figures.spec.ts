import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import ExcelJS from 'exceljs';
import type { Page } from '@playwright/test';
import { sampleSetup } from '../fixtures/temp-station';
import { beijing, figuresDesk, seedFigures } from '../fixtures/figures';
import { expect, openTileAs, sampleAdmin, sampleStation, testOnPinnedClock } from './fixtures';

/**
 * The station's clock and the page's both stand at 10:00 on 10 March 2026 (Beijing time), after the
 * visits and sessions of tests/fixtures/figures.ts were recorded through the real calls at their own
 * times. "This year so far" is then 1 January to 10 March 2026.
 */
const NOW = beijing('2026-03-10', '10:00');

const test = testOnPinnedClock(beijing('2025-12-01', '08:00'));

test.beforeEach(async ({ station, clock, page, openApp }) => {
  const setup = await station.dispatch('station:setup', sampleSetup, figuresDesk);
  expect(setup.ok).toBe(true);
  await seedFigures(station, clock, NOW);
  await page.clock.setFixedTime(new Date(NOW));
  await openApp();
  await expect(page.getByRole('heading', { name: sampleStation.name })).toBeVisible();
});

const tiles = { zh: '纪念与教育统计', en: 'Memorial and education figures' } as const;

async function download(page: Page, button: string): Promise<{ name: string; bytes: Buffer }> {
  const downloading = page.waitForEvent('download');
  await page.getByRole('button', { name: button }).click();
  const file = await downloading;
  return { name: file.suggestedFilename(), bytes: readFileSync(await file.path()) };
}

async function workbook(bytes: Buffer): Promise<ExcelJS.Workbook> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(bytes as unknown as ArrayBuffer);
  return book;
}

/** The value of an indicator on the summary sheet. */
function indicator(book: ExcelJS.Workbook, sheet: string, name: string): unknown {
  let value: unknown;
  book.getWorksheet(sheet)!.eachRow((row) => {
    if (row.getCell(1).value === name) value = row.getCell(2).value;
  });
  return value;
}

test('zh: this year so far against the targets, with charts, and exported as CSV and XLSX', async ({ page, station }) => {
  await openTileAs(page, 'zh', sampleAdmin, tiles.zh);
  await expect(page.getByTestId('figures-shown')).toHaveText('KMU01，2026-01-01 至 2026-03-10');
  // 6 + 9 + 6 visitors in January, February and March; the cancelled session and its group of 40 count nowhere.
  await expect(page.getByTestId('figure-visitors-value')).toHaveText('21');
  await expect(page.getByTestId('figure-visitors')).toContainText('共 6 次来访登记');
  await expect(page.getByTestId('figure-messages-value')).toHaveText('4');
  await expect(page.getByTestId('figure-messages')).toContainText('已通过审核 2 条');
  await expect(page.getByTestId('figure-sessions-value')).toHaveText('3');
  await expect(page.getByTestId('figure-sessions')).toContainText('预计 160 人；另有 1 场已取消');
  await expect(page.getByTestId('figure-reach-value')).toHaveText('118');
  await expect(page.getByTestId('figure-reach')).toContainText('团体 107 人，散客 11 人');
  await expect(page.getByTestId('figure-satisfaction-value')).toHaveText('80%');
  await expect(page.getByTestId('figure-satisfaction')).toContainText('10 份问卷，平均 4.20 分');

  const reach = page.getByTestId('target-reach');
  const satisfaction = page.getByTestId('target-satisfaction');
  await expect(reach.locator('.target-status')).toHaveText('未设置当地人口');
  await expect(satisfaction.locator('.target-status')).toHaveText('未达标');
  await expect(satisfaction.locator('.target-status')).toHaveAttribute('data-status', 'not_met');
  await expect(satisfaction).toContainText('80%（8 / 10 份问卷为 4–5 分）');
  await expect(satisfaction).toContainText('目标不低于 95%');

  // The population set, reach is judged: 69 days of 1.5 % of 5 000 people is 14.2, so 15 people.
  await page.getByRole('button', { name: '修改目标设置' }).click();
  await page.getByLabel('当地人口', { exact: true }).fill('5000');
  await page.getByRole('button', { name: '保存', exact: true }).click();
  await expect(page.getByTestId('targets-saved')).toHaveText('目标设置已保存。');
  await expect(reach.locator('.target-status')).toHaveText('达标');
  await expect(reach.locator('.target-status')).toHaveAttribute('data-status', 'met');
  await expect(reach).toContainText('2.36%（118 人 / 当地人口 5,000）');
  await expect(reach).toContainText('即至少 15 人');

  // Three charts drawn as SVG, and the months in a table.
  for (const [chart, title] of [
    ['chart-visitors', '每月来访人数'],
    ['chart-attendance', '每月活动参加人数'],
    ['chart-satisfaction', '满意度评分分布'],
  ] as const) {
    await expect(page.getByTestId(chart).locator('svg[role="img"]')).toHaveAttribute('aria-label', title);
  }
  await expect(page.getByTestId('chart-visitors')).toContainText('每月来访人数');
  // One bar per month and series with a value: visitors and sign-ins in each of the three months.
  await expect(page.getByTestId('chart-visitors').locator('.recharts-bar-rectangle path')).toHaveCount(6);
  await expect(page.getByTestId('chart-visitors').locator('.bar-chart__legend li')).toHaveText(['来访人数', '来访登记次数']);
  const january = page.getByTestId('figures-months').locator('tr[data-month="2026-01"]');
  await expect(january.locator('[data-column="people"]')).toHaveText('6');
  await expect(january.locator('[data-column="reach"]')).toHaveText('78');
  await expect(january.locator('[data-column="satisfiedShare"]')).toHaveText('75%');

  const csv = await download(page, '导出 CSV');
  expect(csv.name).toBe('figures-KMU01-2026-01-01-2026-03-10.csv');
  expect([...csv.bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  const csvText = csv.bytes.toString('utf8');
  expect(csvText).toContain('\r\n来访人数,21,,\r\n');
  expect(csvText).toContain('\r\n2026-03,1,6,1,1,1,30,10,1,100.0%\r\n');
  await expect(page.getByTestId('figures-exported')).toHaveText(`已导出 ${csv.name}。`);

  const xlsx = await download(page, '导出 Excel（XLSX）');
  expect(xlsx.name).toBe('figures-KMU01-2026-01-01-2026-03-10.xlsx');
  const book = await workbook(xlsx.bytes);
  expect(book.worksheets.map((sheet) => sheet.name)).toEqual(['概况', '各月明细', '评分分布']);
  expect(indicator(book, '概况', '来访人数')).toBe(21);
  expect(indicator(book, '概况', '参加人数（覆盖人数）')).toBe(118);
  expect(indicator(book, '概况', '满意率（4–5 分）')).toBe(0.8);
  expect((book.getWorksheet('各月明细')!.getRow(2).values as unknown[]).slice(1)).toEqual(['2026-01', 3, 6, 2, 1, 1, 80, 78, 4, 0.75]);

  const audited = station.connection.sqlite
    .prepare(`select action, count(*) as n from audit_log where object_type = 'figures' group by action order by action`)
    .all() as Array<{ action: string; n: number }>;
  expect(audited).toEqual([
    { action: 'export', n: 2 },
    { action: 'view', n: 2 },
  ]);
});

test('en: a chosen period and another site, a refused period, and an XLSX with English headers', async ({ page, station }) => {
  // A visit recorded under another site's code: the site selector appears.
  station.connection.sqlite
    .prepare(`insert into visitor_sign_in (id, station_code, visited_at, party_size, purpose, visitor_name, version) values (?, 'KMU02', ?, 12, 'tour', null, 1)`)
    .run(randomUUID(), beijing('2026-01-10', '09:00'));
  await openTileAs(page, 'en', sampleAdmin, tiles.en);
  await expect(page.getByTestId('figures-shown')).toHaveText('KMU01, 2026-01-01 to 2026-03-10');
  await expect(page.getByTestId('target-reach').locator('.target-status')).toHaveText('Population not set');

  await page.getByLabel('From', { exact: true }).fill('2026-03-01');
  await page.getByLabel('To', { exact: true }).fill('2026-02-01');
  await page.getByRole('button', { name: 'Show', exact: true }).click();
  await expect(page.locator('#figures-to-error')).toHaveText('The end of the period cannot be before its start.');

  await page.getByLabel('From', { exact: true }).fill('2026-01-01');
  await page.getByLabel('To', { exact: true }).fill('2026-02-28');
  await page.getByRole('button', { name: 'Show', exact: true }).click();
  await expect(page.getByTestId('figures-shown')).toHaveText('KMU01, 2026-01-01 to 2026-02-28');
  await expect(page.locator('#figures-to-error')).toHaveCount(0);
  await expect(page.getByTestId('figure-visitors-value')).toHaveText('15');
  await expect(page.getByTestId('figure-visitors')).toContainText('5 sign-ins');
  await expect(page.getByTestId('figure-reach-value')).toHaveText('108');
  await expect(page.getByTestId('figure-satisfaction-value')).toHaveText('77.78%');
  await expect(page.getByTestId('figure-satisfaction')).toContainText('9 answers, mean score 4.11');
  await expect(page.getByTestId('target-satisfaction').locator('.target-status')).toHaveText('Not met');
  await expect(page.getByTestId('chart-satisfaction').locator('svg[role="img"]')).toBeVisible();
  await expect(page.getByTestId('chart-attendance')).toContainText('Session attendance per month');

  await page.getByLabel('Site', { exact: true }).selectOption('KMU02');
  await page.getByRole('button', { name: 'Show', exact: true }).click();
  await expect(page.getByTestId('figures-shown')).toHaveText('KMU02, 2026-01-01 to 2026-02-28');
  await expect(page.getByTestId('figure-visitors-value')).toHaveText('12');
  await expect(page.getByTestId('figure-reach-value')).toHaveText('0');
  await expect(page.getByTestId('target-satisfaction').locator('.target-status')).toHaveText('No answers');

  const xlsx = await download(page, 'Export Excel (XLSX)');
  expect(xlsx.name).toBe('figures-KMU02-2026-01-01-2026-02-28.xlsx');
  const book = await workbook(xlsx.bytes);
  expect(book.worksheets.map((sheet) => sheet.name)).toEqual(['Summary', 'By month', 'Survey scores']);
  expect((book.getWorksheet('Summary')!.getRow(1).values as unknown[]).slice(1)).toEqual(['Indicator', 'Value', 'Target', 'Status']);
  expect(indicator(book, 'Summary', 'Site')).toBe('KMU02');
  expect(indicator(book, 'Summary', 'Visitors')).toBe(12);
  expect((book.getWorksheet('By month')!.getRow(1).values as unknown[]).slice(1, 3)).toEqual(['Month', 'Visitor sign-ins']);

  const csv = await download(page, 'Export CSV');
  expect(csv.bytes.toString('utf8')).toContain('\r\nVisitors,12,,\r\n');
});
