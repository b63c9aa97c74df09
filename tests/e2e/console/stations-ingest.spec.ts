import { languages } from '../../../shared/i18n/languages';
import { consoleText, expect, openScreen, SILENT_STATION, test } from '../console-fixtures';
import { sampleStation } from '../../fixtures/temp-station';

for (const language of languages) {
  test.describe(`console stations and ingest log [${language}]`, () => {
    test('the stations screen shows each station’s last batch and warns of the one that went silent', async ({ page, signIn }) => {
      await signIn('auditor', language);
      await openScreen(page, language, 'consoleStations');
      const heard = page.getByTestId(`station-${sampleStation.code}`);
      const silent = page.getByTestId(`station-${SILENT_STATION}`);
      await expect(heard).toContainText(sampleStation.name);
      await expect(heard).toContainText(consoleText(language, 'consoleStations', 'kind.memorial_kiosk'));
      await expect(heard.getByTestId('station-silent')).toHaveCount(0);
      await expect(heard).toContainText(/[0-9a-f]{64}/);
      await expect(silent.getByTestId('station-silent')).toHaveText(consoleText(language, 'consoleStations', 'list.silent', { days: 7 }));
      await expect(silent).toContainText(consoleText(language, 'consoleStations', 'list.never'));
      await expect(page.getByTestId('silent-stations')).toHaveText(consoleText(language, 'consoleStations', 'silentCount', { count: 1, days: 7 }));

      // The silent station was registered on 1 November: with a threshold longer than that, nobody is silent.
      await page.getByLabel(consoleText(language, 'consoleStations', 'silentDays')).fill('365');
      await page.getByRole('button', { name: consoleText(language, 'consoleStations', 'apply') }).click();
      await expect(page.getByTestId('silent-stations')).toHaveCount(0);
      await expect(page.getByRole('status')).toHaveText(consoleText(language, 'consoleStations', 'allHeard', { days: 365 }));
    });

    test('the ingest log shows a refused file with its reason in the screen’s language, and filters by station and outcome', async ({ page, consoleHub, signIn }) => {
      const tampered = await consoleHub.deliverTampered();
      if (tampered.result.outcome !== 'refused') throw new Error(`the tampered file was ${tampered.result.outcome}`);
      const code = tampered.result.code;
      await signIn('administrator', language);
      await openScreen(page, language, 'consoleIngest');
      const entries = page.getByTestId('ingest-entry');
      await expect(entries).toHaveCount(2);
      await expect(entries.first()).toHaveAttribute('data-outcome', 'refused');
      await expect(entries.first().getByTestId('ingest-detail')).toHaveText(consoleText(language, 'sync', `batchError.${code}`));
      await expect(entries.nth(1)).toHaveAttribute('data-outcome', 'taken');
      const taken = await consoleHub.hub.db.selectFrom('ingest_event').select('accepted').where('outcome', '=', 'taken').executeTakeFirstOrThrow();
      await expect(entries.nth(1).getByTestId('ingest-detail')).toHaveText(consoleText(language, 'consoleIngest', 'list.counts', { accepted: taken.accepted ?? 0, duplicate: 0, rejected: 0 }));

      await page.getByLabel(consoleText(language, 'consoleIngest', 'filter.outcome')).selectOption('taken');
      await page.getByRole('button', { name: consoleText(language, 'consoleIngest', 'filter.apply') }).click();
      await expect(entries).toHaveCount(1);
      await expect(entries.first()).toHaveAttribute('data-outcome', 'taken');

      await page.getByLabel(consoleText(language, 'consoleIngest', 'filter.outcome')).selectOption('');
      await page.getByLabel(consoleText(language, 'consoleIngest', 'filter.station')).fill(SILENT_STATION);
      await page.getByRole('button', { name: consoleText(language, 'consoleIngest', 'filter.apply') }).click();
      await expect(page.getByText(consoleText(language, 'consoleIngest', 'list.empty'))).toBeVisible();
    });

    test('a reviewer has neither screen', async ({ page, signIn }) => {
      await signIn('reviewer', language);
      await expect(page.getByRole('navigation').getByRole('link', { name: consoleText(language, 'consoleStations', 'title') })).toHaveCount(0);
      await page.evaluate(() => {
        window.location.hash = '#/ingest';
      });
      await expect(page.getByTestId('console-forbidden')).toBeVisible();
    });
  });
}
