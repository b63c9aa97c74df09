import { sql } from 'kysely';
import type { StationKind } from '../../shared/domain/station';
import type { HubStore } from '../db/open';
import { countedNumber, momentText } from '../db/values';

/** How the overview is read: after how many days without an upload a station is silent, and the moment it is read at. */
export interface StationsOverviewQuery {
  /** Default 7. */
  silentAfterDays?: number;
  now: Date;
}

/** One station as the province sees it from what reached the hub. */
export interface StationHealth {
  code: string;
  kind: StationKind;
  regionCode: string;
  name: string;
  /** The station's registered signing keys, oldest first: the last one is the key in use (a reinstall adds one). */
  keys: StationKeyHistoryEntry[];
  /** The batch taken with the highest batchSeq. */
  lastBatch: { batchId: string; batchSeq: number; receivedAt: string } | null;
  /** The last upload or imported file of any outcome (a refused one too). */
  lastSeenAt: string | null;
  /** Files of the station refused since the last batch the hub took from it. */
  refusedSinceLastTaken: number;
  /** Lines rejected in the batches taken over the last 30 days. */
  rejectedRecordsLast30Days: number;
  /**
   * Batch numbers below the highest taken that the hub never took: batches the station wrote and the hub holds
   * nothing of (refused, still on their way, or lost). Records the station still waits to have acknowledged
   * are known only to the station; this is what the hub can tell of them.
   */
  batchesNotTaken: number;
  /** The latest batch whose audit head went back against an earlier batch (§8.4): the station lost audit entries or was restored from a backup. */
  auditHeadAlert: { batchId: string; batchSeq: number; receivedAt: string } | null;
  /** Nothing came from the station for `silentAfterDays` days (or ever, for a station registered that long ago). */
  silent: boolean;
}

/**
 * One signing key of a station. A reinstall registers a new key before the first batch it signs; the old key
 * stays registered to verify the batches it signed (docs/sync-protocol.md §11), so "replaced" is when the next
 * key was registered, not when the hub stopped accepting it.
 */
export interface StationKeyHistoryEntry {
  /** SHA-256 of the SubjectPublicKeyInfo DER, hex: the manifest's `stationKeyId`. */
  fingerprint: string;
  /** When the province registered the key. */
  registeredAt: string;
  /** When the station's next key was registered; null for the key in use. */
  replacedAt: string | null;
}

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * Every station of the province, by code, with what the hub can tell of its health: its last batch and when it
 * was last heard from, refusals since the last batch taken, rejected lines of the last 30 days, batch numbers
 * never taken, the audit-head alert, and whether it went silent. A few grouped statements, no counter kept.
 */
export async function stationsOverview(store: HubStore, provinceCode: string, query: StationsOverviewQuery): Promise<StationHealth[]> {
  const { db } = store;
  const silentAfterDays = query.silentAfterDays ?? 7;
  const silentSince = new Date(query.now.getTime() - silentAfterDays * DAY_MS).toISOString();
  const monthAgo = new Date(query.now.getTime() - 30 * DAY_MS).toISOString();

  const stations = await db.selectFrom('station').select(['code', 'kind', 'region_code', 'name', 'registered_at']).where('province_code', '=', provinceCode).orderBy('code').execute();
  const keys = await db
    .selectFrom('station_key')
    .select(['station_code', 'key_fingerprint', 'registered_at'])
    .where('province_code', '=', provinceCode)
    .orderBy('registered_at')
    .orderBy('key_fingerprint')
    .execute();
  const batchSpans = await db
    .selectFrom('batch')
    .select((eb) => ['station_code', eb.fn.max('batch_seq').as('highest'), eb.fn.countAll().as('taken'), eb.fn.max('received_at').as('last_received')])
    .where('province_code', '=', provinceCode)
    .groupBy('station_code')
    .execute();
  const lastBatches = await db
    .selectFrom('batch as b')
    .select(['b.station_code', 'b.batch_id', 'b.batch_seq', 'b.received_at'])
    .where('b.province_code', '=', provinceCode)
    .where(({ eb, selectFrom }) =>
      eb(
        'b.batch_seq',
        '=',
        selectFrom('batch as h')
          .select((inner) => inner.fn.max('h.batch_seq').as('highest'))
          .whereRef('h.province_code', '=', 'b.province_code')
          .whereRef('h.station_code', '=', 'b.station_code'),
      ),
    )
    .execute();
  const lastSeen = await db
    .selectFrom('ingest_event')
    .select((eb) => ['station_code', eb.fn.max('received_at').as('last_seen')])
    .where('province_code', '=', provinceCode)
    .groupBy('station_code')
    .execute();
  const refusedSinceTaken = await db
    .selectFrom('ingest_event as e')
    .select((eb) => ['e.station_code', eb.fn.countAll().as('refused')])
    .where('e.province_code', '=', provinceCode)
    .where('e.outcome', '=', 'refused')
    .where(({ eb, selectFrom, fn }) =>
      eb(
        'e.seq',
        '>',
        fn.coalesce(
          selectFrom('ingest_event as t')
            .select((inner) => inner.fn.max('t.seq').as('last_taken'))
            .whereRef('t.province_code', '=', 'e.province_code')
            .whereRef('t.station_code', '=', 'e.station_code')
            .where('t.outcome', '=', 'taken'),
          sql.lit(0),
        ),
      ),
    )
    .groupBy('e.station_code')
    .execute();
  const rejectedLately = await db
    .selectFrom('ingest_event')
    .select((eb) => ['station_code', eb.fn.sum<string | number>('rejected').as('rejected')])
    .where('province_code', '=', provinceCode)
    .where('outcome', '=', 'taken')
    .where('received_at', '>=', monthAgo)
    .groupBy('station_code')
    .execute();
  const alerts = await auditHeadAlerts(store, provinceCode);

  const byStation = <T extends { station_code: string | null }>(rows: T[]) => new Map(rows.map((row) => [row.station_code, row]));
  const spans = byStation(batchSpans);
  const last = byStation(lastBatches);
  const seen = byStation(lastSeen);
  const refused = byStation(refusedSinceTaken);
  const rejected = byStation(rejectedLately);
  return stations.map((station): StationHealth => {
    const span = spans.get(station.code);
    const lastBatch = last.get(station.code);
    const seenTimes = [seen.get(station.code)?.last_seen, span?.last_received].filter((moment) => moment != null).map((moment) => momentText(moment as Date | string));
    const lastSeenAt = seenTimes.sort().at(-1) ?? null;
    return {
      code: station.code,
      kind: station.kind,
      regionCode: station.region_code,
      name: station.name,
      keys: keyHistory(keys.filter((key) => key.station_code === station.code)),
      lastBatch: lastBatch ? { batchId: lastBatch.batch_id, batchSeq: lastBatch.batch_seq, receivedAt: momentText(lastBatch.received_at) } : null,
      lastSeenAt,
      refusedSinceLastTaken: countedNumber(refused.get(station.code)?.refused ?? 0),
      rejectedRecordsLast30Days: countedNumber(rejected.get(station.code)?.rejected ?? 0),
      batchesNotTaken: span ? countedNumber(span.highest as number) - countedNumber(span.taken) : 0,
      auditHeadAlert: alerts.get(station.code) ?? null,
      silent: (lastSeenAt ?? momentText(station.registered_at)) < silentSince,
    };
  });
}

/** A station's keys in the order they were registered, each replaced by the registration of the one after it. */
function keyHistory(keys: { key_fingerprint: string; registered_at: Date | string }[]): StationKeyHistoryEntry[] {
  return keys.map((key, index) => {
    const next = keys[index + 1];
    return { fingerprint: key.key_fingerprint, registeredAt: momentText(key.registered_at), replacedAt: next ? momentText(next.registered_at) : null };
  });
}

/**
 * For each station, the latest batch (by batchSeq) whose audit-chain seq is below that of a batch with a smaller
 * batchSeq: the comparison `auditHeadRegressed` makes as each batch arrives, over the whole history at once.
 */
async function auditHeadAlerts(store: HubStore, provinceCode: string): Promise<Map<string, { batchId: string; batchSeq: number; receivedAt: string }>> {
  const rows = await sql<{ station_code: string; batch_id: string; batch_seq: number; received_at: Date | string }>`
    select station_code, batch_id, batch_seq, received_at from (
      select station_code, batch_id, batch_seq, received_at, audit_seq,
        max(audit_seq) over (partition by station_code order by batch_seq rows between unbounded preceding and 1 preceding) as earlier_highest
      from batch where province_code = ${provinceCode}
    ) ordered
    where earlier_highest > audit_seq
    order by station_code, batch_seq`.execute(store.db);
  const alerts = new Map<string, { batchId: string; batchSeq: number; receivedAt: string }>();
  for (const row of rows.rows) alerts.set(row.station_code, { batchId: row.batch_id, batchSeq: Number(row.batch_seq), receivedAt: momentText(row.received_at) });
  return alerts;
}
