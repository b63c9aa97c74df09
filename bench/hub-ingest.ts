import { createHash, generateKeyPairSync, type KeyObject } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { stationDate } from '../shared/domain/age';
import { consentPurposes } from '../shared/domain/consents';
import { fakeRegistration, type FakePeopleOptions } from '../electron/cli/fake-people';
import { batchIdOf, envelopeLine, writeBatchFile, type Envelope } from '../electron/sync/batch-file';
import { canonicalJson } from '../electron/sync/canonical-json';
import { keyId } from '../electron/sync/keys';
import { encryptForProvince } from '../electron/sync/usb-encryption';
import type { HubEngine } from '../hub/db/engine';
import { openHubDatabase, type HubConnection, type HubDatabaseOptions } from '../hub/db/open';
import { addStation, addStationKey } from '../hub/db/repositories/stations';
import { ingestBatchFile } from '../hub/ingest/ingest-batch';
import { loadOrCreateProvinceKeys, type ProvinceKeys } from '../hub/keys/province-keys';
import { startThrowAwayCluster, type ThrowAwayCluster } from '../scripts/postgres-cluster';
import { formatNumber, table, type Figures, type Print } from './report';

/**
 * The provincial hub taking station batches (docs/sync-protocol.md §6.4) against the floor underneath it, in
 * the same run on the same engine. N record versions from S stations, in batches of 1 000 lines as a station
 * writes them (registration records of about 1 KB, gzipped, signed with the station's Ed25519 key, encrypted to
 * the province's X25519 key), are built with the station's own codec (electron/sync) just before each is
 * taken, so that a million versions never sit in memory. Only `ingestBatchFile` is timed on the hub side:
 * decrypting, checking the signature and manifest, judging each line and storing through takeBatch with the
 * signed acknowledgement. The baseline inserts the same rows (each batch and its record versions, the
 * payload as plain canonical JSON) into a fresh database of the same schema with multi-row
 * `INSERT … ON CONFLICT DO NOTHING` (500 rows a statement, one transaction a batch), no crypto, and only
 * those inserts are timed. Each side runs over all N on its own, the hub first; the rate and the process's
 * resident memory are read when 10 % of N is stored and at the end, so a hub that held what it took would show.
 *
 * On SQLite both databases are files in a temporary folder; on PostgreSQL both are databases of a throw-away
 * cluster started for the run (scripts/postgres-cluster.ts: a Unix socket, fsync off, the same for both sides).
 */

const LINES_PER_BATCH = 1_000;
/** Rows per baseline statement: the hub's own chunk (hub/db/repositories/take-batch.ts). */
const BASELINE_CHUNK = 500;
const PROVINCE = '53';
const SEED = 20_261_206;

export interface HubIngestBenchOptions {
  versions: number;
  stations: number;
  /**
   * Also runs the hub side on the schema as it was before migration 0010 (`person_registration` indexed by
   * person alone), to tell what that migration's covering index costs the ingest.
   */
  compareBefore0010?: boolean;
  engines: readonly HubEngine[];
  log?: (line: string) => void;
}

/** One side when a share of N was stored: versions so far, their timed seconds, rate and resident memory. */
export interface HubIngestCheckpoint {
  versions: number;
  seconds: number;
  versionsPerSecond: number;
  rssMegabytes: number;
}

export interface HubIngestSide {
  /** At the first batch boundary past 10 % of N, and at the end. */
  atTenth: HubIngestCheckpoint;
  atEnd: HubIngestCheckpoint;
  peakRssMegabytes: number;
  batches: number;
  /** Record versions the side's database holds afterwards, counted there. */
  stored: number;
  /**
   * This process's CPU seconds (user and system) in the timed steps over all N: steadier than the rate on a
   * machine busy with other work. On PostgreSQL the server's own work is not in it.
   */
  cpuSeconds: number;
}

export interface HubIngestEngineResult {
  engine: HubEngine;
  hub: HubIngestSide;
  baseline: HubIngestSide;
  /** The hub's versions/s over the baseline's, over all N (the goal: at least 0.5). */
  ratio: number;
  /** RSS at N over RSS at N/10 on the hub side (the goal: within 1.2). */
  rssGrowth: number;
  /** The baseline's process CPU seconds over the hub's, over all N: the ratio's counterpart in CPU time. */
  cpuRatio: number;
  /** The hub side on the schema before migration 0010, when asked for. */
  hubBefore0010?: HubIngestSide;
  /** The hub's versions/s with migration 0010 over those on the schema before it (1 when it costs nothing). */
  rateWith0010?: number;
}

export interface HubIngestBenchResult {
  versions: number;
  stations: number;
  engines: HubIngestEngineResult[];
}

// ---- What the stations send ----

interface BenchStation {
  code: string;
  privateKey: KeyObject;
  publicKeySpki: Buffer;
  keyId: string;
}

function makeStations(count: number): BenchStation[] {
  return Array.from({ length: count }, (_, index) => {
    const { privateKey, publicKey } = generateKeyPairSync('ed25519');
    return { code: `BENCH${String(index + 1).padStart(3, '0')}`, privateKey, publicKeySpki: publicKey.export({ type: 'spki', format: 'der' }), keyId: keyId(publicKey) };
  });
}

/** A UUID that depends only on the index: both sides see the same entities. */
function entityIdOf(index: number): string {
  const hex = createHash('sha256').update(`bench entity ${index}`).digest('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-8${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

/** Registration record `index` as a station's registration journal sends it (§5.3). */
function registrationEnvelope(index: number, seq: number, stationCode: string, people: FakePeopleOptions, at: string): Envelope {
  const input = fakeRegistration(index, people);
  const choice = input.programs[0]!;
  const { document } = input.person;
  const birth = document.number.slice(6, 14);
  const entityId = entityIdOf(index);
  const payload = {
    id: entityId,
    number: `${stationCode}-${String(index).padStart(9, '0')}`,
    personId: entityIdOf(-1 - index),
    program: choice.program,
    state: 'active',
    version: 1,
    event: 'created',
    channel: 'kiosk',
    choice,
    stemCellStatus: choice.program === 'stem_cell' ? 'signed_up' : null,
    sampleBarcode: null,
    realisedOn: null,
    person: {
      name: input.person.name,
      documentKind: document.kind,
      documentNumber: document.number,
      phone: input.person.phone,
      ethnicGroup: input.person.ethnicGroup,
      birthDate: `${birth.slice(0, 4)}-${birth.slice(4, 6)}-${birth.slice(6, 8)}`,
      sex: Number(document.number.charAt(16)) % 2 === 1 ? 'male' : 'female',
    },
    consents: consentPurposes.map((purpose) => ({ purpose, granted: purpose === 'provincial_sync' || input.consents[purpose], textVersion: input.consents.textVersion, at })),
    at,
  };
  return { seq, kind: 'registration', entityId, version: 1, station: stationCode, createdAt: at, changedAt: at, payload };
}

/** One batch of the run: which station sends it, its number at that station, and its lines. */
interface PlannedBatch {
  station: BenchStation;
  batchSeq: number;
  envelopes: Envelope[];
}

/**
 * The run's batches in the order they arrive: the stations take turns, each sending its batches in order.
 * Deterministic, so that the baseline takes exactly the hub's rows; built one at a time.
 */
function* plannedBatches(versions: number, stations: BenchStation[]): Generator<PlannedBatch> {
  const people: FakePeopleOptions = { seed: SEED, today: stationDate(new Date('2026-12-01T00:00:00.000Z')) };
  const sent = stations.map(() => 0);
  const epoch = Date.parse('2025-01-01T00:00:00.000Z');
  for (let first = 0, turn = 0; first < versions; first += LINES_PER_BATCH, turn++) {
    const which = turn % stations.length;
    const station = stations[which]!;
    const batchSeq = ++sent[which]!;
    const count = Math.min(LINES_PER_BATCH, versions - first);
    const envelopes = Array.from({ length: count }, (_, line) => {
      const index = first + line;
      return registrationEnvelope(index, (batchSeq - 1) * LINES_PER_BATCH + line + 1, station.code, people, new Date(epoch + index * 31_000).toISOString());
    });
    yield { station, batchSeq, envelopes };
  }
}

/** The file the station writes: signed, gzipped, encrypted to the province (`.rse`). */
function batchFileOf(batch: PlannedBatch, provinceKeys: ProvinceKeys): Buffer {
  const { envelopes, station } = batch;
  const createdAt = envelopes[envelopes.length - 1]!.changedAt;
  const written = writeBatchFile(
    {
      stationCode: station.code,
      batchSeq: batch.batchSeq,
      firstSeq: envelopes[0]!.seq,
      lastSeq: envelopes[envelopes.length - 1]!.seq,
      omittedCount: 0,
      createdAt,
      auditHead: { seq: batch.batchSeq, hash: createHash('sha256').update(`audit ${station.code} ${batch.batchSeq}`).digest('hex') },
      software: 'relay-station bench',
    },
    envelopes.map((envelope) => ({ seq: envelope.seq, kind: envelope.kind, line: envelopeLine(envelope) })),
    station.privateKey,
  );
  return encryptForProvince(written.file, provinceKeys.encryption.publicKey);
}

// ---- The databases ----

interface BenchDatabases {
  hub: HubDatabaseOptions;
  hubBefore0010: HubDatabaseOptions;
  baseline: HubDatabaseOptions;
  dispose(): Promise<void>;
}

function sqliteDatabases(): BenchDatabases {
  const folder = mkdtempSync(join(tmpdir(), 'relay-bench-hub-'));
  return {
    hub: { engine: 'sqlite', file: join(folder, 'hub.sqlite') },
    hubBefore0010: { engine: 'sqlite', file: join(folder, 'hub-before-0010.sqlite') },
    baseline: { engine: 'sqlite', file: join(folder, 'baseline.sqlite') },
    dispose: async () => rmSync(folder, { recursive: true, force: true }),
  };
}

async function postgresDatabases(cluster: ThrowAwayCluster): Promise<BenchDatabases> {
  const address = { host: cluster.socketFolder, port: cluster.port, user: cluster.user };
  const admin = new pg.Client({ ...address, database: 'postgres' });
  await admin.connect();
  try {
    for (const name of ['bench_hub', 'bench_hub_before_0010', 'bench_baseline']) {
      await admin.query(`drop database if exists ${name}`);
      await admin.query(`create database ${name}`);
    }
  } finally {
    await admin.end();
  }
  return {
    hub: { engine: 'postgres', connection: { ...address, database: 'bench_hub', max: 4 } },
    hubBefore0010: { engine: 'postgres', connection: { ...address, database: 'bench_hub_before_0010', max: 4 } },
    baseline: { engine: 'postgres', connection: { ...address, database: 'bench_baseline', max: 4 } },
    dispose: async () => undefined,
  };
}

async function registerStations(connection: HubConnection, stations: BenchStation[], withKeys: boolean): Promise<void> {
  const registeredAt = new Date().toISOString();
  for (const station of stations) {
    await addStation(connection.db, { provinceCode: PROVINCE, code: station.code, kind: 'university_station', regionCode: '530102', name: station.code, registeredAt });
    if (withKeys) await addStationKey(connection.db, { provinceCode: PROVINCE, stationCode: station.code, publicKeySpki: station.publicKeySpki, registeredAt });
  }
}

async function storedVersions(connection: HubConnection): Promise<number> {
  const row = await connection.db.selectFrom('record_version').select((eb) => eb.fn.countAll<string | number>().as('count')).executeTakeFirstOrThrow();
  return Number(row.count);
}

/** Takes migration 0010 back: `person_registration` indexed by person alone, as migration 0002 made it. */
async function schemaBefore0010(connection: HubConnection): Promise<void> {
  await connection.db.schema.dropIndex('person_registration_by_person_registered').execute();
  await connection.db.schema.createIndex('person_registration_by_person').on('person_registration').columns(['province_code', 'person_key']).execute();
}

// ---- The two sides ----

/** Prepares one batch for a side (untimed) and returns the timed step that takes it. */
type SideStep = (batch: PlannedBatch) => () => Promise<void>;

function hubStep(hub: HubConnection, provinceKeys: ProvinceKeys): SideStep {
  return (batch) => {
    const file = batchFileOf(batch, provinceKeys);
    return async () => {
      const result = await ingestBatchFile(file, { hub, provinceCode: PROVINCE, keys: provinceKeys });
      if (result.outcome !== 'applied') throw new Error(`the hub did not take ${result.batchId}: ${result.outcome === 'refused' ? result.message : result.outcome}`);
    };
  };
}

function baselineStep(baseline: HubConnection): SideStep {
  return (batch) => {
    const batchId = batchIdOf(batch.station.code, batch.batchSeq);
    const receivedAt = new Date().toISOString();
    const batchRow = {
      province_code: PROVINCE,
      batch_id: batchId,
      station_code: batch.station.code,
      batch_seq: batch.batchSeq,
      manifest_sha256: createHash('sha256').update(batchId).digest('hex'),
      audit_seq: batch.batchSeq,
      audit_hash: createHash('sha256').update(`audit ${batchId}`).digest('hex'),
      received_at: receivedAt,
    };
    const rows = batch.envelopes.map((envelope) => {
      const canonical = Buffer.from(canonicalJson(envelope.payload), 'utf8');
      return {
        province_code: PROVINCE,
        station_code: batch.station.code,
        entity_kind: envelope.kind,
        entity_id: envelope.entityId,
        version: envelope.version,
        content_sha256: createHash('sha256').update(canonical).digest('hex'),
        sealed_payload: canonical,
        changed_at: envelope.changedAt,
        batch_id: batchId,
        line_seq: envelope.seq,
      };
    });
    return () =>
      baseline.db.transaction().execute(async (trx) => {
        await trx.insertInto('batch').values(batchRow).onConflict((conflict) => conflict.doNothing()).execute();
        for (let from = 0; from < rows.length; from += BASELINE_CHUNK) {
          await trx
            .insertInto('record_version')
            .values(rows.slice(from, from + BASELINE_CHUNK))
            .onConflict((conflict) => conflict.columns(['province_code', 'station_code', 'entity_kind', 'entity_id', 'version']).doNothing())
            .execute();
        }
      });
  };
}

function rssMegabytes(): number {
  return process.memoryUsage.rss() / 1024 / 1024;
}

function checkpoint(versions: number, seconds: number): HubIngestCheckpoint {
  return { versions, seconds, versionsPerSecond: versions / seconds, rssMegabytes: rssMegabytes() };
}

async function runSide(
  name: string,
  connection: HubConnection,
  step: SideStep,
  versions: number,
  stations: BenchStation[],
  log: (line: string) => void,
): Promise<HubIngestSide> {
  const tenth = Math.max(1, Math.ceil(versions / 10));
  let done = 0;
  let seconds = 0;
  let cpuMicroseconds = 0;
  let batches = 0;
  let peak = rssMegabytes();
  let atTenth: HubIngestCheckpoint | null = null;
  for (const batch of plannedBatches(versions, stations)) {
    const take = step(batch);
    const started = process.hrtime.bigint();
    const cpuBefore = process.cpuUsage();
    await take();
    const cpu = process.cpuUsage(cpuBefore);
    seconds += Number(process.hrtime.bigint() - started) / 1e9;
    cpuMicroseconds += cpu.user + cpu.system;
    done += batch.envelopes.length;
    batches += 1;
    peak = Math.max(peak, rssMegabytes());
    if (atTenth === null && done >= tenth) atTenth = checkpoint(done, seconds);
    if (batches % 100 === 0) log(`  ${name}: ${done.toLocaleString('en-US')} of ${versions.toLocaleString('en-US')} versions`);
  }
  return { atTenth: atTenth ?? checkpoint(done, seconds), atEnd: checkpoint(done, seconds), peakRssMegabytes: peak, batches, stored: await storedVersions(connection), cpuSeconds: cpuMicroseconds / 1e6 };
}

async function runEngine(engine: HubEngine, databases: BenchDatabases, options: HubIngestBenchOptions, log: (line: string) => void): Promise<HubIngestEngineResult> {
  const stations = makeStations(options.stations);
  const keysFolder = mkdtempSync(join(tmpdir(), 'relay-bench-hub-keys-'));
  const provinceKeys = loadOrCreateProvinceKeys(keysFolder).keys;
  const hub = await openHubDatabase(databases.hub);
  const baseline = await openHubDatabase(databases.baseline);
  try {
    await registerStations(hub, stations, true);
    await registerStations(baseline, stations, false);
    log(`${engine}: the hub side`);
    const hubSide = await runSide(`${engine} hub`, hub, hubStep(hub, provinceKeys), options.versions, stations, log);
    const hubBefore0010 = options.compareBefore0010 ? await runHubBefore0010(engine, databases.hubBefore0010, stations, provinceKeys, options.versions, log) : undefined;
    log(`${engine}: the baseline`);
    const baselineSide = await runSide(`${engine} baseline`, baseline, baselineStep(baseline), options.versions, stations, log);
    return {
      engine,
      hub: hubSide,
      baseline: baselineSide,
      ratio: hubSide.atEnd.versionsPerSecond / baselineSide.atEnd.versionsPerSecond,
      rssGrowth: hubSide.atEnd.rssMegabytes / hubSide.atTenth.rssMegabytes,
      cpuRatio: baselineSide.cpuSeconds / hubSide.cpuSeconds,
      ...(hubBefore0010 ? { hubBefore0010, rateWith0010: hubSide.atEnd.versionsPerSecond / hubBefore0010.atEnd.versionsPerSecond } : {}),
    };
  } finally {
    await hub.close();
    await baseline.close();
    rmSync(keysFolder, { recursive: true, force: true });
  }
}

/** The hub side again, on a fresh database of the schema before migration 0010. */
async function runHubBefore0010(
  engine: HubEngine,
  options: HubDatabaseOptions,
  stations: BenchStation[],
  provinceKeys: ProvinceKeys,
  versions: number,
  log: (line: string) => void,
): Promise<HubIngestSide> {
  const hub = await openHubDatabase(options);
  try {
    await schemaBefore0010(hub);
    await registerStations(hub, stations, true);
    log(`${engine}: the hub side on the schema before migration 0010`);
    return await runSide(`${engine} hub before 0010`, hub, hubStep(hub, provinceKeys), versions, stations, log);
  } finally {
    await hub.close();
  }
}

/** Runs the hub and its baseline on each engine asked for, SQLite first. */
export async function benchHubIngest(options: HubIngestBenchOptions): Promise<HubIngestBenchResult> {
  const log = options.log ?? (() => undefined);
  const results: HubIngestEngineResult[] = [];
  if (options.engines.includes('sqlite')) {
    const databases = sqliteDatabases();
    try {
      results.push(await runEngine('sqlite', databases, options, log));
    } finally {
      await databases.dispose();
    }
  }
  if (options.engines.includes('postgres')) {
    const cluster = startThrowAwayCluster();
    process.once('exit', cluster.stop);
    try {
      results.push(await runEngine('postgres', await postgresDatabases(cluster), options, log));
    } finally {
      process.off('exit', cluster.stop);
      cluster.stop();
    }
  }
  return { versions: options.versions, stations: options.stations, engines: results };
}

/** Prints the figures of each engine and returns them for the JSON line. */
export function printHubIngest(result: HubIngestBenchResult, print: Print): Figures {
  const sideNames = { hub: 'hub (decrypt, verify, judge, store, sign)', hubBefore0010: 'hub, schema before migration 0010', baseline: 'baseline (multi-row INSERT)' };
  const rows = result.engines.flatMap((engine) =>
    (['hub', 'hubBefore0010', 'baseline'] as const).flatMap((side) => {
      const figures = engine[side];
      if (!figures) return [];
      return [
        [
          `${engine.engine} ${sideNames[side]}`,
          formatNumber(figures.atTenth.versionsPerSecond, 0),
          formatNumber(figures.atEnd.versionsPerSecond, 0),
          formatNumber(figures.atTenth.rssMegabytes, 0),
          formatNumber(figures.atEnd.rssMegabytes, 0),
          formatNumber(figures.peakRssMegabytes, 0),
        ],
      ];
    }),
  );
  print(table(['', 'versions/s at 10 %', 'versions/s at 100 %', 'RSS MB at 10 %', 'RSS MB at 100 %', 'peak RSS MB'], rows));
  for (const engine of result.engines) {
    print(`${engine.engine}: hub/baseline rate ${formatNumber(engine.ratio, 2)} (goal ≥ 0.5); hub RSS at 100 % / at 10 % ${formatNumber(engine.rssGrowth, 2)} (goal ≤ 1.2); process CPU s hub ${formatNumber(engine.hub.cpuSeconds, 2)}, baseline ${formatNumber(engine.baseline.cpuSeconds, 2)}`);
    if (engine.hubBefore0010 && engine.rateWith0010 !== undefined) {
      print(`${engine.engine}: hub rate with migration 0010 / before it ${formatNumber(engine.rateWith0010, 3)}; process CPU s before it ${formatNumber(engine.hubBefore0010.cpuSeconds, 2)}`);
    }
  }
  return {
    versions: result.versions,
    stations: result.stations,
    ...Object.fromEntries(
      result.engines.map((engine) => [
        engine.engine,
        {
          hubPerSecond: Math.round(engine.hub.atEnd.versionsPerSecond),
          baselinePerSecond: Math.round(engine.baseline.atEnd.versionsPerSecond),
          ratio: Number(engine.ratio.toFixed(3)),
          hubRssMegabytesAtTenth: Math.round(engine.hub.atTenth.rssMegabytes),
          hubRssMegabytesAtEnd: Math.round(engine.hub.atEnd.rssMegabytes),
          rssGrowth: Number(engine.rssGrowth.toFixed(3)),
          hubCpuSeconds: Number(engine.hub.cpuSeconds.toFixed(3)),
          baselineCpuSeconds: Number(engine.baseline.cpuSeconds.toFixed(3)),
          ...(engine.hubBefore0010 && engine.rateWith0010 !== undefined
            ? {
                hubBefore0010PerSecond: Math.round(engine.hubBefore0010.atEnd.versionsPerSecond),
                hubBefore0010CpuSeconds: Number(engine.hubBefore0010.cpuSeconds.toFixed(3)),
                rateWith0010: Number(engine.rateWith0010.toFixed(3)),
              }
            : {}),
        },
      ]),
    ),
  };
}
