import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';

/** A file of an export run read back: its header row and data rows, every cell as text ('' when empty). */
export interface ReadTable {
  headers: string[];
  rows: string[][];
}

/** Parses RFC 4180 CSV (quoted fields with doubled quotes, CRLF), after checking and removing the UTF-8 byte order mark. */
export function readCsv(file: string): ReadTable {
  const bytes = readFileSync(file);
  if (bytes[0] !== 0xef || bytes[1] !== 0xbb || bytes[2] !== 0xbf) throw new Error(`${file} has no UTF-8 byte order mark`);
  const text = bytes.subarray(3).toString('utf8');
  const records: string[][] = [];
  let field = '';
  let record: string[] = [];
  let quoted = false;
  for (let index = 0; index < text.length; index += 1) {
    const character = text[index]!;
    if (quoted) {
      if (character === '"' && text[index + 1] === '"') {
        field += '"';
        index += 1;
      } else if (character === '"') quoted = false;
      else field += character;
    } else if (character === '"') quoted = true;
    else if (character === ',') {
      record.push(field);
      field = '';
    } else if (character === '\r' && text[index + 1] === '\n') {
      record.push(field);
      records.push(record);
      record = [];
      field = '';
      index += 1;
    } else field += character;
  }
  if (field !== '' || record.length > 0) records.push([...record, field]);
  const [headers = [], ...rows] = records;
  return { headers, rows };
}

/** Reads the first sheet of an XLSX with exceljs. */
export async function readXlsx(file: string): Promise<ReadTable> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(readFileSync(file) as unknown as ArrayBuffer);
  const sheet = workbook.worksheets[0]!;
  const table: string[][] = [];
  sheet.eachRow({ includeEmpty: false }, (row) => {
    const cells: string[] = [];
    for (let column = 1; column <= sheet.columnCount; column += 1) {
      const value = row.getCell(column).value;
      cells.push(value === null || value === undefined ? '' : String(value));
    }
    table.push(cells);
  });
  const [headers = [], ...rows] = table;
  return { headers, rows };
}

/** Both files of an export's table, read back; they must hold the same rows. */
export async function readExportTable(folder: string, name: string): Promise<ReadTable & { xlsx: ReadTable }> {
  const csv = readCsv(join(folder, `${name}.csv`));
  const xlsx = await readXlsx(join(folder, `${name}.xlsx`));
  return { ...csv, xlsx };
}

/** The rows as objects keyed by header. */
export function rowObjects(table: ReadTable): Array<Record<string, string>> {
  return table.rows.map((row) => Object.fromEntries(table.headers.map((header, index) => [header, row[index] ?? ''])));
}
