import type { ExportCell, ExportTable } from '../../electron/tables/table-export';
import { aidCaseStates } from '../../shared/domain/aid';
import type { CareFigures, CareTally } from '../care/care-figures';
import type { FiguresHeadings } from './figures-headings';
import { prefectureName } from './prefecture-names';

/**
 * A year's donor-family care (`careFigures`) as tables for the figures files, as the console's figures screen
 * shows them: the province's totals, the same figures per prefecture and per station, and aid per programme by
 * the state each case stands in with what was paid in the year (yuan, two decimals). Every title names the year
 * counted, because the files' other tables cover a period that need not be that calendar year.
 */

/** A group's care figures, in the order the summary lists them and the tables per prefecture and station show them. */
const careTallyFields = ['familiesOnFile', 'familiesCaredFor', 'contacts', 'contactsPerFamily', 'invitations', 'accepted', 'attended', 'doNotContact'] as const satisfies ReadonlyArray<keyof CareTally>;

function tallyCells(tally: CareTally): ExportCell[] {
  return careTallyFields.map((field) => {
    if (field !== 'contactsPerFamily') return tally[field];
    return tally.contactsPerFamily === null ? null : { decimal: tally.contactsPerFamily };
  });
}

/** The care tables of `care.year`, with their words: summary, prefectures, stations, aid. */
export function careExportTables(care: CareFigures, headings: FiguresHeadings): ExportTable[] {
  const words = headings.care;
  const title = (template: string) => template.replace('{year}', String(care.year));
  const tallyHeaders = careTallyFields.map((field) => words.indicator[field]);
  const place = (prefectureCode: string) => prefectureName(prefectureCode)?.[headings.placeNames] ?? null;
  const totals = tallyCells(care.totals);
  return [
    {
      title: title(words.sheet.summary),
      headers: [headings.column.indicator, headings.column.value],
      rows: [[words.indicator.year, care.year], ...careTallyFields.map((field, index) => [words.indicator[field], totals[index] ?? null])],
    },
    {
      title: title(words.sheet.prefectures),
      headers: [headings.column.prefectureCode, headings.column.prefecture, ...tallyHeaders],
      rows: care.byPrefecture.map((row) => [row.prefectureCode, place(row.prefectureCode), ...tallyCells(row)]),
    },
    {
      title: title(words.sheet.stations),
      headers: [headings.column.station, ...tallyHeaders],
      rows: care.byStation.map((row) => [row.stationCode, ...tallyCells(row)]),
    },
    {
      title: title(words.sheet.aid),
      headers: [words.column.programme, ...aidCaseStates.map((state) => words.aidState[state]), words.column.paid, words.column.paidYuan],
      rows: care.aid.map((row) => [words.programme[row.programme], ...aidCaseStates.map((state) => row.cases[state]), row.paid, { decimal: row.paidFen / 100 }]),
    },
  ];
}
