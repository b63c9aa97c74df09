import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { exportSteps, tablesToCsv, tablesToCsvInSteps, tablesToXlsx, type ExportTable } from '../../electron/tables/table-export';

/** Two tables of 1 000 and 300 rows: far more than one chunk of work. */
const tables: ExportTable[] = [
  { title: '各月登记', headers: ['月份', '登记数'], rows: Array.from({ length: 1000 }, (_, index) => [`row ${index}`, index]) },
  { title: '了解渠道', headers: ['了解渠道', '登记数'], rows: Array.from({ length: 300 }, (_, index) => [`source ${index}`, { share: index / 300 }]) },
];

/** Records every report, and how many turns the event loop had by then. */
function recorder() {
  let turns = 0;
  let ticking = true;
  const tick = () => {
    turns += 1;
    if (ticking) setImmediate(tick);
  };
  setImmediate(tick);
  const reports: Array<{ done: number; total: number; turns: number }> = [];
  return {
    progress: (done: number, total: number) => reports.push({ done, total, turns }),
    reports,
    stop: () => {
      ticking = false;
    },
  };
}

describe('exports written in steps', () => {
  it('count a step per row and header row, and one for packing the file', () => {
    expect(exportSteps(tables)).toBe(1000 + 1 + 300 + 1 + 1);
  });

  it('report their progress in order up to the total, leaving the event loop turns in between, and write the same CSV', async () => {
    const seen = recorder();
    const file = await tablesToCsvInSteps(tables, seen.progress);
    seen.stop();
    const total = exportSteps(tables);
    expect(seen.reports.length).toBeGreaterThanOrEqual(5);
    expect(seen.reports.every((report) => report.total === total)).toBe(true);
    const done = seen.reports.map((report) => report.done);
    expect(done).toEqual([...done].sort((a, b) => a - b));
    expect(done.at(-1)).toBe(total);
    // Other work ran while the file was written.
    expect(seen.reports.at(-1)!.turns).toBeGreaterThan(seen.reports[0]!.turns);
    expect(file.equals(tablesToCsv(tables))).toBe(true);
  });

  it('report the same for an XLSX workbook, which reads back whole', async () => {
    const seen = recorder();
    const file = await tablesToXlsx(tables, 'Relay Station', seen.progress);
    seen.stop();
    expect(seen.reports.map((report) => report.done).at(-1)).toBe(exportSteps(tables));
    expect(seen.reports.length).toBeGreaterThanOrEqual(5);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(file as unknown as ArrayBuffer);
    expect(book.getWorksheet('各月登记')!.rowCount).toBe(1001);
    expect(book.getWorksheet('了解渠道')!.getCell('B301').value).toBeCloseTo(299 / 300, 12);
  });
});
