import { fileURLToPath } from 'node:url';
import { test as base, expect } from '@playwright/test';
import type { OpenStation } from '../../electron/app/open-station';
import { startStationHost, type StationHost } from '../../electron/host/server';
import { openTempStation, sampleStation } from '../fixtures/temp-station';

const builtRenderer = fileURLToPath(new URL('../../dist/renderer', import.meta.url));

interface StationFixtures {
  /** A fresh station (real SQLite file in a temp folder) served by the real station host. */
  station: OpenStation;
  host: StationHost;
  /** Opens the renderer with the host's token, as `npm run host` would. */
  openApp: () => Promise<void>;
  /** The station already set up, for tests that start after first run. */
  setUpStation: () => Promise<void>;
}

export const test = base.extend<StationFixtures>({
  station: async ({}, use) => {
    const station = await openTempStation();
    await use(station);
    await station.remove();
  },
  host: async ({ station }, use) => {
    const host = await startStationHost({ dispatch: station.dispatch, staticRoot: builtRenderer });
    await use(host);
    await host.close();
  },
  openApp: async ({ page, host }, use) => {
    await use(async () => {
      await page.goto(host.url);
    });
  },
  setUpStation: async ({ station }, use) => {
    await use(async () => {
      const result = await station.dispatch('station:setup', sampleStation);
      expect(result.ok).toBe(true);
    });
  },
});

export { expect, sampleStation };

/** Rows of a table in the station's database, read directly: what was really stored. */
export function countRows(station: OpenStation, table: 'station' | 'visitor_sign_in' | 'outbox'): number {
  return (station.connection.sqlite.prepare(`select count(*) as n from ${table}`).get() as { n: number }).n;
}
