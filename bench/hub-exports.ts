import { createHash, randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { tablesToCsvInSteps, tablesToXlsx } from '../electron/tables/table-export';
import { openHubDatabase, type HubConnection } from '../hub/db/open';
import { PLATFORM_MAPS } from '../hub/exports/maps/index';
import { readExportEvents } from '../hub/exports/read-events';
import { exportTable, runExport } from '../hub/exports/run-export';
import { settledSeq } from '../hub/exports/settled-seq';
import { loadOrCreateProvinceKeys, type ProvinceKeys } from '../hub/keys/province-keys';
import { HubSealer } from '../hub/people/sealing';
import { formatNumber, table, type Figures, type Print } from './report';

/**
 * A national export (CODAC) of R organ registrations on a SQLite hub, written straight into `record_version`
 * as sealed payloads (the ingest has its own benchmark). Measured: the streaming run (`runExport`: a page of
 * versions at a time, each page's rows written to the CSV and the XLSX as it comes); against a baseline in the
 * same run, the same range held whole in memory as the hub did before (every event read, then the CSV and the
 * XLSX made as buffers). Each side reports rows per second and how far its memory rose above where it started:
 * the resident set and the JavaScript heap, sampled every 20 ms. The goal: the streaming run's memory flat
 * whatever R, the baseline's growing with it.
 */

const PROVINCE = '53';
const STATION = 'KMU01';
/** Versions written per INSERT. */
const CHUNK = 500;
const SAMPLE_MS = 20;

export interface HubExportsBenchOptions {
  registrations: number;
  log?: (line: string) => void;
}

/** One side's figures. */
export interface ExportSide {
  rows: number;
  seconds: number;
  rowsPerSecond: number;
  /** Highest resident set above the side's start, MB. */
  peakRssMb: number;
  /** Highest JavaScript heap in use above the side's start, MB. */
  peakHeapMb: number;
}

export interface HubExportsBenchResult {
  registrations: number;
  stored: number;
  streaming: ExportSide;
  inMemory: ExportSide;
}

/** A registration payload as a station sends it, with the consent to report it to the province. */
function organPayload(index: number, at: string): Record<string, unknown> {
  const serial = String(index).padStart(7, '0');
  return {
    number: `${STATION}-2026-R${serial}`,
    program: 'organ',
    state: 'active',
    event: 'created',
    channel: 'desk',
    person: { name: `登记人${serial}`, documentKind: 'resident_id', documentNumber: `53010219900307${serial.slice(-4)}`, birthDate: '1990-03-07', sex: index % 2 === 0 ? 'female' : 'male', ethnicGroup: '01', phone: `138${serial}0` },
    choice: { program: 'organ', organs: { kind: 'all' } },
    consents: [{ purpose: 'provincial_sync', granted: true, at }],
  };
}

/** Writes the station, one batch and R sealed registration versions; returns the versions stored. */
async function fill(hub: HubConnection, keys: ProvinceKeys, registrations: number, log: (line: string) => void): Promise<number> {
  const at = '2026-03-01T02:00:00.000Z';
  await hub.db.insertInto('station').values({ province_code: PROVINCE, code: STATION, kind: 'university_station', region_code: '530102', name: 'Bench station', registered_at: at }).execute();
  const batchId = `${STATION}-BENCH`;
  const sha = createHash('sha256').update(batchId).digest('hex');
  await hub.db.insertInto('batch').values({ province_code: PROVINCE, batch_id: batchId, station_code: STATION, batch_seq: 1, manifest_sha256: sha, audit_seq: 1, audit_hash: sha, received_at: at, ack: null }).execute();
  const sealer = new HubSealer(keys.data);
  for (let start = 0; start < registrations; start += CHUNK) {
    const rows = [];
    for (let index = start; index < Math.min(registrations, start + CHUNK); index += 1) {
      const canonical = Buffer.from(JSON.stringify(organPayload(index, at)), 'utf8');
      rows.push({
        province_code: PROVINCE,
        station_code: STATION,
        entity_kind: 'registration',
        entity_id: randomUUID(),
        version: 1,
        content_sha256: createHash('sha256').update(canonical).digest('hex'),
        sealed_payload: sealer.sealPayload(canonical),
        changed_at: at,
        batch_id: batchId,
        line_seq: index + 1,
      });
    }
    await hub.db.insertInto('record_version').values(rows).execute();
    if ((start / CHUNK) % 100 === 99) log(`hub-exports: ${start + CHUNK} versions written`);
  }
  const row = await hub.db.selectFrom('record_version').select((eb) => eb.fn.countAll().as('count')).executeTakeFirstOrThrow();
  return Number(row.count);
}

/** Runs `work`, sampling the resident set and the heap meanwhile; its rows and how high memory rose. */
async function measured(work: () => Promise<number>): Promise<ExportSide> {
  (globalThis as { gc?: () => void }).gc?.();
  const start = process.memoryUsage();
  let peakRss = start.rss;
  let peakHeap = start.heapUsed;
  const sample = () => {
    const now = process.memoryUsage();
    peakRss = Math.max(peakRss, now.rss);
    peakHeap = Math.max(peakHeap, now.heapUsed);
  };
  const timer = setInterval(sample, SAMPLE_MS);
  const began = performance.now();
  try {
    const rows = await work();
    sample();
    const seconds = (performance.now() - began) / 1000;
    const mb = (bytes: number) => Number((Math.max(0, bytes) / 1_048_576).toFixed(1));
    return { rows, seconds: Number(seconds.toFixed(3)), rowsPerSecond: Math.round(rows / Math.max(seconds, 1e-6)), peakRssMb: mb(peakRss - start.rss), peakHeapMb: mb(peakHeap - start.heapUsed) };
  } finally {
    clearInterval(timer);
  }
}

/** Fills a throw-away SQLite hub and times both sides over the same range. */
export async function benchHubExports(options: HubExportsBenchOptions): Promise<HubExportsBenchResult> {
  const log = options.log ?? (() => undefined);
  const folder = mkdtempSync(join(tmpdir(), 'relay-bench-exports-'));
  const hub = await openHubDatabase({ engine: 'sqlite', file: join(folder, 'hub.sqlite') });
  try {
    const { keys } = loadOrCreateProvinceKeys(join(folder, 'keys'));
    const stored = await fill(hub, keys, options.registrations, log);
    // The spreadsheet library is loaded before either side is measured, so that neither pays for it.
    await import('exceljs');
    log('hub-exports: streaming run');
    const streaming = await measured(async () => {
      const run = await runExport(hub, PROVINCE, { platform: 'codac', outDir: join(folder, 'out'), createdBy: 'bench' }, keys);
      return run.counts.files.codac ?? 0;
    });
    log('hub-exports: the same range held in memory');
    const inMemory = await measured(async () => {
      const map = PLATFORM_MAPS.codac;
      const events = await readExportEvents(hub, PROVINCE, new HubSealer(keys.data), map, { from: 0, to: await settledSeq(hub) });
      const exported = exportTable(map.files[0]!, events);
      const csv = await tablesToCsvInSteps([exported]);
      const xlsx = await tablesToXlsx([exported], 'bench');
      return csv.length > 0 && xlsx.length > 0 ? exported.rows.length : 0;
    });
    return { registrations: options.registrations, stored, streaming, inMemory };
  } finally {
    await hub.close();
    rmSync(folder, { recursive: true, force: true });
  }
}

/** Prints both sides and returns the figures. */
export function printHubExports(result: HubExportsBenchResult, print: Print): Figures {
  const line = (label: string, side: ExportSide) => [label, formatNumber(side.rows, 0), formatNumber(side.seconds, 2), formatNumber(side.rowsPerSecond, 0), formatNumber(side.peakRssMb, 1), formatNumber(side.peakHeapMb, 1)];
  print(table(['side', 'rows', 's', 'rows/s', 'peak RSS +MB', 'peak heap +MB'], [line('streaming (runExport)', result.streaming), line('in memory (baseline)', result.inMemory)]));
  const ratio = result.inMemory.rowsPerSecond === 0 ? 0 : result.streaming.rowsPerSecond / result.inMemory.rowsPerSecond;
  print(`streaming speed: ${formatNumber(ratio, 2)}× the baseline's; memory: ${formatNumber(result.streaming.peakHeapMb, 1)} MB of heap against ${formatNumber(result.inMemory.peakHeapMb, 1)} MB`);
  return {
    registrations: result.registrations,
    streamingRowsPerSecond: result.streaming.rowsPerSecond,
    inMemoryRowsPerSecond: result.inMemory.rowsPerSecond,
    speedRatio: Number(ratio.toFixed(3)),
    streamingPeakRssMb: result.streaming.peakRssMb,
    inMemoryPeakRssMb: result.inMemory.peakRssMb,
    streamingPeakHeapMb: result.streaming.peakHeapMb,
    inMemoryPeakHeapMb: result.inMemory.peakHeapMb,
  };
}
