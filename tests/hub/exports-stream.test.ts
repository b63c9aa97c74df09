import { randomUUID } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { tablesToCsv, type ExportCell } from '../../electron/tables/table-export';
import { createConsoleDispatcher, type ConsoleDispatcher } from '../../hub/console/dispatcher';
import { ExportJobs } from '../../hub/console/export-jobs';
import { interruptLeftExportsAudited } from '../../hub/console/handlers/exports-handlers';
import { exportProgressOf, HUB_RUNNER, startExportProgress } from '../../hub/exports/export-progress';
import { exportRuns, nextCursor, recordDeliveredSubjects } from '../../hub/exports/export-runs';
import { CsvFileWriter, WIDTH_SAMPLE_ROWS, XlsxFileWriter } from '../../hub/exports/file-writers';
import type { ExportManifest } from '../../hub/exports/manifest';
import { PLATFORM_MAPS } from '../../hub/exports/maps/index';
import { exportEventPages, versionsInRange } from '../../hub/exports/read-events';
import { runExport, type ExportProgressReport } from '../../hub/exports/run-export';
import { settledSeq } from '../../hub/exports/settled-seq';
import { openRunFolder } from '../../hub/exports/write-folder';
import { ingestBatchFile } from '../../hub/ingest/ingest-batch';
import { loadOrCreateProvinceKeys, type ProvinceKeys } from '../../hub/keys/province-keys';
import { HubSealer } from '../../hub/people/sealing';
import { residentId } from '../fixtures/registrations';
import { PROVINCE } from './support/batches';
import { describeOnBothEngines, type OpenedHub } from './support/both-engines';
import { consoleFixture, type ConsoleFixture } from './support/console';
import { readCsv, readExportTable, readXlsx } from './support/export-files';
import { ProtocolStation, registrationPayload, type OutboxLine } from './support/protocol-stations';

/** Registrations in the province: enough for several pages of seven. */
const RECORDS = 50;

describeOnBothEngines('hub exports stream a page at a time, and a run cut short by a stopped hub is interrupted', (open) => {
  let folder: string;
  let keys: ProvinceKeys;
  let hub: OpenedHub;

  beforeEach(async () => {
    folder = mkdtempSync(join(tmpdir(), 'relay-hub-export-stream-'));
    keys = loadOrCreateProvinceKeys(join(folder, 'keys')).keys;
    hub = await open();
    const station = new ProtocolStation('KMU01');
    await station.registerAt(hub.db);
    const lines: OutboxLine[] = [];
    for (let index = 0; index < RECORDS; index += 1) {
      const id = randomUUID();
      const shape = { name: index % 5 === 0 ? `=名${index}` : `名字${index}`, documentKind: 'resident_id', documentNumber: residentId('530102', '19900307', String(100 + index)), birthDate: '1990-03-07' };
      // Organ registrations, and every seventh a cornea one that the CODAC file leaves out.
      const program = index % 7 === 3 ? 'cornea' : 'organ';
      const choice = program === 'organ' ? { program, organs: { kind: 'all' } } : { program };
      lines.push({ kind: 'registration', entityId: id, version: 1, payload: { ...registrationPayload(id, randomUUID(), shape, { program }), choice } });
    }
    const result = await ingestBatchFile(station.batchFile(station.queue(...lines)), { hub, provinceCode: PROVINCE, keys });
    expect(result).toMatchObject({ outcome: 'applied', counts: { rejected: 0 } });
  });
  afterEach(() => rmSync(folder, { recursive: true, force: true }));

  const exportCodac = (extra: { pageSize?: number; fromSeq?: number; onProgress?: (progress: ExportProgressReport) => void } = {}) =>
    runExport(hub, PROVINCE, { platform: 'codac', outDir: join(folder, 'out'), createdBy: 'test', ...(extra.pageSize === undefined ? {} : { pageSize: extra.pageSize }), ...(extra.fromSeq === undefined ? {} : { fromSeq: extra.fromSeq }) }, keys, extra.onProgress);

  /** The manifest without what differs between two runs of the same range (their id, moment, and the XLSX's zip times). */
  function comparable(runFolder: string) {
    const manifest = JSON.parse(readFileSync(join(runFolder, 'manifest.json'), 'utf8')) as ExportManifest;
    const { runId: _runId, createdAt: _createdAt, ...rest } = manifest;
    return { ...rest, files: rest.files.map((file) => (file.name.endsWith('.xlsx') ? { name: file.name, rows: file.rows } : file)) };
  }

  it('reads the versions page by page: pages of seven give the same files and manifest as one page', async () => {
    expect(await versionsInRange(hub, PROVINCE, { from: 0, to: Number.MAX_SAFE_INTEGER })).toBe(RECORDS);

    // The reader hands out pages of at most seven versions, every version once.
    const pages: number[] = [];
    for await (const page of exportEventPages(hub, PROVINCE, new HubSealer(keys.data), PLATFORM_MAPS.codac, { from: 0, to: Number.MAX_SAFE_INTEGER }, { pageSize: 7 })) pages.push(page.versions);
    expect(pages).toEqual([7, 7, 7, 7, 7, 7, 7, 1]);

    const progress: number[] = [];
    const paged = await exportCodac({ pageSize: 7, onProgress: (report) => progress.push(report.done) });
    // Progress after each page: the run read and wrote one page at a time, then packed the files.
    expect(progress).toEqual([0, 7, 14, 21, 28, 35, 42, 49, 50, 51]);
    const whole = await exportCodac({ pageSize: 1_000, fromSeq: paged.cursor.from });
    expect(whole.cursor).toEqual(paged.cursor);

    expect(comparable(paged.folder)).toEqual(comparable(whole.folder));
    expect(readFileSync(join(paged.folder, 'codac.csv'))).toEqual(readFileSync(join(whole.folder, 'codac.csv')));
    const [pagedTable, wholeTable] = [await readExportTable(paged.folder, 'codac'), await readExportTable(whole.folder, 'codac')];
    expect(pagedTable).toEqual(wholeTable);
    expect(pagedTable.rows).toHaveLength(RECORDS - 7);
    expect(pagedTable.xlsx.rows).toEqual(pagedTable.rows);
    expect(paged.counts).toEqual({ events: { registered: RECORDS - 7, changed: 0, withdrawn: 0 }, files: { codac: RECORDS - 7 } });
    expect(readdirSync(join(folder, 'out')).filter((name) => name.startsWith('.'))).toEqual([]);
  });

  it('writes a CSV byte for byte as the whole table would be, and an XLSX past its width sample row by row', async () => {
    const headers = ['编号', '姓名', '数'];
    const rows: ExportCell[][] = Array.from({ length: WIDTH_SAMPLE_ROWS * 2 + 17 }, (_, index) => [`R${index}`, index % 3 === 0 ? `"引号",${index}` : `名字${index}`, index]);
    const csv = new CsvFileWriter(join(folder, 'rows.csv'), headers);
    const xlsx = await XlsxFileWriter.open(join(folder, 'rows.xlsx'), { title: '登记', headers }, 'test', new Date('2026-12-01T00:00:00.000Z'));
    for (let start = 0; start < rows.length; start += 7) {
      await csv.writeRows(rows.slice(start, start + 7));
      await xlsx.writeRows(rows.slice(start, start + 7));
    }
    const writtenCsv = await csv.finish();
    const writtenXlsx = await xlsx.finish();
    const expected = tablesToCsv([{ title: '登记', headers, rows }]);
    expect(readFileSync(join(folder, 'rows.csv'))).toEqual(expected);
    expect(writtenCsv.bytes).toBe(expected.length);
    expect(writtenXlsx.bytes).toBe(readFileSync(join(folder, 'rows.xlsx')).length);
    const read = await readXlsx(join(folder, 'rows.xlsx'));
    expect(read.headers).toEqual(headers);
    expect(read.rows).toEqual(readCsv(join(folder, 'rows.csv')).rows);
  });

  it('a failed run leaves no files, no deliveries and the cursor where it was', async () => {
    await expect(
      exportCodac({
        pageSize: 7,
        onProgress: (report) => {
          if (report.done === 21) throw new Error('disk full');
        },
      }),
    ).rejects.toThrow('disk full');
    expect(await nextCursor(hub.db, PROVINCE, 'codac')).toBe(0);
    expect(await hub.db.selectFrom('export_subject').selectAll().execute()).toEqual([]);
    expect(readdirSync(join(folder, 'out'))).toEqual([]);
    const [failed] = await hub.db.selectFrom('export_progress').select(['state', 'failure']).execute();
    expect(failed).toEqual({ state: 'failed', failure: 'internal' });
  });

  it('at a hub’s start, a run its console left running is interrupted: half-written files removed, deliveries taken back, audited, shown so', async () => {
    const fixture: ConsoleFixture = await consoleFixture(hub);
    const outDir = join(folder, 'out');
    const jobs = new ExportJobs();
    const dispatcher: ConsoleDispatcher = createConsoleDispatcher({ store: hub, provinceCode: PROVINCE, auditKey: fixture.auditKey, resources: { keys, exportsFolder: outDir, exportJobs: jobs }, now: fixture.now });
    const data = async (name: string, input?: unknown) => {
      const { result } = await dispatcher.dispatch(name, input, await fixture.sessionOf('analyst'));
      if (!result.ok) throw new Error(`${name} refused: ${result.error.code}`);
      return result.data as any;
    };

    const to = await settledSeq(hub);
    // A run the console started, cut short after two pages: its progress stored, its hidden folder half-written.
    const runId = randomUUID();
    const partial = openRunFolder(outDir, `codac-cut-short-${runId.slice(0, 8)}`);
    writeFileSync(join(partial.aside, 'codac.csv'), 'half');
    await startExportProgress(hub.db, PROVINCE, { runId, platform: 'codac', runner: HUB_RUNNER, cursor: { from: 0, to }, total: RECORDS + 1, partialFolder: partial.aside, startedAt: fixture.now().toISOString(), createdBy: fixture.accounts.analyst.id });
    let pages = 0;
    for await (const page of exportEventPages(hub, PROVINCE, new HubSealer(keys.data), PLATFORM_MAPS.codac, { from: 0, to }, { pageSize: 7, runId })) {
      await recordDeliveredSubjects(hub.db, PROVINCE, 'codac', runId, page.events);
      if ((pages += 1) === 2) break;
    }
    expect(await hub.db.selectFrom('export_subject').selectAll().execute()).not.toEqual([]);
    expect(await data('exports:progress', { jobId: runId })).toMatchObject({ state: 'running', run: null });

    // The hub starts again.
    const interrupted = await interruptLeftExportsAudited(hub, hub.engine, fixture.auditKey, PROVINCE, fixture.now());
    expect(interrupted.map((run) => run.runId)).toEqual([runId]);
    expect(existsSync(partial.aside)).toBe(false);
    expect(await hub.db.selectFrom('export_subject').selectAll().execute()).toEqual([]);
    expect(await nextCursor(hub.db, PROVINCE, 'codac')).toBe(0);
    expect(await exportProgressOf(hub.db, PROVINCE, runId)).toMatchObject({ state: 'interrupted', failure: 'export_interrupted' });
    const audit = await hub.db.selectFrom('console_audit').select(['action', 'subject', 'detail']).where('province_code', '=', PROVINCE).orderBy('seq').execute();
    const entry = audit.find((row) => row.action === 'exports:interrupted');
    expect(entry?.subject).toBe(`export-job:${runId}`);
    expect(JSON.parse(entry!.detail!)).toMatchObject({ runId, platform: 'codac', cursor: { from: 0, to } });

    // The console shows it so: its progress bar, and the list beside the runs.
    expect(await data('exports:progress', { jobId: runId })).toMatchObject({ state: 'interrupted', failure: 'export_interrupted', run: null });
    expect((await data('exports:runs', {})).unfinished).toMatchObject([{ runId, platform: 'codac', state: 'interrupted', cursor: { from: 0, to } }]);
    // Starting again finds nothing left to interrupt.
    expect(await interruptLeftExportsAudited(hub, hub.engine, fixture.auditKey, PROVINCE, fixture.now())).toEqual([]);

    // The next run covers the same versions, and a run started from the console is found by its job's id.
    const { jobId } = await data('exports:start', { platform: 'codac' });
    await jobs.whenIdle();
    const done = await data('exports:progress', { jobId });
    expect(done).toMatchObject({ state: 'finished', run: { runId: jobId, cursor: { from: 0, to } } });
    expect(await exportProgressOf(hub.db, PROVINCE, jobId)).toMatchObject({ state: 'finished', runner: HUB_RUNNER, done: RECORDS + 1, total: RECORDS + 1 });
    expect((await exportRuns(hub, PROVINCE)).map((run) => run.id)).toEqual([jobId]);
    expect(await hub.db.selectFrom('export_subject').select('run_id').distinct().execute()).toEqual([{ run_id: jobId }]);
  });
});
