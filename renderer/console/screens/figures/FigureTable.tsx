import type { ReactNode } from 'react';
import { ScrollingTable } from '../../parts/ScrollingTable';

/** One column of a figures table: its heading and what a row shows in it. */
export interface FigureColumn<Row> {
  heading: string;
  cell: (row: Row) => ReactNode;
  /** Right-aligned digits; a cell holding a target's status is not. */
  numeric?: boolean;
}

interface FigureTableProps<Row> {
  caption: string;
  testId?: string;
  rows: readonly Row[];
  rowKey: (row: Row) => string;
  /** The first column: what each row is (a prefecture, a station, a month, …). */
  rowHeading: { heading: string; cell: (row: Row) => ReactNode; className?: string };
  columns: ReadonlyArray<FigureColumn<Row>>;
}

/** A table of the province's figures, one row per group, its first cell the row's header. */
export function FigureTable<Row>({ caption, testId, rows, rowKey, rowHeading, columns }: FigureTableProps<Row>) {
  return (
    <ScrollingTable label={caption}>
      <table className="data-table" aria-label={caption} data-testid={testId}>
        <thead>
          <tr>
            <th>{rowHeading.heading}</th>
            {columns.map((column) => (
              <th key={column.heading}>{column.heading}</th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={rowKey(row)}>
              <th scope="row" className={rowHeading.className}>
                {rowHeading.cell(row)}
              </th>
              {columns.map((column) => (
                <td key={column.heading} className={column.numeric ? 'numeric' : undefined}>
                  {column.cell(row)}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </ScrollingTable>
  );
}
