import { createHash } from 'node:crypto';
import { closeSync, fsyncSync, openSync, writeSync } from 'node:fs';
import { Writable } from 'node:stream';
import type ExcelJS from 'exceljs';
import { BOM, csvField, displayWidth, sheetName, type ExportCell } from '../../electron/tables/table-export';

/**
 * An export's data files written a page of rows at a time, so that a run of millions of rows holds one page in
 * memory, never the whole file: the CSV as text appended to its file, the XLSX through exceljs's streaming
 * workbook writer. Each file is hashed as its bytes are written, for the manifest.
 */

/** What the manifest says of a written file. */
export interface WrittenFile {
  sha256: string;
  bytes: number;
}

/** A new file (never one that exists), its bytes hashed and counted as they go in; fsynced when closed. */
class HashedFile {
  private readonly fd: number;
  private readonly hash = createHash('sha256');
  private size = 0;
  private open = true;

  constructor(path: string) {
    // `wx`: a file of the same name is never overwritten.
    this.fd = openSync(path, 'wx', 0o600);
  }

  write(bytes: Uint8Array): void {
    // A run given up may still have bytes on their way from the zip: they go nowhere, the folder is removed.
    if (!this.open) return;
    for (let offset = 0; offset < bytes.length; ) offset += writeSync(this.fd, bytes, offset, bytes.length - offset);
    this.hash.update(bytes);
    this.size += bytes.length;
  }

  close(): WrittenFile {
    fsyncSync(this.fd);
    this.release();
    return { sha256: this.hash.digest('hex'), bytes: this.size };
  }

  /** Closes the file without finishing it (a run given up): its folder is removed by the caller. */
  release(): void {
    if (!this.open) return;
    this.open = false;
    closeSync(this.fd);
  }
}

/** The writer of one data file of a run: rows in, page by page, then its size and hash. */
export interface TableFileWriter {
  writeRows(rows: readonly ExportCell[][]): Promise<void>;
  finish(): Promise<WrittenFile>;
  /** Closes the file of a run given up. */
  abandon(): void;
}

/**
 * A CSV written as it goes: the byte order mark and the header line first, then `\r\n` and a row for each row,
 * and a final `\r\n` — the bytes `tablesToCsv` makes of the same single table.
 */
export class CsvFileWriter implements TableFileWriter {
  private readonly file: HashedFile;

  constructor(path: string, headers: readonly string[]) {
    this.file = new HashedFile(path);
    this.file.write(Buffer.from(`${BOM}${headers.map(csvField).join(',')}`, 'utf8'));
  }

  async writeRows(rows: readonly ExportCell[][]): Promise<void> {
    if (rows.length === 0) return;
    this.file.write(Buffer.from(rows.map((row) => `\r\n${row.map(csvField).join(',')}`).join(''), 'utf8'));
  }

  async finish(): Promise<WrittenFile> {
    this.file.write(Buffer.from('\r\n', 'utf8'));
    return this.file.close();
  }

  abandon(): void {
    this.file.release();
  }
}

/**
 * Rows held before the sheet's first row is written: the columns' widths, written ahead of the rows, are
 * measured over them (over every row of a file this long or shorter, as `tablesToXlsx` measures).
 */
export const WIDTH_SAMPLE_ROWS = 1000;

type Worksheet = ExcelJS.Worksheet;

/** A cell's value in the sheet, and its number format when it is a share or a decimal. */
function sheetCell(cell: ExportCell): { value: string | number | null; numFmt?: string } {
  if (cell === null || typeof cell !== 'object') return { value: cell };
  return 'share' in cell ? { value: cell.share, numFmt: '0.0%' } : { value: cell.decimal, numFmt: '0.00' };
}

/**
 * An XLSX written as it goes (exceljs `stream.xlsx.WorkbookWriter`, strings inline rather than in a shared
 * table that would grow with the file): one sheet named from the title, the header row bold and frozen, each
 * row committed to the zip as it is added. Its cells read back as `tablesToXlsx` wrote them.
 */
export class XlsxFileWriter implements TableFileWriter {
  private held: ExportCell[][] = [];
  private started = false;
  private readonly widths: number[];

  private constructor(
    private readonly file: HashedFile,
    private readonly workbook: ExcelJS.stream.xlsx.WorkbookWriter,
    private readonly sheet: Worksheet,
    private readonly headers: readonly string[],
  ) {
    this.widths = headers.map((header) => displayWidth(header));
  }

  /** Opens the file and its workbook; `created` is the run's moment, written as the workbook's. */
  static async open(path: string, table: { title: string; headers: readonly string[] }, creator: string, created: Date): Promise<XlsxFileWriter> {
    // Loaded on first use: the spreadsheet library is large and most hub commands never export.
    const { default: Excel } = await import('exceljs');
    const file = new HashedFile(path);
    const stream = new Writable({
      write(chunk: Buffer, _encoding, done) {
        try {
          file.write(chunk);
          done();
        } catch (error) {
          done(error as Error);
        }
      },
    });
    const workbook = new Excel.stream.xlsx.WorkbookWriter({ stream, useStyles: true, useSharedStrings: false });
    workbook.creator = creator;
    workbook.created = created;
    workbook.modified = created;
    const sheet = workbook.addWorksheet(sheetName(table.title, new Set()), { views: [{ state: 'frozen', ySplit: 1 }] });
    return new XlsxFileWriter(file, workbook, sheet, table.headers);
  }

  async writeRows(rows: readonly ExportCell[][]): Promise<void> {
    if (!this.started) {
      for (const row of rows) {
        this.held.push(row);
        row.forEach((cell, index) => (this.widths[index] = Math.max(this.widths[index] ?? 0, displayWidth(cell))));
      }
      if (this.held.length >= WIDTH_SAMPLE_ROWS) this.startRows();
    } else {
      for (const row of rows) this.commitRow(row);
    }
    // A turn for the zip to take what was committed, so it does not pile up in memory.
    await new Promise<void>((resolve) => setImmediate(resolve));
  }

  async finish(): Promise<WrittenFile> {
    if (!this.started) this.startRows();
    this.sheet.commit();
    await this.workbook.commit();
    return this.file.close();
  }

  abandon(): void {
    this.file.release();
  }

  /** Sets the columns' widths from the rows held, writes the header row and the held rows. */
  private startRows(): void {
    this.started = true;
    this.widths.forEach((widest, index) => (this.sheet.getColumn(index + 1).width = Math.min(60, Math.max(10, widest + 2))));
    const header = this.sheet.addRow([...this.headers]);
    header.font = { bold: true };
    header.commit();
    for (const row of this.held) this.commitRow(row);
    this.held = [];
  }

  private commitRow(cells: readonly ExportCell[]): void {
    const values = cells.map(sheetCell);
    const row = this.sheet.addRow(values.map((cell) => cell.value));
    values.forEach((cell, index) => {
      if (cell.numFmt !== undefined) row.getCell(index + 1).numFmt = cell.numFmt;
    });
    row.commit();
  }
}
