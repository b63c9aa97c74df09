import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { contract, type CallInput } from '../shared/contract/calls';
import { stationDate } from '../shared/domain/age';
import { MEMORIAL_CONSENT_TEXT_VERSION, memorialDonationKinds } from '../shared/domain/memorial-names';
import { openStation, type OpenStation } from '../electron/app/open-station';
import { fakeDocument, fakeRegistration, type FakePeopleOptions } from '../electron/cli/fake-people';
import { createRandom } from '../shared/random/seeded-random';
import type { Actor } from '../electron/services/kernel/audit';
import { pinyinInitials, pinyinSpellings } from '../electron/services/name-list/memorial-name-keys';
import { newMemorialEntry } from '../electron/services/name-list/memorial-name-records';
import { interleave, latency, type Latency } from './registration';

/**
 * The public name search (纪念名录) over a large list (default 100 000 names, env BENCH_MEMORIAL_NAMES),
 * against the floor underneath it in the same run:
 *
 * - the search as the kiosk makes it: `nameList:search` through the dispatcher (session and role check,
 *   the input schema, the folded key range scan, the published-only join, grouping by year, the output
 *   schema), for a mix of what visitors type: a whole name, a given name, a surname alone, full pinyin
 *   initials, the first two initials, the start of the pinyin, and a name that is not on the list;
 * - the baseline: one indexed select of an entry by its id, on the same connection.
 *
 * The list is filled in bulk in the very rows the service writes (`newMemorialEntry`: contract-parsed
 * input, the relative's details sealed with the station's key, the search keys and sort key of the
 * name), in transactions of a few thousand, then a few hundred names through the service itself. The
 * audit chain and outbox entries of the bulk rows are left out: the search reads neither. One name in
 * fifty has its consent withdrawn through the service: those must never be found, nor counted.
 */

const SEED = 20_260_404;
const FILL_CHUNK = 5_000;
const SYSTEM_ACTOR: Actor = { id: null, role: 'system' };
const KIOSK = { sessionKey: 'bench-kiosk' };
const addInput = contract['nameList:add'].input;

export const queryKinds = ['whole name', 'given name', 'surname', 'initials', 'two initials', 'pinyin start', 'not listed'] as const;
export type QueryKind = (typeof queryKinds)[number];

export interface NameSearchBenchOptions {
  /** Names stored before measuring. */
  names: number;
  /** Timed searches per side. */
  samples: number;
  warmup: number;
  log?: (line: string) => void;
}

export interface NameSearchBenchResult {
  names: number;
  /** Entries on the list once filled, withdrawn ones included: read back from the station. */
  listed: number;
  withdrawn: number;
  fillSeconds: number;
  keys: number;
  search: Latency;
  byKind: Record<QueryKind, Latency & { meanFound: number }>;
  baseline: Latency;
}

/** A memorial entry input for name number `index`: a realistic name, year and wall location. */
function fakeEntry(index: number, people: FakePeopleOptions, random: () => number): CallInput<'nameList:add'> {
  const registration = fakeRegistration(index, people);
  const relative = fakeDocument(index + 1, people);
  return {
    publishedName: registration.person.name,
    donationKind: memorialDonationKinds[Math.floor(random() * memorialDonationKinds.length)]!,
    engravingYear: 2000 + Math.floor(random() * 26),
    wallLocation: `${['东', '南', '西', '北'][Math.floor(random() * 4)]}区 ${1 + Math.floor(random() * 40)} 排 ${1 + Math.floor(random() * 60)} 号`,
    consent: {
      relativeName: fakeRegistration(index + 1, people).person.name,
      relation: 'child',
      relativeDocument: { kind: relative.kind, number: relative.number },
      signature: { kind: 'paper' },
      givenOn: '2025-03-01',
      textVersion: MEMORIAL_CONSENT_TEXT_VERSION,
    },
  };
}

async function setUpStation(dataDir: string): Promise<OpenStation> {
  const station = await openStation({ dataDir });
  const setup = await station.dispatch(
    'station:setup',
    {
      code: 'KMU01',
      name: '昆明医科大学遗体捐献登记接收站',
      kind: 'memorial_kiosk',
      regionCode: '5301',
      admin: { username: 'admin', displayName: '管理员', password: 'correct horse battery', pin: '246810' },
    },
    { sessionKey: 'bench-setup' },
  );
  if (!setup.ok) throw new Error(`station:setup failed: ${JSON.stringify(setup.error)}`);
  return station;
}

/** Writes `count` entries in the service's row shape, a chunk per transaction. */
function bulkFill(station: OpenStation, inputs: (index: number) => CallInput<'nameList:add'>, count: number): void {
  const sqlite = station.connection.sqlite;
  const insertConsent = sqlite.prepare(
    `insert into memorial_consent (id, relative, signature_kind, signature, given_on, text_version, recorded_at, recorded_by)
     values (@id, @relative, @signature_kind, @signature, @given_on, @text_version, @recorded_at, @recorded_by)`,
  );
  const insertEntry = sqlite.prepare(
    `insert into memorial_entry (id, station_code, consent_id, state, version, published_name, donation_kind, engraving_year,
       wall_location, person_id, created_at, created_by)
     values (@id, @station_code, @consent_id, @state, @version, @published_name, @donation_kind, @engraving_year,
       @wall_location, @person_id, @created_at, @created_by)`,
  );
  const insertKey = sqlite.prepare('insert into memorial_name_key (key, entry_id, engraving_year, sort_key) values (@key, @entry_id, @engraving_year, @sort_key)');
  const at = new Date().toISOString();
  const writeChunk = sqlite.transaction((from: number, to: number) => {
    for (let index = from; index < to; index += 1) {
      const rows = newMemorialEntry(addInput.parse(inputs(index)), station.services.protection, { stationCode: 'KMU01', actor: SYSTEM_ACTOR, at });
      const { withdrawn_at: _a, withdrawn_by: _b, withdraw_reason: _c, ...consent } = rows.consent;
      insertConsent.run(consent);
      const { withdrawn_name: _d, withdrawn_at: _e, withdrawn_by: _f, ...entry } = rows.entry;
      insertEntry.run(entry);
      for (const key of rows.keys) insertKey.run(key);
    }
  });
  for (let from = 0; from < count; from += FILL_CHUNK) writeChunk(from, Math.min(count, from + FILL_CHUNK));
}

/** What a visitor types for a name, by kind of query. */
function queryFor(kind: QueryKind, name: string): string {
  const characters = Array.from(name);
  switch (kind) {
    case 'whole name':
      return name;
    case 'given name':
      return characters.slice(1).join('') || name;
    case 'surname':
      return characters[0] ?? name;
    case 'initials':
      return pinyinInitials(name)[0] ?? name;
    case 'two initials':
      return (pinyinInitials(name)[0] ?? name).slice(0, 2);
    case 'pinyin start':
      return (pinyinSpellings(name)[0] ?? name).slice(0, 6);
    case 'not listed':
      return '龘靐齉';
  }
}

export async function benchNameSearch(options: NameSearchBenchOptions): Promise<NameSearchBenchResult> {
  const log = options.log ?? (() => undefined);
  const dir = mkdtempSync(join(tmpdir(), 'relay-bench-names-'));
  let station: OpenStation | undefined;
  try {
    const people: FakePeopleOptions = { seed: SEED, today: stationDate(new Date()) };
    const random = createRandom(SEED);
    const inputs = Array.from({ length: options.names }, (_, index) => fakeEntry(index, people, random));
    const serviceNames = Math.min(500, Math.floor(options.names / 10));
    const bulkNames = options.names - serviceNames;

    const fillStarted = process.hrtime.bigint();
    const open = await setUpStation(join(dir, 'station'));
    station = open;
    log(`  filling ${options.names.toLocaleString('en-US')} names: ${bulkNames.toLocaleString('en-US')} in bulk, ${serviceNames} through the service`);
    bulkFill(open, (index) => inputs[index]!, bulkNames);
    for (let index = bulkNames; index < options.names; index += 1) {
      await open.services.memorialNames.add(addInput.parse(inputs[index]), SYSTEM_ACTOR);
    }
    // Withdrawn through the service: erased names the search must never return.
    const ids = open.connection.sqlite.prepare('select id from memorial_entry order by rowid').pluck().all() as string[];
    const withdrawnIds = ids.filter((_, index) => index % 50 === 3);
    for (const entryId of withdrawnIds) await open.services.memorialNames.withdrawConsent({ entryId, reason: '家属要求' }, SYSTEM_ACTOR);
    open.connection.sqlite.pragma('optimize');
    open.connection.sqlite.pragma('wal_checkpoint(TRUNCATE)');
    const fillSeconds = Number(process.hrtime.bigint() - fillStarted) / 1e9;
    const keys = (open.connection.sqlite.prepare('select count(*) from memorial_name_key').pluck().get() as number) ?? 0;
    const listed = open.connection.sqlite.prepare('select count(*) from memorial_entry').pluck().get() as number;
    log(`  filled in ${fillSeconds.toFixed(1)} s: ${keys.toLocaleString('en-US')} search keys, ${withdrawnIds.length.toLocaleString('en-US')} consents withdrawn`);

    const withdrawn = new Set(withdrawnIds);
    const published = ids.filter((id) => !withdrawn.has(id));
    const nameOf = open.connection.sqlite.prepare('select published_name from memorial_entry where id = ?').pluck();
    const total = options.warmup + options.samples;
    const pick = createRandom(SEED ^ 0x5eed);
    const targets = Array.from({ length: total }, () => published[Math.floor(pick() * published.length)]!);
    const queries = targets.map((id, i) => queryFor(queryKinds[i % queryKinds.length]!, nameOf.get(id) as string));
    const found: number[] = [];
    const byId = open.connection.sqlite.prepare('select * from memorial_entry where id = ?');

    const [searchTimings, baselineTimings] = await interleave(
      [
        async (i) => {
          const result = await open.dispatch('nameList:search', { query: queries[i] }, KIOSK);
          if (!result.ok) throw new Error(`search refused: ${JSON.stringify(result.error)}`);
          const { total: matched } = result.data as { total: number };
          const kind = queryKinds[i % queryKinds.length]!;
          if (kind !== 'not listed' && matched === 0) throw new Error(`search for "${queries[i]}" (${kind}) found nothing`);
          if (kind === 'not listed' && matched !== 0) throw new Error(`search for "${queries[i]}" found names`);
          if (i >= options.warmup) found.push(matched);
        },
        (i) => {
          if (!byId.get(targets[i])) throw new Error(`select missed ${targets[i]}`);
        },
      ],
      options.samples,
      options.warmup,
    );

    const byKind = Object.fromEntries(
      queryKinds.map((kind, k) => {
        const picked = searchTimings!.filter((_, t) => (options.warmup + t) % queryKinds.length === k);
        const counts = found.filter((_, t) => (options.warmup + t) % queryKinds.length === k);
        return [kind, { ...latency(picked), meanFound: counts.reduce((sum, n) => sum + n, 0) / Math.max(1, counts.length) }];
      }),
    ) as NameSearchBenchResult['byKind'];
    return {
      names: options.names,
      listed,
      withdrawn: withdrawnIds.length,
      fillSeconds,
      keys,
      search: latency(searchTimings!),
      byKind,
      baseline: latency(baselineTimings!),
    };
  } finally {
    await station?.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
