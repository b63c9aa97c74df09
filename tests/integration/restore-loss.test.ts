import { describe, expect, it } from 'vitest';
import type { CallInput } from '../../shared/contract/calls';
import { openStation, type OpenStation } from '../../electron/app/open-station';
import { runCli } from '../fixtures/cli';
import { useCleanups } from '../fixtures/cleanups';
import { callOk, callRefused } from '../fixtures/dispatch';
import { allConsents, residentId, sampleRegistration, stemCellChoice } from '../fixtures/registrations';
import { sampleSetup } from '../fixtures/temp-station';

/**
 * What a restore would lose is measured by the audit chain, so records that never go to the province count;
 * and a confirmed restore never issues a registration number or a document serial a second time.
 */

const { tempDir, defer } = useCleanups();
const admin = { sessionKey: 'restore-loss-admin' };

async function open(dataDir: string): Promise<OpenStation> {
  const station = await openStation({ dataDir });
  defer(() => station.close());
  return station;
}

async function signIn(station: OpenStation): Promise<void> {
  await callOk(station, 'session:login', { username: sampleSetup.admin.username, password: sampleSetup.admin.password }, admin);
}

function registrationFor(sequence: string, reportToProvince: boolean): CallInput<'registration:create'> {
  return sampleRegistration({
    person: { document: { kind: 'resident_id', number: residentId('530102', '19950611', sequence) }, name: '王芳', phone: '13812345678', ethnicGroup: '01' },
    programs: [stemCellChoice],
    consents: { ...allConsents, provincial_sync: reportToProvince },
  });
}

async function register(station: OpenStation, sequence: string, reportToProvince: boolean) {
  const created = await callOk(station, 'registration:create', registrationFor(sequence, reportToProvince), admin);
  return { id: created.registrations[0]?.id as string, number: created.registrations[0]?.number as string, serial: created.receipts[0]?.serial as string };
}

/** A station set up with one reported registration and a backup of it in `folder`. */
async function stationWithBackup(dataDir: string, folder: string) {
  const station = await open(dataDir);
  await callOk(station, 'station:setup', sampleSetup, admin);
  await signIn(station);
  const first = await register(station, '011', true);
  await callOk(station, 'backup:settings', { folder, keep: 7, intervalHours: 24 }, admin);
  const backup = await callOk(station, 'backup:now', undefined, admin);
  return { station, first, backup };
}

function trailingNumber(value: string): number {
  return Number(/(\d+)$/.exec(value)?.[1]);
}

describe('what a restore would lose', () => {
  it('counts a registration without consent to report, which has no outbox row, and refuses without confirmation', async () => {
    const dataDir = tempDir();
    const { station, backup } = await stationWithBackup(dataDir, tempDir());
    const unreported = await register(station, '013', false);
    // The registration itself never waits for the province (only its receipt does).
    expect(station.connection.sqlite.prepare("select count(*) as n from outbox where kind = 'registration' and entity_id = ?").get(unreported.id)).toEqual({ n: 0 });

    const inspection = await callOk(station, 'backup:inspect', { file: backup.backup.file }, admin);
    expect(inspection.problems).toEqual([]);
    expect(inspection.newerUnsynced.byKind.registration).toBe(1);
    expect(inspection.newerUnsynced.total).toBeGreaterThanOrEqual(1);
    const refused = await callRefused(station, 'backup:restore', { file: backup.backup.file, confirm: false }, admin);
    expect(refused.code).toBe('backup_unsynced_work');
    // Reading and inspecting lose nothing: the count stays what it was.
    const again = await callOk(station, 'backup:inspect', { file: backup.backup.file }, admin);
    expect(again.newerUnsynced).toEqual(inspection.newerUnsynced);

    const list = station.connection.sqlite.prepare('select id from registration').all() as { id: string }[];
    expect(list.map((row) => row.id)).toContain(unreported.id);
  });

  it('through the CLI: restore is refused and names the unreported registration until --confirm', async () => {
    const dataDir = tempDir();
    const { station, backup } = await stationWithBackup(dataDir, tempDir());
    await register(station, '013', false);
    await station.close();

    const refused = runCli(dataDir, ['restore', backup.backup.file], { lang: 'en_US.UTF-8' });
    expect(refused.code, refused.stderr).toBe(1);
    expect(JSON.parse(refused.stdout)).toMatchObject({ ok: false, error: { code: 'backup_unsynced_work' }, newerUnsynced: { byKind: { registration: 1 } } });
    const restored = runCli(dataDir, ['restore', backup.backup.file, '--confirm'], { lang: 'en_US.UTF-8' });
    expect(restored.code, restored.stderr).toBe(0);
  }, 90_000); // two command-line processes on a busy machine

  it('counts a follow-up note, which never goes to the province, and refuses without confirmation', async () => {
    const dataDir = tempDir();
    const { station, first, backup } = await stationWithBackup(dataDir, tempDir());
    const outbox = () => station.connection.sqlite.prepare('select count(*) as n from outbox').get();
    const outboxBefore = outbox();
    await callOk(station, 'registration:followUp', { registrationId: first.id, outcome: 'no_answer' }, admin);
    expect(outbox()).toEqual(outboxBefore);

    const inspection = await callOk(station, 'backup:inspect', { file: backup.backup.file }, admin);
    expect(inspection.newerUnsynced).toEqual({ total: 1, byKind: { follow_up: 1 } });
    expect((await callRefused(station, 'backup:restore', { file: backup.backup.file, confirm: false }, admin)).code).toBe('backup_unsynced_work');
    expect((await callOk(station, 'backup:restore', { file: backup.backup.file, confirm: true }, admin)).confirmedOverwrite).toBe(1);
  });
});

describe('numbers after a confirmed restore', () => {
  it('are above those issued after the backup: no registration number or receipt serial is issued twice', async () => {
    const dataDir = tempDir();
    const { station, first, backup } = await stationWithBackup(dataDir, tempDir());
    const afterBackup = await register(station, '013', true);
    expect(trailingNumber(afterBackup.number)).toBeGreaterThan(trailingNumber(first.number));
    await callOk(station, 'backup:restore', { file: backup.backup.file, confirm: true }, admin);
    await station.close();

    const restored = await open(dataDir);
    expect(restored.restore).toMatchObject({ kind: 'applied' });
    const ids = (restored.connection.sqlite.prepare('select id from registration').all() as { id: string }[]).map((row) => row.id);
    expect(ids).not.toContain(afterBackup.id);
    await signIn(restored);
    const next = await register(restored, '015', true);
    expect(next.number).not.toBe(afterBackup.number);
    expect(trailingNumber(next.number)).toBeGreaterThan(trailingNumber(afterBackup.number));
    expect(next.serial).not.toBe(afterBackup.serial);
    expect(trailingNumber(next.serial)).toBeGreaterThan(trailingNumber(afterBackup.serial));
  });
});
