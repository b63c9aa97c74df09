import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterEach, beforeEach, expect, it } from 'vitest';
import type { ConsoleResources } from '../../hub/console/console-resources';
import { createConsoleDispatcher, type ConsoleDispatcher } from '../../hub/console/dispatcher';
import { ExportJobs } from '../../hub/console/export-jobs';
import { ingestBatchFile, type IngestContext } from '../../hub/ingest/ingest-batch';
import { loadOrCreateProvinceKeys, type ProvinceKeys } from '../../hub/keys/province-keys';
import { residentId } from '../fixtures/registrations';
import { PROVINCE } from './support/batches';
import { describeOnBothEngines, type OpenedHub } from './support/both-engines';
import { consoleFixture, type ConsoleFixture } from './support/console';
import { ProtocolStation, registrationPayload, type OutboxLine, type PersonShape } from './support/protocol-stations';

const ZHANG: PersonShape = { name: '张晓明', documentKind: 'resident_id', documentNumber: residentId('530102', '19900307', '101'), birthDate: '1990-03-07', phone: '13812345678' };
const YEAR = { from: '2026-01-01', to: '2026-12-31' };

function registrationLine(registrationId: string, personId: string, person: PersonShape, changedAt: string): OutboxLine {
  return { kind: 'registration', entityId: registrationId, version: 1, changedAt, payload: registrationPayload(registrationId, personId, person, { version: 1 }) };
}

describeOnBothEngines('the console: review decisions, figures and exports through its calls', (open) => {
  let keysFolder: string;
  let keys: ProvinceKeys;
  let hub: OpenedHub;
  let fixture: ConsoleFixture;
  let resources: ConsoleResources;
  let dispatcher: ConsoleDispatcher;
  let kunming: ProtocolStation;
  let dali: ProtocolStation;

  beforeEach(async () => {
    keysFolder = mkdtempSync(join(tmpdir(), 'relay-console-calls-'));
    keys = loadOrCreateProvinceKeys(join(keysFolder, 'keys')).keys;
    hub = await open();
    fixture = await consoleFixture(hub);
    // The batches are sealed with these keys: the console opens them with the same ring.
    resources = { keys, exportsFolder: join(keysFolder, 'exports'), exportJobs: new ExportJobs() };
    dispatcher = createConsoleDispatcher({ store: hub, provinceCode: PROVINCE, auditKey: fixture.auditKey, resources, now: fixture.now });
    kunming = new ProtocolStation('KMU01');
    dali = new ProtocolStation('DLM01');
    await kunming.registerAt(hub.db);
    await dali.registerAt(hub.db);
  });
  afterEach(async () => {
    await resources.exportJobs.whenIdle();
    rmSync(keysFolder, { recursive: true, force: true });
  });

  async function send(station: ProtocolStation, ...lines: OutboxLine[]): Promise<void> {
    const context: IngestContext = { hub, provinceCode: PROVINCE, keys };
    const result = await ingestBatchFile(station.batchFile(station.queue(...lines)), context);
    expect(result).toMatchObject({ outcome: 'applied', counts: { rejected: 0 } });
  }

  async function call(role: Parameters<ConsoleFixture['sessionOf']>[0], name: string, input?: unknown) {
    return (await dispatcher.dispatch(name, input, await fixture.sessionOf(role))).result;
  }

  async function data<T = any>(role: Parameters<ConsoleFixture['sessionOf']>[0], name: string, input?: unknown): Promise<T> {
    const result = await call(role, name, input);
    if (!result.ok) throw new Error(`${name} refused: ${result.error.code}`);
    return result.data as T;
  }

  async function trail(): Promise<Array<{ action: string; subject: string | null; detail: string | null }>> {
    return hub.db.selectFrom('console_audit').select(['action', 'subject', 'detail']).where('province_code', '=', PROVINCE).orderBy('seq').execute();
  }

  async function awaitingReview(): Promise<number> {
    const tables = await data('analyst', 'figures:get', YEAR);
    return tables.summary.find((line: { indicator: string }) => line.indicator === 'awaitingReview').value;
  }

  it('confirms a review entry as one person, the figures follow, and the undo puts them back; refusals come as codes', async () => {
    await send(kunming, registrationLine(randomUUID(), randomUUID(), ZHANG, '2026-03-01T02:00:00.000Z'));
    await send(dali, registrationLine(randomUUID(), randomUUID(), { ...ZHANG, name: '张小明' }, '2026-03-02T02:00:00.000Z'));
    const listed = await data('auditor', 'review:list', { state: 'open' });
    expect(listed.total).toBe(1);
    expect(JSON.stringify(listed)).not.toContain(ZHANG.documentNumber);
    expect(listed.items[0].seen.name).toBe('张*');
    const id: number = listed.items[0].id;
    expect(await awaitingReview()).toBe(1);

    // The reveal shows both sides whole; the trail names the entry, never the values.
    const detail = await data('reviewer', 'review:detail', { id });
    expect([detail.held.name, detail.seen.name, detail.seen.documentNumber]).toEqual([ZHANG.name, '张小明', ZHANG.documentNumber]);
    const reveal = (await trail()).at(-1)!;
    expect(reveal).toMatchObject({ action: 'review:detail', subject: `review:${id}` });
    expect(JSON.stringify(reveal)).not.toMatch(/张|19900307|1381234/);

    const decided = await data('reviewer', 'review:decide', { id, decision: 'confirm_same', reason: '户籍核实为同一人' });
    expect(decided.decision).toMatchObject({ decision: 'confirm_same', decidedBy: fixture.accounts.reviewer.id, reason: '户籍核实为同一人', undoneAt: null });
    expect((await trail()).at(-1)).toMatchObject({ action: 'review:decide', subject: `review:${id}` });
    expect(JSON.stringify((await trail()).at(-1))).not.toContain('户籍核实');
    expect(await awaitingReview()).toBe(0);
    expect((await data('reviewer', 'review:list', { state: 'decided' })).items.map((item: { id: number }) => item.id)).toEqual([id]);

    const entries = (await trail()).length;
    expect(await call('administrator', 'review:decide', { id, decision: 'keep_apart', reason: 'again' })).toEqual({ ok: false, error: { code: 'review_decided' } });
    // A refused decision rolls back with its audit entry.
    expect((await trail()).length).toBe(entries);

    expect((await data('administrator', 'review:undo', { id })).decision).toMatchObject({ undoneBy: fixture.accounts.administrator.id });
    expect(await awaitingReview()).toBe(1);
    expect(await call('reviewer', 'review:undo', { id })).toEqual({ ok: false, error: { code: 'review_not_decided' } });
    expect(await call('reviewer', 'review:detail', { id: 999_999 })).toEqual({ ok: false, error: { code: 'not_found' } });
    expect(await call('reviewer', 'review:decide', { id, decision: 'keep_apart', reason: '   ' })).toMatchObject({ ok: false, error: { code: 'validation_failed' } });
  });

  it('gives the figures tables as CSV and XLSX files, the yearly report as a PDF, and refuses a period that does not exist', async () => {
    await send(kunming, registrationLine(randomUUID(), randomUUID(), ZHANG, '2026-03-01T02:00:00.000Z'));
    const csv = await data('analyst', 'figures:table', { ...YEAR, format: 'csv', language: 'en' });
    expect(csv.fileName).toBe(`figures-${PROVINCE}-2026-01-01-2026-12-31.csv`);
    const text = Buffer.from(csv.base64, 'base64').toString('utf8');
    expect(text.charCodeAt(0)).toBe(0xfeff);
    expect(text).toContain('KMU01');
    const xlsx = await data('administrator', 'figures:table', { ...YEAR, format: 'xlsx', language: 'zh-CN' });
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(Buffer.from(xlsx.base64, 'base64') as unknown as ArrayBuffer);
    expect(workbook.worksheets.length).toBeGreaterThan(3);
    const report = await data('analyst', 'figures:yearlyReport', { year: 2026 });
    expect(Buffer.from(report.base64, 'base64').subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(await call('analyst', 'figures:get', { from: '2026-02-30', to: '2026-03-01' })).toEqual({ ok: false, error: { code: 'period_invalid' } });
    expect(await call('analyst', 'figures:yearlyReport', { year: 2099 })).toEqual({ ok: false, error: { code: 'period_invalid' } });
  });

  it('runs an export in the background: progress to the end, its counts audited, a second run empty, the auditor sees runs but no files', async () => {
    await send(kunming, registrationLine(randomUUID(), randomUUID(), ZHANG, '2026-03-01T02:00:00.000Z'));
    const maps = await data('analyst', 'exports:maps');
    expect(maps.maps.map((map: { platform: string }) => map.platform)).toEqual(['codac', 'cmdp', 'receiving-stations', 'social-card']);
    expect(maps.maps[0].files[0].columns.some((column: { status: string }) => column.status === 'assumed')).toBe(true);

    const { jobId } = await data('analyst', 'exports:start', { platform: 'receiving-stations' });
    await resources.exportJobs.whenIdle();
    const progress = await data('analyst', 'exports:progress', { jobId });
    expect(progress).toMatchObject({ state: 'finished', failure: null, run: { platform: 'receiving-stations', counts: { events: { registered: 1 } }, createdBy: fixture.accounts.analyst.id } });
    expect(progress.done).toBe(progress.total);
    const finished = (await trail()).filter((entry) => entry.action.startsWith('exports:'));
    expect(finished.map((entry) => entry.action)).toEqual(['exports:start', 'exports:finished']);
    expect(JSON.parse(finished[1]!.detail!)).toMatchObject({ jobId, runId: progress.run.runId, counts: { events: { registered: 1 } } });

    const second = await data('administrator', 'exports:start', { platform: 'receiving-stations' });
    await resources.exportJobs.whenIdle();
    expect((await data('administrator', 'exports:progress', { jobId: second.jobId })).run.counts.events).toEqual({ registered: 0, changed: 0, withdrawn: 0 });

    const runs = await data('analyst', 'exports:runs', { platform: 'receiving-stations' });
    expect(runs.runs).toHaveLength(2);
    expect(runs.runs[1].path).toContain(resources.exportsFolder!);
    expect(runs.runs[0].cursor.from).toBe(runs.runs[1].cursor.to);
    const audited = await data('auditor', 'exports:runs', {});
    expect(audited.folder).toBeNull();
    expect(audited.runs.map((run: { path: string | null }) => run.path)).toEqual([null, null]);
    expect(await data('analyst', 'exports:verify', { runId: progress.run.runId })).toMatchObject({ valid: true, signature: true });
  });

  it('refuses a second export while one runs, and every export call on a hub started without an exports folder', async () => {
    const started = resources.exportJobs.start({ platform: 'codac', startedBy: 'test' }, () => new Promise((resolve, reject) => setTimeout(() => reject(new Error('stopped')), 200)), () => 'internal', async () => undefined);
    expect(started).not.toBeNull();
    expect(await call('analyst', 'exports:start', { platform: 'cmdp' })).toEqual({ ok: false, error: { code: 'export_running' } });
    await resources.exportJobs.whenIdle();
    expect(await data('analyst', 'exports:progress', { jobId: started!.id })).toMatchObject({ state: 'failed', failure: 'internal', run: null });

    const bare = createConsoleDispatcher({ store: hub, provinceCode: PROVINCE, auditKey: fixture.auditKey, now: fixture.now });
    const token = await fixture.sessionOf('analyst');
    expect((await bare.dispatch('exports:start', { platform: 'codac' }, token)).result).toEqual({ ok: false, error: { code: 'not_configured' } });
    expect((await bare.dispatch('review:list', { state: 'open' }, await fixture.sessionOf('reviewer'))).result).toEqual({ ok: false, error: { code: 'not_configured' } });
  });
});
