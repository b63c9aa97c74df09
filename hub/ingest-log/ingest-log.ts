import { openAckFile } from '../../electron/sync/ack-file';
import { batchRefusalReasons } from '../../electron/sync/refusal-reasons';
import type { BatchErrorCode } from '../../shared/domain/sync';
import type { HubStore } from '../db/open';
import { countedNumber, momentText } from '../db/values';
import type { IngestVia } from './record-event';

/** What the hub made of an upload or file, as the log names it. */
export type IngestOutcome = 'taken' | 'replayed' | 'refused';

/** Which lines of the log to read: newest first, `pageSize` at a time, from the cursor a previous page gave. */
export interface IngestLogQuery {
  /** The `nextPage` of the previous page; absent for the newest. */
  page?: string | null;
  /** 1 to 200. */
  pageSize: number;
  station?: string;
  outcome?: IngestOutcome;
  /** ISO-8601 moments: received at or after `from`, and before `to`. */
  from?: string;
  to?: string;
}

/** The per-record rejections of a batch taken, read from its stored signed acknowledgement. */
export interface IngestRejections {
  count: number;
  /** How many lines were rejected with each code (§8.1), e.g. `{ version_conflict: 2 }`. */
  byCode: Record<string, number>;
}

/** One line of the ingest log, as a screen shows it: codes to translate, no personal value. */
export interface IngestLogEntry {
  seq: number;
  receivedAt: string;
  via: IngestVia;
  outcome: IngestOutcome;
  stationCode: string | null;
  batchId: string | null;
  bytes: number;
  /** A refusal's code and the staff-facing reason the station was answered with (electron/sync/refusal-reasons.ts). */
  refusal: { code: string; reason: string } | null;
  /** A batch taken now: its lines accepted, duplicate and rejected. */
  counts: { accepted: number; duplicate: number; rejected: number } | null;
  /** A batch taken now: its rejected lines by code, from the acknowledgement stored with it. */
  rejections: IngestRejections | null;
  /** `audit_head_regressed` when the batch's audit head went back against another of the station's batches. */
  alert: string | null;
}

/** A page of the log; `nextPage` is the cursor of the following (older) page, null at the oldest. */
export interface IngestLogPage {
  entries: IngestLogEntry[];
  nextPage: string | null;
}

const MAX_PAGE_SIZE = 200;

/**
 * The province's ingest log, newest first, paged by keyset on the log's sequence (a page never shifts when
 * uploads arrive meanwhile), optionally for one station, one outcome or a span of time.
 */
export async function ingestLog(store: HubStore, provinceCode: string, query: IngestLogQuery): Promise<IngestLogPage> {
  const pageSize = Math.min(Math.max(Math.trunc(query.pageSize), 1), MAX_PAGE_SIZE);
  const before = query.page ? Number(query.page) : null;
  if (before !== null && !Number.isSafeInteger(before)) throw new RangeError(`not a page of the ingest log: ${query.page}`);
  let select = store.db
    .selectFrom('ingest_event as e')
    .leftJoin('batch as b', (join) => join.onRef('b.province_code', '=', 'e.province_code').onRef('b.batch_id', '=', 'e.batch_id'))
    .select(['e.seq', 'e.received_at', 'e.via', 'e.outcome', 'e.code', 'e.station_code', 'e.batch_id', 'e.bytes', 'e.accepted', 'e.duplicate', 'e.rejected', 'e.alert', 'b.ack'])
    .where('e.province_code', '=', provinceCode);
  if (before !== null) select = select.where('e.seq', '<', before as never);
  if (query.station !== undefined) select = select.where('e.station_code', '=', query.station);
  if (query.outcome !== undefined) select = select.where('e.outcome', '=', query.outcome);
  if (query.from !== undefined) select = select.where('e.received_at', '>=', query.from);
  if (query.to !== undefined) select = select.where('e.received_at', '<', query.to);
  const rows = await select.orderBy('e.seq', 'desc').limit(pageSize + 1).execute();
  const entries = rows.slice(0, pageSize).map((row): IngestLogEntry => {
    const taken = row.outcome === 'taken';
    return {
      seq: countedNumber(row.seq),
      receivedAt: momentText(row.received_at),
      via: row.via,
      outcome: row.outcome,
      stationCode: row.station_code,
      batchId: row.batch_id,
      bytes: countedNumber(row.bytes),
      refusal: row.code === null ? null : { code: row.code, reason: batchRefusalReasons[row.code as BatchErrorCode] ?? '' },
      counts: taken ? { accepted: row.accepted ?? 0, duplicate: row.duplicate ?? 0, rejected: row.rejected ?? 0 } : null,
      rejections: taken && row.ack ? rejectionsOf(row.ack) : null,
      alert: row.alert,
    };
  });
  const last = entries.at(-1);
  return { entries, nextPage: rows.length > pageSize && last ? String(last.seq) : null };
}

/** The rejected lines of a stored acknowledgement, counted by code. */
export function rejectionsOf(ack: Buffer): IngestRejections {
  const byCode: Record<string, number> = {};
  let count = 0;
  for (const record of openAckFile(ack).body.records) {
    if (record.status !== 'rejected') continue;
    count += 1;
    const code = record.code ?? 'unknown';
    byCode[code] = (byCode[code] ?? 0) + 1;
  }
  return { count, byCode };
}
