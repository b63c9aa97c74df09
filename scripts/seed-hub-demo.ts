import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { setPrefecturePopulation } from '../hub/activity/populations';
import { passphraseFrom, PASSPHRASE_OPTION } from '../hub/cli/passphrase';
import { databaseOption, printLine, UsageError } from '../hub/cli/usage';
import { openHubDatabase, type HubConnection } from '../hub/db/open';
import { addStation, addStationKey } from '../hub/db/repositories/stations';
import { importBatchFolder } from '../hub/ingest/import-folder';
import type { IngestContext } from '../hub/ingest/ingest-batch';
import { loadProvinceKeys, provincePublicPems } from '../hub/keys/province-keys';
import { HubKeysLockedError } from '../hub/keys/sealed-file';
import { HubNotInitialisedError, provinceOfDatabase } from '../hub/operations/province-identity';
import { planRegistrations } from './hub-demo/demo-registrations';
import { runDemoStation, type ExportedDemoStation } from './hub-demo/demo-station-run';
import { DEMO_POPULATIONS, DEMO_PROVINCE, DEMO_STATIONS } from './hub-demo/demo-stations';

/**
 * `npm run hub:seed-demo -- (--db HUB.sqlite | --postgres URL) --keys KEYDIR [--passphrase-file FILE] [--seed N]`:
 * gives a hub just made by `hub init` a demonstration province to show. Five real stations of Yunnan, each in a
 * temporary data folder, live through the last eighteen months (registrations, withdrawals, a person seen at
 * two desks under two names, memorial visits, life-education sessions and surveys), export their outboxes as
 * batch files, and the hub registers their keys and takes the files through its own ingest, as `hub station
 * add` and `hub import` would. Then the prefectures' populations are set, so that the reach shows.
 *
 * English JSON lines on stdout, as the hub's command line prints; exit code 2 for a usage error or a hub that
 * is not empty (the demonstration is for a new hub only), 1 when a file was refused or the keys did not open.
 */

const USAGE = 'usage: npm run -s hub:seed-demo -- (--db HUB.sqlite | --postgres postgresql://...) --keys KEYDIR [--passphrase-file FILE] [--seed N]';

/** Records per batch file: a station sends its history in a few files, each a line of the ingest log. */
const DEMO_BATCH_SIZE = 60;

/** The hub being seeded, its province and ingest, and the seed of the stations' histories. */
interface DemoSeeding {
  hub: HubConnection;
  provinceCode: string;
  context: IngestContext;
  seed: number;
}

function seedOption(raw: string | undefined): number {
  if (raw === undefined) return 1;
  if (!/^\d{1,9}$/.test(raw)) throw new UsageError(`--seed wants a whole number, not ${raw}`);
  return Number(raw);
}

/** Refuses a hub that holds a station already: the demonstration would mix with real stations' data. */
async function requireNoStations(hub: HubConnection, provinceCode: string): Promise<void> {
  const held = await hub.db.selectFrom('station').select((eb) => eb.fn.countAll<number | string>().as('count')).where('province_code', '=', provinceCode).executeTakeFirstOrThrow();
  const count = Number(held.count);
  if (count > 0) throw new UsageError(`this hub already has ${count} station(s): the demonstration seeds only a hub that has none (start from a new database)`);
}

/** Registers the station and its signing key at the hub in one transaction, as `hub station add` does. */
async function registerAtHub(hub: HubConnection, provinceCode: string, station: ExportedDemoStation): Promise<void> {
  const registeredAt = station.setUpAt.toISOString();
  const { plan } = station;
  const { stationAdded, key } = await hub.db.transaction().execute(async (trx) => ({
    stationAdded: await addStation(trx, { provinceCode, code: plan.code, kind: plan.kind, regionCode: plan.regionCode, name: plan.name, registeredAt }),
    key: await addStationKey(trx, { provinceCode, stationCode: plan.code, publicKeySpki: station.publicKeySpki, registeredAt }),
  }));
  printLine({ station: plan.code, kind: plan.kind, region: plan.regionCode, stationAdded, keyFingerprint: key.fingerprint, keyAdded: key.added });
}

/** Runs each station, registers it and takes its batch files; false when the hub refused any file. */
async function seedStations({ hub, provinceCode, context, seed }: DemoSeeding, workDir: string): Promise<boolean> {
  const now = new Date();
  const plans = planRegistrations(DEMO_STATIONS, seed, now);
  const pems = provincePublicPems(context.keys);
  let allTaken = true;
  for (const plan of DEMO_STATIONS) {
    const dataDir = join(workDir, plan.code, 'data');
    const batchFolder = join(workDir, plan.code, 'stick');
    mkdirSync(dataDir, { recursive: true });
    mkdirSync(batchFolder, { recursive: true });
    const station = await runDemoStation(plan, plans.get(plan.code) ?? [], { dataDir, batchFolder, seed, now, provincePems: pems, batchSize: DEMO_BATCH_SIZE });
    printLine({
      station: plan.code,
      registrations: station.registrations,
      withdrawals: station.withdrawals,
      visits: station.visits,
      sessionsHeld: station.sessionsHeld,
      surveys: station.surveys,
      batchFiles: station.batchFiles.length,
    });
    await registerAtHub(hub, provinceCode, station);
    const imported = await importBatchFolder(batchFolder, context, join(workDir, plan.code, 'answers'));
    for (const { file, result } of imported) {
      const detail = result.outcome === 'applied' ? { counts: result.counts } : result.outcome === 'refused' ? { code: result.code, message: result.message } : {};
      printLine({ file: basename(file), batchId: result.batchId, outcome: result.outcome, ...detail });
      if (result.outcome === 'refused') allTaken = false;
    }
  }
  await setPopulations(hub, provinceCode, now);
  return allTaken;
}

/** The prefectures' populations for this year and the year before (years in China Standard Time). */
async function setPopulations(hub: HubConnection, provinceCode: string, now: Date): Promise<void> {
  const year = new Date(now.getTime() + 8 * 3_600_000).getUTCFullYear();
  const setAt = now.toISOString();
  for (const { prefectureCode, population } of DEMO_POPULATIONS) {
    for (const forYear of [year - 1, year]) {
      await setPrefecturePopulation(hub.db, { provinceCode, prefectureCode, population, year: forYear, setAt });
      printLine({ province: provinceCode, prefecture: prefectureCode, population, year: forYear, setAt });
    }
  }
}

async function main(argv: string[]): Promise<number> {
  const { values } = parseArgs({
    args: argv,
    options: { db: { type: 'string' }, postgres: { type: 'string' }, keys: { type: 'string' }, seed: { type: 'string' }, ...PASSPHRASE_OPTION },
  });
  const database = databaseOption(values);
  if (values.keys === undefined) throw new UsageError('--keys is required (the folder `hub init` made)');
  const seed = seedOption(values.seed);
  const passphrase = passphraseFrom(values, process.env);
  const started = process.hrtime.bigint();

  const hub = await openHubDatabase(database);
  const workDir = mkdtempSync(join(tmpdir(), 'relay-hub-demo-'));
  try {
    let provinceCode: string;
    try {
      provinceCode = await provinceOfDatabase(hub.db);
    } catch (error) {
      if (error instanceof HubNotInitialisedError) throw new UsageError('this hub database records no province: run `hub init --province 53` first');
      throw error;
    }
    if (provinceCode !== DEMO_PROVINCE) throw new UsageError(`the demonstration stations are in Yunnan (${DEMO_PROVINCE}); this hub is for province ${provinceCode}`);
    await requireNoStations(hub, provinceCode);
    const keys = loadProvinceKeys(resolve(values.keys), { passphrase });
    const allTaken = await seedStations({ hub, provinceCode, context: { hub, provinceCode, keys }, seed }, workDir);
    printLine({ seeded: allTaken, province: provinceCode, stations: DEMO_STATIONS.length, seed, seconds: Math.round(Number(process.hrtime.bigint() - started) / 1e7) / 100 });
    return allTaken ? 0 : 1;
  } finally {
    rmSync(workDir, { recursive: true, force: true });
    await hub.close();
  }
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    const usage = error instanceof UsageError || (error instanceof TypeError && String((error as { code?: string }).code).startsWith('ERR_PARSE_ARGS'));
    process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
    if (error instanceof HubKeysLockedError) printLine({ refused: 'keys_locked', reason: error.reason, file: error.file });
    if (usage) process.stderr.write(`${USAGE}\n`);
    process.exitCode = usage ? 2 : 1;
  },
);
