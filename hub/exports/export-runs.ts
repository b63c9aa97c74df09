import type { HubStore } from '../db/open';
import type { Executor } from '../db/repositories/executor';
import { countedNumber, momentText } from '../db/values';
import type { ExportEvent } from './export-event';
import type { ExportPlatform } from './maps/column-map';

/** An export run as recorded (migration 0007). */
export interface ExportRunRecord {
  id: string;
  platform: ExportPlatform;
  mapVersion: string;
  cursorFrom: number;
  cursorTo: number;
  counts: ExportCounts;
  manifestSha256: string;
  folder: string;
  createdAt: string;
  createdBy: string;
}

/** Rows per event type and per file. */
export interface ExportCounts {
  events: Record<string, number>;
  files: Record<string, number>;
}

/** A registration a platform received: what a later withdrawal of consent names it by. */
export interface ExportedSubject {
  registrationNumber: string;
  program: string;
  firstSeq: number;
}

/** Where the next run of a platform starts: the highest `to` of its runs, 0 before the first. */
export async function nextCursor(db: Executor, provinceCode: string, platform: ExportPlatform): Promise<number> {
  const row = await db
    .selectFrom('export_run')
    .select((eb) => eb.fn.max('cursor_to').as('to'))
    .where('province_code', '=', provinceCode)
    .where('platform', '=', platform)
    .executeTakeFirst();
  return row?.to === null || row?.to === undefined ? 0 : countedNumber(row.to as string | number);
}

/** The registrations a platform has received, keyed by `<station> <entity id>`. */
export async function exportedSubjects(db: Executor, provinceCode: string, platform: ExportPlatform): Promise<Map<string, ExportedSubject>> {
  const rows = await db
    .selectFrom('export_subject')
    .select(['station_code', 'entity_id', 'registration_number', 'program', 'first_seq'])
    .where('province_code', '=', provinceCode)
    .where('platform', '=', platform)
    .execute();
  return new Map(rows.map((row) => [`${row.station_code} ${row.entity_id}`, { registrationNumber: row.registration_number, program: row.program, firstSeq: countedNumber(row.first_seq) }]));
}

/** Records a run and the registrations it delivered, in one transaction; a registration delivered before keeps its first run. */
export async function recordExportRun(db: Executor, provinceCode: string, run: ExportRunRecord, events: readonly ExportEvent[]): Promise<void> {
  await db.transaction().execute(async (trx) => {
    await trx
      .insertInto('export_run')
      .values({
        province_code: provinceCode,
        id: run.id,
        platform: run.platform,
        map_version: run.mapVersion,
        cursor_from: run.cursorFrom,
        cursor_to: run.cursorTo,
        counts: JSON.stringify(run.counts),
        manifest_sha256: run.manifestSha256,
        folder: run.folder,
        created_at: run.createdAt,
        created_by: run.createdBy,
      })
      .execute();
    const delivered = new Map<string, ExportEvent>();
    for (const event of events) if (event.registration !== null && !delivered.has(`${event.stationCode} ${event.entityId}`)) delivered.set(`${event.stationCode} ${event.entityId}`, event);
    const rows = [...delivered.values()].map((event) => ({
      province_code: provinceCode,
      platform: run.platform,
      station_code: event.stationCode,
      entity_id: event.entityId,
      registration_number: event.registrationNumber,
      program: event.program,
      first_seq: event.seq,
      run_id: run.id,
    }));
    for (let start = 0; start < rows.length; start += 500) {
      await trx
        .insertInto('export_subject')
        .values(rows.slice(start, start + 500))
        .onConflict((oc) => oc.columns(['province_code', 'platform', 'station_code', 'entity_id']).doNothing())
        .execute();
    }
  });
}

/** The province's export runs (of one platform when named), newest first: what a console screen lists. */
export async function exportRuns(store: HubStore, provinceCode: string, input: { platform?: ExportPlatform } = {}): Promise<ExportRunRecord[]> {
  const { platform } = input;
  let query = store.db.selectFrom('export_run').selectAll().where('province_code', '=', provinceCode);
  if (platform !== undefined) query = query.where('platform', '=', platform);
  const rows = await query.orderBy('cursor_to', 'desc').orderBy('created_at', 'desc').execute();
  return rows.map((row) => ({
    id: row.id,
    platform: row.platform as ExportPlatform,
    mapVersion: row.map_version,
    cursorFrom: countedNumber(row.cursor_from),
    cursorTo: countedNumber(row.cursor_to),
    counts: JSON.parse(row.counts) as ExportCounts,
    manifestSha256: row.manifest_sha256,
    folder: row.folder,
    createdAt: momentText(row.created_at),
    createdBy: row.created_by,
  }));
}
