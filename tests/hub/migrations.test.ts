import { sql, type Kysely } from 'kysely';
import { expect, it } from 'vitest';
import { HubDatabaseTooNewError, migrateHubDatabase } from '../../hub/db/migrate';
import { hubMigrations, type HubMigration } from '../../hub/db/migrations/index';
import { describeOnBothEngines } from './support/both-engines';

async function tableExists(db: Kysely<any>, table: string): Promise<boolean> {
  try {
    await sql`select count(*) from ${sql.table(table)}`.execute(db);
    return true;
  } catch {
    return false;
  }
}

describeOnBothEngines('hub migrations', (open) => {
  it('brings a new database to the latest level, and migrating again is a no-op', async () => {
    const hub = await open();
    const latest = hubMigrations.map(([name]) => name);
    const again = await migrateHubDatabase(hub.db, hub.engine);
    expect(again).toEqual({ applied: latest, appliedNow: [], latest: latest[latest.length - 1] });

    // A migration that fails when run twice (it creates a table) runs once however often the hub migrates.
    let runs = 0;
    const probe: HubMigration = {
      up: async (db) => {
        runs += 1;
        await db.schema.createTable('probe').addColumn('id', 'integer').execute();
      },
    };
    const withProbe = [...hubMigrations, ['9000_probe', probe] as const];
    expect((await migrateHubDatabase(hub.db, hub.engine, withProbe)).appliedNow).toEqual(['9000_probe']);
    expect((await migrateHubDatabase(hub.db, hub.engine, withProbe)).appliedNow).toEqual([]);
    expect(runs).toBe(1);
  });

  it('keeps what it stored when the database is opened again', async () => {
    const hub = await open();
    await hub.db.insertInto('station').values({ province_code: '53', code: 'KMU01', kind: 'university_station', region_code: '530102', name: '昆明医科大学', registered_at: '2026-11-01T00:00:00.000Z' }).execute();
    await hub.close();
    const reopened = await open(hub.options);
    expect(await reopened.db.selectFrom('station').select('name').execute()).toEqual([{ name: '昆明医科大学' }]);
  });

  it('refuses a database written by a newer hub', async () => {
    const hub = await open();
    await hub.db.insertInto('hub_migration').values({ name: '9999_from_a_newer_hub', applied_at: new Date().toISOString() }).execute();
    await hub.close();
    const refused = open(hub.options);
    await expect(refused).rejects.toBeInstanceOf(HubDatabaseTooNewError);
    await expect(refused).rejects.toMatchObject({ unknownMigrations: ['9999_from_a_newer_hub'] });
  });

  it('runs each migration in one transaction: a failing one leaves nothing behind', async () => {
    const hub = await open();
    const failing: HubMigration = {
      up: async (db) => {
        await db.schema.createTable('half_done').addColumn('id', 'integer').execute();
        throw new Error('the migration failed half-way');
      },
    };
    await expect(migrateHubDatabase(hub.db, hub.engine, [...hubMigrations, ['9001_failing', failing] as const])).rejects.toThrow('half-way');
    expect(await tableExists(hub.db, 'half_done')).toBe(false);
    expect((await migrateHubDatabase(hub.db, hub.engine)).applied).toEqual(hubMigrations.map(([name]) => name));
  });
});
