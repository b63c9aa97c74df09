import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { tablesToCsv, tablesToXlsx, type ExportTable } from '../../electron/tables/table-export';

const people: ExportTable = {
  title: '来访',
  headers: ['月份', '人数', '满意率', '平均分', '备注'],
  rows: [
    ['2026-01', 6, { share: 0.75 }, { decimal: 37 / 9 }, '含 "清明" 团体, 两批'],
    ['2026-02', -2, null, null, '=HYPERLINK("http://example.invalid")'],
  ],
};

describe('table export', () => {
  it('writes one table as plain CSV: BOM, CRLF, quotes doubled, formulas kept as text', () => {
    const bytes = tablesToCsv([people]);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(bytes.toString('utf8').slice(1)).toBe(
      [
        '月份,人数,满意率,平均分,备注',
        '2026-01,6,75.0%,4.11,"含 ""清明"" 团体, 两批"',
        // A number stays a number (a negative correction too); text that a spreadsheet would run gets an apostrophe.
        `2026-02,-2,,,"'=HYPERLINK(""http://example.invalid"")"`,
        '',
      ].join('\r\n'),
    );
  });

  it('puts several tables one after another, each under its title', () => {
    const second: ExportTable = { title: '评分', headers: ['评分', '份数'], rows: [[5, 4]] };
    const text = tablesToCsv([people, second]).toString('utf8').slice(1);
    expect(text.split('\r\n').slice(0, 2)).toEqual(['来访', '月份,人数,满意率,平均分,备注']);
    expect(text.endsWith('\r\n\r\n评分\r\n评分,份数\r\n5,4\r\n')).toBe(true);
  });

  it('writes an XLSX sheet per table with typed cells, safe and unique sheet names', async () => {
    const buffer = await tablesToXlsx([people, { ...people, title: '来访' }, { title: 'a/b: c?', headers: ['x'], rows: [] }], 'Relay Station');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(buffer as unknown as ArrayBuffer);
    expect(workbook.creator).toBe('Relay Station');
    expect(workbook.worksheets.map((sheet) => sheet.name)).toEqual(['来访', '来访 2', 'a b  c']);
    const sheet = workbook.worksheets[0]!;
    expect((sheet.getRow(1).values as unknown[]).slice(1)).toEqual(people.headers);
    expect(sheet.getRow(1).font?.bold).toBe(true);
    const row = sheet.getRow(2);
    expect(row.getCell(2).value).toBe(6);
    expect(row.getCell(3).value).toBe(0.75);
    expect(row.getCell(3).numFmt).toBe('0.0%');
    expect(row.getCell(4).value).toBeCloseTo(37 / 9, 12);
    expect(row.getCell(4).numFmt).toBe('0.00');
    // In a workbook the text is a string cell, never a formula.
    expect(sheet.getRow(3).getCell(5).value).toBe('=HYPERLINK("http://example.invalid")');
    expect(sheet.getRow(3).getCell(5).type).toBe(ExcelJS.ValueType.String);
    expect(sheet.getRow(3).getCell(3).value).toBeNull();
  });
});
