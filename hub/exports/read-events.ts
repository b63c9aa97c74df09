import type { HubStore } from '../db/open';
import { countedNumber, momentText } from '../db/values';
import type { HubSealer } from '../people/sealing';
import { eventTypeOf, exportedRegistration, grantsReporting, type ExportEvent } from './export-event';
import { receivedSubjects } from './export-runs';
import type { PlatformMap } from './maps/column-map';

/** The seq range an export covers: after `from`, up to and including `to`. */
export interface SeqRange {
  from: number;
  to: number;
}

/** Versions read from the database at a time. */
const PAGE_SIZE = 1000;

/** The versions of the range a run reads (registrations and tombstones), for a progress bar's total. */
export async function versionsInRange(store: HubStore, provinceCode: string, range: SeqRange): Promise<number> {
  const row = await store.db
    .selectFrom('record_version')
    .select((eb) => eb.fn.countAll().as('count'))
    .where('province_code', '=', provinceCode)
    .where('entity_kind', 'in', ['registration', 'tombstone'])
    .where('seq', '>', range.from)
    .where('seq', '<=', range.to)
    .executeTakeFirstOrThrow();
  return countedNumber(row.count as string | number);
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The registration records a tombstone names. */
function coveredRegistrations(payload: unknown): string[] {
  if (!isObject(payload) || !Array.isArray(payload.covers)) return [];
  return payload.covers.filter((cover): cover is { kind: string; entityId: string } => isObject(cover) && cover.kind === 'registration' && typeof cover.entityId === 'string').map((cover) => cover.entityId);
}

/** The version through which a tombstone erased each of these registrations, by `<station> <entity id>`. */
async function erasuresOf(store: HubStore, provinceCode: string, rows: ReadonlyArray<{ station_code: string; entity_id: string }>): Promise<Map<string, number>> {
  const erased = new Map<string, number>();
  if (rows.length === 0) return erased;
  const found = await store.db
    .selectFrom('record_erasure')
    .select(['station_code', 'entity_id', 'through_version'])
    .where('province_code', '=', provinceCode)
    .where('entity_kind', '=', 'registration')
    .where('entity_id', 'in', [...new Set(rows.map((row) => row.entity_id))])
    .execute();
  for (const row of found) erased.set(`${row.station_code} ${row.entity_id}`, row.through_version);
  return erased;
}

/** How a run reads its events: versions per page, and the run whose own deliveries do not count as received. */
export interface ReadEventsOptions {
  /** Versions read from the database at a time (default 1000). */
  pageSize?: number;
  /** The run reading: registrations it delivered itself are recorded as it goes, and are not yet "received before". */
  runId?: string;
}

/** One page of a range: the events of its versions, and how many versions it read (for a progress bar). */
export interface ExportEventPage {
  events: ExportEvent[];
  versions: number;
}

/**
 * The events of a platform in a seq range, in seq order, a page of versions at a time (keyset on `seq`, so a
 * range of millions is read in constant memory):
 * - each `registration` version of the map's programs whose payload is still held (a tombstone erases it,
 *   and an erased record never comes back) and whose consents grant reporting (`provincial_sync`): a
 *   registration, a change, or a withdrawal by the registrant, dated by the station's commit time. The first
 *   version held after a tombstone erased the earlier ones (consent given again) is a registration anew;
 * - each registration a tombstone erased that this platform received before the tombstone (`export_subject`,
 *   from an earlier run): a withdrawal, `consent_withdrawn`, carrying the registration's number and nothing personal.
 * The same range gives the same events again, whenever read (as long as no later tombstone erased more).
 */
export async function* exportEventPages(
  store: HubStore,
  provinceCode: string,
  sealer: HubSealer,
  map: PlatformMap,
  range: SeqRange,
  options: ReadEventsOptions = {},
): AsyncGenerator<ExportEventPage> {
  const pageSize = options.pageSize ?? PAGE_SIZE;
  const programs = new Set(map.files.flatMap((file) => file.programs));
  const stations = await store.db.selectFrom('station').select(['code', 'region_code']).where('province_code', '=', provinceCode).execute();
  const regionOf = new Map(stations.map((station) => [station.code, station.region_code]));
  let after = range.from;
  for (;;) {
    const rows = await store.db
      .selectFrom('record_version')
      .select(['seq', 'station_code', 'entity_kind', 'entity_id', 'version', 'sealed_payload', 'changed_at'])
      .where('province_code', '=', provinceCode)
      .where('entity_kind', 'in', ['registration', 'tombstone'])
      .where('seq', '>', after)
      .where('seq', '<=', range.to)
      .orderBy('seq')
      .limit(pageSize)
      .execute();
    if (rows.length === 0) return;
    const erasedThrough = await erasuresOf(store, provinceCode, rows.filter((row) => row.entity_kind === 'registration' && row.version > 1 && row.sealed_payload !== null));
    const payloads = new Map<number, unknown>();
    for (const row of rows) if (row.sealed_payload !== null) payloads.set(countedNumber(row.seq), JSON.parse(sealer.openPayload(row.sealed_payload)));
    const covered = rows.filter((row) => row.entity_kind === 'tombstone').flatMap((row) => coveredRegistrations(payloads.get(countedNumber(row.seq))).map((entityId) => ({ stationCode: row.station_code, entityId })));
    const subjects = await receivedSubjects(store.db, provinceCode, map.platform, covered, options.runId);
    const events: ExportEvent[] = [];
    for (const row of rows) {
      const seq = countedNumber(row.seq);
      const base = { seq, at: momentText(row.changed_at), stationCode: row.station_code, stationRegion: regionOf.get(row.station_code) ?? '' };
      if (!payloads.has(seq)) continue;
      const payload = payloads.get(seq);
      if (row.entity_kind === 'tombstone') {
        for (const entityId of coveredRegistrations(payload)) {
          const subject = subjects.get(`${row.station_code} ${entityId}`);
          if (subject === undefined || subject.firstSeq >= seq) continue;
          const withdrawnAt = isObject(payload) && typeof payload.withdrawnAt === 'string' ? payload.withdrawnAt : base.at;
          events.push({ ...base, at: withdrawnAt, type: 'withdrawn', reason: 'consent_withdrawn', entityId, version: 0, registrationNumber: subject.registrationNumber, program: subject.program, registration: null });
        }
        continue;
      }
      const registration = exportedRegistration(payload);
      if (registration === null || !programs.has(registration.program) || !grantsReporting(payload)) continue;
      events.push({
        ...base,
        type: eventTypeOf(row.version, registration, erasedThrough.get(`${row.station_code} ${row.entity_id}`) ?? 0),
        reason: registration.event,
        entityId: row.entity_id,
        version: row.version,
        registrationNumber: registration.number,
        program: registration.program,
        registration,
      });
    }
    yield { events, versions: rows.length };
    after = countedNumber(rows[rows.length - 1]!.seq);
  }
}

/** Every event of a platform in a seq range at once (`exportEventPages` gathered): for small ranges and tests. */
export async function readExportEvents(
  store: HubStore,
  provinceCode: string,
  sealer: HubSealer,
  map: PlatformMap,
  range: SeqRange,
  onRead: (versions: number) => void = () => undefined,
): Promise<ExportEvent[]> {
  const events: ExportEvent[] = [];
  for await (const page of exportEventPages(store, provinceCode, sealer, map, range)) {
    events.push(...page.events);
    onRead(page.versions);
  }
  return events;
}
