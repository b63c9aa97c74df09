import type { CompareOptions, WriteComparison } from './compare';
import { benchDashboard } from './dashboard';
import { benchFieldEncryption } from './field-encryption';
import { benchHubConsole, printHubConsole } from './hub-console';
import { benchHubExports, printHubExports } from './hub-exports';
import { benchHubIngest, printHubIngest } from './hub-ingest';
import { benchNameSearch } from './name-search';
import { benchReceipt } from './receipt';
import { benchRegistration } from './registration';
import {
  formatNumber,
  printDashboard,
  printNameSearch,
  printReceipt,
  printRegistration,
  printSyncExport,
  table,
  type Figures,
  type Print,
} from './report';
import { benchSignIn, printSignIn } from './sign-in';
import { benchSyncExport } from './sync-export';
import { benchVisitorSignIn } from './visitor-sign-in';

/**
 * Every benchmark `npm run bench` runs, in order. Each names its sizes: the environment variable that
 * sets one, its default (chosen so that the whole default run ends within half an hour on a two-core
 * machine), and the tiny size of the smoke run in `npm test` (tests/integration/bench-smoke.test.ts),
 * which runs every entry here through the same code with its smoke sizes.
 */

export interface SizeSetting {
  env: string;
  /** The size of `npm run bench` when the variable is not set. */
  fallback: number;
  /** The size of the smoke run: enough to go through every step, too small to time anything. */
  smoke: number;
}

export interface BenchOutput {
  /** One line of the report (standard output). */
  print: Print;
  /** Progress while a long fill or measurement runs (standard error). */
  progress: (line: string) => void;
}

/** Something the run was asked to do, against what it did as read back from its own results or databases. */
export interface BenchCount {
  what: string;
  asked: number;
  done: number;
}

export interface BenchReport {
  /** The figures, printed as one JSON line for comparing runs. */
  figures: Figures;
  counts: BenchCount[];
}

export interface Benchmark<Size extends string = string> {
  id: string;
  sizes: Record<Size, SizeSetting>;
  run(size: Record<Size, number>, output: BenchOutput): Promise<BenchReport>;
}

/** Lets a benchmark's sizes be typed by their names. */
function defineBenchmark<Size extends string>(benchmark: Benchmark<Size>): Benchmark {
  return benchmark;
}

// Sizes several benchmarks share.
const perSide: SizeSetting = { env: 'BENCH_N', fallback: 2_000, smoke: 20 };
const rounds: SizeSetting = { env: 'BENCH_ROUNDS', fallback: 5, smoke: 1 };
const warmup: SizeSetting = { env: 'BENCH_WARMUP', fallback: 200, smoke: 2 };

/** A write through the station against the same rows written raw, compared by compareSides (bench/compare.ts). */
function writeComparison(
  id: string,
  title: string,
  labels: { measured: string; baseline: string },
  compare: (options: CompareOptions) => Promise<WriteComparison>,
): Benchmark<'n' | 'rounds' | 'warmup'> {
  return {
    id,
    sizes: { n: perSide, rounds, warmup },
    async run(options, { print }) {
      print(`\n${title}: ${options.n} per side per run, ${options.rounds} runs (sides interleaved in blocks), ${options.warmup} warm-up; medians`);
      const result = await compare(options);
      const rows = [
        [labels.measured, result.measured],
        [labels.baseline, result.baseline],
      ] as const;
      print(
        table(
          ['', 'µs/op', 'ops/s', 'runs µs/op'],
          rows.map(([label, side]) => [
            label,
            formatNumber(side.usPerOp, 1),
            formatNumber(side.opsPerSecond, 0),
            side.roundsUsPerOp.map((value) => formatNumber(value, 0)).join(' '),
          ]),
        ),
      );
      print(`ratio: ${formatNumber(result.ratio, 2)} (${formatNumber((result.ratio - 1) * 100, 1)} % added)`);
      const asked = options.warmup + options.n * options.rounds;
      return {
        figures: {
          n: result.n,
          rounds: result.rounds,
          measuredUsPerOp: Number(result.measured.usPerOp.toFixed(2)),
          baselineUsPerOp: Number(result.baseline.usPerOp.toFixed(2)),
          ratio: Number(result.ratio.toFixed(3)),
        },
        counts: [
          { what: 'rows written, measured side', asked, done: result.written.measured },
          { what: 'rows written, baseline', asked, done: result.written.baseline },
          { what: 'measured runs', asked: options.rounds, done: result.measured.roundsUsPerOp.length },
        ],
      };
    },
  };
}

export const benchmarks: Benchmark[] = [
  writeComparison(
    'visitor-sign-in',
    'visitor sign-in',
    { measured: 'service (dispatch visitor:signIn)', baseline: 'baseline (better-sqlite3 inserts)' },
    benchVisitorSignIn,
  ),
  writeComparison(
    'field-encryption',
    'a registration write, personal data sealed vs plain',
    { measured: 'sealed fields, blind indexes, sealed outbox', baseline: 'baseline (same writes, plain text)' },
    benchFieldEncryption,
  ),
  defineBenchmark({
    id: 'sign-in',
    sizes: { signIns: { env: 'BENCH_SIGN_INS', fallback: 10_000, smoke: 30 }, warmup },
    async run(size, { print }) {
      const result = await benchSignIn({ signIns: size.signIns, window: 500, warmup: size.warmup });
      return {
        figures: printSignIn(result, print),
        counts: [
          { what: 'sign-ins stored by the service', asked: size.warmup + size.signIns, done: result.written.service },
          { what: 'sign-ins stored raw', asked: size.warmup + size.signIns, done: result.written.raw },
        ],
      };
    },
  }),
  defineBenchmark({
    id: 'name-search',
    sizes: { names: { env: 'BENCH_MEMORIAL_NAMES', fallback: 100_000, smoke: 200 }, n: perSide, rounds, warmup },
    async run(size, { print, progress }) {
      const samples = size.n * size.rounds;
      print(
        `\nmemorial name search with ${formatNumber(size.names, 0)} names listed: ${formatNumber(samples, 0)} searches per side ` +
          `(sides interleaved in blocks), ${size.warmup} warm-up; every search timed`,
      );
      const result = await benchNameSearch({ names: size.names, samples, warmup: size.warmup, log: progress });
      return {
        figures: printNameSearch(result, print),
        counts: [
          { what: 'names listed', asked: size.names, done: result.listed },
          { what: 'searches timed', asked: samples, done: result.search.samples },
          { what: 'baseline selects timed', asked: samples, done: result.baseline.samples },
        ],
      };
    },
  }),
  defineBenchmark({
    id: 'registration',
    // About every registration of the province (some 216 000 over 24 stations) in one station's database.
    sizes: { people: { env: 'BENCH_PEOPLE', fallback: 200_000, smoke: 200 }, n: perSide, rounds, warmup },
    async run(size, { print, progress }) {
      // Every operation is timed on its own, so the runs are pooled: n × rounds samples per side.
      const samples = size.n * size.rounds;
      print(
        `\nregistration and lookup with ${formatNumber(size.people, 0)} people stored: ${formatNumber(samples, 0)} per side ` +
          `(sides interleaved in blocks), ${size.warmup} warm-up; every operation timed`,
      );
      const result = await benchRegistration({ people: size.people, samples, warmup: size.warmup, log: progress });
      return {
        figures: printRegistration(result, print),
        counts: [
          { what: 'people stored before measuring', asked: size.people, done: result.fill.rows.person ?? 0 },
          { what: 'registrations timed', asked: samples, done: result.registration.service.samples },
          { what: 'lookups timed', asked: samples, done: result.lookup.service.samples },
          { what: 'searches timed', asked: samples, done: result.lookup.search.samples },
        ],
      };
    },
  }),
  defineBenchmark({
    id: 'sync-export',
    // Far more than a station ever has waiting, and ten times the first run: enough to show memory that grows with the outbox.
    sizes: { records: { env: 'BENCH_SYNC_RECORDS', fallback: 200_000, smoke: 50 } },
    async run(size, { print, progress }) {
      const small = Math.max(1, Math.floor(size.records / 10));
      print(
        `\nsync export: the outbox written into signed batch files, ${formatNumber(small, 0)} and ${formatNumber(size.records, 0)} rows; ` +
          `each side over the whole outbox in a fresh process; memory sampled every 100 ms and per batch`,
      );
      const result = await benchSyncExport({ records: size.records, log: progress });
      return {
        figures: printSyncExport(result, print),
        counts: [small, size.records].flatMap((asked, run) => [
          { what: `run ${run + 1}: records written into batches`, asked, done: result.runs[run]?.writer.records ?? 0 },
          ...(result.runs[run]?.baselines ?? []).map((side, which) => ({ what: `run ${run + 1}: baseline ${which + 1} records read`, asked, done: side.records })),
        ]),
      };
    },
  }),
  defineBenchmark({
    id: 'dashboard',
    sizes: {
      registrations: { env: 'BENCH_DASHBOARD_REGISTRATIONS', fallback: 1_000_000, smoke: 300 },
      visits: { env: 'BENCH_DASHBOARD_VISITS', fallback: 1_000_000, smoke: 300 },
      calls: { env: 'BENCH_DASHBOARD_CALLS', fallback: 20, smoke: 2 },
    },
    async run(size, { print, progress }) {
      print(
        `\nstatistics dashboard with ${formatNumber(size.registrations, 0)} registrations and ${formatNumber(size.visits, 0)} visits stored: ` +
          `the first call after reopening the station, then ${size.calls} calls per side (sides alternating); every call timed`,
      );
      const result = await benchDashboard({ ...size, log: progress });
      return {
        figures: printDashboard(result, print),
        counts: [
          { what: 'registrations stored', asked: size.registrations, done: result.stored.registrations },
          { what: 'visits stored', asked: size.visits, done: result.stored.visits },
          { what: 'dashboard calls timed', asked: size.calls, done: result.warm.dashboard.samples },
        ],
      };
    },
  }),
  defineBenchmark({
    id: 'hub-ingest',
    sizes: {
      // A province's scale is a million versions (BENCH_HUB_VERSIONS=1000000); the default keeps the whole run within half an hour.
      // The smoke run sends two batches, so that the 10 % and 100 % readings differ.
      versions: { env: 'BENCH_HUB_VERSIONS', fallback: 200_000, smoke: 1_500 },
      stations: { env: 'BENCH_HUB_STATIONS', fallback: 50, smoke: 2 },
    },
    async run(size, { print, progress }) {
      print(
        `\nprovincial hub: ${formatNumber(size.versions, 0)} record versions from ${size.stations} stations in signed, encrypted batches of 1 000, ` +
          `against the same rows inserted plainly (multi-row INSERT … ON CONFLICT DO NOTHING), on SQLite and on PostgreSQL; each side over all of them`,
      );
      // BENCH_HUB_BEFORE_0010=1 also runs the hub side on the schema before migration 0010, to tell what its index costs.
      const compareBefore0010 = process.env.BENCH_HUB_BEFORE_0010 === '1';
      const result = await benchHubIngest({ versions: size.versions, stations: size.stations, engines: ['sqlite', 'postgres'], compareBefore0010, log: progress });
      return {
        figures: printHubIngest(result, print),
        counts: result.engines.flatMap((engine) => [
          { what: `${engine.engine}: record versions the hub holds`, asked: size.versions, done: engine.hub.stored },
          { what: `${engine.engine}: record versions the baseline holds`, asked: size.versions, done: engine.baseline.stored },
        ]),
      };
    },
  }),
  defineBenchmark({
    id: 'hub-console',
    sizes: {
      // A province's scale is a million registrations (BENCH_CONSOLE_REGISTRATIONS=1000000); the default keeps the run short.
      registrations: { env: 'BENCH_CONSOLE_REGISTRATIONS', fallback: 200_000, smoke: 400 },
      visits: { env: 'BENCH_CONSOLE_VISITS', fallback: 200_000, smoke: 400 },
      calls: { env: 'BENCH_CONSOLE_CALLS', fallback: 5, smoke: 1 },
    },
    async run(size, { print, progress }) {
      print(
        `\nprovincial console reads with ${formatNumber(size.registrations, 0)} registrations and ${formatNumber(size.visits, 0)} visits written straight into the hub's tables, ` +
          `on SQLite and on PostgreSQL: each read once cold, then ${size.calls} calls (median and slowest), against count(*) over the registrations`,
      );
      // BENCH_CONSOLE_BEFORE_INDEXES=1 adds the reads on the schema before migrations 0009 and 0010 (minutes at a million).
      const compareBeforeIndexes = process.env.BENCH_CONSOLE_BEFORE_INDEXES === '1';
      const result = await benchHubConsole({ ...size, engines: ['sqlite', 'postgres'], compareBeforeIndexes, log: progress });
      return {
        figures: printHubConsole(result, print),
        counts: result.engines.flatMap((engine) => [
          { what: `${engine.engine}: registrations stored`, asked: size.registrations, done: engine.stored.registrations },
          { what: `${engine.engine}: visits stored`, asked: size.visits, done: engine.stored.visits },
          { what: `${engine.engine}: reads timed`, asked: 8, done: engine.reads.length },
        ]),
      };
    },
  }),
  defineBenchmark({
    id: 'hub-exports',
    sizes: {
      // A run of millions: BENCH_EXPORT_REGISTRATIONS=2000000; the streaming side's memory stays where it is.
      registrations: { env: 'BENCH_EXPORT_REGISTRATIONS', fallback: 200_000, smoke: 300 },
    },
    async run(size, { print, progress }) {
      print(`\nnational export (CODAC) of ${formatNumber(size.registrations, 0)} sealed registrations on SQLite: the streaming run against the same range held in memory`);
      const result = await benchHubExports({ ...size, log: progress });
      return {
        figures: printHubExports(result, print),
        counts: [
          { what: 'versions stored', asked: size.registrations, done: result.stored },
          { what: 'rows exported streaming', asked: size.registrations, done: result.streaming.rows },
          { what: 'rows exported in memory', asked: size.registrations, done: result.inMemory.rows },
        ],
      };
    },
  }),
  defineBenchmark({
    id: 'receipt',
    sizes: { receipts: { env: 'BENCH_RECEIPTS', fallback: 200, smoke: 3 }, warmup },
    async run(size, { print }) {
      // A receipt takes milliseconds where the others take microseconds: a shorter warm-up is enough.
      const receiptWarmup = Math.min(size.warmup, 20);
      print(
        `\nA4 registration receipt, model to PDF bytes: ${formatNumber(size.receipts, 0)} per side (sides interleaved in blocks), ` +
          `${receiptWarmup} warm-up; fonts loaded once before; every receipt timed`,
      );
      const result = await benchReceipt({ samples: size.receipts, warmup: receiptWarmup });
      return {
        figures: printReceipt(result, print),
        counts: (['receipt', 'rareName', 'baseline'] as const).map((side) => ({
          what: `${side} documents timed`,
          asked: size.receipts,
          done: result[side].latency.samples,
        })),
      };
    },
  }),
];
