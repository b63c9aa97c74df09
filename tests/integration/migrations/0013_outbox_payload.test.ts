import { describe, expect, it } from 'vitest';
import { insertRows, migrateTo, migrationBefore, tableRows, useMigrationDatabases } from '../../fixtures/migration-db';

const { openEmpty } = useMigrationDatabases();

describe('migration 0013', () => {
  it('moves each queued payload beside its row, which keeps where it stands', async () => {
    const db = openEmpty();
    await migrateTo(db, migrationBefore('0013_outbox_payload'));
    const queued = (entityId: string, payload: string, state: string, batchSeq: number | null) => ({
      kind: 'visitor_sign_in',
      entity_id: entityId,
      version: 1,
      payload,
      created_at: '2026-01-02T00:00:00.000Z',
      state,
      batch_seq: batchSeq,
    });
    insertRows(db, 'outbox', [queued('visit-1', 'v1.sealed-one', 'done', 1), queued('visit-2', 'v1.sealed-two', 'pending', null)]);

    await migrateTo(db, '0013_outbox_payload');
    const columns = db.sqlite.prepare(`select name from pragma_table_info('outbox')`).all();
    expect(columns).not.toContainEqual({ name: 'payload' });
    expect(columns).toContainEqual({ name: 'state' });
    expect(tableRows(db, 'outbox_payload')).toEqual([
      { seq: 1, payload: 'v1.sealed-one' },
      { seq: 2, payload: 'v1.sealed-two' },
    ]);
    const rows = db.sqlite.prepare('select entity_id, state, batch_seq, payload from outbox join outbox_payload using (seq) order by seq').all();
    expect(rows).toEqual([
      { entity_id: 'visit-1', state: 'done', batch_seq: 1, payload: 'v1.sealed-one' },
      { entity_id: 'visit-2', state: 'pending', batch_seq: null, payload: 'v1.sealed-two' },
    ]);
    expect(db.sqlite.pragma('foreign_key_check')).toEqual([]);
  });
});
