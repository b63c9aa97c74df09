import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { provinceFigures } from '../../hub/figures/province-figures';
import { ingestLog } from '../../hub/ingest-log/ingest-log';
import { loadProvinceKeys } from '../../hub/keys/province-keys';
import { HubSealer } from '../../hub/people/sealing';
import { reviewList } from '../../hub/review/review-entries';
import { addCalendarDays, stationDate } from '../../shared/domain/age';
import { makeTempDir } from '../fixtures/temp-station';
import { PROVINCE } from './support/batches';
import { describeOnBothEngines } from './support/both-engines';
import { databaseArgs, hubEnvironment, TEST_HUB_PASSPHRASE } from './support/hub-process';

const hubEntry = fileURLToPath(new URL('../../hub/cli/main.ts', import.meta.url));
const seedEntry = fileURLToPath(new URL('../../scripts/seed-hub-demo.ts', import.meta.url));

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

function run(entry: string, args: string[]): Promise<Run> {
  return promisify(execFile)(process.execPath, ['--import', 'tsx', entry, ...args], { encoding: 'utf8', env: hubEnvironment(), timeout: 90_000 }).then(
    ({ stdout, stderr }) => ({ code: 0, stdout, stderr }),
    (error: { code: number; stdout: string; stderr: string }) => ({ code: error.code, stdout: error.stdout, stderr: error.stderr }),
  );
}

function jsonLines(stdout: string): Array<Record<string, unknown>> {
  return stdout
    .trim()
    .split('\n')
    .map((line) => JSON.parse(line) as Record<string, unknown>);
}

describeOnBothEngines('the demonstration seed (npm run hub:seed-demo) on a hub just made', (open) => {
  let folders: ReturnType<typeof makeTempDir>;
  beforeEach(() => {
    folders = makeTempDir('relay-hub-seed-demo-');
  });
  afterEach(() => folders.remove());

  it('gives the hub five stations whose batches it took, figures, a review entry and its ingest log; a second run is refused', { timeout: 120_000 }, async () => {
    const first = await open();
    await first.close();
    const keysDir = join(folders.dir, 'keys');
    const database = databaseArgs(first.options);
    expect((await run(hubEntry, ['init', '--province', PROVINCE, '--keys', keysDir, ...database])).code).toBe(0);

    const seeded = await run(seedEntry, [...database, '--keys', keysDir, '--seed', '7']);
    expect(seeded.code, seeded.stderr).toBe(0);
    const lines = jsonLines(seeded.stdout);
    const fileLines = lines.filter((line) => typeof line.file === 'string');
    expect(fileLines.length).toBeGreaterThanOrEqual(5);
    expect(fileLines.every((line) => line.outcome === 'applied')).toBe(true);
    expect(lines.at(-1)).toMatchObject({ seeded: true, province: PROVINCE, stations: 5, seed: 7 });

    const hub = await open(first.options);
    const stations = await hub.db.selectFrom('station').select(['code', 'kind', 'region_code']).where('province_code', '=', PROVINCE).orderBy('code').execute();
    expect(stations.map((station) => [station.code, station.kind, station.region_code])).toEqual([
      ['DLM01', 'memorial_kiosk', '532901'],
      ['DLU01', 'university_station', '532901'],
      ['HHM01', 'memorial_kiosk', '532501'],
      ['KMU01', 'university_station', '530102'],
      ['QJE01', 'education_base', '530302'],
    ]);

    // The last 365 days against the 365 before, which the eighteen months cover in part.
    const today = stationDate(new Date());
    const figures = await provinceFigures(hub, PROVINCE, { from: addCalendarDays(today, -364), to: today });
    expect(figures.totals.registrations).toBeGreaterThan(0);
    // The person registered at both desks under the same details counts once.
    expect(figures.totals.people).toBeLessThan(figures.totals.registrations);
    expect(figures.growth.registrations.previous).toBeGreaterThan(0);
    expect(figures.growth.registrations.current).toBeGreaterThan(figures.growth.registrations.previous);
    const reach = figures.visitorsAndEducation.totals;
    expect(reach.visits).toBeGreaterThan(0);
    expect(reach.sessionsHeld).toBeGreaterThan(0);
    expect(reach.attendees).toBeGreaterThan(0);
    expect(reach.satisfaction.responses).toBeGreaterThan(0);
    expect(reach.reach.status).not.toBe('unknown');
    expect(reach.prefecturesWithoutPopulation).toEqual([]);

    const keys = loadProvinceKeys(keysDir, { passphrase: TEST_HUB_PASSPHRASE });
    const openReviews = await reviewList(hub, new HubSealer(keys.data), PROVINCE, { page: 1, pageSize: 10, state: 'open' });
    expect(openReviews.total).toBe(1);
    expect(openReviews.items[0]).toMatchObject({ stationCode: 'DLU01' });

    const log = await ingestLog(hub, PROVINCE, { pageSize: 200 });
    expect(log.entries).toHaveLength(fileLines.length);
    expect(log.entries.every((entry) => entry.outcome === 'taken' && entry.via === 'import')).toBe(true);
    await hub.close();

    const again = await run(seedEntry, [...database, '--keys', keysDir]);
    expect(again.code).toBe(2);
    expect(again.stderr).toContain('this hub already has 5 station(s)');
  });
});
