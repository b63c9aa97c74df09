import { describe, expect, it } from 'vitest';
import { insertRows, migrateTo, migrationBefore, personRow, registrationRow, tableRows, useMigrationDatabases } from '../../fixtures/migration-db';

const { openEmpty } = useMigrationDatabases();

describe('migration 0010', () => {
  it('gives each queued change the person whose consent governs it and when its record was first queued, and leaves it pending', async () => {
    const db = openEmpty();
    await migrateTo(db, migrationBefore('0010_sync'));
    insertRows(db, 'person', [personRow('p1'), personRow('p2')]);
    insertRows(db, 'registration', [
      registrationRow({ id: 'r1', number: 'KMU01-2026-R000001', person_id: 'p1', program: 'organ' }),
      registrationRow({ id: 'r2', number: 'KMU01-2026-R000002', person_id: 'p2', program: 'cornea' }),
    ]);
    const queued = (kind: string, entityId: string, version: number, createdAt: string) => ({
      kind,
      entity_id: entityId,
      version,
      payload: `sealed-${kind}-${entityId}-${version}`,
      created_at: createdAt,
    });
    insertRows(db, 'outbox', [
      queued('person', 'p1', 1, '2026-01-05T02:00:00.000Z'),
      queued('registration', 'r1', 1, '2026-01-05T02:00:01.000Z'),
      queued('registration', 'r2', 1, '2026-01-06T03:00:00.000Z'),
      queued('registration', 'r1', 2, '2026-02-01T04:00:00.000Z'),
      queued('person', 'p1', 2, '2026-02-01T04:00:00.000Z'),
      queued('visitor_sign_in', 'visit-1', 1, '2026-01-07T05:00:00.000Z'),
    ]);
    const before = tableRows(db, 'outbox');

    await migrateTo(db, '0010_sync');

    const added = (personId: string | null, recordCreatedAt: string) => ({
      state: 'pending',
      batch_seq: null,
      person_id: personId,
      record_created_at: recordCreatedAt,
      reject_code: null,
      reject_reason: null,
      reject_path: null,
      settled_at: null,
    });
    expect(tableRows(db, 'outbox')).toEqual(
      [
        added('p1', '2026-01-05T02:00:00.000Z'),
        added('p1', '2026-01-05T02:00:01.000Z'),
        added('p2', '2026-01-06T03:00:00.000Z'),
        // A later version belongs to the record first queued with version 1.
        added('p1', '2026-01-05T02:00:01.000Z'),
        added('p1', '2026-01-05T02:00:00.000Z'),
        // A memorial sign-in is about no registered person.
        added(null, '2026-01-07T05:00:00.000Z'),
      ].map((columns, i) => ({ ...before[i], ...columns })),
    );
  });
});
