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

/**
 * Of the registrations named (by station and entity id), those the platform has received, keyed by
 * `<station> <entity id>`; registrations the run `exceptRun` delivered itself are left out (it records them as it goes).
 */
export async function receivedSubjects(
  db: Executor,
  provinceCode: string,
  platform: ExportPlatform,
  named: ReadonlyArray<{ stationCode: string; entityId: string }>,
  exceptRun?: string,
): Promise<Map<string, ExportedSubject>> {
  const received = new Map<string, ExportedSubject>();
  const wanted = new Set(named.map(({ stationCode, entityId }) => `${stationCode} ${entityId}`));
  const entityIds = [...new Set(named.map((subject) => subject.entityId))];
  for (let start = 0; start < entityIds.length; start += 500) {
    let query = db
      .selectFrom('export_subject')
      .select(['station_code', 'entity_id', 'registration_number', 'program', 'first_seq'])
      .where('province_code', '=', provinceCode)
      .where('platform', '=', platform)
      .where('entity_id', 'in', entityIds.slice(start, start + 500));
    if (exceptRun !== undefined) query = query.where('run_id', '<>', exceptRun);
    for (const row of await query.execute()) {
      const key = `${row.station_code} ${row.entity_id}`;
      if (wanted.has(key)) received.set(key, { registrationNumber: row.registration_number, program: row.program, firstSeq: countedNumber(row.first_seq) });
    }
  }
  return received;
}

/**
 * Records the registrations a page of a run delivered (its first event of each); a registration delivered
 * before keeps its first run. Written page by page under the run's id, so that a run given up can take them back.
 */
export async function recordDeliveredSubjects(db: Executor, provinceCode: string, platform: ExportPlatform, runId: string, events: readonly ExportEvent[]): Promise<void> {
  const delivered = new Map<string, ExportEvent>();
  for (const event of events) if (event.registration !== null && !delivered.has(`${event.stationCode} ${event.entityId}`)) delivered.set(`${event.stationCode} ${event.entityId}`, event);
  const rows = [...delivered.values()].map((event) => ({
    province_code: provinceCode,
    platform,
    station_code: event.stationCode,
    entity_id: event.entityId,
    registration_number: event.registrationNumber,
    program: event.program,
    first_seq: event.seq,
    run_id: runId,
  }));
  for (let start = 0; start < rows.length; start += 500) {
    await db
      .insertInto('export_subject')
      .values(rows.slice(start, start + 500))
      .onConflict((oc) => oc.columns(['province_code', 'platform', 'station_code', 'entity_id']).doNothing())
      .execute();
  }
}

/** Takes back the registrations a run given up recorded as delivered: the platform never received its files. */
export async function forgetRunSubjects(db: Executor, provinceCode: string, runId: string): Promise<void> {
  await db.deleteFrom('export_subject').where('province_code', '=', provinceCode).where('run_id', '=', runId).execute();
}

/** Records a finished run (its registrations were recorded page by page): its `to` is the platform's next cursor. */
export async function recordExportRun(db: Executor, provinceCode: string, run: ExportRunRecord): Promise<void> {
  await db
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
