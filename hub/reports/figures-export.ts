import { tablesToCsv, tablesToXlsx, type ExportCell, type ExportTable } from '../../electron/tables/table-export';
import type { CareFigures } from '../care/care-figures';
import { careExportTables } from './care-export';
import type { FiguresHeadings } from './figures-headings';
import type { FiguresTables, GroupFigures, Judged, SummaryLine } from './figures-tables';
import type { PlaceName } from './prefecture-names';

/**
 * The figures tables as files staff open in a spreadsheet, with the station's table export
 * (`electron/tables/table-export.ts`): CSV (UTF-8 with a byte order mark; several tables one after another)
 * or XLSX (one sheet per table). Every target column carries its status as a word, never as a colour alone.
 */

/** The file formats the figures leave in. */
export const figuresFileFormats = ['csv', 'xlsx'] as const;
export type FiguresFileFormat = (typeof figuresFileFormats)[number];

function shareCell(value: number | null): ExportCell {
  return value === null ? null : { share: value };
}

function statusText(judged: Judged | null, headings: FiguresHeadings): string | null {
  if (judged === null) return null;
  if (judged.status !== 'unknown' || judged.reason === null) return headings.status[judged.status];
  return headings.statusWithReason.replace('{status}', headings.status.unknown).replace('{reason}', headings.unknownReason[judged.reason]);
}

function periodText(period: { from: string; to: string }, headings: FiguresHeadings): string {
  return headings.periodValue.replace('{from}', period.from).replace('{to}', period.to);
}

function summaryRow(line: SummaryLine, headings: FiguresHeadings): ExportCell[] {
  const name = headings.indicator[line.indicator];
  if (line.unit === 'period') return [name, line.period ? periodText(line.period, headings) : null, null, null];
  const value = line.unit === 'share' ? shareCell(line.value) : line.value;
  if (!line.judged) return [name, value, null, null];
  const target = line.unit === 'share' ? shareCell(line.judged.target) : line.judged.target;
  return [name, value, target, statusText(line.judged, headings)];
}

/** The tables with their words: headings and names in one language, statuses as words. */
/** The headings of a station's or a month's figures, after the column that names the group. */
function groupHeaders(headings: FiguresHeadings): string[] {
  const column = headings.column;
  return [column.registrations, column.people, column.withdrawals, column.visits, column.visitors, column.sessionsHeld, column.attendees, column.satisfiedShare, column.satisfactionStatus];
}

/** A station's or a month's figures, in the order of groupHeaders. */
function groupCells(row: GroupFigures, headings: FiguresHeadings): ExportCell[] {
  return [row.registrations, row.people, row.withdrawals, row.visits, row.visitors, row.sessionsHeld, row.attendees, shareCell(row.satisfaction.value), statusText(row.satisfaction, headings)];
}

export function figuresExportTables(tables: FiguresTables, headings: FiguresHeadings): ExportTable[] {
  const column = headings.column;
  const place = (name: PlaceName | null) => (name === null ? null : name[headings.placeNames]);
  return [
    {
      title: headings.sheet.summary,
      headers: [column.indicator, column.value, column.target, column.status],
      rows: tables.summary.map((line) => summaryRow(line, headings)),
    },
    {
      title: headings.sheet.prefectures,
      headers: [
        column.prefectureCode,
        column.prefecture,
        column.registrations,
        column.people,
        column.withdrawals,
        column.previousRegistrations,
        column.growth,
        column.growthStatus,
        column.volunteers,
        column.recontactShare,
        column.recontactStatus,
        column.attendees,
        column.population,
        column.reachShare,
        column.reachTargetShare,
        column.reachStatus,
        column.satisfiedShare,
        column.satisfactionStatus,
      ],
      rows: tables.prefectures.map((row) => [
        row.prefectureCode,
        place(row.prefectureName),
        row.registrations,
        row.people,
        row.withdrawals,
        row.previousRegistrations,
        shareCell(row.growth?.value ?? null),
        statusText(row.growth, headings),
        row.volunteers,
        shareCell(row.recontact.value),
        statusText(row.recontact, headings),
        row.attendees,
        row.population,
        shareCell(row.reach.value),
        shareCell(row.reach.target),
        statusText(row.reach, headings),
        shareCell(row.satisfaction.value),
        statusText(row.satisfaction, headings),
      ]),
    },
    {
      title: headings.sheet.stations,
      headers: [column.station, ...groupHeaders(headings)],
      rows: tables.stations.map((row) => [row.stationCode, ...groupCells(row, headings)]),
    },
    {
      title: headings.sheet.programs,
      headers: [column.program, column.registrations, column.people, column.withdrawals],
      rows: tables.programs.map((row) => [
        row.program in headings.program ? headings.program[row.program as keyof FiguresHeadings['program']] : row.program,
        row.registrations,
        row.people,
        row.withdrawals,
      ]),
    },
    {
      title: headings.sheet.months,
      headers: [column.month, ...groupHeaders(headings)],
      rows: tables.months.map((row) => [row.month, ...groupCells(row, headings)]),
    },
    {
      title: headings.sheet.stemCell,
      headers: [column.stemCellStatus, column.volunteersNow, column.registeredInPeriod],
      rows: tables.stemCell.map((row) => [headings.stemCellStatus[row.status], row.now, row.registeredInPeriod]),
    },
  ];
}

/**
 * The tables as one file: a CSV of every table one after another, or a workbook of one sheet each. Given a year's
 * care figures, their tables (`careExportTables`) follow the figures tables.
 */
export async function figuresFile(tables: FiguresTables, headings: FiguresHeadings, format: FiguresFileFormat, care?: CareFigures): Promise<Buffer> {
  const exported = [...figuresExportTables(tables, headings), ...(care ? careExportTables(care, headings) : [])];
  return format === 'csv' ? tablesToCsv(exported) : tablesToXlsx(exported, headings.creator);
}
