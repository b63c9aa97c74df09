import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import type { ExportCell, ExportTable } from '../../electron/tables/table-export';
import type { HubStore } from '../db/open';
import type { ProvinceKeys } from '../keys/province-keys';
import { HubSealer } from '../people/sealing';
import { exportEventTypes, type ExportEvent } from './export-event';
import { commandLineRunner, endExportProgress, reportExportProgress, startExportProgress } from './export-progress';
import { forgetRunSubjects, nextCursor, recordDeliveredSubjects, recordExportRun, type ExportCounts } from './export-runs';
import { CsvFileWriter, XlsxFileWriter } from './file-writers';
import { manifestBytes, MANIFEST_FILE, MANIFEST_FORMAT, sha256Hex, SIGNATURE_FILE, signManifest, type ExportManifest, type ManifestFile } from './manifest';
import type { ExportFileMap, ExportPlatform, PlatformMap } from './maps/column-map';
import { PLATFORM_MAPS } from './maps/index';
import { exportEventPages, versionsInRange } from './read-events';
import { ExportNotSettledError, settledSeq, type SettleOptions } from './settled-seq';
import { commitRunFolder, discardRunFolder, ExportFolderExistsError, openRunFolder, writeFileDurably } from './write-folder';

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
  /** The run's id (a console job's id); a new one when not given. */
  runId?: string;
  /** Who runs it, as `export_progress` records it: `hub` for the console's runs; this process by default. */
  runner?: string;
  /** Versions read at a time (default 1000): memory holds one page of rows, never the whole run. */
  pageSize?: number;
}

/** Work done out of the total, for a progress bar: a step per version read, and one for packing the files. */
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

/** A file's rows: one per event of its programs, in seq order, each cell made inert to a spreadsheet. */
export function exportRows(file: ExportFileMap, events: readonly ExportEvent[]): ExportCell[][] {
  return eventsOfFile(file, events).map((event) => file.columns.map((column) => formulaSafe(column.value(event))));
}

/** A file's table: the map's headers, one row per event of its programs, in seq order. */
export function exportTable(file: ExportFileMap, events: readonly ExportEvent[]): ExportTable {
  return { title: file.title, headers: file.columns.map((column) => column.column), rows: exportRows(file, events) };
}

/** The events of the file's programs. */
function eventsOfFile(file: ExportFileMap, events: readonly ExportEvent[]): ExportEvent[] {
  return events.filter((event) => file.programs.includes(event.program));
}

/** Rows per event type over every file, and rows per file, before the first row. */
function emptyCounts(map: PlatformMap): ExportCounts {
  return { events: Object.fromEntries(exportEventTypes.map((type) => [type, 0])), files: Object.fromEntries(map.files.map((file) => [file.file, 0])) };
}

/** Adds a page's events to the counts. */
function countPage(counts: ExportCounts, map: PlatformMap, events: readonly ExportEvent[]): void {
  for (const file of map.files) {
    for (const event of eventsOfFile(file, events)) {
      counts.files[file.file] = (counts.files[file.file] ?? 0) + 1;
      counts.events[event.type] = (counts.events[event.type] ?? 0) + 1;
    }
  }
}

function compactMoment(iso: string): string {
  return iso.replace(/[-:]/g, '').replace(/\.\d+Z$/, 'Z');
}

const seqText = (seq: number) => String(seq).padStart(12, '0');

/** The workbook's creator in every XLSX of a run. */
const XLSX_CREATOR = 'Relay Station provincial hub';

/** The two files of a map's file, each written as the pages come. */
interface OpenFile {
  file: ExportFileMap;
  csv: CsvFileWriter;
  xlsx: XlsxFileWriter;
}

async function openFiles(map: PlatformMap, aside: string, created: Date): Promise<OpenFile[]> {
  const opened: OpenFile[] = [];
  for (const file of map.files) {
    const headers = file.columns.map((column) => column.column);
    const csv = new CsvFileWriter(join(aside, `${file.file}.csv`), headers);
    const xlsx = await XlsxFileWriter.open(join(aside, `${file.file}.xlsx`), { title: file.title, headers }, XLSX_CREATOR, created);
    opened.push({ file, csv, xlsx });
  }
  return opened;
}

/**
 * Exports a platform's events since its cursor into a new folder of `outDir`: per file of the map a CSV and
 * an XLSX of the same rows, `manifest.json` (platform, map version, cursor, counts, SHA-256 of each file) and
 * `manifest.sig` (Ed25519, the province's signing key), written aside and renamed; then records the run
 * (`export_run`), whose `to` is the next run's cursor. The range ends at `settledSeq`, never past a version
 * that may still commit below it.
 *
 * The run streams: it reads a page of versions at a time past the cursor, writes that page's rows to every
 * file and hashes them as they are written, so its memory stays flat however long the range. Its progress is
 * kept in `export_progress` as it goes (a hub restarted under it marks it interrupted); the registrations it
 * delivers are recorded page by page under its id, and taken back if it fails.
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
  // Every version read is a step, and packing the files one more.
  const total = (await versionsInRange(store, provinceCode, range)) + 1;
  let done = 0;
  onProgress({ done, total });

  const runId = input.runId ?? randomUUID();
  const createdAt = new Date().toISOString();
  const folderName = `${map.platform}-${seqText(from)}-${seqText(to)}-${compactMoment(createdAt)}-${runId.slice(0, 8)}`;
  const folder = openRunFolder(input.outDir, folderName);
  let files: OpenFile[] = [];
  try {
    await startExportProgress(store.db, provinceCode, { runId, platform: map.platform, runner: input.runner ?? commandLineRunner(), cursor: range, total, partialFolder: folder.aside, startedAt: createdAt, createdBy: input.createdBy });
    files = await openFiles(map, folder.aside, new Date(createdAt));
    const counts = emptyCounts(map);
    const sealer = new HubSealer(keys.data);
    for await (const page of exportEventPages(store, provinceCode, sealer, map, range, { runId, ...(input.pageSize === undefined ? {} : { pageSize: input.pageSize }) })) {
      for (const { file, csv, xlsx } of files) {
        const rows = exportRows(file, page.events);
        await csv.writeRows(rows);
        await xlsx.writeRows(rows);
      }
      countPage(counts, map, page.events);
      await recordDeliveredSubjects(store.db, provinceCode, map.platform, runId, page.events);
      done += page.versions;
      await reportExportProgress(store.db, provinceCode, runId, done);
      onProgress({ done, total });
    }

    const manifestFiles: ManifestFile[] = [];
    for (const { file, csv, xlsx } of files) {
      const rows = counts.files[file.file] ?? 0;
      manifestFiles.push({ name: `${file.file}.csv`, ...(await csv.finish()), rows });
      manifestFiles.push({ name: `${file.file}.xlsx`, ...(await xlsx.finish()), rows });
    }
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
    writeFileDurably(join(folder.aside, MANIFEST_FILE), manifestFile);
    writeFileDurably(join(folder.aside, SIGNATURE_FILE), signManifest(manifestFile, keys.signing.privateKey));
    const target = commitRunFolder(folder);
    const manifestSha256 = sha256Hex(manifestFile);
    await store.db.transaction().execute(async (trx) => {
      await recordExportRun(trx, provinceCode, { id: runId, platform: map.platform, mapVersion: map.version, cursorFrom: from, cursorTo: to, counts, manifestSha256, folder: folderName, createdAt, createdBy: input.createdBy });
      await endExportProgress(trx, provinceCode, runId, { state: 'finished' });
    });
    onProgress({ done: total, total });
    return { runId, platform: map.platform, mapVersion: map.version, cursor: range, counts, folder: target, manifestSha256, files: manifestFiles, createdAt };
  } catch (error) {
    for (const { csv, xlsx } of files) {
      csv.abandon();
      xlsx.abandon();
    }
    discardRunFolder(folder.aside);
    await forgetRunSubjects(store.db, provinceCode, runId).catch(() => undefined);
    await endExportProgress(store.db, provinceCode, runId, { state: 'failed', failure: exportFailureCode(error) }).catch(() => undefined);
    throw error;
  }
}

/** The code a failed run is recorded and shown with. */
export function exportFailureCode(error: unknown): string {
  if (error instanceof ExportNotSettledError) return 'export_not_settled';
  if (error instanceof ExportFolderExistsError) return 'export_folder_exists';
  return 'internal';
}
