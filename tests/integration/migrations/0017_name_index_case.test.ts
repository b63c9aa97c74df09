import { describe, expect, it } from 'vitest';
import { insertRows, migrateTo, migrationBefore, personRow, tableRows, useMigrationDatabases, type MigrationDatabase } from '../../fixtures/migration-db';

const { openEmpty } = useMigrationDatabases();

/** A database just before 0017 holding two people, with only the given maintenance pending. */
async function beforeUpgrade(pending: Array<{ task: string; requested_at: string }>): Promise<MigrationDatabase> {
  const db = openEmpty();
  await migrateTo(db, migrationBefore('0017_name_index_case'));
  // 0002 asked for a reseal that the station did when it first opened: start from what it left.
  db.sqlite.prepare('delete from maintenance_task').run();
  insertRows(db, 'maintenance_task', pending);
  insertRows(db, 'person', [personRow('p1'), { ...personRow('p2'), index_key_id: 'key-2' }]);
  return db;
}

// What the station makes of this when it opens (names found in any case) is shown in
// tests/integration/real-people.test.ts; here, what the migration itself leaves.
describe('migration 0017', () => {
  it('marks every person’s blind indexes stale and asks the station to rebuild them, changing nothing else', async () => {
    const db = await beforeUpgrade([]);
    const before = tableRows(db, 'person');

    await migrateTo(db, '0017_name_index_case');

    expect(tableRows(db, 'person')).toEqual(before.map((row) => ({ ...row, index_key_id: '' })));
    expect(tableRows(db, 'maintenance_task', ['task'])).toEqual([{ task: 'reseal' }]);
  });

  it('leaves a pending reseal (a key rotation cut short) as it was requested', async () => {
    const pending = [{ task: 'reseal', requested_at: '2026-02-01T00:00:00.000Z' }];
    const db = await beforeUpgrade(pending);

    await migrateTo(db, '0017_name_index_case');

    expect(tableRows(db, 'maintenance_task')).toEqual(pending);
    expect(tableRows(db, 'person', ['index_key_id'])).toEqual([{ index_key_id: '' }, { index_key_id: '' }]);
  });
});
