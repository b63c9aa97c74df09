import { execFile } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from 'esbuild';
import { stationDate } from '../shared/domain/age';
import { consentPurposes } from '../shared/domain/consents';
import { formatRegistrationNumber } from '../shared/domain/registration-number';
import { openStation } from '../electron/app/open-station';
import { fakeRegistration, type FakePeopleOptions } from '../electron/cli/fake-people';
import { rawOutboxWriter } from './raw-outbox';
import { MAIN_PROCESS_EXTERNALS } from '../scripts/main-externals';

/**
 * Writing the outbox into signed batch files (`SyncBatchWriter.writeNext` until nothing waits, 1 000
 * records a batch: unseal each payload, envelope, gzip, canonical manifest, Ed25519 signature, the
 * sealed file and the rows' new state in one transaction per batch, audited) against the floor
 * underneath it in the same run: every outbox row's sealed payload read with one plain
 * `SELECT seq, payload FROM outbox_payload`, turned into JSON and written to a file stream. Both sides are timed over the whole outbox (records/s), and
 * the process's resident memory is sampled every 100 ms and at every batch (every 1 000 rows on the
 * baseline side), so that a writer which held the outbox in memory would show.
 *
 * The outbox is filled (default 200 000 rows, env BENCH_SYNC_RECORDS) with registration records in
 * the shape the registration journal queues them (§5.3 of docs/sync-protocol.md: person, choice,
 * consents; about 1 KB of JSON each), each person on file with a consent to report (§5.4), sealed with the station's own data key under the outbox context,
 * inserted with prepared statements in large transactions: the registration service would take far
 * longer. The same is done for a tenth of the rows, to show that memory does not grow with the
 * outbox. Each measured side runs in a process of its own (bench/sync-export-side.ts, bundled as the
 * Electron main process is), started afresh on the filled station, so that its resident memory is its
 * own and not what the fill or the TypeScript loader left behind. The JavaScript heap in use is
 * sampled with it, to tell garbage waiting for the collector from memory held elsewhere.
 * BENCH_SYNC_CPU_PROF=DIR writes a V8 CPU profile of each side into DIR.
 */

const STATION_CODE = 'KMU01';
const SEED = 20_261_120;
/** Rows per fill transaction. */
const FILL_CHUNK = 10_000;
const projectRoot = join(import.meta.dirname, '..');

export interface SyncExportBenchOptions {
  /** Outbox rows of the large run; the small run has a tenth of them. */
  records: number;
  log?: (line: string) => void;
}

/** One side over the whole outbox. */
export interface SyncExportSide {
  records: number;
  seconds: number;
  recordsPerSecond: number;
  /** Bytes written: the NDJSON file (baseline) or the batch files (writer). */
  bytes: number;
  batches: number;
  /** Resident memory of the measuring process when the side started, and its highest sample. */
  startRssMegabytes: number;
  peakRssMegabytes: number;
  /** The JavaScript heap in use at the same samples: tells garbage awaiting collection from native memory. */
  startHeapMegabytes: number;
  peakHeapMegabytes: number;
}

export interface SyncExportRun {
  records: number;
  fillSeconds: number;
  meanPayloadBytes: number;
  databaseMegabytes: number;
  writer: SyncExportSide;
  /** The baseline before and after the writer (the page cache meets both the same way). */
  baselines: [SyncExportSide, SyncExportSide];
  /** Writer records/s over the faster baseline's. */
  ratio: number;
}

export interface SyncExportBenchResult {
  runs: SyncExportRun[];
}

// ---- The fill ----

/** Registration record `index` as the registration journal queues it (docs/sync-protocol.md §5.3). */
function registrationPayload(index: number, people: FakePeopleOptions, at: string): { id: string; personId: string; json: string } {
  const input = fakeRegistration(index, people);
  const choice = input.programs[0]!;
  const id = randomUUID();
  const personId = randomUUID();
  const { document } = input.person;
  const birth = document.number.slice(6, 14);
  const payload = {
    id,
    // A year holds at most 999 999 numbers: half a million a year keeps them unique.
    number: formatRegistrationNumber(STATION_CODE, 2016 + Math.floor(index / 500_000), (index % 500_000) + 1),
    personId,
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
    consents: consentPurposes.map((purpose) => ({
      purpose,
      granted: purpose === 'provincial_sync' || input.consents[purpose],
      textVersion: input.consents.textVersion,
      at,
    })),
    at,
  };
  return { id, personId, json: JSON.stringify(payload) };
}

async function fillStation(dataDir: string, records: number, log: (line: string) => void): Promise<{ seconds: number; meanPayloadBytes: number }> {
  const started = process.hrtime.bigint();
  const station = await openStation({ dataDir });
  try {
    const setup = await station.dispatch(
      'station:setup',
      { code: STATION_CODE, name: '昆明医科大学遗体捐献登记接收站', kind: 'university_station', regionCode: '5301', admin: { username: 'admin', displayName: '管理员', password: 'correct horse battery', pin: '246810' } },
      { sessionKey: 'bench-setup' },
    );
    if (!setup.ok) throw new Error(`station:setup failed: ${JSON.stringify(setup.error)}`);
    const { sqlite } = station.connection;
    // Bulk writing only: nothing fsynced during the fill; the measured sides reopen with the station's settings.
    sqlite.pragma('synchronous = OFF');
    const queueChange = rawOutboxWriter(sqlite);
    // Each record's person, with the consent to report that lets its rows into a batch (§5.4). The person
    // carries placeholder text where the station seals personal data: the writer never reads it.
    const insertPerson = sqlite.prepare(
      `insert into person (id, station_code, version, document_kind, document_key, name_key, phone_key, index_key_id, personal, created_at, updated_at)
       values (?, ?, 1, 'resident_id', ?, 'bench', 'bench', 'bench', 'x', ?, ?)`,
    );
    const insertConsentToReport = sqlite.prepare(
      `insert into consent (person_id, purpose, granted, text_version, at) values (?, 'provincial_sync', 1, 'bench', ?)`,
    );
    const people: FakePeopleOptions = { seed: SEED, today: stationDate(new Date()) };
    const { protection } = station.services;
    const epoch = Date.parse('2020-01-01T00:00:00.000Z');
    let payloadBytes = 0;
    const chunk = sqlite.transaction((from: number, to: number) => {
      for (let index = from; index < to; index += 1) {
        // One change a minute or so over the past years, in seq order as the station made them.
        const at = new Date(epoch + index * 61_000).toISOString();
        const { id, personId, json } = registrationPayload(index, people, at);
        payloadBytes += Buffer.byteLength(json, 'utf8');
        insertPerson.run(personId, STATION_CODE, `bench-document-${index}`, at, at);
        insertConsentToReport.run(personId, at);
        queueChange({ kind: 'registration', entityId: id, version: 1, payload: protection.seal(json, 'outbox.payload'), createdAt: at, personId, recordCreatedAt: at });
      }
    });
    for (let from = 0; from < records; from += FILL_CHUNK) {
      chunk(from, Math.min(records, from + FILL_CHUNK));
      if ((from / FILL_CHUNK) % 20 === 19) log(`  filled ${(from + FILL_CHUNK).toLocaleString('en-US')} of ${records.toLocaleString('en-US')} outbox rows`);
    }
    sqlite.pragma('wal_checkpoint(TRUNCATE)');
    return { seconds: Number(process.hrtime.bigint() - started) / 1e9, meanPayloadBytes: payloadBytes / records };
  } finally {
    await station.close();
  }
}

// ---- The measured sides, each in a process of its own running the station code bundled ----

type SideName = 'writer' | 'baseline';

/**
 * Bundles bench/sync-export-side.ts as the Electron main process is bundled (scripts/build-electron.ts):
 * the sides then run the station's code the way the product runs it, not through the TypeScript loader,
 * whose own memory would count against the writer. The bundle sits two folders deep, as dist/electron
 * does, so that paths to resources resolve the same.
 */
async function bundleSides(): Promise<string> {
  const outfile = join(projectRoot, 'dist', 'bench', 'sync-export-side.cjs');
  await build({
    entryPoints: [join(projectRoot, 'bench', 'sync-export-side.ts')],
    outfile,
    bundle: true,
    format: 'cjs',
    platform: 'node',
    target: 'node20',
    logLevel: 'error',
    external: MAIN_PROCESS_EXTERNALS,
    define: { 'import.meta.dirname': '__dirname' },
  });
  return outfile;
}

function measureInChild(sidesBundle: string, side: SideName, dataDir: string, outFile: string): Promise<SyncExportSide> {
  // BENCH_SYNC_CPU_PROF=DIR: a V8 CPU profile of each measured side, to see which call dominates.
  const profileDir = process.env.BENCH_SYNC_CPU_PROF?.trim();
  const profiling = profileDir ? ['--cpu-prof', `--cpu-prof-dir=${profileDir}`, `--cpu-prof-name=sync-export-${side}-${Date.now()}.cpuprofile`] : [];
  return new Promise((resolvePromise, reject) => {
    execFile(
      process.execPath,
      [...profiling, sidesBundle, side, dataDir, outFile],
      { encoding: 'utf8', maxBuffer: 16 * 1024 * 1024 },
      (error, stdout, stderr) => {
        if (error) {
          reject(new Error(`the ${side} side failed: ${error.message}\n${stderr}`));
          return;
        }
        const last = stdout.trim().split('\n').at(-1) ?? '';
        resolvePromise(JSON.parse(last) as SyncExportSide);
      },
    );
  });
}

async function runOnce(sidesBundle: string, records: number, log: (line: string) => void): Promise<SyncExportRun> {
  const dir = mkdtempSync(join(tmpdir(), 'relay-bench-sync-export-'));
  try {
    const dataDir = join(dir, 'station');
    const outFile = join(dir, 'baseline.ndjson');
    log(`  ${records.toLocaleString('en-US')} outbox rows: filling`);
    const fill = await fillStation(dataDir, records, log);
    const databaseMegabytes = statSync(join(dataDir, 'station.sqlite')).size / 1_048_576;
    log(`  filled in ${fill.seconds.toFixed(1)} s (${databaseMegabytes.toFixed(0)} MB); baseline`);
    const before = await measureInChild(sidesBundle, 'baseline', dataDir, outFile);
    log(`  baseline ${before.recordsPerSecond.toFixed(0)} records/s; writer`);
    const writer = await measureInChild(sidesBundle, 'writer', dataDir, outFile);
    if (writer.records !== records) throw new Error(`the writer wrote ${writer.records} records of ${records}`);
    log(`  writer ${writer.recordsPerSecond.toFixed(0)} records/s; baseline again`);
    const after = await measureInChild(sidesBundle, 'baseline', dataDir, outFile);
    const fastest = Math.max(before.recordsPerSecond, after.recordsPerSecond);
    return {
      records,
      fillSeconds: fill.seconds,
      meanPayloadBytes: fill.meanPayloadBytes,
      databaseMegabytes,
      writer,
      baselines: [before, after],
      ratio: writer.recordsPerSecond / fastest,
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export async function benchSyncExport(options: SyncExportBenchOptions): Promise<SyncExportBenchResult> {
  const log = options.log ?? (() => undefined);
  const small = Math.max(1, Math.floor(options.records / 10));
  const runs: SyncExportRun[] = [];
  const sidesBundle = await bundleSides();
  for (const records of [small, options.records]) runs.push(await runOnce(sidesBundle, records, log));
  return { runs };
}
