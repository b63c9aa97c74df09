import { sql, type RawBuilder } from 'kysely';
import type { HubEngine } from '../db/engine';
import type { HubStore } from '../db/open';
import { countedNumber } from '../db/values';
import { PROVINCE_UTC_OFFSET_HOURS, type MomentRange } from './period';

/**
 * Counts read from `person_registration` with one grouped statement each. A registration is one row holding
 * its latest version, so an amendment replaces what was counted and a withdrawal moves the registration out of
 * the active count: figures are correct whenever they are read, with no counter to drift.
 */

/** What registrations are grouped by: nothing (the totals), or one of the province's dimensions. */
export type Grouping = 'program' | 'station' | 'prefecture' | 'month';

/** Registrations made in the period that still stand (not withdrawn), and the distinct people they belong to. */
export interface StandingCount {
  key: string;
  registrations: number;
  people: number;
  /** Standing registrations with no person yet: their document waits for review. */
  awaitingReview: number;
}

/** Registrations withdrawn in the period (whenever they were made). */
export interface WithdrawalCount {
  key: string;
  withdrawals: number;
}

type MomentColumn = 'r.registered_at' | 'r.state_changed_at';

/** The month of a stored moment in the province's time, YYYY-MM, on either engine. */
function monthOf(engine: HubEngine, column: MomentColumn): RawBuilder<string> {
  const moment = sql.ref(column);
  // PostgreSQL reads timestamptz; SQLite reads the ISO-8601 UTC text and shifts it itself.
  if (engine === 'postgres') return sql<string>`to_char(timezone(${sql.raw(`interval '${PROVINCE_UTC_OFFSET_HOURS} hours'`)}, ${moment}), 'YYYY-MM')`;
  return sql<string>`strftime('%Y-%m', ${moment}, ${sql.lit(`+${PROVINCE_UTC_OFFSET_HOURS} hours`)})`;
}

/** The expression a grouping groups by; `month` counts by the moment that puts a row in the period. */
function groupKey(engine: HubEngine, grouping: Grouping, moment: MomentColumn): RawBuilder<string> {
  switch (grouping) {
    case 'program':
      return sql<string>`r.program`;
    case 'station':
      return sql<string>`r.station_code`;
    case 'prefecture':
      // GB/T 2260: the first four digits of a region code name its prefecture.
      return sql<string>`substr(s.region_code, 1, 4)`;
    case 'month':
      return monthOf(engine, moment);
  }
}

function registrationsWithStations(store: HubStore, provinceCode: string) {
  return store.db
    .selectFrom('person_registration as r')
    .innerJoin('station as s', (join) => join.onRef('s.province_code', '=', 'r.province_code').onRef('s.code', '=', 'r.station_code'))
    .where('r.province_code', '=', provinceCode);
}

/** Standing registrations made in the range, with their distinct people, in all or per group. */
export async function standingCounts(store: HubStore, provinceCode: string, range: MomentRange, grouping: Grouping | null): Promise<StandingCount[]> {
  const key = grouping === null ? sql<string>`${sql.lit('all')}` : groupKey(store.engine, grouping, 'r.registered_at');
  let query = registrationsWithStations(store, provinceCode)
    .where('r.registered_at', '>=', range.start)
    .where('r.registered_at', '<', range.end)
    .select([
      key.as('group_key'),
      sql<string | number>`count(case when r.state <> 'withdrawn' then 1 end)`.as('registrations'),
      sql<string | number>`count(distinct case when r.state <> 'withdrawn' then r.person_key end)`.as('people'),
      sql<string | number>`count(case when r.state <> 'withdrawn' and r.person_key is null then 1 end)`.as('awaiting_review'),
    ]);
  if (grouping !== null) query = query.groupBy(key);
  const rows = await query.execute();
  return rows
    .map((row) => ({
      key: String(row.group_key),
      registrations: countedNumber(row.registrations),
      people: countedNumber(row.people),
      awaitingReview: countedNumber(row.awaiting_review),
    }))
    .filter((count) => grouping === null || count.registrations > 0);
}

/** Registrations whose latest state is a withdrawal made in the range, in all or per group. */
export async function withdrawalCounts(store: HubStore, provinceCode: string, range: MomentRange, grouping: Grouping | null): Promise<WithdrawalCount[]> {
  const key = grouping === null ? sql<string>`${sql.lit('all')}` : groupKey(store.engine, grouping, 'r.state_changed_at');
  let query = registrationsWithStations(store, provinceCode)
    .where('r.state', '=', 'withdrawn')
    .where('r.state_changed_at', '>=', range.start)
    .where('r.state_changed_at', '<', range.end)
    .select([key.as('group_key'), sql<string | number>`count(*)`.as('withdrawals')]);
  if (grouping !== null) query = query.groupBy(key);
  const rows = await query.execute();
  return rows.map((row) => ({ key: String(row.group_key), withdrawals: countedNumber(row.withdrawals) }));
}
