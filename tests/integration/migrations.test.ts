import { join } from 'node:path';
import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { openStation } from '../../electron/app/open-station';
import { openDatabaseFile } from '../../electron/db/connection';
import { DatabaseTooNewError, migrateToLatest } from '../../electron/db/migrate';
import { migrations } from '../../electron/db/migrations/index';
import { useCleanups } from '../fixtures/cleanups';

const { tempDir, defer } = useCleanups();

async function tableNames(file: string): Promise<string[]> {
  const connection = openDatabaseFile(file);
  try {
    const rows = await sql<{ name: string }>`select name from sqlite_master where type = 'table' order by name`.execute(connection.db);
    return rows.rows.map((row) => row.name);
  } finally {
    await connection.close();
  }
}

describe('migrations', () => {
  it('bring a fresh database to the latest level, with the connection pragmas set', async () => {
    const dir = tempDir();
    const station = await openStation({ dataDir: dir });
    expect(station.migrationLevel.applied).toEqual(migrations.map(([name]) => name));
    expect(station.migrationLevel.latest).toBe(migrations.at(-1)?.[0]);
    expect(station.connection.sqlite.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(station.connection.sqlite.pragma('synchronous', { simple: true })).toBe(2); // FULL
    expect(station.connection.sqlite.pragma('foreign_keys', { simple: true })).toBe(1);
    await station.close();
    expect(await tableNames(join(dir, 'station.sqlite'))).toEqual(
      expect.arrayContaining(['outbox', 'schema_migration', 'station', 'visitor_sign_in']),
    );
  });

  it('are applied once: reopening changes nothing', async () => {
    const dir = tempDir();
    await (await openStation({ dataDir: dir })).close();
    const again = await openStation({ dataDir: dir });
    const rows = again.connection.sqlite.prepare('select name from schema_migration').all();
    expect(rows).toHaveLength(migrations.length);
    await again.close();
  });

  it('refuse a database written by a newer version', async () => {
    const dir = tempDir();
    const first = await openStation({ dataDir: dir });
    first.connection.sqlite
      .prepare('insert into schema_migration (name, applied_at) values (?, ?)')
      .run('9999_from_the_future', new Date().toISOString());
    await first.close();
    const opening = openStation({ dataDir: dir });
    await expect(opening).rejects.toBeInstanceOf(DatabaseTooNewError);
    await expect(opening).rejects.toMatchObject({ unknownMigrations: ['9999_from_the_future'] });
  });

  it('leave the database at a whole level when a migration fails half-way', async () => {
    const file = join(tempDir(), 'station.sqlite');
    const connection = openDatabaseFile(file);
    defer(() => connection.close());
    const broken = [
      ...migrations,
      [
        '0002_broken',
        {
          async up(db: Parameters<(typeof migrations)[number][1]['up']>[0]) {
            await db.schema.createTable('half_done').addColumn('id', 'integer').execute();
            throw new Error('disk full');
          },
        },
      ] as const,
    ];
    await expect(migrateToLatest(connection.db, broken)).rejects.toThrow('disk full');
    const applied = connection.sqlite.prepare('select name from schema_migration order by name').all();
    expect(applied).toEqual(migrations.map(([name]) => ({ name })));
    const halfDone = connection.sqlite.prepare("select count(*) as n from sqlite_master where name = 'half_done'").get();
    expect(halfDone).toEqual({ n: 0 });
  });
});
