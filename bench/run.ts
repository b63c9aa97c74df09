/**
 * Benchmarks, run with `npm run bench`. Figures only, never a pass/fail: timings depend on the machine.
 *
 * Environment: BENCH_N sign-ins per side per run (default 2000), BENCH_ROUNDS measured runs (default 5),
 * BENCH_WARMUP unmeasured sign-ins per side first (default 200).
 */
import { benchVisitorSignIn } from './visitor-sign-in';

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
  const n = positiveInteger('BENCH_N', 2000);
  const rounds = positiveInteger('BENCH_ROUNDS', 5);
  const warmup = positiveInteger('BENCH_WARMUP', 200);

  console.log(
    `visitor sign-in: ${n} per side per run, ${rounds} runs (sides interleaved in blocks), ${warmup} warm-up; medians`,
  );
  const result = await benchVisitorSignIn({ n, rounds, warmup });

  const rows = [
    ['service (dispatch visitor:signIn)', result.service],
    ['baseline (better-sqlite3 inserts)', result.baseline],
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
  console.log(`ratio service/baseline: ${formatNumber(result.ratio, 2)}`);
  console.log(
    JSON.stringify({
      bench: 'visitor-sign-in',
      n: result.n,
      rounds: result.rounds,
      serviceUsPerOp: Number(result.service.usPerOp.toFixed(2)),
      baselineUsPerOp: Number(result.baseline.usPerOp.toFixed(2)),
      ratio: Number(result.ratio.toFixed(3)),
    }),
  );
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
