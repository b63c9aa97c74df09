import { renameSync, writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { DEBIAN_NOTO_CJK, FontSet, primaryFontPaths, sourceFontsDir } from '../../electron/pdf/fonts';
import { figuresFileFormats, type FiguresFileFormat } from '../reports/figures-export';
import { provinceFiguresFile } from '../reports/figures-download';
import { FIGURES_HEADINGS, headingLanguages, type HeadingLanguage } from '../reports/figures-headings';
import { yearlyReport } from '../reports/yearly-report';
import { readFiguresOf } from './figures-reading';
import { databaseOption, printLine, provinceOption, UsageError } from './usage';

/**
 * `hub report yearly --year YYYY --out FILE.pdf`: the one-page yearly report in Chinese.
 * `hub report figures --from DAY --to DAY --format csv|xlsx [--language zh-CN|en] --out FILE`: the figures tables.
 * Each file is written aside and renamed, so a reader never sees half of one; one JSON line says what was written.
 */
export async function reportCommand(args: string[]): Promise<number> {
  const [kind, ...rest] = args;
  if (kind !== 'yearly' && kind !== 'figures') throw new UsageError('report wants yearly or figures');
  const { values } = parseArgs({
    args: rest,
    options: {
      year: { type: 'string' },
      from: { type: 'string' },
      to: { type: 'string' },
      format: { type: 'string' },
      language: { type: 'string' },
      out: { type: 'string' },
      db: { type: 'string' },
      postgres: { type: 'string' },
      province: { type: 'string' },
    },
  });
  if (values.out === undefined) throw new UsageError('--out is required');
  const out = values.out;
  const database = databaseOption(values);
  const givenProvince = values.province === undefined ? undefined : provinceOption(values.province);
  const write = (bytes: Buffer) => {
    const aside = `${out}.partial`;
    writeFileSync(aside, bytes);
    renameSync(aside, out);
  };

  if (kind === 'yearly') {
    const year = Number(values.year);
    if (values.year === undefined || !/^\d{4}$/.test(values.year)) throw new UsageError('--year wants four digits');
    const fonts = await FontSet.load({ primary: primaryFontPaths(sourceFontsDir()), fallback: DEBIAN_NOTO_CJK });
    const report = await readFiguresOf(database, givenProvince, (hub, provinceCode) => yearlyReport(hub, provinceCode, { year, fonts }));
    write(report.pdf);
    printLine({ report: 'yearly', provinceCode: report.data.provinceCode, year, period: report.data.period, out, bytes: report.pdf.length, lastBatch: report.data.source.lastBatch, missing: report.missing });
    return 0;
  }

  if (values.from === undefined || values.to === undefined) throw new UsageError('--from and --to are required (YYYY-MM-DD)');
  const format = (values.format ?? 'xlsx') as FiguresFileFormat;
  if (!figuresFileFormats.includes(format)) throw new UsageError(`--format wants ${figuresFileFormats.join(' or ')}`);
  const language = (values.language ?? 'zh-CN') as HeadingLanguage;
  if (!headingLanguages.includes(language)) throw new UsageError(`--language wants ${headingLanguages.join(' or ')}`);
  const period = { from: values.from, to: values.to };
  const { provinceCode, file } = await readFiguresOf(database, givenProvince, async (hub, provinceCode) => ({
    provinceCode,
    file: await provinceFiguresFile(hub, provinceCode, period, FIGURES_HEADINGS[language], format),
  }));
  write(file);
  printLine({ report: 'figures', provinceCode, period, format, language, out, bytes: file.length });
  return 0;
}
