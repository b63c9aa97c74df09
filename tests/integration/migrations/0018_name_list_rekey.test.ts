import { describe, expect, it } from 'vitest';
import { insertRows, migrateTo, migrationBefore, tableRows, useMigrationDatabases } from '../../fixtures/migration-db';

const { openEmpty } = useMigrationDatabases();

// What the station makes of the request when it opens (𠮷 found as 吉) is shown in
// tests/integration/forms-names.test.ts; here, what the migration itself leaves.
describe('migration 0018', () => {
  it('asks the station to remake the name list’s search keys, keeping other pending work as requested', async () => {
    const db = openEmpty();
    await migrateTo(db, migrationBefore('0018_name_list_rekey'));
    db.sqlite.prepare('delete from maintenance_task').run();
    const reseal = { task: 'reseal', requested_at: '2026-02-01T00:00:00.000Z' };
    insertRows(db, 'maintenance_task', [reseal]);

    await migrateTo(db, '0018_name_list_rekey');

    const tasks = tableRows(db, 'maintenance_task') as Array<{ task: string; requested_at: string }>;
    expect(tasks.map((row) => row.task)).toEqual(['name_keys', 'reseal']);
    expect(tasks.find((row) => row.task === 'reseal')).toEqual(reseal);
    expect(Number.isNaN(Date.parse(tasks.find((row) => row.task === 'name_keys')!.requested_at))).toBe(false);
  });

  it('leaves a remaking already asked for as it was requested', async () => {
    const db = openEmpty();
    await migrateTo(db, migrationBefore('0018_name_list_rekey'));
    db.sqlite.prepare('delete from maintenance_task').run();
    const pending = [{ task: 'name_keys', requested_at: '2026-02-01T00:00:00.000Z' }];
    insertRows(db, 'maintenance_task', pending);

    await migrateTo(db, '0018_name_list_rekey');

    expect(tableRows(db, 'maintenance_task')).toEqual(pending);
  });
});
