import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { openStation } from '../../../electron/app/open-station';
import { insertRows, migrateTo, migrationBefore, tableRows, useMigrationDatabases } from '../../fixtures/migration-db';
import { containsText } from '../../fixtures/plain-text';

const { openEmpty } = useMigrationDatabases();

/** Personal values a visitor might have given, rare characters included. */
const knownNames = ['欧阳𠀀明', '阿依古丽·买买提', 'Zhang Weiwei', '司马𪚥'];

describe('migration 0002', () => {
  it('seals the visitor names and outbox payloads an earlier version stored in plain text', async () => {
    const legacy = openEmpty();
    await migrateTo(legacy, migrationBefore('0002_security'));
    insertRows(legacy, 'station', [
      { id: 1, code: 'KMU01', name: '昆明', kind: 'memorial_kiosk', region_code: '5301', created_at: '2026-01-01T00:00:00.000Z' },
    ]);
    const visit = (id: string, visitorName: string | null) => ({
      id,
      station_code: 'KMU01',
      visited_at: '2026-01-02T00:00:00.000Z',
      party_size: 1,
      purpose: 'tour',
      visitor_name: visitorName,
      version: 1,
    });
    insertRows(legacy, 'visitor_sign_in', [...knownNames.map((name, i) => visit(`legacy-${i}`, name)), visit('legacy-anonymous', null)]);
    insertRows(
      legacy,
      'outbox',
      knownNames.map((name, i) => ({
        kind: 'visitor_sign_in',
        entity_id: `legacy-${i}`,
        version: 1,
        payload: JSON.stringify({ id: `legacy-${i}`, visitor_name: name }),
        created_at: '2026-01-02T00:00:00.000Z',
      })),
    );
    await legacy.close();

    // The migration asks for the sealing; the station does it when it opens with its key.
    const station = await openStation({ dataDir: legacy.dir });
    const rows = tableRows(station.connection, 'visitor_sign_in', ['id', 'visitor_name']) as Array<{ id: string; visitor_name: string | null }>;
    expect(rows.find((row) => row.id === 'legacy-anonymous')?.visitor_name).toBeNull();
    const protection = station.services.protection;
    expect(rows.filter((row) => row.visitor_name !== null).map((row) => protection.open(row.visitor_name as string, 'visitor_sign_in.visitor_name')).sort()).toEqual(
      [...knownNames].sort(),
    );
    const payloads = tableRows(station.connection, 'outbox_payload', ['payload']) as Array<{ payload: string }>;
    expect(payloads.map((row) => JSON.parse(protection.open(row.payload, 'outbox.payload')).visitor_name).sort()).toEqual([...knownNames].sort());
    expect(tableRows(station.connection, 'maintenance_task')).toEqual([]);
    await station.close();
    const database = readFileSync(legacy.file);
    for (const name of knownNames) expect(containsText(database, name), `database still holds ${name}`).toBe(false);
  });
});
