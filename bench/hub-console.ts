import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { sql } from 'kysely';
import pg from 'pg';
import { generateKeyRing } from '../electron/security/key-ring';
import { SEALED_COLUMNS, HubSealer } from '../hub/people/sealing';
import { yunnanPrefectures } from '../shared/reference/regions';
import type { HubEngine } from '../hub/db/engine';
import { up as addFiguresIndexes } from '../hub/db/migrations/0009_figures_indexes';
import { up as addRegistrationsByPerson } from '../hub/db/migrations/0010_registrations_by_person';
import { openHubDatabase, type HubConnection, type HubDatabaseOptions, type HubStore } from '../hub/db/open';
import { countedNumber } from '../hub/db/values';
import { provinceFigures } from '../hub/figures/province-figures';
import { ingestLog } from '../hub/ingest-log/ingest-log';
import { provinceFiguresFile } from '../hub/reports/figures-download';
import { FIGURES_HEADINGS } from '../hub/reports/figures-headings';
import { provinceFiguresTables } from '../hub/reports/figures-tables';
import { reviewList } from '../hub/review/review-entries';
import { startThrowAwayCluster, type ThrowAwayCluster } from '../scripts/postgres-cluster';
import { formatNumber, table, type Figures, type Print } from './report';

/**
 * The provincial console's reads at a province's scale. A province of R registrations (three calendar years of
 * them, over 16 prefectures and a station per thousand registrations, a fifth of them stem-cell volunteers),
 * R visits, a session per 50 visits with two attendance entries each, a survey answer per five visits, a
 * review entry per hundred registrations and an ingest-log line per hundred, is written straight into the hub's
 * tables with INSERT … SELECT over a generated series (the ingest has its own benchmark), on SQLite and on
 * PostgreSQL. Then each read the console makes is timed: the figures of the last year, the figures tables (that
 * year and the one before, made into tables) and their XLSX file, the first and the last page of the review list
 * and of the ingest log; against a baseline in the same run, `count(*)` over the province's registrations.
 * Each read runs once cold (the first after the fill) and then `calls` times; the median and the slowest are
 * reported. The baseline and the figures are timed first without the indexes of migrations 0009 and 0010 (the
 * schema as it was before them) and then with them. The goal: the figures under a second at a million registrations.
 */

const PROVINCE = '53';
/** The year the figures are read for; the fill covers it and the two before. */
export const CONSOLE_BENCH_YEAR = 2026;
const YEARS = 3;
const DAY_SECONDS = 86_400;
/** 1 January of the first year, midnight in China Standard Time, as Unix seconds. */
const FIRST_SECOND = Date.UTC(CONSOLE_BENCH_YEAR - YEARS + 1, 0, 1, -8) / 1000;
const SPAN_DAYS = 365 * YEARS;
const SPAN_SECONDS = SPAN_DAYS * DAY_SECONDS;
/** Rows per generated INSERT … SELECT, so that progress can be told and no statement holds too much. */
const CHUNK = 100_000;
const PAGE_SIZE = 50;

export interface HubConsoleBenchOptions {
  registrations: number;
  visits: number;
  /** Timed calls of each read after the cold one. */
  calls: number;
  engines: readonly HubEngine[];
  /**
   * Also times the baseline and the figures on the schema before migrations 0009 and 0010 (off by default).
   * Without those indexes the figures read SQLite's tables row by row: a minute a call at 200 000 registrations.
   */
  compareBeforeIndexes?: boolean;
  log?: (line: string) => void;
}

/** What the fill wrote, counted back from the database. */
export interface ConsoleFillCounts {
  registrations: number;
  visits: number;
  sessions: number;
  reviews: number;
  ingestEvents: number;
  stations: number;
}

/** The sizes of the province the fill writes, derived from R registrations and V visits. */
export function consoleFillSizes(registrations: number, visits: number) {
  return {
    registrations,
    people: Math.max(1, Math.ceil(registrations * 0.8)),
    stations: Math.max(2, Math.min(500, Math.round(registrations / 1_000))),
    visits,
    sessions: Math.max(1, Math.floor(visits / 50)),
    answers: Math.max(1, Math.floor(visits / 5)),
    reviews: Math.max(1, Math.floor(registrations / 100)),
    ingestEvents: Math.max(1, Math.floor(registrations / 100)),
  };
}

/** One read timed: the first call after the fill, then the median and slowest of the rest, in milliseconds. */
export interface TimedRead {
  read: string;
  coldMs: number;
  medianMs: number;
  maxMs: number;
  calls: number;
}

export interface HubConsoleEngineResult {
  engine: HubEngine;
  stored: ConsoleFillCounts;
  fillSeconds: number;
  /** The baseline and the figures reads with the schema as it was before migrations 0009 and 0010. */
  withoutFiguresIndexes: TimedRead[];
  reads: TimedRead[];
}

export interface HubConsoleBenchResult {
  registrations: number;
  visits: number;
  engines: HubConsoleEngineResult[];
}

/** The moment `seconds` after the Unix epoch, as each engine stores a moment. */
function momentOf(engine: HubEngine, seconds: string): string {
  return engine === 'postgres' ? `to_timestamp(${seconds})` : `strftime('%Y-%m-%dT%H:%M:%fZ', ${seconds}, 'unixepoch')`;
}

/** The UTC day of a moment `seconds` after the Unix epoch, YYYY-MM-DD. */
function dayOf(engine: HubEngine, seconds: string): string {
  return engine === 'postgres' ? `to_char(to_timestamp(${seconds}) at time zone 'UTC', 'YYYY-MM-DD')` : `strftime('%Y-%m-%d', ${seconds}, 'unixepoch')`;
}

/**
 * Inserts rows `first` to `last` of a generated series `i` (bigint on PostgreSQL) into a table, the columns
 * computed from `i` by the select list.
 */
async function insertSeries(store: HubStore, tableName: string, columns: readonly string[], selectList: readonly string[], first: number, last: number): Promise<void> {
  const into = `insert into ${tableName} (${columns.join(', ')})`;
  const select = `select ${selectList.join(', ')}`;
  const statement =
    store.engine === 'postgres'
      ? `${into} ${select} from generate_series(${first}::bigint, ${last}::bigint) as n(i)`
      : `with recursive n(i) as (select ${first} union all select i + 1 from n where i < ${last}) ${into} ${select} from n`;
  await sql.raw(statement).execute(store.db);
}

async function insertInChunks(
  store: HubStore,
  what: string,
  count: number,
  tableName: string,
  columns: readonly string[],
  selectList: readonly string[],
  log: (line: string) => void,
): Promise<void> {
  for (let first = 1; first <= count; first += CHUNK) {
    const last = Math.min(count, first + CHUNK - 1);
    await store.db.transaction().execute((trx) => insertSeries({ db: trx, engine: store.engine }, tableName, columns, selectList, first, last));
    log(`${store.engine}: ${what} ${formatNumber(last, 0)} / ${formatNumber(count, 0)}`);
  }
}

/** A station's code from a number: ST0001 … */
function stationOf(engine: HubEngine, number: string, stations: number): string {
  const padded = engine === 'postgres' ? `lpad(((${number}) % ${stations})::text, 4, '0')` : `substr('0000' || ((${number}) % ${stations}), -4, 4)`;
  return `'ST' || ${padded}`;
}

/**
 * Writes a province straight into the hub's tables: stations over Yunnan's prefectures with their populations,
 * people and registrations, visits, sessions with attendance and survey answers, review entries and ingest-log
 * lines, and a batch per station (the report names the last). Deterministic: the same sizes give the same rows.
 */
export async function fillConsoleProvince(
  store: HubStore,
  sealer: HubSealer,
  registrations: number,
  visits: number,
  log: (line: string) => void = () => undefined,
): Promise<ConsoleFillCounts> {
  const size = consoleFillSizes(registrations, visits);
  const engine = store.engine;
  const blob = engine === 'postgres' ? `'\\x00'::bytea` : `x'00'`;
  const now = new Date().toISOString();
  const station = (number: string) => stationOf(engine, number, size.stations);

  const prefectures = yunnanPrefectures.map((prefecture) => prefecture.code);
  await store.db
    .insertInto('station')
    .values(
      Array.from({ length: size.stations }, (_, index) => ({
        province_code: PROVINCE,
        code: `ST${String(index).padStart(4, '0')}`,
        kind: 'university_station' as const,
        region_code: `${prefectures[index % prefectures.length]}02`,
        name: `ST${index}`,
        registered_at: now,
      })),
    )
    .execute();
  await store.db
    .insertInto('prefecture_population')
    .values(prefectures.flatMap((prefecture) => [CONSOLE_BENCH_YEAR - 1, CONSOLE_BENCH_YEAR].map((year) => ({ province_code: PROVINCE, prefecture_code: prefecture, year, population: 3_000_000, set_at: now }))))
    .execute();
  await store.db
    .insertInto('batch')
    .values(
      Array.from({ length: size.stations }, (_, index) => ({
        province_code: PROVINCE,
        batch_id: `batch-${index}`,
        station_code: `ST${String(index).padStart(4, '0')}`,
        batch_seq: 1,
        manifest_sha256: `manifest-${index}`,
        audit_seq: 1,
        audit_hash: 'audit',
        received_at: new Date(Date.UTC(CONSOLE_BENCH_YEAR, 11, 31) - index * 60_000).toISOString(),
        ack: null,
      })),
    )
    .execute();

  await insertInChunks(store, 'people', size.people, 'person', ['province_code', 'person_key', 'sealed_fields', 'created_at', 'updated_at'], [
    `'${PROVINCE}'`,
    `'p' || i`,
    blob,
    `'${now}'`,
    `'${now}'`,
  ], log);

  // Registrations scattered over the three years; a fifth withdrawn a month later (1 in 17), 3 in 10 stem-cell.
  const registeredAt = `(${FIRST_SECOND} + (i * 7919) % ${SPAN_SECONDS})`;
  const stemCell = `i % 10 in (7, 8, 9)`;
  await insertInChunks(
    store,
    'registrations',
    size.registrations,
    'person_registration',
    ['province_code', 'station_code', 'registration_id', 'person_key', 'station_person_id', 'program', 'state', 'latest_version', 'registered_at', 'state_changed_at', 'stem_cell_status', 'follow_up_consent'],
    [
      `'${PROVINCE}'`,
      station('i'),
      `'r' || i`,
      `case when i % 50 = 0 then null else 'p' || ((i - 1) % ${size.people} + 1) end`,
      `'sp' || i`,
      `case when ${stemCell} then 'stem_cell' when i % 10 in (0, 1, 2, 3) then 'organ' when i % 10 in (4, 5) then 'cornea' else 'body' end`,
      `case when i % 17 = 0 then 'withdrawn' else 'active' end`,
      '1',
      momentOf(engine, registeredAt),
      momentOf(engine, `${registeredAt} + case when i % 17 = 0 then ${30 * DAY_SECONDS} else 0 end`),
      `case when ${stemCell} then case i % 5 when 0 then 'signed_up' when 1 then 'sample_taken' when 2 then 'typed' else 'in_registry' end end`,
      `case when ${stemCell} then case when i % 7 = 0 then 0 when i % 13 = 0 then null else 1 end end`,
    ],
    log,
  );

  await insertInChunks(store, 'visits', size.visits, 'activity_visit', ['province_code', 'station_code', 'visit_id', 'visited_at', 'party_size', 'purpose', 'version'], [
    `'${PROVINCE}'`,
    station('i'),
    `'v' || i`,
    momentOf(engine, `(${FIRST_SECOND} + (i * 7907) % ${SPAN_SECONDS})`),
    '1 + i % 4',
    `'memorial'`,
    '1',
  ], log);

  // A session at 10:00 China Standard Time on a day of the three years; 1 in 20 cancelled.
  const startsAt = `(${FIRST_SECOND} + ((i * 389) % ${SPAN_DAYS}) * ${DAY_SECONDS} + ${10 * 3600})`;
  await insertInChunks(store, 'sessions', size.sessions, 'activity_session', ['province_code', 'station_code', 'session_id', 'session_date', 'starts_at', 'state', 'audience_kind', 'version', 'changed_at'], [
    `'${PROVINCE}'`,
    station('i'),
    `'s' || i`,
    dayOf(engine, `${startsAt} + ${8 * 3600}`),
    momentOf(engine, startsAt),
    `case when i % 20 = 0 then 'cancelled' else 'scheduled' end`,
    `'public'`,
    '1',
    momentOf(engine, startsAt),
  ], log);
  // Two attendance entries per session, at the session's station.
  const sessionOfEntry = `((i - 1) / 2 + 1)`;
  await insertInChunks(store, 'attendance', size.sessions * 2, 'activity_attendance', ['province_code', 'station_code', 'entry_kind', 'entry_id', 'session_id', 'people', 'recorded_at', 'version'], [
    `'${PROVINCE}'`,
    station(sessionOfEntry),
    `'group'`,
    `'a' || i`,
    `'s' || ${sessionOfEntry}`,
    '10 + i % 30',
    `'${now}'`,
    '1',
  ], log);
  const sessionOfAnswer = `((i - 1) % ${size.sessions} + 1)`;
  await insertInChunks(store, 'survey answers', size.answers, 'activity_survey_answer', ['province_code', 'station_code', 'answer_id', 'session_id', 'score', 'answered_at', 'version'], [
    `'${PROVINCE}'`,
    station(sessionOfAnswer),
    `'q' || i`,
    `'s' || ${sessionOfAnswer}`,
    'case when i % 25 = 0 then 3 else 4 + i % 2 end',
    `'${now}'`,
    '1',
  ], log);

  // Review entries: both sides sealed as the people's step seals them (one sealed value reused: only the reads are timed).
  const side = { name: '测试甲', documentKind: 'resident_id', documentNumber: '530102199003071011', birthDate: '1990-03-07', sex: null, ethnicGroup: null, phone: null };
  const sealedHex = (column: (typeof SEALED_COLUMNS)[keyof typeof SEALED_COLUMNS]) => sealer.sealJson(side, column).toString('hex');
  const sealedLiteral = (hex: string) => (engine === 'postgres' ? `'\\x${hex}'::bytea` : `x'${hex}'`);
  await insertInChunks(
    store,
    'review entries',
    size.reviews,
    'person_review',
    ['province_code', 'person_key', 'station_code', 'registration_id', 'record_kind', 'held_station_codes', 'sealed_held', 'sealed_seen', 'seen_at'],
    [
      `'${PROVINCE}'`,
      `'p' || ((i - 1) % ${size.people} + 1)`,
      station('i'),
      `'r' || i`,
      `'registration'`,
      `'ST0000'`,
      sealedLiteral(sealedHex(SEALED_COLUMNS.reviewHeld)),
      sealedLiteral(sealedHex(SEALED_COLUMNS.reviewSeen)),
      `'${now}'`,
    ],
    log,
  );
  await insertInChunks(store, 'ingest log', size.ingestEvents, 'ingest_event', ['province_code', 'via', 'outcome', 'code', 'station_code', 'batch_id', 'accepted', 'duplicate', 'rejected', 'bytes', 'received_at'], [
    `'${PROVINCE}'`,
    `'http'`,
    `case when i % 10 = 0 then 'refused' else 'taken' end`,
    `case when i % 10 = 0 then 'bad_signature' end`,
    station('i'),
    `case when i % 10 = 0 then null else 'b' || i end`,
    `case when i % 10 = 0 then null else 1000 end`,
    `case when i % 10 = 0 then null else 0 end`,
    `case when i % 10 = 0 then null else 0 end`,
    '200000',
    momentOf(engine, `(${FIRST_SECOND} + i * 600)`),
  ], log);

  await settle(store);
  return storedCounts(store);
}

/**
 * Brings the database to the state a hub that has run for a while is in: statistics for the planner on both
 * engines, and on PostgreSQL a vacuumed table, whose visibility map lets an index answer without the table
 * (autovacuum does this on a running hub).
 */
async function settle(store: HubStore): Promise<void> {
  await sql.raw(store.engine === 'postgres' ? 'vacuum analyze' : 'analyze').execute(store.db);
}

async function countOf(store: HubStore, tableName: 'person_registration' | 'activity_visit' | 'activity_session' | 'person_review' | 'ingest_event' | 'station'): Promise<number> {
  const row = await store.db.selectFrom(tableName).select(sql<string | number>`count(*)`.as('count')).executeTakeFirstOrThrow();
  return countedNumber(row.count);
}

async function storedCounts(store: HubStore): Promise<ConsoleFillCounts> {
  return {
    registrations: await countOf(store, 'person_registration'),
    visits: await countOf(store, 'activity_visit'),
    sessions: await countOf(store, 'activity_session'),
    reviews: await countOf(store, 'person_review'),
    ingestEvents: await countOf(store, 'ingest_event'),
    stations: await countOf(store, 'station'),
  };
}

/** A read the console makes, by name; each returns something so that nothing is optimised away. */
type ConsoleRead = [name: string, read: (store: HubStore) => Promise<unknown>];

/** The indexes of migrations 0009 and 0010, dropped for the reads timed without them. */
const FIGURES_INDEXES = [
  'person_registration_by_station_registered',
  'person_registration_withdrawn',
  'person_registration_stem_cell_status',
  'activity_visit_by_station_moment',
  'person_registration_by_person_registered',
];

/** The schema before migrations 0009 and 0010: without their indexes, and with the index by person that 0010 replaced. */
async function schemaBeforeFiguresIndexes(store: HubStore): Promise<void> {
  for (const name of FIGURES_INDEXES) await store.db.schema.dropIndex(name).execute();
  await store.db.schema.createIndex('person_registration_by_person').on('person_registration').columns(['province_code', 'person_key']).execute();
}

async function addFiguresIndexesAgain(store: HubStore): Promise<void> {
  await addFiguresIndexes(store.db, store.engine);
  await addRegistrationsByPerson(store.db, store.engine);
}

/** The reads the figures indexes are for (the baseline and the figures), timed without them and with them. */
const FIGURES_READS = 4;

function consoleReads(registrations: number, sealer: HubSealer): ConsoleRead[] {
  const year = { from: `${CONSOLE_BENCH_YEAR}-01-01`, to: `${CONSOLE_BENCH_YEAR}-12-31` };
  const lastReviewPage = Math.max(1, Math.ceil(consoleFillSizes(registrations, 0).reviews / PAGE_SIZE));
  return [
    [
      'baseline: count(*) of the registrations',
      (store) => store.db.selectFrom('person_registration').where('province_code', '=', PROVINCE).select(sql<string | number>`count(*)`.as('count')).executeTakeFirstOrThrow(),
    ],
    ['provinceFigures, one year', (store) => provinceFigures(store, PROVINCE, year)],
    ['figures tables (prefectures a year before too)', (store) => provinceFiguresTables(store, PROVINCE, year)],
    ['figures tables as XLSX', (store) => provinceFiguresFile(store, PROVINCE, year, FIGURES_HEADINGS['zh-CN'], 'xlsx')],
    ['review list, first page (50)', (store) => reviewList(store, sealer, PROVINCE, { page: 1, pageSize: PAGE_SIZE, state: 'open' })],
    [`review list, last page (${formatNumber(lastReviewPage, 0)})`, (store) => reviewList(store, sealer, PROVINCE, { page: lastReviewPage, pageSize: PAGE_SIZE, state: 'open' })],
    ['ingest log, newest page (50)', (store) => ingestLog(store, PROVINCE, { pageSize: PAGE_SIZE })],
    ['ingest log, oldest page (50)', (store) => ingestLog(store, PROVINCE, { pageSize: PAGE_SIZE, page: String(PAGE_SIZE + 1) })],
  ];
}

async function timeRead(store: HubStore, [name, read]: ConsoleRead, calls: number): Promise<TimedRead> {
  const timed = async () => {
    const start = performance.now();
    await read(store);
    return performance.now() - start;
  };
  const coldMs = await timed();
  const samples: number[] = [];
  for (let call = 0; call < calls; call += 1) samples.push(await timed());
  samples.sort((a, b) => a - b);
  return { read: name, coldMs, medianMs: samples[Math.floor(samples.length / 2)] ?? coldMs, maxMs: samples.at(-1) ?? coldMs, calls };
}

async function runEngine(options: HubDatabaseOptions, bench: HubConsoleBenchOptions, log: (line: string) => void): Promise<HubConsoleEngineResult> {
  const hub: HubConnection = await openHubDatabase(options);
  try {
    const sealer = new HubSealer(generateKeyRing(new Date()));
    const start = performance.now();
    const stored = await fillConsoleProvince(hub, sealer, bench.registrations, bench.visits, log);
    const fillSeconds = (performance.now() - start) / 1000;
    const allReads = consoleReads(bench.registrations, sealer);
    const withoutFiguresIndexes: TimedRead[] = [];
    if (bench.compareBeforeIndexes ?? false) {
      await schemaBeforeFiguresIndexes(hub);
      await settle(hub);
      for (const read of allReads.slice(0, FIGURES_READS)) {
        withoutFiguresIndexes.push(await timeRead(hub, read, bench.calls));
        log(`${hub.engine}: timed ${read[0]} without the indexes of migrations 0009 and 0010`);
      }
      await addFiguresIndexesAgain(hub);
      await settle(hub);
    }
    const reads: TimedRead[] = [];
    for (const read of allReads) {
      reads.push(await timeRead(hub, read, bench.calls));
      log(`${hub.engine}: timed ${read[0]}`);
    }
    return { engine: hub.engine, stored, fillSeconds, withoutFiguresIndexes, reads };
  } finally {
    await hub.close();
  }
}

async function postgresDatabase(cluster: ThrowAwayCluster): Promise<HubDatabaseOptions> {
  const address = { host: cluster.socketFolder, port: cluster.port, user: cluster.user };
  const admin = new pg.Client({ ...address, database: 'postgres' });
  await admin.connect();
  try {
    await admin.query('drop database if exists bench_console');
    await admin.query('create database bench_console');
  } finally {
    await admin.end();
  }
  return { engine: 'postgres', connection: { ...address, database: 'bench_console', max: 4 } };
}

/** Fills and times each engine asked for, SQLite first. */
export async function benchHubConsole(options: HubConsoleBenchOptions): Promise<HubConsoleBenchResult> {
  const log = options.log ?? (() => undefined);
  const engines: HubConsoleEngineResult[] = [];
  if (options.engines.includes('sqlite')) {
    const folder = mkdtempSync(join(tmpdir(), 'relay-bench-console-'));
    try {
      engines.push(await runEngine({ engine: 'sqlite', file: join(folder, 'hub.sqlite') }, options, log));
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  }
  if (options.engines.includes('postgres')) {
    const cluster = startThrowAwayCluster();
    process.once('exit', cluster.stop);
    try {
      engines.push(await runEngine(await postgresDatabase(cluster), options, log));
    } finally {
      process.off('exit', cluster.stop);
      cluster.stop();
    }
  }
  return { registrations: options.registrations, visits: options.visits, engines };
}

/** Prints each engine's reads and returns the figures for the JSON line. */
export function printHubConsole(result: HubConsoleBenchResult, print: Print): Figures {
  for (const engine of result.engines) {
    print(`${engine.engine}: filled in ${formatNumber(engine.fillSeconds, 1)} s`);
    const rows = (reads: TimedRead[], suffix: string) =>
      reads.map((read) => [`${read.read}${suffix}`, formatNumber(read.coldMs, 1), formatNumber(read.medianMs, 1), formatNumber(read.maxMs, 1)]);
    print(table([`${engine.engine}`, 'cold ms', 'median ms', 'slowest ms'], [...rows(engine.withoutFiguresIndexes, ' [before 0009/0010]'), ...rows(engine.reads, '')]));
    const figures = engine.reads.find((read) => read.read.startsWith('provinceFigures'));
    if (figures) print(`${engine.engine}: provinceFigures median ${formatNumber(figures.medianMs, 0)} ms (goal < 1 000 ms at 1 000 000 registrations)`);
  }
  return {
    registrations: result.registrations,
    visits: result.visits,
    ...Object.fromEntries(
      result.engines.map((engine) => [
        engine.engine,
        Object.fromEntries(
          [...engine.withoutFiguresIndexes.map((read) => ({ ...read, read: `${read.read} [before 0009/0010]` })), ...engine.reads].map((read) => [
            read.read,
            { coldMs: Number(read.coldMs.toFixed(1)), medianMs: Number(read.medianMs.toFixed(1)), maxMs: Number(read.maxMs.toFixed(1)) },
          ]),
        ),
      ]),
    ),
  };
}
