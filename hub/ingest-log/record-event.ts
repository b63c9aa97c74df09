import type { HubStore } from '../db/open';
import type { IngestResult } from '../ingest/ingest-batch';

/** How a file reached the hub: uploaded by a station, or imported from removable media. */
export type IngestVia = 'http' | 'import';

/** What one answered upload or file adds to the ingest log. */
export interface IngestEventInput {
  provinceCode: string;
  via: IngestVia;
  /** What the hub made of it (a refusal before the whole body was read is one too). */
  result: IngestResult;
  /** The file's size, or the upload's declared length. */
  bytes: number;
  receivedAt: string;
}

/**
 * Writes one line of the ingest log, after the batch's own transaction (a refused batch rolled back, or was
 * never begun): the outcome and its code, the station and batch when known, the line counts of a batch taken
 * now, and the size. The refusal's message and the file stay out: a parser's message may quote the file.
 */
export async function recordIngestEvent(store: HubStore, event: IngestEventInput): Promise<void> {
  const { result } = event;
  const taken = result.outcome === 'applied' ? result : null;
  await store.db
    .insertInto('ingest_event')
    .values({
      province_code: event.provinceCode,
      via: event.via,
      outcome: taken ? 'taken' : result.outcome === 'replayed' ? 'replayed' : 'refused',
      code: result.outcome === 'refused' ? result.code : null,
      station_code: result.stationCode,
      batch_id: result.batchId,
      accepted: taken?.counts.accepted ?? null,
      duplicate: taken?.counts.duplicate ?? null,
      rejected: taken?.counts.rejected ?? null,
      alert: taken?.auditHeadRegressed ? 'audit_head_regressed' : null,
      bytes: event.bytes,
      received_at: event.receivedAt,
    })
    .execute();
}
