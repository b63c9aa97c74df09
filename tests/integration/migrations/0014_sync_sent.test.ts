import { describe, expect, it } from 'vitest';
import { migrateTo, migrationBefore, useMigrationDatabases } from '../../fixtures/migration-db';

const { openEmpty } = useMigrationDatabases();

const B1_SENT = '2026-11-01T02:00:00.000Z';
const B2_SENT = '2026-11-02T02:00:00.000Z';

describe('migration 0014: rows that may be at the province', () => {
  it('marks the rows a batch that left holds or held, not those left out or never sent; a batch sent later marks its rows', async () => {
    const connection = openEmpty();
    await migrateTo(connection, migrationBefore('0014_sync_sent'));

    const batch = connection.sqlite.prepare(
      `insert into sync_batch (batch_seq, batch_id, state, first_seq, last_seq, record_count, omitted_count, resent_count, kind_counts, manifest,
         manifest_sha256, file_bytes, created_at, sent_at) values (?, ?, ?, ?, ?, 1, 0, 0, '{}', '{}', 'ff', 1, '2026-11-01T01:00:00.000Z', ?)`,
    );
    batch.run(1, 'KMU01-B000001', 'acknowledged', 1, 2, B1_SENT);
    batch.run(2, 'KMU01-B000002', 'refused', 3, 4, B2_SENT);
    batch.run(3, 'KMU01-B000003', 'pending_approval', 5, 5, null);
    const queue = connection.sqlite.prepare(
      `insert into outbox (seq, kind, entity_id, version, created_at, state, batch_seq, settled_at) values (?, 'registration', ?, 1, '2026-11-01T00:00:00.000Z', ?, ?, ?)`,
    );
    queue.run(1, 'sent-and-done', 'done', 1, B1_SENT);
    queue.run(2, 'left-out-by-b1', 'omitted', 1, null);
    queue.run(3, 'freed-by-refusal', 'pending', null, null);
    queue.run(4, 'freed-then-left-out', 'omitted', null, null);
    queue.run(5, 'waits-for-approval', 'in_batch', 3, null);
    queue.run(6, 'resend-then-left-out', 'omitted', 1, B1_SENT);
    queue.run(7, 'never-in-a-batch', 'pending', null, null);

    await migrateTo(connection, '0014_sync_sent');

    const sentAt = () => connection.sqlite.prepare('select entity_id, sent_at from outbox order by seq').all();
    expect(sentAt()).toEqual([
      { entity_id: 'sent-and-done', sent_at: B1_SENT },
      { entity_id: 'left-out-by-b1', sent_at: null },
      { entity_id: 'freed-by-refusal', sent_at: B2_SENT },
      { entity_id: 'freed-then-left-out', sent_at: B2_SENT },
      { entity_id: 'waits-for-approval', sent_at: null },
      { entity_id: 'resend-then-left-out', sent_at: B1_SENT },
      { entity_id: 'never-in-a-batch', sent_at: null },
    ]);

    // Approved and sent after the upgrade: its row is marked with it, the others keep their marks.
    connection.sqlite.prepare("update sync_batch set state = 'sent', sent_at = '2026-11-03T02:00:00.000Z' where batch_seq = 3").run();
    connection.sqlite.prepare("update sync_batch set sent_at = '2026-11-04T02:00:00.000Z' where batch_seq = 1").run();
    expect(sentAt()).toEqual([
      { entity_id: 'sent-and-done', sent_at: B1_SENT },
      { entity_id: 'left-out-by-b1', sent_at: null },
      { entity_id: 'freed-by-refusal', sent_at: B2_SENT },
      { entity_id: 'freed-then-left-out', sent_at: B2_SENT },
      { entity_id: 'waits-for-approval', sent_at: '2026-11-03T02:00:00.000Z' },
      { entity_id: 'resend-then-left-out', sent_at: B1_SENT },
      { entity_id: 'never-in-a-batch', sent_at: null },
    ]);
  });
});
