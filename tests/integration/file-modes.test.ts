import { chmodSync, existsSync, mkdirSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openStation, type OpenStation } from '../../electron/app/open-station';
import { useCleanups } from '../fixtures/cleanups';
import { callOk } from '../fixtures/dispatch';
import { sampleSetup } from '../fixtures/temp-station';

/** The database and every plain copy of it are the station account's alone, and so is its folder. */

const { tempDir, defer } = useCleanups();
const admin = { sessionKey: 'file-modes-admin' };
const posix = process.platform !== 'win32';

function modeOf(file: string): string {
  return (statSync(file).mode & 0o777).toString(8);
}

async function open(dataDir: string): Promise<OpenStation> {
  const station = await openStation({ dataDir });
  defer(() => station.close());
  return station;
}

describe.runIf(posix)('file modes', () => {
  it('tightens an existing data folder left 0755 and a database left 0644, with its WAL files', async () => {
    const dataDir = join(tempDir(), 'data');
    mkdirSync(dataDir);
    chmodSync(dataDir, 0o755);
    const first = await open(dataDir);
    await callOk(first, 'station:setup', sampleSetup, admin);
    await first.close();
    // As an older version or a hand-made folder leaves them: readable by every local user.
    chmodSync(dataDir, 0o755);
    for (const suffix of ['', '-wal', '-shm']) if (existsSync(join(dataDir, `station.sqlite${suffix}`))) chmodSync(join(dataDir, `station.sqlite${suffix}`), 0o644);

    const station = await open(dataDir);
    await callOk(station, 'session:login', { username: sampleSetup.admin.username, password: sampleSetup.admin.password }, admin);
    expect(modeOf(dataDir)).toBe('700');
    const databaseFiles = readdirSync(dataDir).filter((name) => name.startsWith('station.sqlite'));
    expect(databaseFiles).toEqual(expect.arrayContaining(['station.sqlite', 'station.sqlite-wal', 'station.sqlite-shm']));
    for (const name of databaseFiles) expect([name, modeOf(join(dataDir, name))]).toEqual([name, '600']);
  });

  it('keeps a staged restore and the database kept aside owner-only', async () => {
    const dataDir = tempDir();
    const folder = tempDir();
    const station = await open(dataDir);
    await callOk(station, 'station:setup', sampleSetup, admin);
    await callOk(station, 'session:login', { username: sampleSetup.admin.username, password: sampleSetup.admin.password }, admin);
    await callOk(station, 'backup:settings', { folder, keep: 7, intervalHours: 24 }, admin);
    const backup = await callOk(station, 'backup:now', undefined, admin);
    await callOk(station, 'backup:restore', { file: backup.backup.file, confirm: true }, admin);
    expect(modeOf(join(dataDir, 'station.sqlite.restore'))).toBe('600');
    await station.close();
    // An older version left the database readable by others.
    chmodSync(join(dataDir, 'station.sqlite'), 0o644);

    const restored = await open(dataDir);
    expect(restored.restore).toMatchObject({ kind: 'applied' });
    const keptAside = readdirSync(dataDir).filter((name) => name.startsWith('station.sqlite.before-restore-'));
    expect(keptAside.length).toBeGreaterThan(0);
    for (const name of [...keptAside, 'station.sqlite']) expect([name, modeOf(join(dataDir, name))]).toEqual([name, '600']);
    // Nothing in the folder is readable by others: no scratch copy was left with the umask's mode.
    for (const name of readdirSync(dataDir)) expect([name, Number.parseInt(modeOf(join(dataDir, name)), 8) & 0o077]).toEqual([name, 0]);
  });
});
