import { existsSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openStation, type OpenStation } from '../../electron/app/open-station';
import { runCli } from '../fixtures/cli';
import { useCleanups } from '../fixtures/cleanups';
import { callOk } from '../fixtures/dispatch';
import { residentId, sampleRegistration } from '../fixtures/registrations';
import { sampleSetup } from '../fixtures/temp-station';

const { tempDir } = useCleanups();
const admin = { sessionKey: 'cli-backup-admin' };

async function withStation<T>(dataDir: string, work: (station: OpenStation) => Promise<T>): Promise<T> {
  const station = await openStation({ dataDir });
  try {
    return await work(station);
  } finally {
    await station.close();
  }
}

async function register(station: OpenStation, sequence: string): Promise<string> {
  await callOk(station, 'session:login', { username: sampleSetup.admin.username, password: sampleSetup.admin.password }, admin);
  const created = await callOk(
    station,
    'registration:create',
    sampleRegistration({
      person: { document: { kind: 'resident_id', number: residentId('530102', '19850611', sequence) }, name: '王芳', phone: '13812345678', ethnicGroup: '01' },
      programs: [{ program: 'cornea' }],
    }),
    admin,
  );
  return created.registrations[0]?.id as string;
}

function registrationIds(station: OpenStation): string[] {
  return (station.connection.sqlite.prepare('select id from registration order by id').all() as { id: string }[]).map((row) => row.id);
}

describe('the backup and restore commands', () => {
  it('back up to a folder, refuse to lose unsynced work without --confirm, and restore with it', async () => {
    const dataDir = tempDir();
    const out = join(tempDir(), 'backups');
    const before = await withStation(dataDir, async (station) => {
      await callOk(station, 'station:setup', sampleSetup, admin);
      return register(station, '011');
    });

    const backup = runCli(dataDir, ['backup', '--out', out]);
    expect(backup.code, backup.stderr).toBe(0);
    const written = JSON.parse(backup.stdout) as { ok: true; file: string; name: string; pruned: string[] };
    expect(written).toMatchObject({ ok: true, pruned: [] });
    expect(readdirSync(out)).toEqual([written.name]);
    expect(backup.stderr).toContain('备份已写入');

    const after = await withStation(dataDir, (station) => register(station, '013'));

    const refused = runCli(dataDir, ['restore', written.file], { lang: 'en_US.UTF-8' });
    expect(refused.code).toBe(1);
    expect(JSON.parse(refused.stdout)).toMatchObject({ ok: false, error: { code: 'backup_unsynced_work' }, newerUnsynced: { byKind: { registration: 1 } } });
    expect(refused.stderr).toContain('run again with --confirm');
    await withStation(dataDir, async (station) => expect(registrationIds(station)).toContain(after));

    const restored = runCli(dataDir, ['restore', written.file, '--confirm']);
    expect(restored.code, restored.stderr).toBe(0);
    const result = JSON.parse(restored.stdout) as { restored: string; keptAside: string; confirmedOverwrite: number };
    expect(result.restored).toBe(written.file);
    expect(result.confirmedOverwrite).toBeGreaterThan(0);
    expect(existsSync(join(dataDir, result.keptAside))).toBe(true);

    await withStation(dataDir, async (station) => {
      expect(registrationIds(station)).toEqual([before]);
      const audit = station.connection.sqlite.prepare("select actor_role, detail from audit_log where action = 'backup_restore'").all() as { actor_role: string; detail: string }[];
      expect(audit).toHaveLength(1);
      expect(audit[0]?.actor_role).toBe('system');
      expect(JSON.parse(audit[0]?.detail ?? '{}')).toMatchObject({ step: 'applied', confirmedOverwrite: result.confirmedOverwrite, keptAside: result.keptAside });
      expect(await station.services.audit.verify()).toMatchObject({ ok: true });
    });
  });

  it('report a missing folder, a damaged file and a missing argument', async () => {
    const dataDir = tempDir();
    await withStation(dataDir, (station) => callOk(station, 'station:setup', sampleSetup, admin));

    const noFolder = runCli(dataDir, ['backup'], { lang: 'en_US.UTF-8' });
    expect(noFolder.code).toBe(1);
    expect(JSON.parse(noFolder.stdout)).toMatchObject({ ok: false, error: { code: 'backup_folder_missing' } });
    expect(noFolder.stderr).toContain('No backup folder is set');

    const damaged = join(tempDir(), 'KMU01-backup-20261120T060000000Z.rsbk');
    writeFileSync(damaged, 'RSBACKUP but nothing after');
    const corrupt = runCli(dataDir, ['restore', damaged]);
    expect(corrupt.code).toBe(1);
    expect(JSON.parse(corrupt.stdout)).toMatchObject({ ok: false, error: { code: 'backup_corrupt' } });
    expect(corrupt.stderr).toContain('此备份文件已损坏');
    expect(readdirSync(dataDir).filter((name) => name.includes('restore'))).toEqual([]);

    expect(runCli(dataDir, ['restore']).code).toBe(2);
    expect(runCli(dataDir, ['restore', join(dataDir, 'no-such-file.rsbk')]).code).toBe(2);
  });
});
