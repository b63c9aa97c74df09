import { execFile as execFileCallback } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { DEBIAN_NOTO_CJK, FontSet, primaryFontPaths, sourceFontsDir } from '../../electron/pdf/fonts';
import { buildYearlyReport, yearlyReport } from '../../hub/reports/yearly-report';
import { InvalidReportYearError } from '../../hub/reports/yearly-report-data';
import { makeTempDir } from '../fixtures/temp-station';
import { PROVINCE } from './support/batches';
import { describeOnBothEngines } from './support/both-engines';
import { AFTER_2026, seedFiguresProvince } from './support/figures-province';
import { databaseArgs } from './support/hub-process';

/**
 * The yearly report read back as its reader sees it, the way the station's document tests read theirs: the text
 * pdftotext extracts line by line (Chinese compared without whitespace) and the page count pdfinfo gives.
 */

const execFile = promisify(execFileCallback);
const hubEntry = fileURLToPath(new URL('../../hub/cli/main.ts', import.meta.url));

async function pdfText(file: string): Promise<string> {
  return (await execFile('pdftotext', ['-layout', '-enc', 'UTF-8', file, '-'])).stdout.replace(/\s+/g, '');
}

async function pdfPages(file: string): Promise<number> {
  const info = (await execFile('pdfinfo', [file])).stdout;
  return Number(/^Pages:\s+(\d+)/m.exec(info)?.[1]);
}

let fonts: FontSet;
beforeAll(async () => {
  fonts = await FontSet.load({ primary: primaryFontPaths(sourceFontsDir()), fallback: DEBIAN_NOTO_CJK });
});

describeOnBothEngines('the yearly report: one A4 page in Chinese of the year against its targets', (open) => {
  let folders: ReturnType<typeof makeTempDir>;
  beforeEach(() => {
    folders = makeTempDir('relay-hub-report-');
  });
  afterEach(() => folders.remove());

  it('holds the province, the year, the figures against their targets in words, each prefecture, and its source', async () => {
    const hub = await open();
    await seedFiguresProvince(hub);
    const report = await yearlyReport(hub, PROVINCE, { year: 2026, fonts, now: AFTER_2026 });
    expect(report.missing).toEqual([]);
    const file = join(folders.dir, 'report.pdf');
    writeFileSync(file, report.pdf);

    expect(await pdfPages(file)).toBe(1);
    const text = await pdfText(file);
    expect(text).toContain('云南省2026年度');
    expect(text).toContain('统计期间：2026-01-01至2026-12-31（北京时间）');
    expect(text).toContain('对比期间：2025-01-01至2025-12-31');
    expect(text).not.toContain('本年度尚未结束');
    // Registrations 15 against 10 the year before: +50 %, met; re-contact 50 % against 85 %, not met.
    expect(text).toContain('登记数1510增长≥10%√达标（+50.0%）');
    expect(text).toContain('回访同意率50.0%—≥85%×未达标');
    expect(text).toContain('满意率（4–5分）95.0%—≥95%√达标');
    // Per prefecture: Kunming +30 % met; Dali nothing the year before, half its volunteers consenting.
    expect(text).toContain('昆明市1310+30.0%√1—1.50%√95.0%√');
    expect(text).toContain('大理白族自治州20—050.0%×——');
    expect(text).toContain('数据来源：省级平台截至最近接收的批次batch-last（站点DLM01，接收于2026-12-3012:05）');
    expect(text).toContain('生成时间：2027-01-1510:00（北京时间）');
    expect(text).toContain('不含任何个人信息');
    // Counts only: no key of a person or a registration.
    expect(text).not.toMatch(/person-|registration-/);
  });

  it('says when the year is still running, and refuses a year that has not begun', async () => {
    const hub = await open();
    await seedFiguresProvince(hub);
    const running = await yearlyReport(hub, PROVINCE, { year: 2026, fonts, now: new Date('2026-12-06T04:00:00.000Z') });
    expect(running.data.period).toEqual({ from: '2026-01-01', to: '2026-12-06' });
    expect(running.data.previousPeriod).toEqual({ from: '2025-01-01', to: '2025-12-06' });
    const file = join(folders.dir, 'running.pdf');
    writeFileSync(file, running.pdf);
    expect(await pdfText(file)).toContain('统计期间：2026-01-01至2026-12-06（北京时间）（本年度尚未结束，统计至今日）');
    await expect(yearlyReport(hub, PROVINCE, { year: 2028, fonts, now: AFTER_2026 })).rejects.toBeInstanceOf(InvalidReportYearError);
  });
});

describe('the yearly report of a province with many prefectures', () => {
  it('draws closer rows and stays one page', async () => {
    const folders = makeTempDir('relay-hub-report-many-');
    try {
      const sample = { prefectureCode: '9901', prefectureName: null, registrations: 1, people: 1, withdrawals: 0, previousRegistrations: 1, volunteers: 0, attendees: 0, population: null };
      const unknown = { value: null, target: null, status: 'unknown', reason: 'no_population' } as const;
      const prefectures = Array.from({ length: 40 }, (_, index) => ({
        ...sample,
        prefectureCode: String(9900 + index),
        growth: unknown,
        recontact: unknown,
        reach: unknown,
        satisfaction: unknown,
      }));
      const period = { from: '2026-01-01', to: '2026-12-31' };
      const previousPeriod = { from: '2025-01-01', to: '2025-12-31' };
      const report = await buildYearlyReport(
        {
          provinceCode: '99',
          provinceName: null,
          year: 2026,
          period,
          previousPeriod,
          wholeYear: true,
          madeAt: AFTER_2026.toISOString(),
          source: { lastBatch: null, batches: 0, stations: 0 },
          tables: { provinceCode: '99', period, previousPeriod, summary: [], prefectures, stations: [], programs: [], months: [], stemCell: [] },
        },
        fonts,
      );
      const file = join(folders.dir, 'many.pdf');
      writeFileSync(file, report.pdf);
      expect(await pdfPages(file)).toBe(1);
      const text = await pdfText(file);
      expect(text).toContain('9939');
      expect(text).toContain('本报告仅含汇总数字');
    } finally {
      folders.remove();
    }
  });
});

describeOnBothEngines('hub report: the yearly report and the figures files from the command line', (open) => {
  let folders: ReturnType<typeof makeTempDir>;
  beforeEach(() => {
    folders = makeTempDir('relay-hub-report-cli-');
  });
  afterEach(() => folders.remove());

  it('writes report.pdf and a CSV, one JSON line each; a bad year is a usage error', async () => {
    const hub = await open();
    await seedFiguresProvince(hub);
    // The command opens the database itself (on SQLite, one hub holds a file at a time).
    await hub.close();
    const run = (args: string[]) => execFile(process.execPath, ['--import', 'tsx', hubEntry, 'report', ...args, '--province', PROVINCE, ...databaseArgs(hub.options)], { encoding: 'utf8' });

    const pdf = join(folders.dir, 'report.pdf');
    const yearly = JSON.parse((await run(['yearly', '--year', '2025', '--out', pdf])).stdout.trim());
    expect(yearly).toMatchObject({ report: 'yearly', provinceCode: PROVINCE, year: 2025, period: { from: '2025-01-01', to: '2025-12-31' }, out: pdf, missing: [] });
    expect(readFileSync(pdf).subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(await pdfPages(pdf)).toBe(1);

    const csv = join(folders.dir, 'figures.csv');
    const figures = JSON.parse((await run(['figures', '--from', '2026-01-01', '--to', '2026-12-31', '--format', 'csv', '--language', 'en', '--out', csv])).stdout.trim());
    expect(figures).toMatchObject({ report: 'figures', format: 'csv', language: 'en', out: csv });
    expect(readFileSync(csv, 'utf8')).toContain('Registration growth,50.0%,10.0%,Met');
    // The care of the year the period ends in follows, as in the console's download.
    expect(readFileSync(csv, 'utf8')).toContain('Family care 2026');

    await expect(run(['yearly', '--year', '26', '--out', pdf])).rejects.toMatchObject({ code: 2 });
  });
});
