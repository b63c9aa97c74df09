import { generateKeyPairSync } from 'node:crypto';
import { addStationKey } from '../../../hub/db/repositories/stations';
import { languages } from '../../../shared/i18n/languages';
import { CONSOLE_PROVINCE, consoleText, expect, openScreen, SILENT_STATION, test } from '../console-fixtures';
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

    test('the stations screen opens a station’s key history: each key’s fingerprint, when it was registered and when the next replaced it', async ({ page, consoleHub, signIn }) => {
      const original = await consoleHub.hub.db.selectFrom('station_key').select('key_fingerprint').where('station_code', '=', sampleStation.code).executeTakeFirstOrThrow();
      // The station was reinstalled: its new key is registered before the first batch it signs.
      const reinstalled = await addStationKey(consoleHub.hub.db, {
        provinceCode: CONSOLE_PROVINCE,
        stationCode: sampleStation.code,
        publicKeySpki: generateKeyPairSync('ed25519').publicKey.export({ type: 'spki', format: 'der' }),
        registeredAt: '2026-11-20T02:00:00.000Z',
      });
      await signIn('administrator', language);
      await openScreen(page, language, 'consoleStations');
      const row = page.getByTestId(`station-${sampleStation.code}`);
      await expect(row.getByTestId('station-key-current')).toHaveText(reinstalled.fingerprint);
      const history = row.getByTestId('station-key-history');
      const keys = history.getByTestId('station-key');
      await expect(keys.first()).toBeHidden();
      await history.getByText(consoleText(language, 'consoleStations', 'list.keyHistory', { count: 2 })).click();
      await expect(history.getByRole('table', { name: consoleText(language, 'consoleStations', 'keys.caption', { code: sampleStation.code }) })).toBeVisible();
      await expect(keys).toHaveCount(2);
      await expect(keys.first()).toHaveAttribute('data-state', 'replaced');
      await expect(keys.first()).toContainText(original.key_fingerprint);
      await expect(keys.first()).toContainText('2026');
      await expect(keys.first()).not.toContainText(consoleText(language, 'consoleStations', 'keys.inUse'));
      await expect(keys.nth(1)).toHaveAttribute('data-state', 'in-use');
      await expect(keys.nth(1)).toContainText(reinstalled.fingerprint);
      await expect(keys.nth(1)).toContainText(consoleText(language, 'consoleStations', 'keys.inUse'));
      await expect(history).toContainText(consoleText(language, 'consoleStations', 'keys.note'));
      // A station with no key registered has no history to open.
      await expect(page.getByTestId(`station-${SILENT_STATION}`).getByTestId('station-key-history')).toHaveCount(0);
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
