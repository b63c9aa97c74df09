import ExcelJS from 'exceljs';
import { expect, it } from 'vitest';
import { figuresExportTables, figuresFile } from '../../hub/reports/figures-export';
import { FIGURES_HEADINGS } from '../../hub/reports/figures-headings';
import { provinceFiguresTables, type FiguresTables, type SummaryLine } from '../../hub/reports/figures-tables';
import { PROVINCE } from './support/batches';
import { describeOnBothEngines } from './support/both-engines';
import { seedFiguresProvince } from './support/figures-province';

const YEAR_2026 = { from: '2026-01-01', to: '2026-12-31' };

function line(tables: FiguresTables, indicator: SummaryLine['indicator']): SummaryLine {
  const found = tables.summary.find((entry) => entry.indicator === indicator);
  if (!found) throw new Error(`no ${indicator} line`);
  return found;
}

/** A CSV without its byte order mark, as rows of fields (the tables here hold no comma or quote). */
function csvRows(file: Buffer): string[][] {
  const text = file.toString('utf8');
  expect(text.startsWith('\uFEFF')).toBe(true);
  return text.slice(1).split('\r\n').map((row) => row.split(','));
}

describeOnBothEngines('figures tables: the province against its targets, per prefecture, station, program and month', (open) => {
  it('judges each target where it can be judged, and says why where it cannot', async () => {
    const hub = await open();
    await seedFiguresProvince(hub);
    const tables = await provinceFiguresTables(hub, PROVINCE, YEAR_2026);

    expect(tables.period).toEqual(YEAR_2026);
    expect(tables.previousPeriod).toEqual({ from: '2025-01-01', to: '2025-12-31' });
    expect(line(tables, 'registrations').value).toBe(15);
    expect(line(tables, 'withdrawals').value).toBe(1);
    expect(line(tables, 'previousRegistrations').value).toBe(10);
    expect(line(tables, 'registrationGrowth').judged).toEqual({ value: 0.5, target: 0.1, status: 'met', reason: null });
    expect(line(tables, 'recontactShare').judged).toEqual({ value: 0.5, target: 0.85, status: 'not_met', reason: null });
    expect(line(tables, 'volunteerGrowth').judged).toMatchObject({ status: 'unknown', reason: 'no_previous_year' });
    expect(line(tables, 'satisfiedShare').judged).toEqual({ value: 0.95, target: 0.95, status: 'met', reason: null });
    // Dali reached nobody, so the province's reach is judged over Kunming's population alone.
    expect(line(tables, 'reach').judged).toMatchObject({ value: 15, target: 15, status: 'met' });

    const [kunming, dali] = tables.prefectures;
    expect(kunming).toMatchObject({
      prefectureCode: '5301',
      prefectureName: { zh: '昆明市', en: 'Kunming' },
      registrations: 13,
      withdrawals: 1,
      previousRegistrations: 10,
      growth: { value: 0.3, status: 'met' },
      recontact: { status: 'unknown', reason: 'no_volunteers' },
      attendees: 15,
      population: 1_000,
      reach: { value: 0.015, status: 'met' },
      satisfaction: { value: 0.95, status: 'met' },
    });
    expect(dali).toMatchObject({
      prefectureCode: '5329',
      prefectureName: { zh: '大理白族自治州' },
      registrations: 2,
      previousRegistrations: 0,
      growth: { status: 'unknown', reason: 'no_previous_year' },
      volunteers: 2,
      recontact: { value: 0.5, status: 'not_met' },
      reach: { status: 'unknown', reason: 'no_population' },
      satisfaction: { status: 'unknown', reason: 'no_answers' },
    });
    expect(tables.stations.map((row) => [row.stationCode, row.registrations, row.visitors])).toEqual([
      ['DLM01', 2, 3],
      ['KMU01', 13, 0],
    ]);
    expect(tables.programs.map((row) => [row.program, row.registrations])).toEqual([
      ['body', 2],
      ['organ', 11],
      ['stem_cell', 2],
    ]);
    expect(tables.months.map((row) => row.month)).toEqual(['2026-03', '2026-05', '2026-06', '2026-07']);
    expect(tables.stemCell.find((row) => row.status === 'in_registry')).toEqual({ status: 'in_registry', now: 2, registeredInPeriod: 2 });
    // Plain data a screen receives as it is.
    expect(JSON.parse(JSON.stringify(tables))).toEqual(tables);
  });

  it('writes the tables as CSV and XLSX with headings and statuses in words, in Chinese and in English', async () => {
    const hub = await open();
    await seedFiguresProvince(hub);
    const tables = await provinceFiguresTables(hub, PROVINCE, YEAR_2026);

    const csv = csvRows(await figuresFile(tables, FIGURES_HEADINGS['zh-CN'], 'csv'));
    expect(csv[0]).toEqual(['概况']);
    expect(csv[1]).toEqual(['指标', '数值', '目标', '是否达标']);
    expect(csv).toContainEqual(['登记同比增长', '50.0%', '10.0%', '达标']);
    expect(csv).toContainEqual(['回访同意率', '50.0%', '85.0%', '未达标']);
    expect(csv).toContainEqual(['造血干细胞志愿者同比增长', '', '10.0%', '无法判定（上年同期无登记）']);
    expect(csv.find((row) => row[0] === '5301')?.slice(0, 3)).toEqual(['5301', '昆明市', '13']);

    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await figuresFile(tables, FIGURES_HEADINGS.en, 'xlsx')) as unknown as ArrayBuffer);
    expect(workbook.worksheets.map((sheet) => sheet.name)).toEqual(['Summary', 'Prefectures', 'Stations', 'Programs', 'Months', 'Stem-cell pipeline']);
    const prefectures = workbook.getWorksheet('Prefectures')!;
    expect(prefectures.getRow(1).getCell(2).value).toBe('Prefecture');
    const kunming = prefectures.getRow(2);
    expect([kunming.getCell(1).value, kunming.getCell(2).value, kunming.getCell(3).value, kunming.getCell(7).value, kunming.getCell(8).value]).toEqual([
      '5301',
      'Kunming',
      13,
      0.3,
      'Met',
    ]);
    expect(prefectures.getRow(3).getCell(8).value).toBe('Cannot be judged (None a year before)');
    const programs = workbook.getWorksheet('Programs')!;
    expect(programs.getRow(2).getCell(1).value).toBe('Body donation');

    // Every exported table has as many cells in each row as headings.
    for (const table of figuresExportTables(tables, FIGURES_HEADINGS.en)) {
      for (const row of table.rows) expect(row).toHaveLength(table.headers.length);
    }
  });
});
