import { DEBIAN_NOTO_CJK, FontSet, primaryFontPaths, sourceFontsDir } from '../../../electron/pdf/fonts';
import type { figuresCalls } from '../../../shared/console/figures-calls';
import { careFigures } from '../../care/care-figures';
import { InvalidPeriodError } from '../../figures/period';
import { provinceFiguresFile } from '../../reports/figures-download';
import { prefectureName } from '../../reports/prefecture-names';
import { FIGURES_HEADINGS } from '../../reports/figures-headings';
import { provinceFiguresTables } from '../../reports/figures-tables';
import { yearlyReport } from '../../reports/yearly-report';
import type { ConsoleCallContext, ConsoleHandlersOf } from '../call-context';
import { ConsoleRefusal } from '../refusal';

const CONTENT_TYPES = {
  csv: 'text/csv; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  pdf: 'application/pdf',
} as const;

/** The report's fonts, read from `resources/fonts` once, on the first report asked for. */
let reportFonts: Promise<FontSet> | null = null;
function fonts(): Promise<FontSet> {
  reportFonts ??= FontSet.load({ primary: primaryFontPaths(sourceFontsDir()), fallback: DEBIAN_NOTO_CJK }).catch((error: unknown) => {
    reportFonts = null;
    throw error;
  });
  return reportFonts;
}

/** Runs a read of the figures; a period that does not exist (or a year still to come) is refused as `period_invalid`. */
async function judgedPeriod<T>(read: () => Promise<T>): Promise<T> {
  try {
    return await read();
  } catch (error) {
    if (error instanceof InvalidPeriodError) throw new ConsoleRefusal('period_invalid');
    throw error;
  }
}

function storeOf(context: ConsoleCallContext) {
  return { db: context.db, engine: context.engine };
}

/** The figures tables of a period, as tables, as a CSV or XLSX file, the year's PDF report (files as base64), and the year's donor-family care. */
export const figuresHandlers: ConsoleHandlersOf<keyof typeof figuresCalls> = {
  'figures:get': async (context, period) => judgedPeriod(() => provinceFiguresTables(storeOf(context), context.provinceCode, period)),

  // The file carries the care tables of the year the period ends in, below the figures tables as on the screen.
  'figures:table': async (context, { from, to, format, language }) => {
    const file = await judgedPeriod(() => provinceFiguresFile(storeOf(context), context.provinceCode, { from, to }, FIGURES_HEADINGS[language], format));
    return { fileName: `figures-${context.provinceCode}-${from}-${to}.${format}`, contentType: CONTENT_TYPES[format], base64: file.toString('base64') };
  },

  'figures:yearlyReport': async (context, { year }) => {
    const report = await judgedPeriod(async () => yearlyReport(storeOf(context), context.provinceCode, { year, fonts: await fonts(), now: context.now }));
    return { fileName: `yearly-report-${context.provinceCode}-${year}.pdf`, contentType: CONTENT_TYPES.pdf, base64: report.pdf.toString('base64') };
  },

  'figures:care': async (context, { year }) => {
    const figures = await careFigures(storeOf(context), context.provinceCode, year);
    return { ...figures, byPrefecture: figures.byPrefecture.map((row) => ({ ...row, prefectureName: prefectureName(row.prefectureCode) })) };
  },
};
