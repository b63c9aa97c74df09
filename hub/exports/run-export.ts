import { randomUUID } from 'node:crypto';
import { exportSteps, tablesToCsvInSteps, tablesToXlsx, type ExportCell, type ExportTable } from '../../electron/tables/table-export';
import type { HubStore } from '../db/open';
import type { ProvinceKeys } from '../keys/province-keys';
import { HubSealer } from '../people/sealing';
import { exportEventTypes, type ExportEvent } from './export-event';
import { nextCursor, recordExportRun, type ExportCounts } from './export-runs';
import { manifestBytes, MANIFEST_FILE, MANIFEST_FORMAT, sha256Hex, SIGNATURE_FILE, signManifest, type ExportManifest, type ManifestFile } from './manifest';
import type { ExportFileMap, ExportPlatform, PlatformMap } from './maps/column-map';
import { PLATFORM_MAPS } from './maps/index';
import { readExportEvents, versionsInRange } from './read-events';
import { settledSeq, type SettleOptions } from './settled-seq';
import { writeRunFolder } from './write-folder';

/** What to export, where to, and for whom the run is recorded. */
export interface ExportInput {
  platform: ExportPlatform;
  /** The folder the run's own folder is made in. */
  outDir: string;
  /** Who ran it: a console account id, or `cli:<user>` at the command line. */
  createdBy: string;
  /** Read after this seq instead of the platform's cursor (the last run's `to`): runs a range again. */
  fromSeq?: number;
  /** How long to wait for PostgreSQL transactions in flight (`settledSeq`). */
  settle?: SettleOptions;
}

/** Work done out of the total, for a progress bar. The total is final once the versions are read. */
export interface ExportProgressReport {
  done: number;
  total: number;
}

/** A run as the console shows it: figures, no personal value. */
export interface ExportRunSummary {
  runId: string;
  platform: ExportPlatform;
  mapVersion: string;
  cursor: { from: number; to: number };
  counts: ExportCounts;
  /** The run's folder, absolute. */
  folder: string;
  manifestSha256: string;
  files: ManifestFile[];
  createdAt: string;
}

/**
 * A spreadsheet runs a cell that starts with = + - @ (or a tab or carriage return) as a formula: such text
 * gets a leading apostrophe, in the XLSX as in the CSV, so both files hold the same inert rows.
 */
export function formulaSafe(cell: ExportCell): ExportCell {
  return typeof cell === 'string' && /^[=+\-@\t\r]/u.test(cell) ? `'${cell}` : cell;
}

/** A file's table: the map's headers, one row per event of its programs, in seq order. */
export function exportTable(file: ExportFileMap, events: readonly ExportEvent[]): ExportTable {
  return {
    title: file.title,
    headers: file.columns.map((column) => column.column),
    rows: eventsOfFile(file, events).map((event) => file.columns.map((column) => formulaSafe(column.value(event)))),
  };
}

/** The events of the file's programs. */
function eventsOfFile(file: ExportFileMap, events: readonly ExportEvent[]): ExportEvent[] {
  return events.filter((event) => file.programs.includes(event.program));
}

/** Rows per event type over every file, and rows per file. */
function countsOf(map: PlatformMap, events: readonly ExportEvent[]): ExportCounts {
  const byType: Record<string, number> = Object.fromEntries(exportEventTypes.map((type) => [type, 0]));
  const files: Record<string, number> = {};
  for (const file of map.files) {
    const fileEvents = eventsOfFile(file, events);
    files[file.file] = fileEvents.length;
    for (const event of fileEvents) byType[event.type] = (byType[event.type] ?? 0) + 1;
  }
  return { events: byType, files };
}

function compactMoment(iso: string): string {
  return iso.replace(/[-:]/g, '').replace(/\.\d+Z$/, 'Z');
}

const seqText = (seq: number) => String(seq).padStart(12, '0');

/**
 * Exports a platform's events since its cursor into a new folder of `outDir`: per file of the map a CSV and
 * an XLSX of the same rows, `manifest.json` (platform, map version, cursor, counts, SHA-256 of each file) and
 * `manifest.sig` (Ed25519, the province's signing key), written aside and renamed; then records the run
 * (`export_run`), whose `to` is the next run's cursor. The range ends at `settledSeq`, never past a version
 * that may still commit below it.
 */
export async function runExport(
  store: HubStore,
  provinceCode: string,
  input: ExportInput,
  keys: Pick<ProvinceKeys, 'signing' | 'data'>,
  onProgress: (progress: ExportProgressReport) => void = () => undefined,
): Promise<ExportRunSummary> {
  const map = PLATFORM_MAPS[input.platform];
  const from = input.fromSeq ?? (await nextCursor(store.db, provinceCode, input.platform));
  const to = Math.max(from, await settledSeq(store, input.settle));
  const range = { from, to };
  const versions = await versionsInRange(store, provinceCode, range);
  let done = 0;
  // Until the rows are known, writing is reckoned at two steps per version read.
  onProgress({ done, total: versions * 3 + 2 });
  const events = await readExportEvents(store, provinceCode, new HubSealer(keys.data), map, range, (read) => {
    done += read;
    onProgress({ done, total: versions * 3 + 2 });
  });
  const tables = map.files.map((file) => exportTable(file, events));
  const writeTotal = tables.reduce((steps, table) => steps + 2 * exportSteps([table]), 0);
  const total = versions + writeTotal;
  const written = (base: number) => (step: number) => onProgress({ done: versions + base + step, total });

  const runId = randomUUID();
  const createdAt = new Date().toISOString();
  const dataFiles: Array<readonly [string, Buffer]> = [];
  const manifestFiles: ManifestFile[] = [];
  let base = 0;
  for (const [index, table] of tables.entries()) {
    const name = map.files[index]!.file;
    const steps = exportSteps([table]);
    const csv = await tablesToCsvInSteps([table], written(base));
    base += steps;
    const xlsx = await tablesToXlsx([table], 'Relay Station provincial hub', written(base));
    base += steps;
    for (const [fileName, bytes] of [[`${name}.csv`, csv], [`${name}.xlsx`, xlsx]] as const) {
      dataFiles.push([fileName, bytes]);
      manifestFiles.push({ name: fileName, sha256: sha256Hex(bytes), bytes: bytes.length, rows: table.rows.length });
    }
  }
  const counts = countsOf(map, events);
  const manifest: ExportManifest = {
    format: MANIFEST_FORMAT,
    province: provinceCode,
    runId,
    platform: map.platform,
    mapVersion: map.version,
    cursor: range,
    counts,
    files: manifestFiles,
    createdAt,
    createdBy: input.createdBy,
    signingKeyId: keys.signing.keyId,
  };
  const manifestFile = manifestBytes(manifest);
  const folderName = `${map.platform}-${seqText(from)}-${seqText(to)}-${compactMoment(createdAt)}-${runId.slice(0, 8)}`;
  const folder = writeRunFolder(input.outDir, folderName, [...dataFiles, [MANIFEST_FILE, manifestFile], [SIGNATURE_FILE, signManifest(manifestFile, keys.signing.privateKey)]]);
  const manifestSha256 = sha256Hex(manifestFile);
  await recordExportRun(store.db, provinceCode, { id: runId, platform: map.platform, mapVersion: map.version, cursorFrom: from, cursorTo: to, counts, manifestSha256, folder: folderName, createdAt, createdBy: input.createdBy }, events);
  onProgress({ done: total, total });
  return { runId, platform: map.platform, mapVersion: map.version, cursor: range, counts, folder, manifestSha256, files: manifestFiles, createdAt };
}
