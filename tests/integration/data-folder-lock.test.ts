import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { openStation, type OpenStation } from '../../electron/app/open-station';
import { DataFolderLockedError, LOCK_FILE_NAME } from '../../electron/app/data-folder-lock';
import { describeStartupFailure } from '../../electron/app/startup-errors';
import { runCli } from '../fixtures/cli';
import { makeTempDir, sampleSetup } from '../fixtures/temp-station';
import { callsOn } from '../fixtures/dispatch';

const holderScript = fileURLToPath(new URL('./hold-station.ts', import.meta.url));
const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

function tempDir(): string {
  const temp = makeTempDir('relay-lock-');
  cleanups.push(() => temp.remove());
  return temp.dir;
}

async function open(dataDir: string, program?: string): Promise<OpenStation> {
  const station = await openStation({ dataDir, program });
  cleanups.push(() => station.close());
  return station;
}

/** Another process that opens the station on the folder and holds it until killed or its stdin closes. */
async function holdInAnotherProcess(dataDir: string): Promise<{ child: ChildProcess; exited: Promise<void> }> {
  const child = spawn(process.execPath, ['--import', 'tsx', holderScript, dataDir], { stdio: ['pipe', 'pipe', 'inherit'] });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  cleanups.push(async () => {
    child.kill('SIGKILL');
    await exited;
  });
  await new Promise<void>((resolve, reject) => {
    let out = '';
    child.stdout?.on('data', (chunk: Buffer) => {
      out += chunk.toString('utf8');
      if (out.includes('ready')) resolve();
    });
    child.once('exit', (code) => reject(new Error(`the holder exited early (${code})`)));
  });
  return { child, exited };
}

describe('one process per data folder', () => {
  it('refuses a CLI command while a station has the folder open, naming the holder, and lets it run once closed', async () => {
    const dataDir = tempDir();
    const station = await open(dataDir, 'lock test');
    await callsOn(() => station, () => ({ sessionKey: 'setup' })).ok('station:setup', sampleSetup);

    const refused = runCli(dataDir, ['rotate-key'], { lang: 'en_US.UTF-8' });
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain(`The data folder is already in use by lock test (process ${process.pid} on ${hostname()})`);
    const zh = runCli(dataDir, ['restore', join(dataDir, LOCK_FILE_NAME)]);
    expect(zh.code).toBe(1);
    expect(zh.stderr).toContain(`数据文件夹正被 lock test（主机 ${hostname()} 上的进程 ${process.pid}）使用`);
    // Nothing was re-keyed under the open station.
    expect(station.connection.sqlite.prepare("select count(*) as n from audit_log where action = 'key_rotation'").get()).toEqual({ n: 0 });

    await station.close();
    expect(existsSync(join(dataDir, LOCK_FILE_NAME))).toBe(false);
    expect(runCli(dataDir, ['rotate-key'], { lang: 'en_US.UTF-8' }).code).toBe(0);
  }, 120_000); // three command-line processes, each starting TypeScript, on a busy machine

  it('refuses a second open of the same folder in the same process, and close() releases the folder', async () => {
    const dataDir = tempDir();
    const first = await open(dataDir, 'first opener');
    const second = await openStation({ dataDir }).then(
      () => null,
      (error: unknown) => error,
    );
    expect(second).toBeInstanceOf(DataFolderLockedError);
    expect((second as DataFolderLockedError).holder).toMatchObject({ pid: process.pid, host: hostname(), program: 'first opener' });
    // Other folders open side by side.
    await open(tempDir());

    await first.close();
    const again = await open(dataDir);
    expect(again.dataDir).toBe(dataDir);
  });

  it('refuses a station while another process holds the folder, and takes over the lock once that process died', async () => {
    const dataDir = tempDir();
    const { child, exited } = await holdInAnotherProcess(dataDir);

    const refused = await openStation({ dataDir }).then(
      () => null,
      (error: unknown) => error,
    );
    expect(refused).toBeInstanceOf(DataFolderLockedError);
    expect((refused as DataFolderLockedError).holder).toMatchObject({ pid: child.pid, host: hostname(), program: 'hold-station test program' });
    // The desktop app's error box says it in both languages, with the holder.
    const box = describeStartupFailure(refused, dataDir).content;
    expect(box).toContain(`数据文件夹正被 hold-station test program（主机 ${hostname()} 上的进程 ${child.pid}）使用`);
    expect(box).toContain(`in use by hold-station test program (process ${child.pid} on ${hostname()})`);

    // Killed: its lock file stays behind, naming a process that is gone.
    child.kill('SIGKILL');
    await exited;
    expect(JSON.parse(readFileSync(join(dataDir, LOCK_FILE_NAME), 'utf8'))).toMatchObject({ pid: child.pid });
    const station = await open(dataDir);
    expect(JSON.parse(readFileSync(join(dataDir, LOCK_FILE_NAME), 'utf8'))).toMatchObject({ pid: process.pid });
    await station.close();
  }, 60_000); // a second process starting TypeScript

  it('releases the folder when the other process closes its station', async () => {
    const dataDir = tempDir();
    const { child, exited } = await holdInAnotherProcess(dataDir);
    await expect(openStation({ dataDir })).rejects.toBeInstanceOf(DataFolderLockedError);
    child.stdin?.end();
    await exited;
    expect(existsSync(join(dataDir, LOCK_FILE_NAME))).toBe(false);
    await open(dataDir);
  }, 60_000);

  it('takes over the lock of a station killed and not yet reaped (a zombie still answers signals, yet holds nothing)', async () => {
    const dataDir = tempDir();
    // The child ends only once `sleep`, which never reaps, has taken the shell's place: it stays a zombie.
    const unreaping = spawn('sh', ['-c', 'sleep 1 & echo $!; exec sleep 30'], { stdio: ['ignore', 'pipe', 'ignore'] });
    cleanups.push(() => {
      unreaping.kill('SIGKILL');
    });
    const zombie = Number((await once(unreaping.stdout!, 'data'))[0].toString().trim());
    while (!readFileSync(`/proc/${zombie}/stat`, 'utf8').includes(') Z')) await new Promise((resolve) => setTimeout(resolve, 10));
    writeFileSync(join(dataDir, LOCK_FILE_NAME), JSON.stringify({ pid: zombie, host: hostname(), program: 'desktop app', startedAt: new Date().toISOString() }));
    const station = await open(dataDir);
    expect(JSON.parse(readFileSync(join(dataDir, LOCK_FILE_NAME), 'utf8'))).toMatchObject({ pid: process.pid });
    await station.close();
  }, 30_000);

  it('does not take over a lock of another machine (a shared folder)', async () => {
    const dataDir = tempDir();
    writeFileSync(join(dataDir, LOCK_FILE_NAME), JSON.stringify({ pid: 1, host: 'other-station-pc', program: 'desktop app', startedAt: new Date().toISOString() }));
    await expect(openStation({ dataDir })).rejects.toMatchObject({ holder: { host: 'other-station-pc', program: 'desktop app' } });
  });
});
