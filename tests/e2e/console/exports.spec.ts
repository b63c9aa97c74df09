import { mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { consoleAuditKey } from '../../../hub/console/audit-trail';
import { interruptLeftExportsAudited } from '../../../hub/console/handlers/exports-handlers';
import { HUB_RUNNER, startExportProgress } from '../../../hub/exports/export-progress';
import { languages } from '../../../shared/i18n/languages';
import { CONSOLE_PROVINCE, consoleText, expect, openScreen, test } from '../console-fixtures';

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

    test('a run the hub was making when it stopped shows as interrupted after its start', async ({ page, consoleHub, signIn }) => {
      const outDir = mkdtempSync(join(tmpdir(), 'relay-e2e-cut-short-'));
      const aside = join(outDir, '.codac-cut-short.partial');
      mkdirSync(aside);
      const runId = '5f0c7d0e-3c4b-4b7e-9a51-1f2d3c4b5a69';
      await startExportProgress(consoleHub.hub.db, CONSOLE_PROVINCE, { runId, platform: 'codac', runner: HUB_RUNNER, cursor: { from: 0, to: 40 }, total: 41, partialFolder: aside, startedAt: consoleHub.now().toISOString(), createdBy: consoleHub.accounts.analyst.id });
      await interruptLeftExportsAudited(consoleHub.hub, consoleHub.hub.engine, consoleAuditKey(consoleHub.keys.data), CONSOLE_PROVINCE, consoleHub.now());
      // Its half-written files are gone.
      expect(readdirSync(outDir)).toEqual([]);
      rmSync(outDir, { recursive: true });

      await signIn('analyst', language);
      await openScreen(page, language, 'consoleExports');
      const unfinished = page.getByTestId('exports-unfinished');
      await expect(unfinished).toHaveCount(1);
      await expect(unfinished).toHaveAttribute('data-state', 'interrupted');
      await expect(unfinished).toContainText(consoleText(language, 'consoleExports', 'unfinished.interrupted'));
      await expect(unfinished).toContainText(consoleText(language, 'consoleExports', 'failure.export_interrupted'));
    });
  });
}
