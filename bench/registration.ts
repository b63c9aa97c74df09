import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type BetterSqlite3 from 'better-sqlite3';
import { contract } from '../shared/contract/calls';
import { consentPurposes } from '../shared/domain/consents';
import { stationDate } from '../shared/domain/age';
import { formatRegistrationNumber } from '../shared/domain/registration-number';
import { openStation, type OpenStation } from '../electron/app/open-station';
import { fakeDocument, fakeRegistration, type FakePeopleOptions } from '../electron/cli/fake-people';
import { createRandom } from '../shared/random/seeded-random';
import { openDatabaseFile, type DatabaseConnection } from '../electron/db/connection';
import { chainHash } from '../electron/security/audit-chain';
import type { Actor } from '../electron/services/kernel/audit';
import { openPersonal, personLookupIndexes, PersonRegistry } from '../electron/services/registration/person-registry';
import { personalFieldsOf } from '../electron/services/registration/registrations';
import { rawOutboxWriter } from './raw-outbox';

/**
 * Registration and lookup with a large population already stored (default 200 000 people, env
 * BENCH_PEOPLE), each against the floor underneath it in the same run:
 *
 * - registration of a new person through the contract's input schema and `RegistrationService.create`
 *   (find-or-create the person, refusal and duplicate checks, signature, consents, gap-free number,
 *   sealed details, history row, chained audit entry, sealed outbox entry: one transaction), against
 *   one bare insert into an indexed table of plain rows, its own transaction;
 * - lookup by document number through `PersonRegistry.findByDocument` and opening the sealed fields,
 *   and through the audited `registration:search` service call, against an indexed select.
 *
 * Both databases use the station's settings (WAL, synchronous=FULL) and hold the same people. The sides
 * alternate in blocks of 50 (the side that starts rotating) so they meet the same disk and CPU weather;
 * every operation is timed on its own so that the median and the 99th percentile can be reported.
 *
 * Filling that many people through the service one transaction each would take hours on a small
 * machine, so the station is filled in bulk instead, in the very shape the service writes: the inputs
 * are parsed by the contract schema, the rows are built with the station's own sealing (the data key,
 * the blind indexes of services/people.ts, the sealing contexts of db/sealed-columns.ts), registration
 * numbers, history rows, consents, signatures, outbox entries and a valid audit chain, inserted with
 * prepared statements in transactions of a few thousand people, without journal or fsync, with the
 * secondary indexes built once at the end (but for those the tally triggers read). The last people are
 * then registered through the service itself, and the fill is checked: foreign keys, bulk-written people
 * read back through the services, every lookup of the measurement finding its person, and the whole
 * audit chain verified.
 */

const STATION_CODE = 'KMU01';
const SEED = 20_260_501;
const BLOCK = 50;
/** People per bulk transaction. */
const FILL_CHUNK = 5_000;
/** How far back the bulk-filled registrations go. */
const HISTORY_DAYS = 3_650;

const createInput = contract['registration:create'].input;
const SYSTEM_ACTOR: Actor = { id: null, role: 'system' };

export interface RegistrationBenchOptions {
  /** People stored before measuring. */
  people: number;
  /** Timed operations per side. */
  samples: number;
  /** Untimed operations per side first. */
  warmup: number;
  /** Progress lines (the fill of 200 000 people takes minutes). */
  log?: (line: string) => void;
}

export interface Latency {
  samples: number;
  medianMs: number;
  p99Ms: number;
  meanMs: number;
  maxMs: number;
}

export interface RegistrationBenchResult {
  people: number;
  fill: {
    method: string;
    /** Wall time of the whole fill (bulk, service sample, baseline table), seconds. */
    seconds: number;
    bulkPeople: number;
    bulkSeconds: number;
    /** Processor time of this process during the bulk fill, seconds: less disturbed than wall time by other work on the machine. */
    bulkCpuSeconds: number;
    servicePeople: number;
    serviceSeconds: number;
    rows: Record<string, number>;
    databaseMegabytes: number;
    /** Opening the filled station (migrations, key check, services), seconds. */
    reopenSeconds: number;
    /** Verifying the whole audit chain after the fill, seconds. */
    auditVerifySeconds: number;
    auditEntries: number;
  };
  registration: { service: Latency; baseline: Latency };
  lookup: { service: Latency; search: Latency; baseline: Latency };
}

// ---- Timing ----

export function latency(nanoseconds: number[]): Latency {
  const sorted = nanoseconds.map((ns) => ns / 1e6).sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))] ?? NaN;
  return {
    samples: sorted.length,
    medianMs: at(0.5),
    p99Ms: at(0.99),
    meanMs: sorted.reduce((sum, value) => sum + value, 0) / sorted.length,
    maxMs: sorted.at(-1) ?? NaN,
  };
}

/** An operation on one side; `i` counts that side's operations from 0, warm-up included. */
export type Operation = (i: number) => Promise<unknown> | unknown;

/**
 * Runs the sides in blocks of {@link BLOCK}, the starting side rotating each block, timing every
 * operation; the first `warmup` operations of each side are not recorded.
 */
export async function interleave(sides: Operation[], samples: number, warmup: number): Promise<number[][]> {
  const timings = sides.map(() => [] as number[]);
  const total = warmup + samples;
  for (let done = 0, block = 0; done < total; done += BLOCK, block += 1) {
    const count = Math.min(BLOCK, total - done);
    for (let k = 0; k < sides.length; k += 1) {
      const which = (block + k) % sides.length;
      const side = sides[which]!;
      for (let j = 0; j < count; j += 1) {
        const i = done + j;
        const started = process.hrtime.bigint();
        await side(i);
        const elapsed = Number(process.hrtime.bigint() - started);
        if (i >= warmup) timings[which]!.push(elapsed);
      }
    }
  }
  return timings;
}

// ---- The bulk fill ----

function dayNumber(date: string): number {
  return Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10))) / 86_400_000;
}

function dateOfDay(day: number): string {
  return new Date(day * 86_400_000).toISOString().slice(0, 10);
}

/**
 * When each bulk-filled person registered: some day in the last ten years on which they were already
 * 18, and in time order, so that audit entries, outbox entries and registration numbers follow the
 * calendar as they would have. A counting sort over the days keeps this cheap for a million people.
 */
function registrationCalendar(count: number, people: FakePeopleOptions): { order: Uint32Array; days: Int32Array; perDay: Map<number, number> } {
  const today = dayNumber(people.today);
  const days = new Int32Array(count);
  const buckets = new Uint32Array(HISTORY_DAYS + 1);
  const random = createRandom(people.seed ^ 0xca1e);
  for (let i = 0; i < count; i += 1) {
    const adultDays = today - dayNumber(fakeDocument(i, people).birthDate) - 6_576;
    const back = 1 + Math.floor(random() * Math.min(HISTORY_DAYS, adultDays));
    days[i] = today - back;
    buckets[back] = (buckets[back] ?? 0) + 1;
  }
  // Oldest first: positions of each "days back" bucket, from HISTORY_DAYS down to 1.
  const start = new Uint32Array(HISTORY_DAYS + 1);
  for (let back = HISTORY_DAYS, position = 0; back >= 1; back -= 1) {
    start[back] = position;
    position += buckets[back] ?? 0;
  }
  const order = new Uint32Array(count);
  for (let i = 0; i < count; i += 1) {
    const back = today - days[i]!;
    order[start[back]!] = i;
    start[back] = start[back]! + 1;
  }
  const perDay = new Map<number, number>();
  for (let back = 1; back <= HISTORY_DAYS; back += 1) if (buckets[back]) perDay.set(today - back, buckets[back]!);
  return { order, days, perDay };
}

interface BulkContext {
  station: OpenStation;
  people: FakePeopleOptions;
  /** The administrator set up with the station: the staff member at the desk for paper signatures. */
  staff: Actor;
}

/**
 * Writes people 0…count-1 as the registration service would have, had they registered on the days of
 * {@link registrationCalendar}: registrations with a drawn signature came through the kiosk, those on
 * paper through staff at the desk.
 */
function bulkFill(context: BulkContext, count: number, baseline: BetterSqlite3.Database, log: (line: string) => void): number {
  const { station, people, staff } = context;
  const { protection } = station.services;
  const sqlite = station.connection.sqlite;
  const insert = {
    person: sqlite.prepare(
      `insert into person (id, station_code, version, document_kind, document_key, name_key, phone_key, index_key_id, personal, created_at, updated_at)
       values (?, ?, 1, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ),
    personVersion: sqlite.prepare(
      `insert into person_version (person_id, version, at, actor_id, actor_role, personal, reason) values (?, 1, ?, ?, ?, ?, null)`,
    ),
    signature: sqlite.prepare(`insert into signature (id, person_id, kind, image, at) values (?, ?, ?, ?, ?)`),
    consent: sqlite.prepare(`insert into consent (person_id, purpose, granted, text_version, at, signature_id) values (?, ?, ?, ?, ?, ?)`),
    registration: sqlite.prepare(
      `insert into registration (id, number, person_id, program, state, version, channel, details, stem_cell_status, sample_barcode, registered_on, typing_stopped, created_at, updated_at)
       values (?, ?, ?, ?, 'active', 1, ?, ?, ?, null, ?, 0, ?, ?)`,
    ),
    registrationVersion: sqlite.prepare(
      `insert into registration_version (registration_id, version, event, state, at, actor_id, actor_role, details, stem_cell_status, note)
       values (?, 1, 'created', 'active', ?, ?, ?, ?, ?, null)`,
    ),
    audit: sqlite.prepare(
      `insert into audit_log (seq, at, actor_id, actor_role, station_code, action, object_type, object_id, detail, prev_hash, hash)
       values (?, ?, ?, ?, ?, 'create', 'registration', ?, ?, ?, ?)`,
    ),
    outbox: rawOutboxWriter(sqlite),
    sequence: sqlite.prepare(
      `insert into number_sequence (scope, year, last) values ('registration', ?, ?)
       on conflict (scope, year) do update set last = excluded.last`,
    ),
  };
  const insertBare = baseline.prepare('insert into bare_person (id, document, name, phone, created_at) values (?, ?, ?, ?, ?)');
  const last = sqlite.prepare('select seq, hash from audit_log order by seq desc limit 1').get() as { seq: number; hash: string };
  let seq = last.seq;
  let prevHash = last.hash;
  const numbers = new Map<number, number>();
  const { order, days, perDay } = registrationCalendar(count, people);
  const positionInDay = new Map<number, number>();
  let registrations = 0;

  const writePerson = (index: number) => {
    const day = days[index]!;
    const position = positionInDay.get(day) ?? 0;
    positionInDay.set(day, position + 1);
    // Spread over the station's opening hours, 08:00–18:00 Beijing time (00:00–10:00 UTC).
    const at = new Date(day * 86_400_000 + Math.floor((position * 36_000_000) / (perDay.get(day) ?? 1))).toISOString();
    // 00:00–10:00 UTC is the same calendar day in Beijing.
    const registeredOn = dateOfDay(day);
    const year = Number(registeredOn.slice(0, 4));

    const parsed = createInput.parse(fakeRegistration(index, people));
    const fields = personalFieldsOf(parsed.person);
    const { signature } = parsed;
    const drawn = signature.kind === 'drawn';
    const actor: Actor = drawn ? { id: null, role: 'kiosk' } : staff;
    const channel = drawn ? 'kiosk' : 'staff';

    const personId = randomUUID();
    const personal = JSON.stringify(fields);
    const indexes = personLookupIndexes(protection, fields);
    insert.person.run(
      personId,
      STATION_CODE,
      fields.documentKind,
      indexes.document_key,
      indexes.name_key,
      indexes.phone_key,
      indexes.index_key_id,
      protection.seal(personal, 'person.personal'),
      at,
      at,
    );
    insert.personVersion.run(personId, at, actor.id, actor.role, protection.seal(personal, 'person_version.personal'));
    const signatureId = randomUUID();
    insert.signature.run(signatureId, personId, signature.kind, signature.kind === 'drawn' ? protection.seal(signature.image, 'signature.image') : null, at);
    for (const purpose of consentPurposes) {
      insert.consent.run(personId, purpose, parsed.consents[purpose] ? 1 : 0, parsed.consents.textVersion, at, signatureId);
    }
    // What the journal puts in the outbox payload: the latest consent per purpose, newest row first.
    const consents = [...consentPurposes]
      .reverse()
      .map((purpose) => ({ purpose, granted: parsed.consents[purpose], textVersion: parsed.consents.textVersion, at }));

    for (const choice of parsed.programs) {
      const sequence = (numbers.get(year) ?? 0) + 1;
      numbers.set(year, sequence);
      const id = randomUUID();
      const number = formatRegistrationNumber(STATION_CODE, year, sequence);
      const stemCellStatus = choice.program === 'stem_cell' ? 'signed_up' : null;
      const choiceJson = JSON.stringify(choice);
      insert.registration.run(id, number, personId, choice.program, channel, protection.seal(choiceJson, 'registration.details'), stemCellStatus, registeredOn, at, at);
      insert.registrationVersion.run(id, at, actor.id, actor.role, protection.seal(choiceJson, 'registration_version.details'), stemCellStatus);
      seq += 1;
      const detail = JSON.stringify({ number, program: choice.program, event: 'created', version: 1 });
      const hash = chainHash(protection.auditKey, prevHash, {
        seq,
        at,
        actorId: actor.id,
        actorRole: actor.role,
        stationCode: STATION_CODE,
        action: 'create',
        objectType: 'registration',
        objectId: id,
        detail,
      });
      insert.audit.run(seq, at, actor.id, actor.role, STATION_CODE, id, detail, prevHash, hash);
      prevHash = hash;
      if (parsed.consents.provincial_sync) {
        const payload = {
          id,
          number,
          personId,
          program: choice.program,
          state: 'active',
          version: 1,
          event: 'created',
          channel,
          choice,
          stemCellStatus,
          sampleBarcode: null,
          person: fields,
          consents,
          at,
        };
        insert.outbox({
          kind: 'registration',
          entityId: id,
          version: 1,
          payload: protection.seal(JSON.stringify(payload), 'outbox.payload'),
          createdAt: at,
          personId,
          recordCreatedAt: at,
        });
      }
      registrations += 1;
    }
    insertBare.run(personId, fields.documentNumber, fields.name, fields.phone, at);
  };

  const writeChunk = sqlite.transaction((from: number, to: number) => {
    for (let position = from; position < to; position += 1) writePerson(order[position]!);
  });
  const bareBegin = baseline.prepare('begin');
  const bareCommit = baseline.prepare('commit');
  for (let from = 0; from < count; from += FILL_CHUNK) {
    const to = Math.min(count, from + FILL_CHUNK);
    bareBegin.run();
    writeChunk(from, to);
    bareCommit.run();
    if (to % 100_000 === 0 || to === count) log(`  bulk fill: ${to.toLocaleString('en-US')} / ${count.toLocaleString('en-US')} people`);
  }
  sqlite.transaction(() => {
    for (const [year, lastNumber] of numbers) insert.sequence.run(year, lastNumber);
  })();
  return registrations;
}

// ---- The baseline database ----

function openBaseline(dir: string): DatabaseConnection {
  const connection = openDatabaseFile(join(dir, 'baseline.sqlite'));
  // A person table as plain as it gets: the number itself unique-indexed, name and phone indexed.
  connection.sqlite.exec(`
    create table if not exists bare_person (id text primary key, document text not null unique, name text not null,
      phone text not null, created_at text not null);
    create index if not exists bare_person_name on bare_person (name);
    create index if not exists bare_person_phone on bare_person (phone);`);
  return connection;
}

/**
 * Settings for writing in bulk only: no journal (each page is written once, not to the WAL and again
 * at the checkpoint), nothing fsynced, a large cache, and foreign keys unchecked (every row's parent is
 * written just before it; `foreign_key_check` confirms it afterwards). Reopening restores the station's own.
 */
function bulkPragmas(sqlite: BetterSqlite3.Database): void {
  sqlite.pragma('journal_mode = OFF');
  sqlite.pragma('synchronous = OFF');
  sqlite.pragma('foreign_keys = OFF');
  sqlite.pragma('cache_size = -2097152');
}

/**
 * Runs `fill` without the secondary indexes the migrations created, then creates them again from the
 * very SQL the migrations left in sqlite_master: building an index once over sorted keys is far
 * cheaper than keeping it up to date through millions of inserts in random key order. Indexes that
 * belong to a table's own primary key or UNIQUE columns (no SQL of their own) stay in place, and so do
 * the indexes of every table a trigger reads: the tally triggers of migration 0012 look up the person's
 * consents and stem-cell registrations on each insert, and without those indexes every lookup scans
 * the whole table, which made the fill quadratic in the people stored.
 */
function withoutSecondaryIndexes<T>(sqlite: BetterSqlite3.Database, fill: () => T): T {
  const readByTriggers = tablesReadByTriggers(sqlite);
  const indexes = (
    sqlite.prepare(`select name, tbl_name as tableName, sql from sqlite_master where type = 'index' and sql is not null`).all() as Array<{
      name: string;
      tableName: string;
      sql: string;
    }>
  ).filter((index) => !readByTriggers.has(index.tableName.toLowerCase()));
  for (const index of indexes) sqlite.exec(`drop index "${index.name}"`);
  const result = fill();
  for (const index of indexes) sqlite.exec(index.sql);
  return result;
}

/** The tables the database's triggers select from (lower case). */
function tablesReadByTriggers(sqlite: BetterSqlite3.Database): Set<string> {
  const bodies = sqlite.prepare(`select sql from sqlite_master where type = 'trigger'`).pluck().all() as string[];
  return new Set(bodies.flatMap((body) => [...body.matchAll(/\bfrom\s+"?(\w+)"?/gi)].map((match) => match[1]!.toLowerCase())));
}

/** Back to the station's settings (as in db/connection.ts) for the part of the fill that goes through the service. */
function stationPragmas(sqlite: BetterSqlite3.Database): void {
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('cache_size = -2000');
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('synchronous = FULL');
}

// ---- The run ----

async function setUpStation(dataDir: string): Promise<OpenStation> {
  const station = await openStation({ dataDir });
  const setup = await station.dispatch(
    'station:setup',
    {
      code: STATION_CODE,
      name: '昆明医科大学遗体捐献登记接收站',
      kind: 'university_station',
      regionCode: '5301',
      admin: { username: 'admin', displayName: '管理员', password: 'correct horse battery', pin: '246810' },
    },
    { sessionKey: 'bench-setup' },
  );
  if (!setup.ok) throw new Error(`station:setup failed: ${JSON.stringify(setup.error)}`);
  return station;
}

async function registerThroughService(station: OpenStation, index: number, people: FakePeopleOptions): Promise<number> {
  const parsed = createInput.safeParse(fakeRegistration(index, people));
  if (!parsed.success) throw new Error(`fake person ${index} does not parse: ${JSON.stringify(parsed.error.issues)}`);
  const created = await station.services.registrations.create(parsed.data, SYSTEM_ACTOR, 'cli');
  return created.registrations.length;
}

function rowCounts(sqlite: BetterSqlite3.Database): Record<string, number> {
  const tables = ['person', 'person_version', 'registration', 'registration_version', 'consent', 'signature', 'audit_log', 'outbox'];
  return Object.fromEntries(tables.map((table) => [table, (sqlite.prepare(`select count(*) as n from ${table}`).get() as { n: number }).n]));
}

/** A bulk-written person must read back through the services exactly like one the service wrote. */
async function checkFill(station: OpenStation, people: FakePeopleOptions, bulkPeople: number): Promise<void> {
  const registry = new PersonRegistry(station.services.protection);
  for (const index of [0, Math.floor(bulkPeople / 2), bulkPeople - 1]) {
    if (index < 0) continue;
    const document = fakeDocument(index, people);
    const row = await registry.findByDocument(station.connection.db, document.kind, document.number);
    if (!row) throw new Error(`bulk-filled person ${index} is not found by document`);
    const record = await station.services.personRecords.read(station.connection.db, row.id);
    const programs = createInput.parse(fakeRegistration(index, people)).programs;
    if (record.registrations.length !== programs.length || record.consents.length !== consentPurposes.length || record.history.length !== 1) {
      throw new Error(`bulk-filled person ${index} reads back differently: ${JSON.stringify(record)}`);
    }
  }
}

export async function benchRegistration(options: RegistrationBenchOptions): Promise<RegistrationBenchResult> {
  const log = options.log ?? (() => undefined);
  const dir = mkdtempSync(join(tmpdir(), 'relay-bench-registration-'));
  const stationDir = join(dir, 'station');
  let station: OpenStation | undefined;
  let baseline: DatabaseConnection | undefined;
  try {
    const people: FakePeopleOptions = { seed: SEED, today: stationDate(new Date()) };
    const servicePeople = Math.min(1_000, Math.floor(options.people / 20));
    const bulkPeople = options.people - servicePeople;

    // 1. Fill: bulk in the service's shape, then the newest people through the service itself.
    const fillStarted = process.hrtime.bigint();
    const fillCpu = process.cpuUsage();
    const filling = await setUpStation(stationDir);
    station = filling;
    const bare = openBaseline(dir);
    baseline = bare;
    bulkPragmas(filling.connection.sqlite);
    bulkPragmas(bare.sqlite);
    const staff = filling.connection.sqlite.prepare('select id, role from staff limit 1').get() as Actor;
    log(`  filling ${options.people.toLocaleString('en-US')} people: ${bulkPeople.toLocaleString('en-US')} in bulk, ${servicePeople} through the service`);
    withoutSecondaryIndexes(filling.connection.sqlite, () =>
      withoutSecondaryIndexes(bare.sqlite, () => bulkFill({ station: filling, people, staff }, bulkPeople, bare.sqlite, log)),
    );
    const orphans = filling.connection.sqlite.pragma('foreign_key_check') as unknown[];
    if (orphans.length > 0) throw new Error(`the bulk fill left rows without their parent: ${JSON.stringify(orphans.slice(0, 5))}`);
    const bulkSeconds = Number(process.hrtime.bigint() - fillStarted) / 1e9;
    const bulkCpu = process.cpuUsage(fillCpu);
    const bulkCpuSeconds = (bulkCpu.user + bulkCpu.system) / 1e6;
    log(`  bulk fill: indexes rebuilt, foreign keys checked (${bulkSeconds.toFixed(1)} s)`);

    stationPragmas(filling.connection.sqlite);
    stationPragmas(bare.sqlite);
    const serviceStarted = process.hrtime.bigint();
    const insertBare = bare.sqlite.prepare('insert into bare_person (id, document, name, phone, created_at) values (?, ?, ?, ?, ?)');
    for (let index = bulkPeople; index < options.people; index += 1) {
      await registerThroughService(filling, index, people);
      const input = fakeRegistration(index, people);
      insertBare.run(randomUUID(), input.person.document.number, input.person.name, input.person.phone, new Date().toISOString());
    }
    const serviceSeconds = Number(process.hrtime.bigint() - serviceStarted) / 1e9;
    filling.connection.sqlite.pragma('wal_checkpoint(TRUNCATE)');
    bare.sqlite.pragma('wal_checkpoint(TRUNCATE)');
    const rows = rowCounts(filling.connection.sqlite);
    station = undefined;
    await filling.close();
    baseline = undefined;
    await bare.close();
    const fillSeconds = Number(process.hrtime.bigint() - fillStarted) / 1e9;

    // 2. Reopen as the app would: default cache, WAL, synchronous=FULL.
    const reopenStarted = process.hrtime.bigint();
    station = await openStation({ dataDir: stationDir });
    const reopenSeconds = Number(process.hrtime.bigint() - reopenStarted) / 1e9;
    baseline = openBaseline(dir);
    await checkFill(station, people, bulkPeople);
    const verifyStarted = process.hrtime.bigint();
    const chain = await station.services.audit.verify();
    const auditVerifySeconds = Number(process.hrtime.bigint() - verifyStarted) / 1e9;
    if (!chain.ok) throw new Error(`the filled audit chain is broken at ${chain.brokenSeq}: ${chain.reason}`);
    log(`  filled in ${fillSeconds.toFixed(1)} s; audit chain of ${chain.count.toLocaleString('en-US')} entries verified in ${auditVerifySeconds.toFixed(1)} s`);

    // 3. Registration of new people: schema parse + service, against one bare insert per transaction.
    const total = options.warmup + options.samples;
    const fresh = Array.from({ length: total }, (_, i) => fakeRegistration(options.people + i, people));
    const bareRows = fresh.map((input) => [input.person.document.number, input.person.name, input.person.phone] as const);
    const bareInsert = baseline.sqlite.prepare('insert into bare_person (id, document, name, phone, created_at) values (?, ?, ?, ?, ?)');
    const bareRegister = baseline.sqlite.transaction((values: readonly [string, string, string]) => {
      bareInsert.run(randomUUID(), ...values, new Date().toISOString());
    });
    const open = station;
    const [serviceRegistration, baselineRegistration] = await interleave(
      [
        async (i) => {
          const parsed = createInput.safeParse(fresh[i]);
          if (!parsed.success) throw new Error(`fake person does not parse: ${JSON.stringify(parsed.error.issues)}`);
          await open.services.registrations.create(parsed.data, SYSTEM_ACTOR, 'cli');
        },
        (i) => bareRegister(bareRows[i]!),
      ],
      options.samples,
      options.warmup,
    );
    log('  registrations measured');

    // 4. Lookup of stored people by document number, chosen at random over the whole population.
    const random = createRandom(SEED ^ 0x100c);
    const targets = Array.from({ length: total }, () => fakeDocument(Math.floor(random() * options.people), people));
    const registry = new PersonRegistry(open.services.protection);
    const bareSelect = baseline.sqlite.prepare('select * from bare_person where document = ?');
    const [serviceLookup, searchLookup, baselineLookup] = await interleave(
      [
        async (i) => {
          const target = targets[i]!;
          const row = await registry.findByDocument(open.connection.db, target.kind, target.number);
          if (!row || openPersonal(open.services.protection, row).documentNumber !== target.number) throw new Error(`lookup missed ${target.number}`);
        },
        async (i) => {
          const found = await open.services.personRecords.search({ query: targets[i]!.number }, SYSTEM_ACTOR);
          if (found.results.length !== 1) throw new Error(`search missed ${targets[i]!.number}`);
        },
        (i) => {
          if (!bareSelect.get(targets[i]!.number)) throw new Error(`bare select missed ${targets[i]!.number}`);
        },
      ],
      options.samples,
      options.warmup,
    );

    return {
      people: options.people,
      fill: {
        method:
          `${bulkPeople.toLocaleString('en-US')} people bulk-inserted in the service's row shape (contract-parsed fake inputs, ` +
          `station key sealing and blind indexes, history, consents, signatures, outbox, chained audit; ${FILL_CHUNK.toLocaleString('en-US')} people ` +
          `per transaction, no journal or fsync, secondary indexes built at the end), then ${servicePeople.toLocaleString('en-US')} through ` +
          `RegistrationService.create`,
        seconds: fillSeconds,
        bulkPeople,
        bulkSeconds,
        bulkCpuSeconds,
        servicePeople,
        serviceSeconds,
        rows,
        databaseMegabytes: statSync(join(stationDir, 'station.sqlite')).size / 1_048_576,
        reopenSeconds,
        auditVerifySeconds,
        auditEntries: chain.count,
      },
      registration: { service: latency(serviceRegistration!), baseline: latency(baselineRegistration!) },
      lookup: { service: latency(serviceLookup!), search: latency(searchLookup!), baseline: latency(baselineLookup!) },
    };
  } finally {
    await station?.close();
    await baseline?.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
