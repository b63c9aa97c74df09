import { languages } from '../../../shared/i18n/languages';
import { consoleText, expect, openScreen, test } from '../console-fixtures';

for (const language of languages) {
  test.describe(`console exports [${language}]`, () => {
    test('runs an export with the progress bar to its end and its manifest counts, then a second run that is empty', async ({ page, consoleHub, signIn }) => {
      await signIn('analyst', language);
      await openScreen(page, language, 'consoleExports');
      await expect(page.getByTestId('exports-folder')).toContainText('exports');
      await page.getByLabel(consoleText(language, 'consoleExports', 'platform.label')).selectOption('receiving-stations');
      const maps = page.getByTestId('exports-map');
      await expect(maps).toHaveCount(2);
      await expect(maps.first().locator('tr[data-status="assumed"]').first()).toContainText(consoleText(language, 'consoleExports', 'map.assumed'));

      const start = page.getByRole('button', { name: consoleText(language, 'consoleExports', 'start.submit') });
      await start.click();
      await expect(page.locator('#exports-progress')).toHaveAttribute('data-state', 'finished');
      const progress = page.locator('#exports-progress');
      expect(await progress.getAttribute('value')).toBe(await progress.getAttribute('max'));
      // Two people, each with a body and a cornea registration.
      await expect(page.getByTestId('exports-manifest-events')).toHaveText(consoleText(language, 'consoleExports', 'run.events', { registered: 4, changed: 0, withdrawn: 0 }));
      await expect(page.getByTestId('exports-run')).toHaveCount(1);

      await start.click();
      await expect(page.getByTestId('exports-manifest-events')).toHaveText(consoleText(language, 'consoleExports', 'run.empty'));
      await expect(page.getByTestId('exports-run')).toHaveCount(2);
      await page.getByTestId('exports-run').last().getByRole('button', { name: consoleText(language, 'consoleExports', 'runs.verify') }).click();
      await expect(page.getByTestId('exports-verified')).toHaveText(consoleText(language, 'consoleExports', 'runs.valid'));

      const audited = await consoleHub.hub.db.selectFrom('console_audit').select(['action', 'detail']).where('action', 'like', 'exports:%').orderBy('seq').execute();
      expect(audited.map((entry) => entry.action)).toEqual(['exports:start', 'exports:finished', 'exports:start', 'exports:finished']);
      expect(JSON.parse(audited[1]!.detail!)).toMatchObject({ platform: 'receiving-stations', counts: { events: { registered: 4 } } });
    });

    test('the auditor sees the runs but not where their files are, and cannot start one', async ({ page, consoleHub, signIn }) => {
      await signIn('analyst', language);
      await openScreen(page, language, 'consoleExports');
      await page.getByRole('button', { name: consoleText(language, 'consoleExports', 'start.submit') }).click();
      await expect(page.locator('#exports-progress')).toHaveAttribute('data-state', 'finished');
      await page.getByRole('button', { name: consoleText(language, 'console', 'bar.signOut') }).click();

      await signIn('auditor', language);
      await openScreen(page, language, 'consoleExports');
      await expect(page.getByTestId('exports-run')).toHaveCount(1);
      await expect(page.getByTestId('exports-run')).toContainText(consoleText(language, 'consoleExports', 'runs.hidden'));
      await expect(page.getByTestId('exports-folder')).toHaveText(consoleText(language, 'consoleExports', 'folder.hidden'));
      await expect(page.getByRole('button', { name: consoleText(language, 'consoleExports', 'start.submit') })).toHaveCount(0);
      const runs = await consoleHub.hub.db.selectFrom('export_run').select('folder').execute();
      await expect(page.getByText(runs[0]!.folder, { exact: false })).toHaveCount(0);
    });
  });
}
