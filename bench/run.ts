/**
 * Benchmarks, run with `npm run bench`. Figures only, never a pass/fail: timings depend on the machine,
 * so each benchmark reports a ratio against a baseline measured in the same run. The benchmarks and
 * their sizes are listed in bench/benchmarks.ts; the defaults make the whole run end within half an
 * hour on a two-core machine.
 *
 * Environment: BENCH_ONLY a comma-separated list of benchmark ids to run (default all); the sizes, each
 * a positive integer: BENCH_N operations per side per run (default 2000), BENCH_ROUNDS measured runs
 * (default 5), BENCH_WARMUP unmeasured operations per side first (default 200; the receipt benchmark
 * caps it at 20), BENCH_SIGN_INS the kiosk sign-ins per side of the sustained sign-in benchmark
 * (default 10 000), BENCH_MEMORIAL_NAMES the names on the memorial list the name-search benchmark
 * searches (default 100 000), BENCH_PEOPLE the people stored before the registration benchmark measures
 * (default 200 000), BENCH_SYNC_RECORDS the outbox rows the sync-export benchmark writes into batches
 * (default 200 000, and a tenth of them in a second run; BENCH_SYNC_CPU_PROF=DIR writes a CPU profile
 * of each side there), BENCH_DASHBOARD_REGISTRATIONS and BENCH_DASHBOARD_VISITS the rows stored before
 * the dashboard benchmark (default 1 000 000 each), BENCH_DASHBOARD_CALLS its timed calls per side
 * (default 20), BENCH_RECEIPTS the receipts timed per side by the receipt benchmark (default 200),
 * BENCH_HUB_VERSIONS the record versions the hub-ingest benchmark takes per engine (default 200 000) from
 * BENCH_HUB_STATIONS stations (default 50), BENCH_CONSOLE_REGISTRATIONS and BENCH_CONSOLE_VISITS the rows the
 * hub-console benchmark writes into the hub's tables (default 200 000 each) and BENCH_CONSOLE_CALLS its timed
 * calls per read (default 5), BENCH_EXPORT_REGISTRATIONS the sealed registrations the hub-exports benchmark
 * exports, streaming and held in memory (default 200 000).
 */
import { benchmarks, type Benchmark } from './benchmarks';
import { formatNumber } from './report';

/** The benchmarks BENCH_ONLY names, or all; an unknown id is an error rather than an empty run. */
function selected(all: Benchmark[]): Benchmark[] {
  const raw = process.env.BENCH_ONLY?.trim();
  if (!raw) return all;
  const ids = all.map((benchmark) => benchmark.id);
  const wanted = raw.split(',').map((id) => id.trim()).filter(Boolean);
  const unknown = wanted.filter((id) => !ids.includes(id));
  if (unknown.length > 0) throw new Error(`BENCH_ONLY names unknown benchmarks: ${unknown.join(', ')} (known: ${ids.join(', ')})`);
  return all.filter((benchmark) => wanted.includes(benchmark.id));
}

function positiveInteger(name: string, fallback: number): number {
  const raw = process.env[name]?.trim();
  if (!raw) return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 1) throw new Error(`${name} must be a positive integer, got "${raw}"`);
  return value;
}

/** A benchmark's sizes from the environment, or its defaults. */
function sizesOf(benchmark: Benchmark): Record<string, number> {
  return Object.fromEntries(Object.entries(benchmark.sizes).map(([name, setting]) => [name, positiveInteger(setting.env, setting.fallback)]));
}

async function main(): Promise<void> {
  const chosen = selected(benchmarks);
  // Read every size before the first benchmark starts, so that a mistyped one fails at once.
  const sizes = new Map(chosen.map((benchmark) => [benchmark.id, sizesOf(benchmark)]));
  const output = { print: (line: string) => console.log(line), progress: (line: string) => console.error(line) };
  const started = process.hrtime.bigint();
  for (const benchmark of chosen) {
    const benchmarkStarted = process.hrtime.bigint();
    const cpu = process.cpuUsage();
    const report = await benchmark.run(sizes.get(benchmark.id)!, output);
    const seconds = Number(process.hrtime.bigint() - benchmarkStarted) / 1e9;
    // Processor time of this process (not of the processes a benchmark starts): on a busy machine it
    // tells how much of the wall time was spent waiting for a turn.
    const used = process.cpuUsage(cpu);
    const cpuSeconds = (used.user + used.system) / 1e6;
    console.log(JSON.stringify({ bench: benchmark.id, ...report.figures, wallSeconds: Number(seconds.toFixed(1)), cpuSeconds: Number(cpuSeconds.toFixed(1)) }));
  }
  const total = Number(process.hrtime.bigint() - started) / 1e9;
  console.log(`\n${chosen.length} benchmark${chosen.length === 1 ? '' : 's'} in ${formatNumber(total / 60, 1)} min`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
