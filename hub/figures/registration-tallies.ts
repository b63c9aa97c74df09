import { sql, type RawBuilder } from 'kysely';
import type { HubEngine } from '../db/engine';
import type { HubStore } from '../db/open';
import { countedNumber } from '../db/values';
import { monthOfMoment, monthsOfRange } from './months';
import type { MomentRange } from './period';
import { prefectureOf, type StationPrefectures } from './station-prefectures';

/**
 * Counts read from `person_registration`. A registration is one row holding its latest version, so an amendment
 * replaces what was counted and a withdrawal moves the registration out of the active count: figures are correct
 * whenever they are read, with no counter to drift.
 *
 * A range is read once at its finest grain (station, program, month) and every grouping is folded from that in
 * memory. Distinct people cannot be summed from finer groups, but nearly: a person with one registration in the
 * range counts once wherever it is counted. Only people with more than one are read apart, as shapes (the cells
 * their registrations fall in, and how many people share that shape), and a group counts such a person once
 * however many of their registrations it holds.
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

/** Where a registration is counted: its station, its program and its month (YYYY-MM, province time). */
export interface RegistrationCell {
  stationCode: string;
  program: string;
  month: string;
}

/** Standing registrations made in a range, in a form every grouping can be read from. */
export interface StandingTallies {
  /** Standing registrations per cell, and those of them with no person yet (their document waits for review). */
  cells: Array<{ cell: RegistrationCell; registrations: number; awaitingReview: number }>;
  /** People with more than one standing registration in the range, by the cells of those (a cell once per registration). */
  repeatPeople: Array<{ cells: RegistrationCell[]; persons: number }>;
}

/** Registrations withdrawn in a range, per cell (the month is the withdrawal's). */
export type WithdrawalTallies = Array<{ cell: RegistrationCell; withdrawals: number }>;

/** Separators of a shape's text: cells by the record separator, a cell's fields by the unit separator. */
const CELL_SEPARATOR = '\u001e';
const FIELD_SEPARATOR = '\u001f';

function character(engine: HubEngine, code: number): RawBuilder<string> {
  return engine === 'postgres' ? sql<string>`chr(${sql.lit(code)})` : sql<string>`char(${sql.lit(code)})`;
}

/**
 * The province's registrations made in the range, read station by station: SQLite's CROSS JOIN keeps the
 * station as the outer loop, so each station's rows are one range of the index `person_registration_by_station_registered`.
 */
function madeInRange(provinceCode: string, range: MomentRange): RawBuilder<unknown> {
  return sql`from station as s cross join person_registration as r
    where s.province_code = ${provinceCode} and r.province_code = s.province_code and r.station_code = s.code
      and r.registered_at >= ${range.start} and r.registered_at < ${range.end} and r.state <> 'withdrawn'`;
}

/**
 * The province's registrations with a person made in the range, read person by person: the index
 * `person_registration_by_person_registered` holds them in person order with every column counted, so grouping
 * them by person needs no sort and no visit to the table.
 */
function peopleMadeInRange(provinceCode: string, range: MomentRange): RawBuilder<unknown> {
  return sql`from person_registration as r
    where r.province_code = ${provinceCode} and r.person_key is not null
      and r.registered_at >= ${range.start} and r.registered_at < ${range.end} and r.state <> 'withdrawn'`;
}

/**
 * Standing registrations per cell of a range, read month by month (`monthsOfRange`), the months side by side on
 * PostgreSQL; grouped by the outer station (`s.code`), whose rows SQLite meets in order.
 */
async function cellCounts(store: HubStore, provinceCode: string, range: MomentRange): Promise<StandingTallies['cells']> {
  const months = await Promise.all(
    monthsOfRange(range).map(async ({ month, range: part }) => {
      const { rows } = await sql<{ station_code: string; program: string; registrations: string | number; awaiting: string | number }>`select
          s.code as station_code, r.program as program, count(*) as registrations, count(case when r.person_key is null then 1 end) as awaiting
        ${madeInRange(provinceCode, part)} group by s.code, r.program`.execute(store.db);
      return rows.map((row) => ({
        cell: { stationCode: row.station_code, program: row.program, month },
        registrations: countedNumber(row.registrations),
        awaitingReview: countedNumber(row.awaiting),
      }));
    }),
  );
  return months.flat();
}

/** Reads the standing registrations made in a range: per cell, and the people with more than one apart. */
export async function standingTallies(store: HubStore, provinceCode: string, range: MomentRange): Promise<StandingTallies> {
  const month = monthOfMoment('r.registered_at', range);
  const field = character(store.engine, FIELD_SEPARATOR.charCodeAt(0));
  const cell = sql<string>`r.station_code || ${field} || r.program || ${field} || ${month}`;
  const separator = character(store.engine, CELL_SEPARATOR.charCodeAt(0));
  const cells = store.engine === 'postgres' ? sql<string>`string_agg(${cell}, ${separator})` : sql<string>`group_concat(${cell}, ${separator})`;
  const [counts, repeats] = await Promise.all([
    cellCounts(store, provinceCode, range),
    sql<{ shape: string; persons: string | number }>`select shape, count(*) as persons
      from (select ${cells} as shape ${peopleMadeInRange(provinceCode, range)} group by r.person_key having count(*) > 1) as people
      group by shape`.execute(store.db),
  ]);
  return {
    cells: counts,
    repeatPeople: repeats.rows.map((row) => ({ cells: row.shape.split(CELL_SEPARATOR).map(parsedCell), persons: countedNumber(row.persons) })),
  };
}

function parsedCell(text: string): RegistrationCell {
  const [stationCode = '', program = '', month = ''] = text.split(FIELD_SEPARATOR);
  return { stationCode, program, month };
}

/** Reads how many standing registrations were made in a range and how many distinct people they belong to. */
export async function standingTotals(store: HubStore, provinceCode: string, range: MomentRange): Promise<StandingCount> {
  // The registrations and those waiting for review by station; the people by grouping the rest by person.
  const [made, people] = await Promise.all([
    sql<{ registrations: string | number; awaiting: string | number }>`select
        count(*) as registrations, count(case when r.person_key is null then 1 end) as awaiting
      ${madeInRange(provinceCode, range)}`.execute(store.db),
    sql<{ people: string | number }>`select count(*) as people
      from (select r.person_key ${peopleMadeInRange(provinceCode, range)} group by r.person_key) as people`.execute(store.db),
  ]);
  return {
    key: 'all',
    registrations: countedNumber(made.rows[0]?.registrations ?? 0),
    people: countedNumber(people.rows[0]?.people ?? 0),
    awaitingReview: countedNumber(made.rows[0]?.awaiting ?? 0),
  };
}

/** Reads the registrations whose latest state is a withdrawal made in the range. */
export async function withdrawalTallies(store: HubStore, provinceCode: string, range: MomentRange): Promise<WithdrawalTallies> {
  // Withdrawals are a small share of the rows: the index `person_registration_withdrawn` holds them by moment.
  const { rows } = await sql<{ station_code: string; program: string; month: string; withdrawals: string | number }>`select
      r.station_code as station_code, r.program as program, ${monthOfMoment('r.state_changed_at', range)} as month, count(*) as withdrawals
    from person_registration as r
    where r.province_code = ${provinceCode} and r.state = 'withdrawn' and r.state_changed_at >= ${range.start} and r.state_changed_at < ${range.end}
    group by 1, 2, 3`.execute(store.db);
  return rows.map((row) => ({ cell: { stationCode: row.station_code, program: row.program, month: row.month }, withdrawals: countedNumber(row.withdrawals) }));
}

/** The key of the group a cell falls in; the totals are one group, `all`. */
function groupOf(grouping: Grouping | null, cell: RegistrationCell, prefectures: StationPrefectures): string {
  switch (grouping) {
    case null:
      return 'all';
    case 'program':
      return cell.program;
    case 'station':
      return cell.stationCode;
    case 'prefecture':
      return prefectureOf(prefectures, cell.stationCode);
    case 'month':
      return cell.month;
  }
}

function inKeyOrder<T extends { key: string }>(entries: Iterable<T>): T[] {
  return [...entries].sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
}

/** Standing counts per group, in key order; the totals are always one line, the groups only those with registrations. */
export function standingByGroup(tallies: StandingTallies, grouping: Grouping | null, prefectures: StationPrefectures): StandingCount[] {
  const counts = new Map<string, StandingCount>();
  const countOf = (key: string) => {
    let count = counts.get(key);
    if (!count) counts.set(key, (count = { key, registrations: 0, people: 0, awaitingReview: 0 }));
    return count;
  };
  if (grouping === null) countOf('all');
  for (const { cell, registrations, awaitingReview } of tallies.cells) {
    const count = countOf(groupOf(grouping, cell, prefectures));
    count.registrations += registrations;
    count.awaitingReview += awaitingReview;
    // Each registration with a person is one person here, until the people with more than one are taken back.
    count.people += registrations - awaitingReview;
  }
  for (const { cells, persons } of tallies.repeatPeople) {
    const inGroup = new Map<string, number>();
    for (const cell of cells) {
      const key = groupOf(grouping, cell, prefectures);
      inGroup.set(key, (inGroup.get(key) ?? 0) + 1);
    }
    // A person counts once in each group their registrations fall in.
    for (const [key, registrations] of inGroup) countOf(key).people -= persons * (registrations - 1);
  }
  return inKeyOrder(counts.values());
}

/** Withdrawal counts per group, in key order; the totals are always one line. */
export function withdrawalsByGroup(tallies: WithdrawalTallies, grouping: Grouping | null, prefectures: StationPrefectures): WithdrawalCount[] {
  const counts = new Map<string, WithdrawalCount>();
  if (grouping === null) counts.set('all', { key: 'all', withdrawals: 0 });
  for (const { cell, withdrawals } of tallies) {
    const key = groupOf(grouping, cell, prefectures);
    const count = counts.get(key) ?? { key, withdrawals: 0 };
    count.withdrawals += withdrawals;
    counts.set(key, count);
  }
  return inKeyOrder(counts.values());
}
