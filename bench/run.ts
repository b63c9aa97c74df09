/**
 * Benchmarks, run with `npm run bench`. Figures only, never a pass/fail: timings depend on the machine,
 * so each benchmark reports a ratio against a baseline measured in the same run.
 *
 * Environment: BENCH_N operations per side per run (default 2000), BENCH_ROUNDS measured runs
 * (default 5), BENCH_WARMUP unmeasured operations per side first (default 200), BENCH_ONLY a
 * comma-separated list of benchmark ids to run (default all), BENCH_PEOPLE the people stored before
 * the registration benchmark measures (default 1 000 000; 2 000 makes a quick smoke run),
 * BENCH_RECEIPTS the receipts timed per side by the receipt benchmark (default 200; its warm-up is
 * BENCH_WARMUP capped at 20, as a receipt takes milliseconds where the others take microseconds),
 * BENCH_MEMORIAL_NAMES the names on the memorial list the name-search benchmark searches (default 100 000),
 * BENCH_SIGN_INS the kiosk sign-ins per side of the sustained sign-in benchmark (default 10 000),
 * BENCH_SYNC_RECORDS the outbox rows the sync-export benchmark writes into batches (default 1 000 000,
 * and a tenth of them in a second run; BENCH_SYNC_CPU_PROF=DIR writes a CPU profile of each side there),
 * BENCH_DASHBOARD_REGISTRATIONS and BENCH_DASHBOARD_VISITS the rows stored before the dashboard benchmark (default
 * 1 000 000 each), BENCH_DASHBOARD_CALLS its timed calls per side (default 20).
 */
import type { Comparison, CompareOptions } from './compare';
import { benchDashboard, type DashboardBenchResult } from './dashboard';
import { benchFieldEncryption } from './field-encryption';
import { benchNameSearch, type NameSearchBenchResult } from './name-search';
import { benchReceipt, type ReceiptBenchResult } from './receipt';
import { benchRegistration, type Latency, type RegistrationBenchResult } from './registration';
import { runSignInBench } from './sign-in';
import { benchSyncExport, type SyncExportBenchResult, type SyncExportSide } from './sync-export';
import { benchVisitorSignIn } from './visitor-sign-in';

interface Benchmark {
  id: string;
  title: string;
  measured: string;
  baseline: string;
  run(options: CompareOptions): Promise<Comparison>;
}

const benchmarks: Benchmark[] = [
  {
    id: 'visitor-sign-in',
    title: 'visitor sign-in',
    measured: 'service (dispatch visitor:signIn)',
    baseline: 'baseline (better-sqlite3 inserts)',
    run: benchVisitorSignIn,
  },
  {
    id: 'field-encryption',
    title: 'a registration write, personal data sealed vs plain',
    measured: 'sealed fields, blind indexes, sealed outbox',
    baseline: 'baseline (same writes, plain text)',
    run: benchFieldEncryption,
  },
];

/** Benchmarks that report latencies (median, p99) rather than one ratio of medians. */
interface LatencyBenchmark {
  id: string;
  run(options: CompareOptions): Promise<void>;
}

const latencyBenchmarks: LatencyBenchmark[] = [
  {
    id: 'sign-in',
    run: (options) => runSignInBench(options, positiveInteger('BENCH_SIGN_INS', 10_000)),
  },
  {
    id: 'name-search',
    async run(options) {
      const names = positiveInteger('BENCH_MEMORIAL_NAMES', 100_000);
      const samples = options.n * options.rounds;
      console.log(
        `\nmemorial name search with ${formatNumber(names, 0)} names listed: ${formatNumber(samples, 0)} searches per side ` +
          `(sides interleaved in blocks), ${options.warmup} warm-up; every search timed`,
      );
      printNameSearch(await benchNameSearch({ names, samples, warmup: options.warmup, log: (line) => console.error(line) }));
    },
  },
  {
    id: 'registration',
    async run(options) {
      const people = positiveInteger('BENCH_PEOPLE', 1_000_000);
      // Every operation is timed on its own, so the runs are pooled: n × rounds samples per side.
      const samples = options.n * options.rounds;
      console.log(
        `\nregistration and lookup with ${formatNumber(people, 0)} people stored: ${formatNumber(samples, 0)} per side ` +
          `(sides interleaved in blocks), ${options.warmup} warm-up; every operation timed`,
      );
      const result = await benchRegistration({ people, samples, warmup: options.warmup, log: (line) => console.error(line) });
      printRegistration(result);
    },
  },
  {
    id: 'sync-export',
    async run() {
      const records = positiveInteger('BENCH_SYNC_RECORDS', 1_000_000);
      console.log(
        `\nsync export: the outbox written into signed batch files, ${formatNumber(Math.max(1, Math.floor(records / 10)), 0)} and ` +
          `${formatNumber(records, 0)} rows; each side over the whole outbox in a fresh process; memory sampled every 100 ms and per batch`,
      );
      printSyncExport(await benchSyncExport({ records, log: (line) => console.error(line) }));
    },
  },
  {
    id: 'dashboard',
    async run() {
      const registrations = positiveInteger('BENCH_DASHBOARD_REGISTRATIONS', 1_000_000);
      const visits = positiveInteger('BENCH_DASHBOARD_VISITS', 1_000_000);
      const calls = positiveInteger('BENCH_DASHBOARD_CALLS', 20);
      console.log(
        `\nstatistics dashboard with ${formatNumber(registrations, 0)} registrations and ${formatNumber(visits, 0)} visits stored: ` +
          `the first call after reopening the station, then ${calls} calls per side (sides alternating); every call timed`,
      );
      printDashboard(await benchDashboard({ registrations, visits, calls, log: (line) => console.error(line) }));
    },
  },
  {
    id: 'receipt',
    async run(options) {
      const samples = positiveInteger('BENCH_RECEIPTS', 200);
      const warmup = Math.min(options.warmup, 20);
      console.log(
        `\nA4 registration receipt, model to PDF bytes: ${formatNumber(samples, 0)} per side (sides interleaved in blocks), ` +
          `${warmup} warm-up; fonts loaded once before; every receipt timed`,
      );
      printReceipt(await benchReceipt({ samples, warmup }));
    },
  },
];

function printNameSearch(result: NameSearchBenchResult): void {
  console.log(
    `fill: ${formatNumber(result.names, 0)} names (${formatNumber(result.withdrawn, 0)} of them withdrawn), ` +
      `${formatNumber(result.keys, 0)} search keys, ${formatNumber(result.fillSeconds, 1)} s`,
  );
  const header = ['', 'median ms', 'p99 ms', 'mean ms', 'max ms', 'found'];
  const row = (label: string, figures: Latency, found = '') => [
    label,
    formatNumber(figures.medianMs, 3),
    formatNumber(figures.p99Ms, 3),
    formatNumber(figures.meanMs, 3),
    formatNumber(figures.maxMs, 1),
    found,
  ];
  console.log('(target: p99 under 20 ms)');
  console.log(
    table(header, [
      row('search (dispatch nameList:search at the kiosk), all queries', result.search),
      ...Object.entries(result.byKind).map(([kind, figures]) => row(`  ${kind}`, figures, formatNumber(figures.meanFound, 1))),
      row('baseline (indexed select of an entry by id)', result.baseline),
    ]),
  );
  console.log(
    `ratio: median ${formatNumber(result.search.medianMs / result.baseline.medianMs, 1)}, p99 ${formatNumber(result.search.p99Ms / result.baseline.p99Ms, 1)}`,
  );
  const ms = (value: number) => Number(value.toFixed(3));
  console.log(
    JSON.stringify({
      bench: 'name-search',
      names: result.names,
      searchMedianMs: ms(result.search.medianMs),
      searchP99Ms: ms(result.search.p99Ms),
      baselineMedianMs: ms(result.baseline.medianMs),
      baselineP99Ms: ms(result.baseline.p99Ms),
      byKind: Object.fromEntries(Object.entries(result.byKind).map(([kind, figures]) => [kind, { medianMs: ms(figures.medianMs), p99Ms: ms(figures.p99Ms) }])),
    }),
  );
}

function printSyncExport(result: SyncExportBenchResult): void {
  const header = ['', 'rows', 'records/s', 's', 'MB written', 'RSS start MB', 'RSS peak MB', 'heap peak MB'];
  const row = (label: string, side: SyncExportSide) => [
    label,
    formatNumber(side.records, 0),
    formatNumber(side.recordsPerSecond, 0),
    formatNumber(side.seconds, 1),
    formatNumber(side.bytes / 1_048_576, 1),
    formatNumber(side.startRssMegabytes, 0),
    formatNumber(side.peakRssMegabytes, 0),
    formatNumber(side.peakHeapMegabytes, 0),
  ];
  console.log('(target: ratio of records/s at least 0.5; writer peak RSS under 200 MB and no higher at N than at N/10)');
  for (const run of result.runs) {
    console.log(
      `\n${formatNumber(run.records, 0)} rows of ${formatNumber(run.meanPayloadBytes, 0)} bytes of JSON (sealed), filled in ${formatNumber(run.fillSeconds, 1)} s; ` +
        `database ${formatNumber(run.databaseMegabytes, 0)} MB`,
    );
    console.log(
      table(header, [
        row('writer (SyncBatchWriter.writeNext until null, 1 000 a batch)', run.writer),
        row('baseline (SELECT seq, payload + JSON.stringify + file stream)', run.baselines[0]),
        row('baseline again, after the writer', run.baselines[1]),
      ]),
    );
    console.log(`ratio (writer records/s over the faster baseline): ${formatNumber(run.ratio, 2)}`);
  }
  const mb = (value: number) => Number(value.toFixed(1));
  console.log(
    JSON.stringify({
      bench: 'sync-export',
      runs: result.runs.map((run) => ({
        records: run.records,
        writerRecordsPerSecond: Math.round(run.writer.recordsPerSecond),
        baselineRecordsPerSecond: run.baselines.map((side) => Math.round(side.recordsPerSecond)),
        ratio: Number(run.ratio.toFixed(3)),
        writerRssStartMb: mb(run.writer.startRssMegabytes),
        writerRssPeakMb: mb(run.writer.peakRssMegabytes),
        writerHeapPeakMb: mb(run.writer.peakHeapMegabytes),
        baselineRssPeakMb: run.baselines.map((side) => mb(side.peakRssMegabytes)),
      })),
    }),
  );
}

function printDashboard(result: DashboardBenchResult): void {
  const { fill } = result;
  console.log(
    `fill: ${formatNumber(fill.seconds, 1)} s with the tallies' triggers on; database ${formatNumber(fill.databaseMegabytes, 0)} MB; ` +
      `tally rows ${Object.entries(fill.tallyRows).map(([table, count]) => `${table} ${formatNumber(count, 0)}`).join(', ')}; ` +
      `the dashboard counted ${formatNumber(result.counted.thisYear, 0)} registrations this year (${formatNumber(result.counted.lastYearSameDays, 0)} the same days of last year)`,
  );
  console.log('(target: dashboard figures under 300 ms)');
  const header = ['', 'cold ms', 'median ms', 'max ms', 'mean ms'];
  const row = (label: string, cold: number, warm: Latency) => [
    label,
    formatNumber(cold, 2),
    formatNumber(warm.medianMs, 2),
    formatNumber(warm.maxMs, 2),
    formatNumber(warm.meanMs, 2),
  ];
  console.log(
    table(header, [
      row('dashboard:get through station.dispatch (audited view)', result.cold.dashboardMs, result.warm.dashboard),
      row('baseline (select count(*) from registration)', result.cold.baselineMs, result.warm.baseline),
    ]),
  );
  console.log(`ratio of medians: ${formatNumber(result.warm.dashboard.medianMs / result.warm.baseline.medianMs, 2)}`);
  const browser = 'skipped' in result.browser ? null : result.browser;
  console.log(
    browser
      ? `Chromium, click on the tile to the figures on screen: first ${formatNumber(browser.firstMs, 0)} ms, median of five more ${formatNumber(browser.againMs, 0)} ms`
      : `Chromium: skipped (${'skipped' in result.browser ? result.browser.skipped : ''})`,
  );
  const round = (value: number) => Number(value.toFixed(2));
  console.log(
    JSON.stringify({
      bench: 'dashboard',
      registrations: result.registrations,
      visits: result.visits,
      fillSeconds: round(fill.seconds),
      coldMs: round(result.cold.dashboardMs),
      medianMs: round(result.warm.dashboard.medianMs),
      maxMs: round(result.warm.dashboard.maxMs),
      baselineColdMs: round(result.cold.baselineMs),
      baselineMedianMs: round(result.warm.baseline.medianMs),
      browserFirstMs: browser ? Math.round(browser.firstMs) : null,
      browserAgainMs: browser ? Math.round(browser.againMs) : null,
    }),
  );
}

function printReceipt(result: ReceiptBenchResult): void {
  const { oneTime } = result;
  console.log(
    `one-time: primary fonts loaded in ${formatNumber(oneTime.primaryLoadMs, 1)} ms, first receipt after that ` +
      `${formatNumber(oneTime.firstReceiptMs, 1)} ms; fallback collection loaded on the first rare character in ` +
      `${formatNumber(oneTime.fallbackLoadMs.regular, 1)} ms (regular), ${formatNumber(oneTime.fallbackLoadMs.bold, 1)} ms (bold)`,
  );
  const header = ['', 'median ms', 'p99 ms', 'mean ms', 'max ms', 'KB'];
  const row = (label: string, side: ReceiptBenchResult['receipt']) => [
    label,
    formatNumber(side.latency.medianMs, 2),
    formatNumber(side.latency.p99Ms, 2),
    formatNumber(side.latency.meanMs, 2),
    formatNumber(side.latency.maxMs, 1),
    formatNumber(side.bytes / 1024, 1),
  ];
  console.log('(target: an A4 receipt with Chinese text under 60 ms median and under 80 KB)');
  console.log(
    table(header, [
      row('receipt (Noto Sans SC subset, vector QR)', result.receipt),
      row('receipt, name with 𠮷 (+ Noto Sans CJK subset)', result.rareName),
      row('baseline (Helvetica, Latin text, no QR)', result.baseline),
    ]),
  );
  const ratio = (side: ReceiptBenchResult['receipt']) => formatNumber(side.latency.medianMs / result.baseline.latency.medianMs, 2);
  console.log(`ratio of medians: receipt ${ratio(result.receipt)}, rare name ${ratio(result.rareName)}`);
  const ms = (value: number) => Number(value.toFixed(2));
  console.log(
    JSON.stringify({
      bench: 'receipt',
      samples: result.receipt.latency.samples,
      receiptMedianMs: ms(result.receipt.latency.medianMs),
      receiptP99Ms: ms(result.receipt.latency.p99Ms),
      receiptBytes: result.receipt.bytes,
      rareNameMedianMs: ms(result.rareName.latency.medianMs),
      rareNameBytes: result.rareName.bytes,
      baselineMedianMs: ms(result.baseline.latency.medianMs),
      baselineBytes: result.baseline.bytes,
      primaryFontLoadMs: ms(oneTime.primaryLoadMs),
      firstReceiptMs: ms(oneTime.firstReceiptMs),
      fallbackLoadMs: { regular: ms(oneTime.fallbackLoadMs.regular), bold: ms(oneTime.fallbackLoadMs.bold) },
    }),
  );
}

function printRegistration(result: RegistrationBenchResult): void {
  const { fill } = result;
  console.log(`fill: ${fill.method}`);
  console.log(
    `fill time: ${formatNumber(fill.seconds, 1)} s (bulk ${formatNumber(fill.bulkPeople, 0)} people in ${formatNumber(fill.bulkSeconds, 1)} s, ` +
      `${formatNumber(fill.bulkPeople / fill.bulkSeconds, 0)} people/s; service ${formatNumber(fill.servicePeople, 0)} people in ` +
      `${formatNumber(fill.serviceSeconds, 1)} s); database ${formatNumber(fill.databaseMegabytes, 0)} MB; ` +
      `rows ${Object.entries(fill.rows).map(([table, count]) => `${table} ${formatNumber(count, 0)}`).join(', ')}`,
  );
  console.log(
    `reopening the filled station: ${formatNumber(fill.reopenSeconds, 2)} s; audit chain of ${formatNumber(fill.auditEntries, 0)} entries verified in ` +
      `${formatNumber(fill.auditVerifySeconds, 1)} s`,
  );
  const row = (label: string, figures: Latency) => [
    label,
    formatNumber(figures.medianMs, 3),
    formatNumber(figures.p99Ms, 3),
    formatNumber(figures.meanMs, 3),
    formatNumber(figures.maxMs, 1),
  ];
  const header = ['', 'median ms', 'p99 ms', 'mean ms', 'max ms'];
  const ratios = (measured: Latency, baseline: Latency) =>
    `median ${formatNumber(measured.medianMs / baseline.medianMs, 2)}, p99 ${formatNumber(measured.p99Ms / baseline.p99Ms, 2)}`;
  const { registration, lookup } = result;
  console.log('\nregistration of a new person (target: median under 5 ms)');
  console.log(
    table(header, [
      row('service (schema parse + RegistrationService.create)', registration.service),
      row('baseline (one bare insert, own transaction)', registration.baseline),
    ]),
  );
  console.log(`ratio: ${ratios(registration.service, registration.baseline)}`);
  console.log('\nlookup by document number (target: under 1 ms)');
  console.log(
    table(header, [
      row('service (PersonRegistry.findByDocument + open)', lookup.service),
      row('service (registration:search, audited)', lookup.search),
      row('baseline (indexed select)', lookup.baseline),
    ]),
  );
  console.log(`ratio, findByDocument: ${ratios(lookup.service, lookup.baseline)}; search: ${ratios(lookup.search, lookup.baseline)}`);
  const ms = (value: number) => Number(value.toFixed(3));
  console.log(
    JSON.stringify({
      bench: 'registration',
      people: result.people,
      fillSeconds: Number(fill.seconds.toFixed(1)),
      registrationMedianMs: ms(registration.service.medianMs),
      registrationP99Ms: ms(registration.service.p99Ms),
      bareInsertMedianMs: ms(registration.baseline.medianMs),
      bareInsertP99Ms: ms(registration.baseline.p99Ms),
      lookupMedianMs: ms(lookup.service.medianMs),
      lookupP99Ms: ms(lookup.service.p99Ms),
      searchMedianMs: ms(lookup.search.medianMs),
      searchP99Ms: ms(lookup.search.p99Ms),
      bareSelectMedianMs: ms(lookup.baseline.medianMs),
      bareSelectP99Ms: ms(lookup.baseline.p99Ms),
    }),
  );
}

/** The benchmarks BENCH_ONLY names, or all; an unknown id is an error rather than an empty run. */
function selected(ids: string[]): Set<string> {
  const raw = process.env.BENCH_ONLY?.trim();
  if (!raw) return new Set(ids);
  const wanted = raw.split(',').map((id) => id.trim()).filter(Boolean);
  const unknown = wanted.filter((id) => !ids.includes(id));
  if (unknown.length > 0) throw new Error(`BENCH_ONLY names unknown benchmarks: ${unknown.join(', ')} (known: ${ids.join(', ')})`);
  return new Set(wanted);
}

function positiveInteger(name: string, fallback: number): number {
  const raw = process.env[name]?.trim();
  if (!raw) return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 1) throw new Error(`${name} must be a positive integer, got "${raw}"`);
  return value;
}

function formatNumber(value: number, digits: number): string {
  return value.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });
}

function table(header: string[], rows: string[][]): string {
  const widths = header.map((cell, column) => Math.max(cell.length, ...rows.map((row) => row[column]!.length)));
  const line = (cells: string[]) =>
    cells.map((cell, column) => (column === 0 ? cell.padEnd(widths[column]!) : cell.padStart(widths[column]!))).join('  ');
  return [line(header), widths.map((width) => '-'.repeat(width)).join('  '), ...rows.map(line)].join('\n');
}

async function main(): Promise<void> {
  const options = {
    n: positiveInteger('BENCH_N', 2000),
    rounds: positiveInteger('BENCH_ROUNDS', 5),
    warmup: positiveInteger('BENCH_WARMUP', 200),
  };
  const only = selected([...benchmarks, ...latencyBenchmarks].map((benchmark) => benchmark.id));
  for (const benchmark of benchmarks) {
    if (!only.has(benchmark.id)) continue;
    console.log(
      `\n${benchmark.title}: ${options.n} per side per run, ${options.rounds} runs (sides interleaved in blocks), ${options.warmup} warm-up; medians`,
    );
    const result = await benchmark.run(options);
    const rows = [
      [benchmark.measured, result.measured],
      [benchmark.baseline, result.baseline],
    ] as const;
    console.log(
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
    console.log(`ratio: ${formatNumber(result.ratio, 2)} (${formatNumber((result.ratio - 1) * 100, 1)} % added)`);
    console.log(
      JSON.stringify({
        bench: benchmark.id,
        n: result.n,
        rounds: result.rounds,
        measuredUsPerOp: Number(result.measured.usPerOp.toFixed(2)),
        baselineUsPerOp: Number(result.baseline.usPerOp.toFixed(2)),
        ratio: Number(result.ratio.toFixed(3)),
      }),
    );
  }
  for (const benchmark of latencyBenchmarks) {
    if (only.has(benchmark.id)) await benchmark.run(options);
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
