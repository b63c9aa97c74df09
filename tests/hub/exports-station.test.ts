import { mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import type { CallInput } from '../../shared/contract/calls';
import { exportRuns } from '../../hub/exports/export-runs';
import { verifyExportFolder, type ExportManifest } from '../../hub/exports/manifest';
import { runExport, type ExportProgressReport } from '../../hub/exports/run-export';
import { importBatchFolder } from '../../hub/ingest/import-folder';
import { provincePublicPems } from '../../hub/keys/province-keys';
import { residentId, sampleRegistration, samplePaperwork, stemCellChoice } from '../fixtures/registrations';
import { PROVINCE } from './support/batches';
import { describeOnBothEngines, type OpenedHub } from './support/both-engines';
import { readExportTable, rowObjects } from './support/export-files';
import { useExportingStation } from './support/exporting-station';

const ZHANG = { name: '张晓明', number: residentId('530102', '19900307', '101'), phone: '13812345678' };
const WANG = { name: '王秋月', number: residentId('530102', '19920101', '324'), phone: '13987654321' };

describeOnBothEngines('hub exports to the national platforms, from a real station’s batches', (open) => {
  const exporting = useExportingStation({ batchSize: 50, folderPrefix: 'relay-hub-exports-' });
  const { ok, registerAtHub } = exporting;

  /** Writes what waits at the station to a stick and takes it at the hub. */
  async function deliver(hub: OpenedHub, name: string): Promise<void> {
    const stick = join(exporting.folders.dir, name);
    mkdirSync(stick);
    await ok('sync:export', { folder: stick });
    const taken = await importBatchFolder(stick, { hub, provinceCode: PROVINCE, keys: exporting.keys });
    // The station writes again the batches it holds no acknowledgement of: the hub replays them.
    expect(taken.map(({ result }) => result.outcome).every((outcome) => outcome === 'applied' || outcome === 'replayed')).toBe(true);
  }

  async function register(person: typeof ZHANG, programs: CallInput<'registration:create'>['programs']) {
    return ok('registration:create', sampleRegistration({ person: { document: { kind: 'resident_id', number: person.number }, name: person.name, phone: person.phone, ethnicGroup: '01' }, programs }));
  }

  function exportTo(hub: OpenedHub, platform: Parameters<typeof runExport>[2]['platform'], extra: { fromSeq?: number; onProgress?: (progress: ExportProgressReport) => void } = {}) {
    const outDir = join(exporting.folders.dir, 'exports');
    return runExport(hub, PROVINCE, { platform, outDir, createdBy: 'test', ...(extra.fromSeq === undefined ? {} : { fromSeq: extra.fromSeq }) }, exporting.keys, extra.onProgress);
  }

  const signingPem = () => provincePublicPems(exporting.keys).signing;

  it('exports each platform’s rows as CSV and XLSX alike, signed; again from the same cursor the same rows; from the new cursor none', async () => {
    const hub = await open();
    await registerAtHub(hub);
    await register(ZHANG, [{ program: 'organ', organs: { kind: 'selected', organs: ['kidney', 'liver'] } }, stemCellChoice, { program: 'body', paperwork: samplePaperwork }, { program: 'cornea' }]);
    await register(WANG, [{ program: 'organ', organs: { kind: 'all' } }, { program: 'cornea' }]);
    await deliver(hub, 'stick-1');

    const progress: ExportProgressReport[] = [];
    const codac = await exportTo(hub, 'codac', { onProgress: (report) => progress.push(report) });
    expect(codac.cursor.from).toBe(0);
    expect(codac.counts).toEqual({ events: { registered: 2, changed: 0, withdrawn: 0 }, files: { codac: 2 } });
    expect(progress.at(-1)).toEqual({ done: progress.at(-1)!.total, total: progress.at(-1)!.total });
    expect(progress.every((report) => report.done <= report.total)).toBe(true);

    const table = await readExportTable(codac.folder, 'codac');
    expect(table.xlsx).toEqual({ headers: table.headers, rows: table.rows });
    const rows = rowObjects(table);
    expect(rows.map((row) => [row['事件类型'], row['姓名'], row['证件号码'], row['性别'], row['国籍'], row['证件类型'], row['民族'], row['手机号码'], row['捐献器官'], row['登记状态']])).toEqual([
      ['新增', ZHANG.name, ZHANG.number, '1', '156', '01', '01', ZHANG.phone, '肾脏、肝脏', '有效'],
      ['新增', WANG.name, WANG.number, '2', '156', '01', '01', WANG.phone, '全部', '有效'],
    ]);
    expect(rows.every((row) => row['登记机构代码'] === 'KMU01' && row['登记机构行政区划'] === '530102' && /^\d{8}$/.test(row['事件日期']!))).toBe(true);

    const checked = verifyExportFolder(codac.folder, signingPem());
    expect(checked).toMatchObject({ valid: true, signature: true, unexpected: [] });
    expect(checked.manifest).toMatchObject({ platform: 'codac', mapVersion: codac.mapVersion, cursor: codac.cursor, counts: codac.counts, createdBy: 'test' });
    expect(checked.manifest!.files.map((file) => file.name).sort()).toEqual(['codac.csv', 'codac.xlsx']);

    // The same cursor again: the same rows, in a folder of its own.
    const again = await exportTo(hub, 'codac', { fromSeq: codac.cursor.from });
    expect(again.cursor).toEqual(codac.cursor);
    expect(again.folder).not.toBe(codac.folder);
    expect((await readExportTable(again.folder, 'codac')).rows).toEqual(table.rows);

    // From the new cursor: nothing.
    const next = await exportTo(hub, 'codac');
    expect(next.cursor).toEqual({ from: codac.cursor.to, to: codac.cursor.to });
    expect(next.counts.files).toEqual({ codac: 0 });
    expect((await readExportTable(next.folder, 'codac')).rows).toEqual([]);
    expect((await exportRuns(hub, PROVINCE, { platform: 'codac' })).map((run) => run.cursorTo)).toEqual([codac.cursor.to, codac.cursor.to, codac.cursor.to]);

    // CMDP: the volunteer, two contacts, WMDA codes.
    const cmdp = rowObjects(await readExportTable((await exportTo(hub, 'cmdp')).folder, 'cmdp'));
    expect(cmdp).toHaveLength(1);
    expect(cmdp[0]).toMatchObject({
      姓名: ZHANG.name,
      D_SEX: 'M',
      联系人1姓名: stemCellChoice.emergencyContacts[0]!.name,
      联系人1关系: '97',
      联系人1电话: stemCellChoice.emergencyContacts[0]!.phone,
      联系人2关系: '99',
      D_ABO: 'O',
      Rh: '阳性',
      D_STATUS: 'AV',
    });

    // Receiving stations: one file per kind.
    const receiving = await exportTo(hub, 'receiving-stations');
    expect(receiving.counts.files).toEqual({ body: 1, cornea: 2 });
    const body = rowObjects(await readExportTable(receiving.folder, 'body'));
    expect(body[0]).toMatchObject({ 姓名: ZHANG.name, 执行人姓名: samplePaperwork.executor!.name, 执行人关系: '97', 直系亲属意见: `10 ${samplePaperwork.relatives[0]!.name} 同意`, 捐献范围: '全部遗体' });
    expect(rowObjects(await readExportTable(receiving.folder, 'cornea')).map((row) => row['姓名'])).toEqual([ZHANG.name, WANG.name]);

    // The social card: a flag per registration, the document and nothing else personal.
    const social = await exportTo(hub, 'social-card');
    const card = await readExportTable(social.folder, 'social-card');
    expect(card.headers).toEqual(['事件类型', '事件日期', '来源登记编号', '证件类型', '证件类型(本地)', '证件号码', '标识类型', '标识状态', '生效日期', '撤销日期', '亮证同意', '亮证同意日期']);
    expect(rowObjects(card).map((row) => [row['证件号码'], row['标识类型'], row['亮证同意']])).toEqual([
      [ZHANG.number, '器官', '未采集'],
      [ZHANG.number, '造血干细胞', '未采集'],
      [ZHANG.number, '遗体', '未采集'],
      [ZHANG.number, '角膜', '未采集'],
      [WANG.number, '器官', '未采集'],
      [WANG.number, '角膜', '未采集'],
    ]);
    const cardText = readFileSync(join(social.folder, 'social-card.csv'), 'utf8');
    for (const never of [ZHANG.name, WANG.name, ZHANG.phone, '肾脏', '肝脏', '全部', 'O+', stemCellChoice.emergencyContacts[0]!.name]) expect(cardText, never).not.toContain(never);
  });

  it('sends an amendment as a change, a withdrawal as a dated withdrawal, and a withdrawn consent as a withdrawal that never shows the record again', async () => {
    const hub = await open();
    await registerAtHub(hub);
    const zhang = await register(ZHANG, [{ program: 'organ', organs: { kind: 'all' } }]);
    const wang = await register(WANG, [{ program: 'organ', organs: { kind: 'all' } }, { program: 'cornea' }]);
    await deliver(hub, 'stick-1');
    const first = await exportTo(hub, 'codac');
    await exportTo(hub, 'receiving-stations');
    expect(first.counts.events).toEqual({ registered: 2, changed: 0, withdrawn: 0 });

    await ok('registration:amend', { registrationId: zhang.registrations[0]!.id, expectedVersion: 1, choice: { program: 'organ', organs: { kind: 'selected', organs: ['heart'] } }, reason: '本人要求' });
    const wangOrgan = wang.registrations.find((registration) => registration.program === 'organ')!;
    await ok('registration:withdraw', { registrationId: wangOrgan.id, expectedVersion: 1, identity: { kind: 'resident_id', number: WANG.number }, reason: '本人要求' });
    await deliver(hub, 'stick-2');
    const second = await exportTo(hub, 'codac');
    expect(second.cursor.from).toBe(first.cursor.to);
    const changes = rowObjects(await readExportTable(second.folder, 'codac'));
    expect(changes.map((row) => [row['事件类型'], row['事件原因'], row['姓名'], row['捐献器官'], row['登记状态']])).toEqual([
      ['变更', 'amended', ZHANG.name, '心脏', '有效'],
      ['撤销', 'withdrawn', WANG.name, '全部', '已撤销'],
    ]);

    // Wang withdraws consent to report: the station sends a tombstone, the hub erases the records.
    await ok('person:consent', { personId: wang.personId, expectedVersion: 1, purpose: 'provincial_sync', granted: false, signature: { kind: 'paper' } });
    await deliver(hub, 'stick-3');
    const third = await exportTo(hub, 'receiving-stations');
    const withdrawals = rowObjects(await readExportTable(third.folder, 'cornea'));
    expect(withdrawals.map((row) => [row['事件类型'], row['事件原因'], row['登记编号'], row['姓名'], row['证件号码']])).toEqual([
      ['撤销', 'consent_withdrawn', wang.registrations.find((registration) => registration.program === 'cornea')!.number, '', ''],
    ]);
    const codacAfter = rowObjects(await readExportTable((await exportTo(hub, 'codac')).folder, 'codac'));
    expect(codacAfter.map((row) => [row['事件类型'], row['事件原因'], row['登记编号']])).toEqual([['撤销', 'consent_withdrawn', wangOrgan.number]]);

    // Read again from the start: Wang's records are gone for good, their withdrawals stay.
    const fromStart = await exportTo(hub, 'codac', { fromSeq: 0 });
    const everything = readFileSync(join(fromStart.folder, 'codac.csv'), 'utf8');
    expect(everything).not.toContain(WANG.name);
    expect(everything).not.toContain(WANG.number);
    expect(rowObjects(await readExportTable(fromStart.folder, 'codac')).map((row) => [row['事件类型'], row['登记编号']])).toEqual([
      ['新增', zhang.registrations[0]!.number],
      ['变更', zhang.registrations[0]!.number],
      ['撤销', wangOrgan.number],
    ]);
  });

  it('never overwrites an earlier run, and a folder whose file was altered or added to no longer verifies', async () => {
    const hub = await open();
    await registerAtHub(hub);
    await register(ZHANG, [{ program: 'organ', organs: { kind: 'all' } }]);
    await deliver(hub, 'stick-1');
    const run = await exportTo(hub, 'codac');
    const files = readdirSync(run.folder).sort();
    expect(files).toEqual(['codac.csv', 'codac.xlsx', 'manifest.json', 'manifest.sig']);
    const manifest = JSON.parse(readFileSync(join(run.folder, 'manifest.json'), 'utf8')) as ExportManifest;
    expect(manifest.signingKeyId).toBe(exporting.keys.signing.keyId);

    writeFileSync(join(run.folder, 'extra.csv'), 'x');
    expect(verifyExportFolder(run.folder, signingPem())).toMatchObject({ valid: false, signature: true, unexpected: ['extra.csv'] });
    const csv = join(run.folder, 'codac.csv');
    writeFileSync(csv, readFileSync(csv, 'utf8').replace(ZHANG.name, '张晓亮'));
    expect(verifyExportFolder(run.folder, signingPem()).files).toContainEqual({ name: 'codac.csv', ok: false });
    writeFileSync(join(run.folder, 'manifest.json'), readFileSync(join(run.folder, 'manifest.json'), 'utf8').replace('"codac"', '"cmdp"'));
    expect(verifyExportFolder(run.folder, signingPem())).toMatchObject({ valid: false, signature: false });
  });
});
