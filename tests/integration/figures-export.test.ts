import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { OpenStation } from '../../electron/app/open-station';
import { caller, openFiguresStation, seedFigures } from '../fixtures/figures';

let station: OpenStation & { remove(): Promise<void> };
let ok: ReturnType<typeof caller>['ok'];

beforeAll(async () => {
  const opened = await openFiguresStation();
  ({ station, ok } = opened);
  await seedFigures(station, opened.clock);
  await ok('figures:setTargets', { localPopulation: 20_000, reachTargetPercent: 1.5 });
});

afterAll(async () => {
  await station.remove();
});

const twoMonths = { from: '2026-01-01', to: '2026-02-28' } as const;

async function readWorkbook(contentBase64: string): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(Buffer.from(contentBase64, 'base64') as unknown as ArrayBuffer);
  return workbook;
}

function rowValues(sheet: ExcelJS.Worksheet, index: number): unknown[] {
  return (sheet.getRow(index).values as unknown[]).slice(1);
}

/** A simple RFC 4180 reader: enough for the files the station writes. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i += 1) {
    const character = text[i]!;
    if (quoted) {
      if (character === '"' && text[i + 1] === '"') {
        field += '"';
        i += 1;
      } else if (character === '"') quoted = false;
      else field += character;
    } else if (character === '"') quoted = true;
    else if (character === ',') {
      row.push(field);
      field = '';
    } else if (character === '\r' && text[i + 1] === '\n') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      i += 1;
    } else field += character;
  }
  return rows;
}

describe('figures export', () => {
  it('writes an XLSX with Chinese headers and the numbers as numbers, which reads back', async () => {
    const file = await ok('figures:export', { ...twoMonths, format: 'xlsx', language: 'zh-CN' });
    expect(file.fileName).toBe('figures-KMU01-2026-01-01-2026-02-28.xlsx');
    expect(file.mediaType).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    const workbook = await readWorkbook(file.contentBase64);
    expect(workbook.worksheets.map((sheet) => sheet.name)).toEqual(['概况', '各月明细', '评分分布']);

    const summary = workbook.getWorksheet('概况')!;
    expect(rowValues(summary, 1)).toEqual(['指标', '数值', '目标', '是否达标']);
    const byIndicator = new Map<string, unknown[]>();
    summary.eachRow((row, index) => {
      if (index > 1) byIndicator.set(String(row.getCell(1).value), rowValues(summary, index));
    });
    expect(byIndicator.get('站点')).toEqual(['站点', 'KMU01']);
    expect(byIndicator.get('来访人数')).toEqual(['来访人数', 15]);
    expect(byIndicator.get('来访登记次数')).toEqual(['来访登记次数', 5]);
    expect(byIndicator.get('留言数')).toEqual(['留言数', 3]);
    expect(byIndicator.get('通过审核的留言数')).toEqual(['通过审核的留言数', 1]);
    expect(byIndicator.get('已举办活动场次')).toEqual(['已举办活动场次', 2]);
    expect(byIndicator.get('已取消活动场次')).toEqual(['已取消活动场次', 1]);
    expect(byIndicator.get('参加人数（覆盖人数）')).toEqual(['参加人数（覆盖人数）', 108, 49, '达标']);
    expect(byIndicator.get('当地人口')).toEqual(['当地人口', 20_000]);
    const satisfied = byIndicator.get('满意率（4–5 分）')!;
    expect(satisfied[0]).toBe('满意率（4–5 分）');
    expect(satisfied[1]).toBeCloseTo(7 / 9, 12);
    expect(satisfied.slice(2)).toEqual([0.95, '未达标']);
    // Shares are numbers shown as percentages, not text.
    const satisfiedRow = [...byIndicator.keys()].indexOf('满意率（4–5 分）') + 2;
    expect(summary.getRow(satisfiedRow).getCell(2).numFmt).toBe('0.0%');

    const months = workbook.getWorksheet('各月明细')!;
    expect(rowValues(months, 1)).toEqual(['月份', '来访登记次数', '来访人数', '留言数', '通过审核的留言数', '举办活动场次', '预计参加人数', '参加人数', '问卷份数', '满意率']);
    expect(rowValues(months, 2)).toEqual(['2026-01', 3, 6, 2, 1, 1, 80, 78, 4, 0.75]);
    expect(rowValues(months, 3)).toEqual(['2026-02', 2, 9, 1, 0, 1, 50, 30, 5, 0.8]);
    expect(months.rowCount).toBe(3);

    const scores = workbook.getWorksheet('评分分布')!;
    expect([1, 2, 3, 4, 5, 6].map((index) => rowValues(scores, index))).toEqual([
      ['评分', '问卷份数'],
      [1, 0],
      [2, 1],
      [3, 1],
      [4, 3],
      [5, 4],
    ]);
  });

  it('writes English headers when the screen is in English', async () => {
    const file = await ok('figures:export', { ...twoMonths, format: 'xlsx', language: 'en' });
    const workbook = await readWorkbook(file.contentBase64);
    expect(workbook.worksheets.map((sheet) => sheet.name)).toEqual(['Summary', 'By month', 'Survey scores']);
    expect(rowValues(workbook.getWorksheet('By month')!, 1)[0]).toBe('Month');
    expect(rowValues(workbook.getWorksheet('Summary')!, 1)).toEqual(['Indicator', 'Value', 'Target', 'Status']);
  });

  it('writes a CSV in UTF-8 with a byte order mark, CRLF lines and the three tables one after another', async () => {
    const file = await ok('figures:export', { ...twoMonths, format: 'csv', language: 'zh-CN' });
    expect(file.fileName).toBe('figures-KMU01-2026-01-01-2026-02-28.csv');
    expect(file.mediaType).toBe('text/csv;charset=utf-8');
    const bytes = Buffer.from(file.contentBase64, 'base64');
    // EF BB BF: without it Excel reads the Chinese headers as another code page.
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = bytes.toString('utf8').slice(1);
    expect(text.endsWith('\r\n')).toBe(true);
    expect(text.replaceAll('\r\n', '')).not.toContain('\n');
    const rows = parseCsv(text);
    expect(rows[0]).toEqual(['概况']);
    expect(rows[1]).toEqual(['指标', '数值', '目标', '是否达标']);
    expect(rows).toContainEqual(['来访人数', '15', '', '']);
    expect(rows).toContainEqual(['参加人数（覆盖人数）', '108', '49', '达标']);
    expect(rows).toContainEqual(['满意率（4–5 分）', '77.8%', '95.0%', '未达标']);
    expect(rows).toContainEqual(['平均评分', '4.11', '', '']);
    const monthsAt = rows.findIndex((row) => row[0] === '各月明细');
    expect(rows[monthsAt - 1]).toEqual(['']);
    expect(rows.slice(monthsAt + 1, monthsAt + 4)).toEqual([
      ['月份', '来访登记次数', '来访人数', '留言数', '通过审核的留言数', '举办活动场次', '预计参加人数', '参加人数', '问卷份数', '满意率'],
      ['2026-01', '3', '6', '2', '1', '1', '80', '78', '4', '75.0%'],
      ['2026-02', '2', '9', '1', '0', '1', '50', '30', '5', '80.0%'],
    ]);
    expect(rows.at(-1)).toEqual(['5', '4']);
  });

  it('audits every export with its format, and refuses a format it does not know', async () => {
    const before = station.connection.sqlite.prepare(`select count(*) as n from audit_log where action = 'export'`).get() as { n: number };
    await ok('figures:export', { ...twoMonths, format: 'csv', language: 'en' });
    const entries = station.connection.sqlite
      .prepare(`select object_type, object_id, detail from audit_log where action = 'export' order by seq desc limit 1`)
      .all() as Array<{ object_type: string; object_id: string; detail: string }>;
    expect((station.connection.sqlite.prepare(`select count(*) as n from audit_log where action = 'export'`).get() as { n: number }).n).toBe(before.n + 1);
    expect(entries[0]).toMatchObject({ object_type: 'figures', object_id: 'KMU01' });
    expect(JSON.parse(entries[0]!.detail)).toEqual({ from: '2026-01-01', to: '2026-02-28', format: 'csv' });
    const refused = await station.dispatch('figures:export', { ...twoMonths, format: 'pdf' } as never, { sessionKey: 'figures-desk' });
    expect(refused).toMatchObject({ ok: false, error: { code: 'validation_failed', issues: [{ path: 'format', reason: 'invalid' }] } });
  });
});
