import { execFile } from 'node:child_process';
import { createPublicKey, randomUUID } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterEach, beforeEach, expect, it } from 'vitest';
import type { OpenStation } from '../../electron/app/open-station';
import { setPrefecturePopulation } from '../../hub/activity/populations';
import type { HubStore } from '../../hub/db/open';
import { addStation, addStationKey } from '../../hub/db/repositories/stations';
import { provinceFigures } from '../../hub/figures/province-figures';
import { reachFigures } from '../../hub/figures/reach-figures';
import { ingestBatchFile } from '../../hub/ingest/ingest-batch';
import { importBatchFolder } from '../../hub/ingest/import-folder';
import { loadOrCreateProvinceKeys, provincePublicPems, type ProvinceKeys } from '../../hub/keys/province-keys';
import type { StationKind } from '../../shared/domain/station';
import { beijing, caller, figuresDesk, figuresKiosk, openFiguresStation, PinnedClock, seedFigures } from '../fixtures/figures';
import { makeTempDir, openTempStation, sampleSetup } from '../fixtures/temp-station';
import { PROVINCE } from './support/batches';
import { describeOnBothEngines } from './support/both-engines';
import { databaseArgs, hubEnvironment } from './support/hub-process';
import { ProtocolStation } from './support/protocol-stations';

type Station = OpenStation & { remove(): Promise<void> };

const hubEntry = fileURLToPath(new URL('../../hub/cli/main.ts', import.meta.url));

describeOnBothEngines('hub visitors and life-education figures from real stations’ batches', (open) => {
  let folders: ReturnType<typeof makeTempDir>;
  let keys: ProvinceKeys;
  const opened: Station[] = [];
  let exports = 0;

  beforeEach(() => {
    folders = makeTempDir('relay-hub-reach-');
    keys = loadOrCreateProvinceKeys(join(folders.dir, 'keys')).keys;
    exports = 0;
  });
  afterEach(async () => {
    for (const station of opened.splice(0)) await station.remove();
    folders.remove();
  });

  /** Makes the station ready to export to this province, and registers it and its key at the hub. */
  async function connect(hub: HubStore, station: Station, clock: PinnedClock, code: string, kind: StationKind, regionCode: string): Promise<void> {
    const { ok } = caller(station, clock);
    const pems = provincePublicPems(keys);
    await ok('sync:importProvinceKey', { use: 'signing', pem: pems.signing });
    await ok('sync:importProvinceKey', { use: 'encryption', pem: pems.encryption });
    await ok('sync:settings', { endpoint: null, batchSize: 50, twoPersonApproval: false });
    await addStation(hub.db, { provinceCode: PROVINCE, code, kind, regionCode, name: code, registeredAt: '2025-11-01T00:00:00.000Z' });
    const published = await ok('documents:publicKey', undefined);
    const publicKeySpki = createPublicKey(published.publicKey).export({ type: 'spki', format: 'der' });
    await addStationKey(hub.db, { provinceCode: PROVINCE, stationCode: code, publicKeySpki, registeredAt: '2025-11-01T00:00:00.000Z' });
  }

  /**
   * Exports onto a fresh stick and takes it at the hub; returns the stick. The station writes its batches not
   * yet acknowledged again, so the earlier ones replay and only the newest is applied.
   */
  async function sendToHub(hub: HubStore, station: Station, clock: PinnedClock): Promise<string> {
    const stick = join(folders.dir, `stick-${(exports += 1)}`);
    mkdirSync(stick);
    await caller(station, clock).ok('sync:export', { folder: stick });
    const taken = await importBatchFolder(stick, { hub, provinceCode: PROVINCE, keys });
    const outcomes = taken.map(({ result }) => result.outcome);
    expect(outcomes.at(-1)).toBe('applied');
    expect(outcomes.filter((outcome) => outcome !== 'applied' && outcome !== 'replayed')).toEqual([]);
    return stick;
  }

  it('counts a memorial park’s visits, sessions, attendance and satisfaction as the station does, and a replayed batch counts nothing twice', async () => {
    const hub = await open();
    const { station, clock, ok } = await openFiguresStation();
    opened.push(station);
    await seedFigures(station, clock);
    await connect(hub, station, clock, 'KMU01', 'memorial_kiosk', '530102');
    const stick = await sendToHub(hub, station, clock);

    const period = { from: '2026-01-01', to: '2026-02-28' };
    const atStation = await ok('figures:get', period);
    const counted = await reachFigures(hub, PROVINCE, period, new Date(beijing('2026-03-10', '10:00')));
    expect(counted.totals).toMatchObject({
      visits: atStation.visits.signIns,
      visitors: atStation.visits.people,
      sessionsHeld: atStation.sessions.held,
      sessionsCancelled: atStation.sessions.cancelled,
      attendees: atStation.attendance.reach,
      satisfaction: atStation.satisfaction,
    });
    // Worked out by hand in tests/integration/figures.test.ts: the cancelled session's group of 40 counts nowhere.
    expect(counted.totals).toMatchObject({ visits: 5, visitors: 15, sessionsHeld: 2, sessionsCancelled: 1, attendees: 108 });
    expect(counted.byMonth.map((month) => [month.month, month.visits, month.visitors, month.sessionsHeld, month.attendees, month.satisfaction.responses])).toEqual(
      atStation.months.map((month) => [month.month, month.signIns, month.people, month.sessionsHeld, month.reach, month.responses]),
    );
    expect(counted.byStation.map((entry) => entry.stationCode)).toEqual(['KMU01']);
    expect(counted.byPrefecture.map((entry) => [entry.prefectureCode, entry.attendees, entry.reach.status])).toEqual([['5301', 108, 'unknown']]);

    // The same stick taken again: every batch replays, and nothing is counted twice.
    const again = await importBatchFolder(stick, { hub, provinceCode: PROVINCE, keys });
    expect(again.map(({ result }) => result.outcome)).toEqual(again.map(() => 'replayed'));
    expect((await reachFigures(hub, PROVINCE, period, new Date(beijing('2026-03-10', '10:00')))).totals).toEqual(counted.totals);
    // provinceFigures (and so `hub stats`) carries them.
    expect((await provinceFigures(hub, PROVINCE, period)).visitorsAndEducation.totals).toMatchObject({ visits: 5, attendees: 108 });
  }, 120_000);

  it('corrects the figures when a session counted is amended then cancelled and a walk-in count is corrected, and judges reach once a population is set', async () => {
    const hub = await open();
    const clock = new PinnedClock(new Date(beijing('2026-03-01', '07:00')));
    const station = await openTempStation({ clock });
    opened.push(station);
    const setup = await station.dispatch('station:setup', { ...sampleSetup, code: 'DLE01', kind: 'education_base', regionCode: '5329' }, figuresDesk);
    expect(setup.ok).toBe(true);
    const { ok, at } = caller(station, clock);
    await connect(hub, station, clock, 'DLE01', 'education_base', '532901');

    const schedule = (date: string, audienceKind: 'school' | 'community') =>
      ok('education:schedule', {
        title: `生命教育讲座 ${date}`,
        startsAt: beijing(date, '09:00'),
        endsAt: beijing(date, '11:00'),
        venue: '生命教育馆',
        host: '杨老师',
        audienceKind,
        expectedHeadCount: 60,
      });
    const first = await schedule('2026-03-05', 'school');
    const second = await schedule('2026-03-20', 'school');
    at(beijing('2026-03-05', '08:00'));
    await ok('education:checkIn', { sessionId: first.id, organisation: '大理一中', contactName: '段丽', contactPhone: '13987654321', headCount: 25, ageBand: 'age_12_17' }, figuresKiosk);
    at(beijing('2026-03-05', '11:00'));
    await ok('education:addWalkIns', { sessionId: first.id, count: 6 });
    for (const [index, score] of [5, 4, 2].entries()) await ok('education:survey', { sessionId: first.id, score }, { sessionKey: `survey-${index}` });
    // The second session moves a day and changes its audience before it is counted.
    at(beijing('2026-03-06', '09:00'));
    const amended = await ok('education:update', {
      sessionId: second.id,
      version: second.version,
      title: second.title,
      startsAt: beijing('2026-03-21', '09:00'),
      endsAt: beijing('2026-03-21', '11:00'),
      venue: second.venue,
      host: second.host,
      audienceKind: 'community',
      expectedHeadCount: 80,
    });
    at(beijing('2026-03-21', '07:30'));
    await ok('education:checkIn', { sessionId: second.id, organisation: '下关社区', contactName: '杨华', contactPhone: '13987654322', headCount: 40, ageBand: 'adults' }, figuresKiosk);
    await sendToHub(hub, station, clock);

    const march = { from: '2026-03-01', to: '2026-03-31' };
    const readAt = new Date(beijing('2026-04-01', '10:00'));
    const counted = await reachFigures(hub, PROVINCE, march, readAt);
    expect(counted.totals).toMatchObject({ visits: 0, sessionsHeld: 2, sessionsCancelled: 0, attendees: 25 + 6 + 40 });
    expect(counted.totals.satisfaction).toMatchObject({ responses: 3, satisfied: 2, byScore: [0, 1, 0, 1, 1], status: 'not_met' });
    const [session] = await hub.db.selectFrom('activity_session').select(['session_date', 'audience_kind', 'version']).where('session_id', '=', second.id).execute();
    expect(session).toEqual({ session_date: '2026-03-21', audience_kind: 'community', version: amended.version });

    // After it was counted: the second session is cancelled before it starts, and the walk-ins corrected by −2.
    at(beijing('2026-03-21', '08:00'));
    await ok('education:cancel', { sessionId: second.id, version: amended.version, reason: '场地临时维修' });
    at(beijing('2026-03-21', '12:00'));
    await ok('education:addWalkIns', { sessionId: first.id, count: -2 });
    await sendToHub(hub, station, clock);

    const corrected = await reachFigures(hub, PROVINCE, march, readAt);
    // The cancelled session's group is not counted: nobody was reached there.
    expect(corrected.totals).toMatchObject({ sessionsHeld: 1, sessionsCancelled: 1, attendees: 25 + 6 - 2 });
    expect(corrected.byStation).toMatchObject([{ stationCode: 'DLE01', sessionsHeld: 1, attendees: 29 }]);
    expect(corrected.byMonth).toMatchObject([{ month: '2026-03', sessionsHeld: 1, sessionsCancelled: 1, attendees: 29 }]);

    // No population set for Dali: reach is not judged.
    expect(corrected.totals.reach).toMatchObject({ reach: 29, localPopulation: null, status: 'unknown' });
    expect(corrected.totals.prefecturesWithoutPopulation).toEqual(['5329']);
    expect(corrected.byPrefecture).toMatchObject([{ prefectureCode: '5329', populationYear: null, reach: { status: 'unknown', share: null } }]);

    // 20 000 × 1.5 % × 31/365 = 25.47…, so 26 people; 29 were reached.
    await setPrefecturePopulation(hub.db, { provinceCode: PROVINCE, prefectureCode: '5329', population: 20_000, year: 2026, setAt: '2026-04-01T00:00:00.000Z' });
    const judged = await reachFigures(hub, PROVINCE, march, readAt);
    expect(judged.byPrefecture).toMatchObject([{ prefectureCode: '5329', populationYear: 2026, attendees: 29, reach: { localPopulation: 20_000, targetPeople: 26, share: 29 / 20_000, status: 'met' } }]);
    expect(judged.totals.reach).toMatchObject({ localPopulation: 20_000, targetPeople: 26, status: 'met' });
    expect(judged.totals.prefecturesWithoutPopulation).toEqual([]);
    // A prefecture with a population and no activity is listed, not reached; the province now adds its people.
    await setPrefecturePopulation(hub.db, { provinceCode: PROVINCE, prefectureCode: '5301', population: 8_600_000, year: 2025, setAt: '2026-04-01T00:00:00.000Z' });
    const wider = await reachFigures(hub, PROVINCE, march, readAt);
    expect(wider.byPrefecture.map((entry) => [entry.prefectureCode, entry.populationYear, entry.reach.status])).toEqual([
      ['5301', 2025, 'not_met'],
      ['5329', 2026, 'met'],
    ]);
    expect(wider.totals.reach).toMatchObject({ localPopulation: 8_620_000, status: 'not_met' });
    // A population set only for a later year is not used for an earlier period.
    expect((await reachFigures(hub, PROVINCE, { from: '2025-03-01', to: '2025-03-31' }, readAt)).byPrefecture.map((entry) => entry.prefectureCode)).toEqual(['5301']);
  }, 120_000);

  it('keeps a session at its highest version when versions cross, and a conflicting version changes nothing', async () => {
    const hub = await open();
    const station = new ProtocolStation('KMU01');
    await station.registerAt(hub.db);
    const sessionId = randomUUID();
    const session = (version: number, state: string) => ({
      kind: 'education_session',
      entityId: sessionId,
      version,
      changedAt: `2026-05-0${version}T02:00:00.000Z`,
      payload: { id: sessionId, stationCode: 'KMU01', sessionDate: '2026-05-10', startsAt: '2026-05-10T01:00:00.000Z', audienceKind: 'school', state, version },
    });
    const groupId = randomUUID();
    const group = { kind: 'education_group', entityId: groupId, version: 1, payload: { id: groupId, sessionId, stationCode: 'KMU01', headCount: 35, checkedInAt: '2026-05-10T00:30:00.000Z' } };
    const take = async (...lines: Parameters<ProtocolStation['queue']>) => {
      const result = await ingestBatchFile(station.batchFile(station.queue(...lines)), { hub, provinceCode: PROVINCE, keys });
      expect(result.outcome, JSON.stringify(result)).toBe('applied');
      return result;
    };
    const may = { from: '2026-05-01', to: '2026-05-31' };
    const readAt = new Date('2026-06-01T00:00:00.000Z');

    // Versions 1 and 3 (cancelled) in one batch; version 2 arrives in a later batch.
    await take(session(1, 'scheduled'), group, session(3, 'cancelled'));
    await take(session(2, 'scheduled'));
    expect((await reachFigures(hub, PROVINCE, may, readAt)).totals).toMatchObject({ sessionsHeld: 0, sessionsCancelled: 1, attendees: 0 });
    // Version 3 again with another content: refused as a conflict, and the projection keeps what version 3 said.
    const conflicting = await take(session(3, 'scheduled'));
    expect(conflicting.outcome === 'applied' && conflicting.counts).toMatchObject({ accepted: 0, rejected: 1 });
    expect((await reachFigures(hub, PROVINCE, may, readAt)).totals).toMatchObject({ sessionsHeld: 0, sessionsCancelled: 1, attendees: 0 });
    // Version 4 puts the session back: held, with its group.
    await take(session(4, 'scheduled'));
    expect((await reachFigures(hub, PROVINCE, may, readAt)).totals).toMatchObject({ sessionsHeld: 1, sessionsCancelled: 0, attendees: 35 });
    // Read before it started, the session is not held yet.
    expect((await reachFigures(hub, PROVINCE, may, new Date('2026-05-10T00:59:59.000Z'))).totals).toMatchObject({ sessionsHeld: 0, attendees: 0 });
  });

  it('sets a prefecture’s population from the command line, and refuses bad input with exit code 2', async () => {
    const hub = await open();
    await hub.close();
    const run = (args: string[]) =>
      promisify(execFile)(process.execPath, ['--import', 'tsx', hubEntry, ...args], { encoding: 'utf8', env: hubEnvironment() }).then(
        ({ stdout }) => ({ code: 0, stdout, stderr: '' }),
        (error: { code: number; stdout: string; stderr: string }) => ({ code: error.code, stdout: error.stdout, stderr: error.stderr }),
      );
    const database = [...databaseArgs(hub.options), '--province', PROVINCE];
    const set = await run(['population', 'set', '--prefecture', '5301', '--population', '8600000', '--year', '2026', ...database]);
    expect(set.code).toBe(0);
    expect(JSON.parse(set.stdout)).toMatchObject({ province: PROVINCE, prefecture: '5301', population: 8_600_000, year: 2026 });
    const replaced = await run(['population', 'set', '--prefecture', '5301', '--population', '8700000', '--year', '2026', ...database]);
    expect(replaced.code).toBe(0);

    const bad = [
      [['--prefecture', '53', '--population', '1000', '--year', '2026'], '--prefecture'],
      [['--prefecture', '5201', '--population', '1000', '--year', '2026'], 'of province 53'],
      [['--prefecture', '5301', '--population', '-5', '--year', '2026'], '--population'],
      [['--prefecture', '5301', '--population', '12.5', '--year', '2026'], '--population'],
      [['--prefecture', '5301', '--population', '1000'], '--year'],
    ] as const;
    for (const [args, message] of bad) {
      const refused = await run(['population', 'set', ...args, ...database]);
      expect(refused.code, args.join(' ')).toBe(2);
      expect(refused.stderr).toContain(message);
    }

    const reopened = await open(hub.options);
    expect(await reopened.db.selectFrom('prefecture_population').select(['prefecture_code', 'year', 'population']).execute()).toEqual([
      { prefecture_code: '5301', year: 2026, population: 8_700_000 },
    ]);
  }, 120_000);
});
