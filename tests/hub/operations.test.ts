import { execFile, spawn, spawnSync } from 'node:child_process';
import { generateKeyPairSync } from 'node:crypto';
import { once } from 'node:events';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import pg from 'pg';
import { sql } from 'kysely';
import { afterAll, beforeAll, expect, inject, it } from 'vitest';
import { publicKeyToPem } from '../../electron/sync/keys';
import { HubDatabaseLockedError, lockFileOf } from '../../hub/db/lock';
import type { HubDatabaseOptions } from '../../hub/db/open';
import { batchesOfStation } from '../../hub/db/repositories/batches';
import { countRecordVersions } from '../../hub/db/repositories/record-versions';
import { takeBatch } from '../../hub/db/repositories/take-batch';
import { backupHubDatabase, HubBackupRefusedError } from '../../hub/operations/backup';
import { initialiseHub } from '../../hub/operations/initialise-hub';
import { HubNotInitialisedError, provinceOfDatabase, ProvinceMismatchError, recordedProvince } from '../../hub/operations/province-identity';
import { findPostgresBinaries } from '../../scripts/postgres-cluster';
import { batchOf, PROVINCE, recordVersion, registerStation } from './support/batches';
import { describeOnBothEngines } from './support/both-engines';
import { hubEnvironment } from './support/hub-process';

const hubEntry = fileURLToPath(new URL('../../hub/cli/main.ts', import.meta.url));

let folder = '';
beforeAll(() => {
  folder = mkdtempSync(join(tmpdir(), 'relay-hub-operations-'));
});
afterAll(() => rmSync(folder, { recursive: true, force: true }));

let fresh = 0;
function freshPath(name: string): string {
  return join(folder, `${++fresh}-${name}`);
}

/** A database restored from a backup: a copy of the SQLite file, or pg_restore into a fresh PostgreSQL database. */
async function restore(options: HubDatabaseOptions, backupFile: string): Promise<HubDatabaseOptions> {
  if (options.engine === 'sqlite') return { engine: 'sqlite', file: backupFile };
  const cluster = inject('hubPostgres');
  const database = `hub_restored_${process.pid}_${++fresh}`;
  const admin = new pg.Client({ host: cluster.socketFolder, port: cluster.port, user: cluster.user, database: 'postgres' });
  await admin.connect();
  try {
    await admin.query(`create database ${database}`);
  } finally {
    await admin.end();
  }
  const pgRestore = join(findPostgresBinaries(), 'pg_restore');
  await promisify(execFile)(pgRestore, ['--no-owner', `--dbname=${database}`, backupFile], {
    env: { ...process.env, PGHOST: cluster.socketFolder, PGPORT: String(cluster.port), PGUSER: cluster.user },
  });
  return { engine: 'postgres', connection: { ...options.connection, database } };
}

describeOnBothEngines('hub operations: init, the lock on a SQLite file, backup', (open, engine) => {
  it('init records the province once: again for the same province changes nothing, another province is refused before any key is made', async () => {
    const hub = await open();
    await hub.close();
    const keysDir = freshPath('keys');
    const first = await initialiseHub({ provinceCode: PROVINCE, keysDir, database: hub.options });
    expect(first).toMatchObject({ provinceCode: PROVINCE, keysCreated: true, provinceRecorded: true });
    expect(first.migrations).toContain('0003_hub_identity');
    expect(existsSync(first.signingPublicKeyFile) && existsSync(first.encryptionPublicKeyFile)).toBe(true);

    const again = await initialiseHub({ provinceCode: PROVINCE, keysDir, database: hub.options });
    expect(again).toMatchObject({ keysCreated: false, provinceRecorded: false, signingKeyId: first.signingKeyId });

    const otherKeys = freshPath('keys-of-another-province');
    await expect(initialiseHub({ provinceCode: '52', keysDir: otherKeys, database: hub.options })).rejects.toMatchObject({
      name: 'ProvinceMismatchError',
      recordedProvince: PROVINCE,
      givenProvince: '52',
    });
    expect(existsSync(otherKeys)).toBe(false);
  });

  it('later commands read the province from the database, and refuse another one', async () => {
    const hub = await open();
    expect(await recordedProvince(hub.db)).toBeNull();
    // A database from before init: the command must name its province.
    await expect(provinceOfDatabase(hub.db)).rejects.toBeInstanceOf(HubNotInitialisedError);
    expect(await provinceOfDatabase(hub.db, PROVINCE)).toBe(PROVINCE);
    await hub.close();

    await initialiseHub({ provinceCode: PROVINCE, keysDir: freshPath('keys'), database: hub.options });
    const reopened = await open(hub.options);
    expect(await provinceOfDatabase(reopened.db)).toBe(PROVINCE);
    expect(await provinceOfDatabase(reopened.db, PROVINCE)).toBe(PROVINCE);
    await expect(provinceOfDatabase(reopened.db, '52')).rejects.toBeInstanceOf(ProvinceMismatchError);
    // One row at most, by constraint.
    await expect(reopened.db.insertInto('hub_identity').values({ singleton: 1, province_code: '52', initialised_at: new Date().toISOString() }).execute()).rejects.toThrow();
  });

  if (engine === 'sqlite') {
    it('one hub per SQLite file: a second opener is refused and told who holds it, until the first closes', async () => {
      const hub = await open();
      if (hub.options.engine !== 'sqlite') return;
      const lockFile = lockFileOf(hub.options.file);
      expect(existsSync(lockFile)).toBe(true);
      const refused = open(hub.options);
      await expect(refused).rejects.toBeInstanceOf(HubDatabaseLockedError);
      await expect(refused).rejects.toMatchObject({ holder: { pid: process.pid, host: hostname() }, lockFile });
      await expect(refused).rejects.toThrow(/another hub has this database open/);

      await hub.close();
      expect(existsSync(lockFile)).toBe(false);
      const reopened = await open(hub.options);
      expect(existsSync(lockFile)).toBe(true);
      await reopened.close();
      expect(existsSync(lockFile)).toBe(false);
    });

    it('takes over the lock of a hub that died (also one killed and not yet reaped), and keeps refusing one that another process holds', async () => {
      const hub = await open();
      await hub.close();
      if (hub.options.engine !== 'sqlite') return;
      const lockFile = lockFileOf(hub.options.file);
      const dead = spawnSync(process.execPath, ['-e', '']).pid;
      writeFileSync(lockFile, JSON.stringify({ pid: dead, host: hostname(), program: 'hub serve', startedAt: new Date().toISOString() }));
      const reopened = await open(hub.options);
      await reopened.close();
      expect(existsSync(lockFile)).toBe(false);

      // Killed but not yet reaped: a zombie's pid still answers signals, yet it holds nothing.
      // The child outlives the shell's own code (which could reap it): it ends only once `sleep`, which never
      // reaps, has taken the shell's place.
      const unreaping = spawn('sh', ['-c', 'sleep 1 & echo $!; exec sleep 30'], { stdio: ['ignore', 'pipe', 'ignore'] });
      try {
        const zombie = Number((await once(unreaping.stdout!, 'data'))[0].toString().trim());
        while (!readFileSync(`/proc/${zombie}/stat`, 'utf8').includes(') Z')) await new Promise((resolve) => setTimeout(resolve, 10));
        writeFileSync(lockFile, JSON.stringify({ pid: zombie, host: hostname(), program: 'hub serve', startedAt: new Date().toISOString() }));
        const afterZombie = await open(hub.options);
        await afterZombie.close();
        expect(existsSync(lockFile)).toBe(false);
      } finally {
        unreaping.kill('SIGKILL');
      }

      // The parent of this test process is alive: its lock holds.
      writeFileSync(lockFile, JSON.stringify({ pid: process.ppid, host: hostname(), program: 'hub serve', startedAt: new Date().toISOString() }));
      await expect(open(hub.options)).rejects.toMatchObject({ holder: { pid: process.ppid, program: 'hub serve' } });
      rmSync(lockFile);
      // The lock is beside the database and its own: a failed open leaves nothing else behind.
      expect(readdirSync(folder).filter((name) => name.endsWith('.tmp'))).toEqual([]);
    });
  } else {
    it('keeps running when the server ends its idle connections: the pool drops them and the next query opens another', async () => {
      const hub = await open();
      await sql`select 1`.execute(hub.db);
      if (hub.options.engine !== 'postgres') throw new Error('a PostgreSQL hub was opened');
      // As an administrator's pg_terminate_backend or a server restart would: end every other session of this database.
      const admin = new pg.Client({ ...hub.options.connection, options: undefined });
      await admin.connect();
      try {
        const ended = await admin.query('select pg_terminate_backend(pid) from pg_stat_activity where datname = current_database() and pid <> pg_backend_pid()');
        expect(ended.rowCount).toBeGreaterThan(0);
      } finally {
        await admin.end();
      }
      // The pool hears of the ended connection asynchronously; give it the moment it needs.
      await new Promise((resolve) => setTimeout(resolve, 200));
      const { rows } = await sql<{ answer: number }>`select 42 as answer`.execute(hub.db);
      expect(rows).toEqual([{ answer: 42 }]);
    });

    it('takes no lock file on PostgreSQL: two hubs may share one database, the server and advisory locks order them', async () => {
      const hub = await open();
      const second = await open(hub.options);
      await registerStation(second.db);
      expect(await countRecordVersions(hub.db, PROVINCE, 'KMU01')).toBe(0);
    });
  }

  it('backs up the open database; restored into a fresh one it holds the same batches, and a backup never overwrites a file', async () => {
    const hub = await open();
    await registerStation(hub.db);
    for (let seq = 1; seq <= 3; seq++) {
      const taken = await takeBatch(hub, batchOf('KMU01', seq, [recordVersion(`person-${seq}`, 1, `v1 of ${seq}`), recordVersion(`person-${seq}`, 2, `v2 of ${seq}`)]));
      expect(taken.outcome).toBe('applied');
    }
    const before = await batchesOfStation(hub.db, PROVINCE, 'KMU01');

    const out = freshPath(`backup.${engine === 'sqlite' ? 'sqlite' : 'dump'}`);
    const backup = await backupHubDatabase(hub.options, out);
    expect(backup).toMatchObject({ engine, file: out });
    expect(backup.bytes).toBeGreaterThan(0);
    await expect(backupHubDatabase(hub.options, out)).rejects.toBeInstanceOf(HubBackupRefusedError);
    expect(readdirSync(folder).filter((name) => name.endsWith('.partial'))).toEqual([]);

    const restored = await open(await restore(hub.options, out));
    expect(await batchesOfStation(restored.db, PROVINCE, 'KMU01')).toEqual(before);
    expect(await countRecordVersions(restored.db, PROVINCE, 'KMU01')).toBe(6);
  });
});

/** A connection string for the command line, to the same database and schema as the pool's settings. */
function postgresUrl(connection: pg.PoolConfig): string {
  // Spaces as %20: libpq does not read '+' as a space.
  const query = `host=${encodeURIComponent(String(connection.host))}&options=${encodeURIComponent(String(connection.options ?? ''))}`;
  return `postgresql://${connection.user}@localhost:${connection.port}/${connection.database}?${query}`;
}

describeOnBothEngines('npm run hub -- init, then commands without --province, and backup', (open, engine) => {
  it('initialises from the command line; a station is then added without --province, another province is refused, and the database is backed up', async () => {
    const hub = await open();
    await hub.close();
    const database = hub.options.engine === 'sqlite' ? ['--db', hub.options.file] : ['--postgres', postgresUrl(hub.options.connection)];
    const run = (args: string[]) =>
      promisify(execFile)(process.execPath, ['--import', 'tsx', hubEntry, ...args], { encoding: 'utf8', env: hubEnvironment() }).then(
        ({ stdout }) => ({ code: 0, stdout }),
        (error: { code: number; stdout: string }) => ({ code: error.code, stdout: error.stdout }),
      );
    const keysDir = freshPath('keys');
    const init = await run(['init', '--province', PROVINCE, '--keys', keysDir, ...database]);
    expect(init.code).toBe(0);
    expect(JSON.parse(init.stdout)).toMatchObject({ province: PROVINCE, provinceRecorded: true, keysCreated: true });

    const stationKey = freshPath('station.pub.pem');
    writeFileSync(stationKey, publicKeyToPem(generateKeyPairSync('ed25519').publicKey));
    const station = ['station', 'add', '--code', 'KMU01', '--kind', 'university_station', '--region', '530102', '--key', stationKey, ...database];
    const added = await run(station);
    expect(added.code).toBe(0);
    expect(JSON.parse(added.stdout)).toMatchObject({ station: 'KMU01', stationAdded: true, keyAdded: true });
    const elsewhere = await run([...station, '--province', '52']);
    expect(elsewhere.code).toBe(1);

    const refused = await run(['init', '--province', '52', '--keys', keysDir, ...database]);
    expect(refused.code).toBe(1);
    expect(JSON.parse(refused.stdout)).toEqual({ refused: 'province_mismatch', recordedProvince: PROVINCE, givenProvince: '52' });

    const out = freshPath('backup');
    const backup = await run(['backup', '--out', out, ...database]);
    expect(backup.code).toBe(0);
    expect(JSON.parse(backup.stdout)).toMatchObject({ backup: out, engine });
  }, 120_000);
});
