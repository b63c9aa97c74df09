import ExcelJS from 'exceljs';
import { FIGURES_HEADINGS, type CareHeadings } from '../../../hub/reports/figures-headings';
import { languages } from '../../../shared/i18n/languages';
import { CONSOLE_PROVINCE, consoleText, expect, openScreen, test } from '../console-fixtures';
import { sampleStation } from '../../fixtures/temp-station';
import { downloaded } from './review-and-download-helpers';

for (const language of languages) {
  test.describe(`console figures [${language}]`, () => {
    test('shows the figures against the targets with charts, and downloads the tables as CSV and XLSX and the yearly PDF', async ({ page, signIn }) => {
      await signIn('analyst', language);
      await openScreen(page, language, 'consoleFigures');
      // Two people, each registered for body and cornea donation at the real station.
      await expect(page.getByTestId('figures-summary').locator('tr[data-indicator="registrations"] td').first()).toHaveText('4');
      await expect(page.getByTestId('figures-chart-prefectures')).toBeVisible();
      await expect(page.getByTestId('figures-chart-months')).toBeVisible();
      await expect(page.getByTestId('figures-stations')).toContainText(sampleStation.code);
      // A target's status is written out, never told by colour alone.
      const growth = page.getByTestId('figures-summary').locator('tr[data-indicator="registrationGrowth"]');
      await expect(growth.locator('[data-status]')).toHaveText(consoleText(language, 'consoleFigures', 'unknown.no_previous_year'));

      const year = new Date().getFullYear();
      // The donor-family care of the year the period ends in follows the figures tables, each titled with its year.
      const careTitle = (table: keyof CareHeadings['sheet']) => FIGURES_HEADINGS[language].care.sheet[table].replace('{year}', String(year));
      const csv = await downloaded(page, page.getByRole('button', { name: consoleText(language, 'consoleFigures', 'downloads.csv') }));
      expect(csv.name).toMatch(new RegExp(`^figures-${CONSOLE_PROVINCE}-${year}-01-01-\\d{4}-\\d{2}-\\d{2}\\.csv$`));
      expect([...csv.bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
      expect(csv.bytes.toString('utf8')).toContain(sampleStation.code);
      expect(csv.bytes.toString('utf8')).toContain(`\r\n${careTitle('summary')}\r\n`);
      await expect(page.getByRole('status')).toHaveText(consoleText(language, 'consoleFigures', 'downloads.done', { file: csv.name }));

      const xlsx = await downloaded(page, page.getByRole('button', { name: consoleText(language, 'consoleFigures', 'downloads.xlsx') }));
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.load(xlsx.bytes as unknown as ArrayBuffer);
      const cells: string[] = [];
      for (const sheet of workbook.worksheets) sheet.eachRow((row) => row.eachCell((cell) => cells.push(String(cell.value))));
      expect(workbook.worksheets.length).toBeGreaterThan(3);
      expect(cells).toContain(sampleStation.code);
      expect(workbook.worksheets.map((sheet) => sheet.name).slice(-4)).toEqual([careTitle('summary'), careTitle('prefectures'), careTitle('stations'), careTitle('aid')]);

      const pdf = await downloaded(page, page.getByRole('button', { name: consoleText(language, 'consoleFigures', 'downloads.yearly') }));
      expect(pdf.name).toBe(`yearly-report-${CONSOLE_PROVINCE}-${year}.pdf`);
      expect(pdf.bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    });

    test('a period that ends before it starts is refused in words, and a year still to come has no report', async ({ page, signIn }) => {
      await signIn('administrator', language);
      await openScreen(page, language, 'consoleFigures');
      await page.getByLabel(consoleText(language, 'consoleFigures', 'period.from')).fill('2026-06-30');
      await page.getByLabel(consoleText(language, 'consoleFigures', 'period.to')).fill('2026-06-01');
      await page.getByRole('button', { name: consoleText(language, 'consoleFigures', 'period.apply') }).click();
      await expect(page.getByRole('alert').first()).toHaveText(consoleText(language, 'consoleErrors', 'period_invalid'));
      await page.getByLabel(consoleText(language, 'consoleFigures', 'downloads.year')).fill(String(new Date().getFullYear() + 1));
      await page.getByRole('button', { name: consoleText(language, 'consoleFigures', 'downloads.yearly') }).click();
      await expect(page.getByRole('alert')).toHaveCount(2);
    });

    test('a reviewer has no figures screen', async ({ page, signIn }) => {
      await signIn('reviewer', language);
      await expect(page.getByRole('navigation').getByRole('link', { name: consoleText(language, 'consoleFigures', 'title') })).toHaveCount(0);
      await page.evaluate(() => {
        window.location.hash = '#/figures';
      });
      await expect(page.getByTestId('console-forbidden')).toBeVisible();
    });
  });
}
