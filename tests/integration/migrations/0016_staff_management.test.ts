import { describe, expect, it } from 'vitest';
import { insertRows, migrateTo, migrationBefore, tableRows, useMigrationDatabases } from '../../fixtures/migration-db';

const { openEmpty } = useMigrationDatabases();

describe('migration 0016', () => {
  it('keeps every existing account active, with the password and PIN its owner chose', async () => {
    const db = openEmpty();
    await migrateTo(db, migrationBefore('0016_staff_management'));
    const account = (id: string, username: string, role: string, lockedUntil: string | null) => ({
      id,
      username,
      display_name: `${username} (display)`,
      role,
      password_hash: `scrypt-password-${id}`,
      pin_hash: `scrypt-pin-${id}`,
      failed_attempts: lockedUntil ? 5 : 0,
      locked_until: lockedUntil,
      created_at: '2026-01-01T00:00:00.000Z',
    });
    insertRows(db, 'staff', [account('s1', 'admin', 'admin', null), account('s2', 'wangfang', 'registrar', '2026-01-02T00:15:00.000Z')]);
    const before = tableRows(db, 'staff');

    await migrateTo(db, '0016_staff_management');

    // An upgrade neither disables anyone nor sends anyone to choose new secrets; a lockout stands as it was.
    expect(tableRows(db, 'staff')).toEqual(before.map((row) => ({ ...row, active: 1, must_change_password: 0, must_change_pin: 0 })));
  });
});
