import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openStation, type OpenStation } from '../../electron/app/open-station';
import { decryptFromStation } from '../../electron/sync/usb-encryption';
import { runCli } from '../fixtures/cli';
import { useCleanups } from '../fixtures/cleanups';
import { callOk, callRefused } from '../fixtures/dispatch';
import { acknowledge, makeProvince, type TestProvince } from '../fixtures/province';
import { residentId, sampleRegistration } from '../fixtures/registrations';
import { kioskCaller, sampleSetup } from '../fixtures/temp-station';

/**
 * Bare-metal recovery: a station is backed up, its whole data folder is lost, and a fresh install is rebuilt
 * from the backup file and the recovery code given at setup, through the command line as a process.
 */

const { tempDir } = useCleanups();
const admin = { sessionKey: 'recovery-admin' };
const system = { id: null, role: 'system' };
const CLI = { timeoutMs: 60_000 };
const TEST_TIMEOUT_MS = 180_000;

async function withStation<T>(dataDir: string, work: (station: OpenStation) => Promise<T>): Promise<T> {
  const station = await openStation({ dataDir });
  try {
    return await work(station);
  } finally {
    await station.close();
  }
}

function personOf(sequence: string, name: string) {
  return { document: { kind: 'resident_id' as const, number: residentId('530102', '19850611', sequence) }, name, phone: '13812345678', ethnicGroup: '01' };
}

async function register(station: OpenStation, sequence: string, name: string) {
  return callOk(station, 'registration:create', sampleRegistration({ person: personOf(sequence, name), programs: [{ program: 'cornea' }] }), admin);
}

/** The files of a data folder and the key file's hash, to show that nothing changed (the live database's own files aside). */
function snapshot(dir: string): { names: string[]; key: string } {
  const names = readdirSync(dir).filter((name) => !/^station\.sqlite(-wal|-shm)?$/.test(name)).sort();
  return { names, key: createHash('sha256').update(readFileSync(join(dir, 'station.key'))).digest('hex') };
}

/** The batches the province has, sent from the USB folder; each acknowledged back into the station. */
async function sendToProvince(station: OpenStation, province: TestProvince): Promise<string[]> {
  const usb = tempDir();
  const { files } = await station.services.sync.transfer.exportToFolder(usb, system);
  for (const file of files) {
    const rsb = decryptFromStation(readFileSync(join(usb, file)), [province.encryption.privateKey]);
    await station.services.sync.acks.apply(acknowledge(rsb, province.signing.privateKey), system);
  }
  return files.map((file) => file.replace(/\.rse$/, ''));
}

interface BuiltStation {
  dataDir: string;
  recoveryCode: string;
  backupFile: string;
  province: TestProvince;
  personId: string;
  visitId: string;
  numbers: string[];
  serials: string[];
  batchIds: string[];
  /** The province's acknowledgement of the last batch sent, which a rebuilt station imports before exporting. */
  lastAck: Buffer;
}

/** A station with registrations, documents, a visit and a sync history, backed up into a folder of its own. */
async function buildAndBackUp(): Promise<BuiltStation> {
  const dataDir = tempDir();
  const backups = tempDir();
  const province = makeProvince();
  return withStation(dataDir, async (station) => {
    const setUp = await callOk(station, 'station:setup', sampleSetup, admin);
    await station.services.sync.provinceKeys.import('signing', province.signing.pem, system);
    await station.services.sync.provinceKeys.import('encryption', province.encryption.pem, system);
    const first = await register(station, '011', '王芳');
    const second = await register(station, '027', '李四');
    await callOk(station, 'visitor:signIn', { partySize: 2, purpose: 'tour', visitorName: '陈静' }, kioskCaller);
    const visitId = (station.connection.sqlite.prepare('select id from visitor_sign_in').get() as { id: string }).id;
    const batchIds = await sendToProvince(station, province);
    expect(batchIds.length).toBeGreaterThan(0);
    const lastAck = (station.connection.sqlite.prepare('select ack from sync_batch order by batch_seq desc limit 1').get() as { ack: string }).ack;
    const taken = await station.services.backup.take(system, backups);
    expect(taken.backup.recoverable).toBe(true);
    return {
      dataDir,
      recoveryCode: setUp.recovery.code,
      backupFile: taken.backup.file,
      province,
      personId: first.personId,
      visitId,
      numbers: [...first.registrations, ...second.registrations].map((r) => r.number),
      serials: [...first.receipts, ...second.receipts].map((r) => r.serial),
      batchIds,
      lastAck: Buffer.from(lastAck, 'base64'),
    };
  });
}

/** Everything the issue asks of a restored station: records read, numbers and batch ids continue. */
async function expectRestored(built: BuiltStation): Promise<void> {
  const verified = runCli(built.dataDir, ['audit-verify'], CLI);
  expect(verified.code, verified.stderr).toBe(0);
  expect(JSON.parse(verified.stdout)).toMatchObject({ ok: true });

  await withStation(built.dataDir, async (station) => {
    await callOk(station, 'session:login', { username: sampleSetup.admin.username, password: sampleSetup.admin.password }, admin);
    expect(await callOk(station, 'person:reveal', { personId: built.personId, field: 'name' }, admin)).toMatchObject({ value: '王芳' });
    expect(await callOk(station, 'visitor:revealName', { id: built.visitId }, admin)).toMatchObject({ visitorName: '陈静' });
    const next = await register(station, '043', '张伟');
    const number = next.registrations[0]?.number as string;
    const serial = next.receipts[0]?.serial as string;
    expect(built.numbers).not.toContain(number);
    for (const old of built.numbers) expect(number > old, `${number} after ${old}`).toBe(true);
    for (const old of built.serials) expect(serial > old, `${serial} after ${old}`).toBe(true);
    // Rebuilt on a new machine, it exports nothing before it knows the province's last batch of it.
    await station.services.sync.acks.apply(built.lastAck, system);
    const sent = await sendToProvince(station, built.province);
    expect(sent.length).toBeGreaterThan(0);
    for (const id of sent) {
      expect(built.batchIds).not.toContain(id);
      for (const old of built.batchIds) expect(id > old, `${id} after ${old}`).toBe(true);
    }
  });
}

describe('a station rebuilt on a new machine from a backup and its recovery code', () => {
  it(
    'reads every record, passes audit-verify and continues its numbers and batch ids; a wrong code changes nothing',
    async () => {
      const built = await buildAndBackUp();
      rmSync(built.dataDir, { recursive: true, force: true });

      const wrong = runCli(built.dataDir, ['restore', built.backupFile], { ...CLI, lang: 'en_US.UTF-8', env: { RELAY_RECOVERY_CODE: 'AAAAA-BBBBB-CCCCC-DDDDD-EEEEE' } });
      expect(wrong.code).toBe(1);
      expect(JSON.parse(wrong.stdout)).toMatchObject({ ok: false, error: { code: 'recovery_code_wrong' } });
      expect(wrong.stderr).toContain('The recovery code does not open this backup');
      expect(existsSync(built.dataDir)).toBe(false);

      // Typed in lower case and without dashes, as someone copying it by hand might.
      const typed = built.recoveryCode.toLowerCase().replace(/-/g, ' ');
      const restored = runCli(built.dataDir, ['restore', built.backupFile], { ...CLI, env: { RELAY_RECOVERY_CODE: typed } });
      expect(restored.code, restored.stderr).toBe(0);
      expect(JSON.parse(restored.stdout)).toMatchObject({ ok: true, stationCode: sampleSetup.code, batchSeqFloor: built.batchIds.length });
      expect(restored.stderr).toContain('恢复码');

      await expectRestored(built);
    },
    TEST_TIMEOUT_MS,
  );

  it(
    'works the same after a rotate-key between the backup and the loss, and a backup taken after the rotation opens too',
    async () => {
      const built = await buildAndBackUp();
      const rotated = runCli(built.dataDir, ['rotate-key'], CLI);
      expect(rotated.code, rotated.stderr).toBe(0);
      // The older backup is still this station's (its key is archived, not dropped): listed and inspected.
      const later = tempDir();
      const afterRotation = await withStation(built.dataDir, async (station) => {
        await callOk(station, 'session:login', { username: sampleSetup.admin.username, password: sampleSetup.admin.password }, admin);
        expect((await callOk(station, 'backup:inspect', { file: built.backupFile }, admin)).problems).toEqual([]);
        return (await station.services.backup.take(system, later)).backup.file;
      });
      rmSync(built.dataDir, { recursive: true, force: true });

      const restored = runCli(built.dataDir, ['restore', built.backupFile], { ...CLI, env: { RELAY_RECOVERY_CODE: built.recoveryCode } });
      expect(restored.code, restored.stderr).toBe(0);
      await expectRestored(built);

      // The backup taken after the rotation rebuilds the station with the same code.
      const other = tempDir();
      rmSync(other, { recursive: true, force: true });
      const again = runCli(other, ['restore', afterRotation], { ...CLI, env: { RELAY_RECOVERY_CODE: built.recoveryCode } });
      expect(again.code, again.stderr).toBe(0);
      await withStation(other, async (station) => {
        await callOk(station, 'session:login', { username: sampleSetup.admin.username, password: sampleSetup.admin.password }, admin);
        expect(await callOk(station, 'person:reveal', { personId: built.personId, field: 'name' }, admin)).toMatchObject({ value: '王芳' });
      });
    },
    TEST_TIMEOUT_MS,
  );

  it(
    'through the setup screen’s call: refused with a wrong code (nothing changed), staged with the right one and applied at the next start',
    async () => {
      const built = await buildAndBackUp();
      const fresh = tempDir();
      await withStation(fresh, async (station) => {
        const before = snapshot(fresh);
        const refused = await callRefused(station, 'backup:restoreWithRecoveryCode', { file: built.backupFile, recoveryCode: 'AAAAA-BBBBB-CCCCC-DDDDD-EEEEE' }, kioskCaller);
        expect(refused.code).toBe('recovery_code_wrong');
        expect(snapshot(fresh)).toEqual(before);
        const staged = await callOk(station, 'backup:restoreWithRecoveryCode', { file: built.backupFile, recoveryCode: built.recoveryCode }, kioskCaller);
        expect(staged).toMatchObject({ source: built.backupFile, stationCode: sampleSetup.code });
        // Not yet in place: the running station is still the empty one, and cannot be set up meanwhile.
        expect(await station.services.station.get()).toBeNull();
        expect((await callRefused(station, 'station:setup', sampleSetup, kioskCaller)).code).toBe('backup_restore_pending');
      });
      await withStation(fresh, async (station) => {
        expect(station.restore).toMatchObject({ kind: 'applied' });
        await callOk(station, 'session:login', { username: sampleSetup.admin.username, password: sampleSetup.admin.password }, admin);
        expect(await callOk(station, 'person:reveal', { personId: built.personId, field: 'name' }, admin)).toMatchObject({ value: '王芳' });
        expect(await station.services.audit.verify()).toMatchObject({ ok: true });
        // Once set up (restored), the call refuses: it never replaces a station's data.
        expect((await callRefused(station, 'backup:restoreWithRecoveryCode', { file: built.backupFile, recoveryCode: built.recoveryCode }, kioskCaller)).code).toBe('station_already_set_up');
      });
    },
    TEST_TIMEOUT_MS,
  );

  it('a new recovery code (administrators only, audited) seals later backups; older backups keep their code', async () => {
    const built = await buildAndBackUp();
    const later = tempDir();
    const { code, newer } = await withStation(built.dataDir, async (station) => {
      await callOk(station, 'session:login', { username: sampleSetup.admin.username, password: sampleSetup.admin.password }, admin);
      const issued = await callOk(station, 'backup:newRecoveryCode', undefined, admin);
      expect(issued.code).not.toBe(built.recoveryCode);
      expect((await callOk(station, 'backup:status', undefined, admin)).recoveryKey).toEqual({ fingerprint: issued.fingerprint, createdAt: issued.createdAt });
      const audit = station.connection.sqlite.prepare("select object_type, object_id from audit_log where object_type = 'recovery_key'").all();
      expect(audit).toEqual([{ object_type: 'recovery_key', object_id: issued.fingerprint }]);
      return { code: issued.code, newer: (await station.services.backup.take(system, later)).backup.file };
    });
    const target = tempDir();
    rmSync(target, { recursive: true, force: true });
    const oldCodeOnNewBackup = runCli(target, ['restore', newer], { ...CLI, env: { RELAY_RECOVERY_CODE: built.recoveryCode } });
    expect(JSON.parse(oldCodeOnNewBackup.stdout)).toMatchObject({ error: { code: 'recovery_code_wrong' } });
    const newCodeOnOldBackup = runCli(target, ['restore', built.backupFile], { ...CLI, env: { RELAY_RECOVERY_CODE: code } });
    expect(JSON.parse(newCodeOnOldBackup.stdout)).toMatchObject({ error: { code: 'recovery_code_wrong' } });
    expect(existsSync(target)).toBe(false);
    const restored = runCli(target, ['restore', newer], { ...CLI, env: { RELAY_RECOVERY_CODE: code } });
    expect(restored.code, restored.stderr).toBe(0);
  }, TEST_TIMEOUT_MS);
});

describe('setup', () => {
  it('refuses a second setup before hashing any secret', async () => {
    const dataDir = tempDir();
    await withStation(dataDir, async (station) => {
      await callOk(station, 'station:setup', sampleSetup, admin);
      let prepared = 0;
      const prepare = station.services.accounts.prepare.bind(station.services.accounts);
      station.services.accounts.prepare = (input) => {
        prepared += 1;
        return prepare(input);
      };
      const again = await callRefused(station, 'station:setup', { ...sampleSetup, admin: { ...sampleSetup.admin, username: 'intruder' } }, kioskCaller);
      expect(again.code).toBe('station_already_set_up');
      expect(prepared).toBe(0);
    });
  });
});
