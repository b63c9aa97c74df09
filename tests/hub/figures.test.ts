import { execFile } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterEach, beforeEach, expect, it } from 'vitest';
import type { HubStore } from '../../hub/db/open';
import { InvalidPeriodError, momentRange, samePeriodYearBefore } from '../../hub/figures/period';
import { provinceFigures } from '../../hub/figures/province-figures';
import { ingestBatchFile, type IngestContext } from '../../hub/ingest/ingest-batch';
import { residentId } from '../fixtures/registrations';
import { makeTempDir } from '../fixtures/temp-station';
import { PROVINCE } from './support/batches';
import { describeOnBothEngines, type OpenedHub } from './support/both-engines';
import { regionalStationsHub } from './support/regional-stations';
import { databaseArgs } from './support/hub-process';
import { ProtocolStation, registrationPayload, type PersonShape } from './support/protocol-stations';

const ZHANG: PersonShape = { name: '张晓明', documentKind: 'resident_id', documentNumber: residentId('530102', '19900307', '101'), birthDate: '1990-03-07' };
const WANG: PersonShape = { name: '王秋月', documentKind: 'resident_id', documentNumber: residentId('530102', '19920101', '324'), birthDate: '1992-01-01' };
const LI: PersonShape = { name: '李春华', documentKind: 'resident_id', documentNumber: residentId('530102', '19850412', '213'), birthDate: '1985-04-12' };
const ZHAO: PersonShape = { name: '赵云飞', documentKind: 'resident_id', documentNumber: residentId('532901', '19780923', '415'), birthDate: '1978-09-23' };

/** Stations in three prefectures of Yunnan (GB/T 2260): Kunming 5301, Qujing 5303, Dali 5329. */
const REGIONS: Record<string, string> = { KMU01: '530102', KMU02: '530111', QJB01: '530302', DLM01: '532901' };

const hubEntry = fileURLToPath(new URL('../../hub/cli/main.ts', import.meta.url));

const YEAR_2026 = { from: '2026-01-01', to: '2026-12-31' };

/** One registration at one station, and the versions it has been sent in so far. */
interface Registration {
  station: ProtocolStation;
  registrationId: string;
  personId: string;
  person: PersonShape;
  program: string;
  version: number;
}

describeOnBothEngines('hub figures: people and registrations read from the stores, per program, station, prefecture and month', (open) => {
  let folders: ReturnType<typeof makeTempDir>;
  let hub: OpenedHub;
  let context: IngestContext;
  let stations: Map<string, ProtocolStation>;

  beforeEach(async () => {
    ({ folders, hub, context, stations } = await regionalStationsHub(open, 'relay-hub-figures-', REGIONS));
  });
  afterEach(() => folders.remove());

  async function send(registration: Registration, state: string, changedAt: string): Promise<void> {
    const { station, registrationId, personId, person, program, version } = registration;
    const line = { kind: 'registration', entityId: registrationId, version, changedAt, payload: registrationPayload(registrationId, personId, person, { program, state, version }) };
    const result = await ingestBatchFile(station.batchFile(station.queue(line)), context);
    expect(result.outcome, JSON.stringify(result)).toBe('applied');
  }

  /** A new registration made at a station on a moment. */
  async function register(stationCode: string, person: PersonShape, program: string, changedAt: string): Promise<Registration> {
    const registration = { station: stations.get(stationCode) as ProtocolStation, registrationId: randomUUID(), personId: randomUUID(), person, program, version: 1 };
    await send(registration, 'active', changedAt);
    return registration;
  }

  /** The registration's next version, in a state. */
  async function amend(registration: Registration, state: string, changedAt: string): Promise<void> {
    registration.version += 1;
    await send(registration, state, changedAt);
  }

  const figures = (store: HubStore, period = YEAR_2026) => provinceFigures(store, PROVINCE, period);

  it('counts the same person at three stations once as a person and three times as a registration, and a withdrawal at one of them right', async () => {
    await register('KMU01', ZHANG, 'cornea', '2026-03-05T02:00:00.000Z');
    const dali = await register('DLM01', ZHANG, 'cornea', '2026-04-10T02:00:00.000Z');
    await register('QJB01', ZHANG, 'organ', '2026-04-20T02:00:00.000Z');
    await register('KMU02', WANG, 'organ', '2026-03-15T02:00:00.000Z');

    const counted = await figures(hub);
    expect(counted.totals).toEqual({ registrations: 4, people: 2, withdrawals: 0, awaitingReview: 0 });
    expect(counted.byProgram).toEqual([
      { program: 'cornea', registrations: 2, people: 1, withdrawals: 0 },
      { program: 'organ', registrations: 2, people: 2, withdrawals: 0 },
    ]);

    await amend(dali, 'withdrawn', '2026-06-01T02:00:00.000Z');
    const after = await figures(hub);
    expect(after.totals).toEqual({ registrations: 3, people: 2, withdrawals: 1, awaitingReview: 0 });
    expect(after.byProgram).toEqual([
      { program: 'cornea', registrations: 1, people: 1, withdrawals: 1 },
      { program: 'organ', registrations: 2, people: 2, withdrawals: 0 },
    ]);
    expect(after.byStation).toEqual([
      { stationCode: 'DLM01', registrations: 0, people: 0, withdrawals: 1 },
      { stationCode: 'KMU01', registrations: 1, people: 1, withdrawals: 0 },
      { stationCode: 'KMU02', registrations: 1, people: 1, withdrawals: 0 },
      { stationCode: 'QJB01', registrations: 1, people: 1, withdrawals: 0 },
    ]);
    // Kunming's two stations are one prefecture, and the person registered at both is counted once in it.
    expect(after.byPrefecture).toEqual([
      { prefectureCode: '5301', registrations: 2, people: 2, withdrawals: 0 },
      { prefectureCode: '5303', registrations: 1, people: 1, withdrawals: 0 },
      { prefectureCode: '5329', registrations: 0, people: 0, withdrawals: 1 },
    ]);
    // Registrations count in the month they were made, withdrawals in the month they were made in.
    expect(after.byMonth).toEqual([
      { month: '2026-03', registrations: 2, people: 2, withdrawals: 0 },
      { month: '2026-04', registrations: 1, people: 1, withdrawals: 0 },
      { month: '2026-06', registrations: 0, people: 0, withdrawals: 1 },
    ]);
  });

  it('counts one person registered at two stations of a prefecture once in it', async () => {
    await register('KMU01', ZHANG, 'cornea', '2026-03-05T02:00:00.000Z');
    await register('KMU02', ZHANG, 'organ', '2026-03-06T02:00:00.000Z');
    await register('DLM01', ZHAO, 'body', '2026-03-07T02:00:00.000Z');
    expect((await figures(hub)).byPrefecture).toEqual([
      { prefectureCode: '5301', registrations: 2, people: 1, withdrawals: 0 },
      { prefectureCode: '5329', registrations: 1, people: 1, withdrawals: 0 },
    ]);
  });

  it('measures growth against the same period of the year before, and corrects last year when a registration is withdrawn this year', async () => {
    const lastYear = await register('KMU01', LI, 'cornea', '2025-05-01T02:00:00.000Z');
    await register('DLM01', ZHAO, 'organ', '2025-07-01T02:00:00.000Z');
    await register('KMU01', ZHANG, 'cornea', '2026-02-01T02:00:00.000Z');
    await register('QJB01', ZHANG, 'organ', '2026-02-02T02:00:00.000Z');
    await register('KMU02', WANG, 'organ', '2026-05-01T02:00:00.000Z');

    const counted = await figures(hub);
    expect(counted.growth).toEqual({
      previousPeriod: { from: '2025-01-01', to: '2025-12-31' },
      registrations: { current: 3, previous: 2, rate: 0.5 },
      people: { current: 2, previous: 2, rate: 0 },
    });

    // Withdrawn in 2026: out of 2025's standing registrations, and one of 2026's withdrawals.
    await amend(lastYear, 'withdrawn', '2026-02-10T02:00:00.000Z');
    const after = await figures(hub);
    expect(after.growth.registrations).toEqual({ current: 3, previous: 1, rate: 2 });
    expect(after.growth.people).toEqual({ current: 2, previous: 1, rate: 1 });
    expect(after.totals.withdrawals).toBe(1);
    expect((await figures(hub, { from: '2025-01-01', to: '2025-12-31' })).totals).toEqual({ registrations: 1, people: 1, withdrawals: 0, awaitingReview: 0 });
    expect((await figures(hub, { from: '2024-01-01', to: '2024-12-31' })).growth.registrations).toEqual({ current: 0, previous: 0, rate: null });
  });

  it('does not count an amendment made after counting a second time', async () => {
    const registration = await register('KMU01', ZHANG, 'cornea', '2026-03-05T02:00:00.000Z');
    await register('KMU02', WANG, 'organ', '2026-03-15T02:00:00.000Z');
    const counted = await figures(hub);
    await amend(registration, 'active', '2026-08-01T02:00:00.000Z');
    await amend(registration, 'active', '2026-09-01T02:00:00.000Z');
    const after = await figures(hub);
    expect(after).toEqual(counted);
    expect(after.totals).toEqual({ registrations: 2, people: 2, withdrawals: 0, awaitingReview: 0 });
    expect(after.byMonth).toEqual([{ month: '2026-03', registrations: 2, people: 2, withdrawals: 0 }]);
  });

  it('counts days and months in China Standard Time on both engines', async () => {
    // 2026-01-01 01:00 in Kunming is still 2025 in UTC; 2026-12-31 23:30 in Kunming is the last half hour of the year.
    await register('KMU01', ZHANG, 'cornea', '2025-12-31T17:00:00.000Z');
    await register('KMU02', WANG, 'organ', '2026-12-31T15:30:00.000Z');
    await register('DLM01', ZHAO, 'organ', '2026-12-31T16:00:00.000Z');
    await register('QJB01', LI, 'organ', '2025-12-31T15:59:59.999Z');
    const counted = await figures(hub);
    expect(counted.totals.registrations).toBe(2);
    expect(counted.byMonth.map((month) => [month.month, month.registrations])).toEqual([
      ['2026-01', 1],
      ['2026-12', 1],
    ]);
    expect(counted.period).toMatchObject({ start: '2025-12-31T16:00:00.000Z', end: '2026-12-31T16:00:00.000Z', utcOffsetHours: 8 });
  });

  it('refuses a period that names no real day or ends before it starts', async () => {
    await expect(figures(hub, { from: '2026-02-30', to: '2026-12-31' })).rejects.toBeInstanceOf(InvalidPeriodError);
    await expect(figures(hub, { from: '2026-12-31', to: '2026-01-01' })).rejects.toBeInstanceOf(InvalidPeriodError);
    await expect(figures(hub, { from: '2026-1-1', to: '2026-12-31' })).rejects.toBeInstanceOf(InvalidPeriodError);
    expect(samePeriodYearBefore({ from: '2024-02-29', to: '2024-03-31' })).toEqual({ from: '2023-02-28', to: '2023-03-31' });
    expect(momentRange({ from: '2026-03-01', to: '2026-03-31' })).toEqual({ start: '2026-02-28T16:00:00.000Z', end: '2026-03-31T16:00:00.000Z' });
  });

  it('prints the same figures from the command line, and refuses a period that is no period', { timeout: 60_000 }, async () => {
    await register('KMU01', ZHANG, 'cornea', '2026-03-05T02:00:00.000Z');
    const dali = await register('DLM01', ZHANG, 'organ', '2026-04-10T02:00:00.000Z');
    await amend(dali, 'withdrawn', '2026-05-10T02:00:00.000Z');
    const counted = await figures(hub);
    // One hub per SQLite file: the command opens the database once the test has closed it.
    await hub.close();
    const run = (args: string[]) =>
      promisify(execFile)(process.execPath, ['--import', 'tsx', hubEntry, 'stats', ...args, '--province', PROVINCE, ...databaseArgs(hub.options)], { encoding: 'utf8' }).then(
        ({ stdout }) => ({ code: 0, stdout }),
        (error: { code: number; stdout: string }) => ({ code: error.code, stdout: error.stdout }),
      );
    const printed = await run(['--from', '2026-01-01', '--to', '2026-12-31']);
    expect(printed.code).toBe(0);
    expect(JSON.parse(printed.stdout)).toEqual(counted);
    expect((await run(['--from', '2026-12-31', '--to', '2026-01-01'])).code).toBe(2);
    expect((await run(['--from', '2026-01-01'])).code).toBe(2);
  });
});
