
/**
 * Tables of figures as files staff open in a spreadsheet: CSV (UTF-8 with a byte order mark, which
 * Excel needs to read Chinese text as UTF-8; CRLF line ends as RFC 4180 has them) and XLSX (one sheet
 * per table, numbers stored as numbers with their display format). Headers arrive already translated.
 */

/** A share shown as a percentage (0.965 → 96.5 %). */
export interface ShareCell {
  share: number;
}

/** A number with decimals shown to two places (a mean score). */
export interface DecimalCell {
  decimal: number;
}

/** Text, a whole number, a share, a decimal, or nothing. */
export type ExportCell = string | number | null | ShareCell | DecimalCell;

export interface ExportTable {
  /** The sheet's name in a workbook; the section's first line in a CSV of several tables. */
  title: string;
  headers: string[];
  rows: ExportCell[][];
}

/** The UTF-8 byte order mark a CSV starts with. */
export const BOM = '\uFEFF';

function isShare(cell: ExportCell): cell is ShareCell {
  return typeof cell === 'object' && cell !== null && 'share' in cell;
}

function isDecimal(cell: ExportCell): cell is DecimalCell {
  return typeof cell === 'object' && cell !== null && 'decimal' in cell;
}

/**
 * A spreadsheet runs a cell that starts with = + - @ (or a tab or carriage return) as a formula: text
 * that came from a screen gets a leading apostrophe so it stays text (CSV injection).
 */
function inertText(text: string): string {
  return /^[=+\-@\t\r]/u.test(text) ? `'${text}` : text;
}

/** One cell as a CSV field: formula-like text made inert, quoted when it holds a quote, comma or line break. */
export function csvField(cell: ExportCell): string {
  let text: string;
  if (cell === null) text = '';
  else if (typeof cell === 'number') text = String(cell);
  else if (isShare(cell)) text = `${(cell.share * 100).toFixed(1)}%`;
  else if (isDecimal(cell)) text = cell.decimal.toFixed(2);
  else text = inertText(cell);
  return /[",\r\n]/u.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

function csvLines(table: ExportTable): string[] {
  return [table.headers, ...table.rows].map((row) => row.map(csvField).join(','));
}

/** Told after each chunk of work: steps done out of all (a row each, a header each, and packing the file). */
export type ExportProgress = (done: number, total: number) => void;

/** Rows written between two reports, and between two turns given back to the event loop. */
const ROWS_PER_STEP = 250;

/** Every row, every header row, and one step for packing the file. */
export function exportSteps(tables: readonly ExportTable[]): number {
  return tables.reduce((steps, table) => steps + table.rows.length + 1, 0) + 1;
}

/** Counts the work done, reporting and yielding every {@link ROWS_PER_STEP} rows so a long export leaves the station free meanwhile. */
class ExportSteps {
  private done = 0;
  private sinceReport = 0;

  constructor(
    private readonly total: number,
    private readonly progress?: ExportProgress,
  ) {}

  async advance(rows = 1): Promise<void> {
    this.done += rows;
    this.sinceReport += rows;
    if (this.sinceReport < ROWS_PER_STEP) return;
    this.sinceReport = 0;
    this.progress?.(this.done, this.total);
    await new Promise<void>((resolve) => setImmediate(resolve));
  }

  finish(): void {
    this.progress?.(this.total, this.total);
  }
}

function csvText(sections: readonly string[][]): Buffer {
  const text = sections.map((lines) => lines.join('\r\n')).join('\r\n\r\n');
  return Buffer.from(`${BOM}${text}\r\n`, 'utf8');
}

/**
 * One table as a plain CSV; several one after another, each under its title line and apart by an
 * empty line, so that the file still opens as one sheet.
 */
export function tablesToCsv(tables: readonly ExportTable[]): Buffer {
  return csvText(tables.length === 1 ? [csvLines(tables[0]!)] : tables.map((table) => [csvField(table.title), ...csvLines(table)]));
}

/** The same CSV, written a chunk of rows at a time with its progress reported. */
export async function tablesToCsvInSteps(tables: readonly ExportTable[], progress?: ExportProgress): Promise<Buffer> {
  const steps = new ExportSteps(exportSteps(tables), progress);
  const sections: string[][] = [];
  for (const table of tables) {
    const lines = tables.length === 1 ? [] : [csvField(table.title)];
    lines.push(table.headers.map(csvField).join(','));
    await steps.advance();
    for (const row of table.rows) {
      lines.push(row.map(csvField).join(','));
      await steps.advance();
    }
    sections.push(lines);
  }
  const file = csvText(sections);
  steps.finish();
  return file;
}

/** Excel refuses sheet names over 31 characters or with any of : \ / ? * [ ], and repeated names. */
export function sheetName(title: string, taken: Set<string>): string {
  const base = Array.from(title.replace(/[:\\/?*[\]]/gu, ' ').trim() || 'Sheet').slice(0, 28).join('');
  let name = base;
  for (let n = 2; taken.has(name.toLowerCase()); n += 1) name = `${base} ${n}`;
  taken.add(name.toLowerCase());
  return name;
}

/** Columns wide enough for their longest text; a CJK character takes about two Latin widths. */
export function displayWidth(cell: ExportCell): number {
  if (cell === null) return 0;
  if (typeof cell === 'number') return String(cell).length;
  if (isShare(cell) || isDecimal(cell)) return 8;
  return Array.from(cell).reduce((width, character) => width + ((character.codePointAt(0) ?? 0) > 0x2e80 ? 2 : 1), 0);
}

/** The tables as an XLSX workbook, one sheet each, header row bold and frozen; progress reported when asked. */
export async function tablesToXlsx(tables: readonly ExportTable[], creator: string, progress?: ExportProgress): Promise<Buffer> {
  const steps = new ExportSteps(exportSteps(tables), progress);
  // Loaded on first use: the spreadsheet library is large (~25 MB resident) and most runs never export.
  const { default: ExcelJS } = await import('exceljs');
  const workbook = new ExcelJS.Workbook();
  workbook.creator = creator;
  const taken = new Set<string>();
  for (const table of tables) {
    const sheet = workbook.addWorksheet(sheetName(table.title, taken), { views: [{ state: 'frozen', ySplit: 1 }] });
    sheet.addRow(table.headers).font = { bold: true };
    await steps.advance();
    for (const cells of table.rows) {
      const row = sheet.addRow(cells.map((cell) => (cell === null ? null : isShare(cell) ? cell.share : isDecimal(cell) ? cell.decimal : cell)));
      cells.forEach((cell, index) => {
        if (isShare(cell)) row.getCell(index + 1).numFmt = '0.0%';
        else if (isDecimal(cell)) row.getCell(index + 1).numFmt = '0.00';
      });
      await steps.advance();
    }
    table.headers.forEach((header, index) => {
      const widest = Math.max(displayWidth(header), ...table.rows.map((row) => displayWidth(row[index] ?? null)));
      sheet.getColumn(index + 1).width = Math.min(60, Math.max(10, widest + 2));
    });
  }
  const file = Buffer.from(await workbook.xlsx.writeBuffer());
  steps.finish();
  return file;
}
