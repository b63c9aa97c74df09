import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type BetterSqlite3 from 'better-sqlite3';
import { openStation, type OpenStation } from '../electron/app/open-station';
import { openDatabaseFile, type DatabaseConnection } from '../electron/db/connection';
import { migrateToLatest } from '../electron/db/migrate';
import { compareSides, type CompareOptions, type Side, type WriteComparison } from './compare';
import { rawOutboxWriter } from './raw-outbox';

/**
 * Visitor sign-in through the whole service layer (dispatch: session and role check, input parsing,
 * station lookup, sealing the name and the outbox payload, one transaction with the visit, its outbox
 * row and its chained audit entry, output parsing) against the floor underneath it: the same three rows
 * inserted in plain text with better-sqlite3 prepared statements, one transaction each, in a database
 * with the same schema and pragmas (WAL, synchronous=FULL).
 */

const STATION_CODE = 'KMU01';
const purposes = ['remembrance', 'tour', 'qingming'] as const;
const names = ['张三', '李四', '王五', undefined] as const;

/** The i-th visitor's input, shared by both sides so they write the same rows. */
function visitorInput(i: number): { partySize: number; purpose: (typeof purposes)[number]; visitorName?: string } {
  const visitorName = names[i % names.length];
  return {
    partySize: (i % 5) + 1,
    purpose: purposes[i % purposes.length]!,
    ...(visitorName === undefined ? {} : { visitorName }),
  };
}


async function openServiceSide(dataDir: string): Promise<{ side: Side; station: OpenStation }> {
  const station = await openStation({ dataDir });
  const setup = await station.dispatch('station:setup', {
    code: STATION_CODE,
    name: '昆明医科大学',
    kind: 'memorial_kiosk',
    regionCode: '5301',
    admin: { username: 'admin', displayName: '管理员', password: 'correct horse battery', pin: '246810' },
  }, { sessionKey: 'setup' });
  if (!setup.ok) throw new Error(`station:setup failed: ${JSON.stringify(setup.error)}`);
  const side: Side = {
    async run(count) {
      for (let i = 0; i < count; i += 1) {
        const result = await station.dispatch('visitor:signIn', visitorInput(i), { sessionKey: 'bench-kiosk' });
        if (!result.ok) throw new Error(`visitor:signIn failed: ${JSON.stringify(result.error)}`);
      }
    },
  };
  return { side, station };
}

async function openBaselineSide(dataDir: string): Promise<{ side: Side; connection: DatabaseConnection }> {
  const connection = openDatabaseFile(join(dataDir, 'baseline.sqlite'));
  await migrateToLatest(connection.db);
  const { sqlite } = connection;
  const insertVisit = sqlite.prepare(
    `INSERT INTO visitor_sign_in (id, station_code, visited_at, party_size, purpose, visitor_name, version)
     VALUES (@id, @station_code, @visited_at, @party_size, @purpose, @visitor_name, @version)`,
  );
  const queueChange = rawOutboxWriter(sqlite);
  const insertAudit = sqlite.prepare(
    `INSERT INTO audit_log (seq, at, actor_id, actor_role, station_code, action, object_type, object_id, detail, prev_hash, hash)
     VALUES (?, ?, NULL, 'kiosk', ?, 'create', 'visitor_sign_in', ?, NULL, ?, ?)`,
  );
  const placeholderHash = '0'.repeat(64);
  let auditSeq = 0;
  // The same three rows the service writes (visit, outbox entry, audit entry), in plain text and unchained.
  const signIn = sqlite.transaction((row: Record<string, string | number | null> & { id: string; visited_at: string }) => {
    insertVisit.run(row);
    queueChange({ kind: 'visitor_sign_in', entityId: row.id, version: 1, payload: JSON.stringify(row), createdAt: row.visited_at, recordCreatedAt: row.visited_at });
    auditSeq += 1;
    insertAudit.run(auditSeq, row.visited_at, STATION_CODE, row.id, placeholderHash, placeholderHash);
  });
  const side: Side = {
    async run(count) {
      for (let i = 0; i < count; i += 1) {
        const input = visitorInput(i);
        signIn({
          id: randomUUID(),
          station_code: STATION_CODE,
          visited_at: new Date().toISOString(),
          party_size: input.partySize,
          purpose: input.purpose,
          visitor_name: input.visitorName ?? null,
          version: 1,
        });
      }
    },
  };
  return { side, connection };
}

export async function benchVisitorSignIn(options: CompareOptions): Promise<WriteComparison> {
  const serviceDir = mkdtempSync(join(tmpdir(), 'relay-bench-service-'));
  const baselineDir = mkdtempSync(join(tmpdir(), 'relay-bench-baseline-'));
  let station: OpenStation | undefined;
  let connection: DatabaseConnection | undefined;
  try {
    const service = await openServiceSide(serviceDir);
    station = service.station;
    const baseline = await openBaselineSide(baselineDir);
    connection = baseline.connection;

    const comparison = await compareSides(service.side, baseline.side, options);
    const signIns = (sqlite: BetterSqlite3.Database) => sqlite.prepare('select count(*) from visitor_sign_in').pluck().get() as number;
    return { ...comparison, written: { measured: signIns(station.connection.sqlite), baseline: signIns(connection.sqlite) } };
  } finally {
    await station?.close();
    await connection?.close();
    rmSync(serviceDir, { recursive: true, force: true });
    rmSync(baselineDir, { recursive: true, force: true });
  }
}
