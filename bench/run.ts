/**
 * Benchmarks, run with `npm run bench`. Figures only, never a pass/fail: timings depend on the machine,
 * so each benchmark reports a ratio against a baseline measured in the same run.
 *
 * Environment: BENCH_N operations per side per run (default 2000), BENCH_ROUNDS measured runs
 * (default 5), BENCH_WARMUP unmeasured operations per side first (default 200).
 */
import type { Comparison, CompareOptions } from './compare';
import { benchFieldEncryption } from './field-encryption';
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
  for (const benchmark of benchmarks) {
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
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
