/**
 * Measures one way of doing a thing against a baseline in the same run: both sides alternate in small
 * blocks (the side that starts alternates too) so they meet the same disk and CPU weather, and the
 * median over several runs is reported. Figures only: a benchmark never passes or fails.
 */

export interface Side {
  /** Does `count` operations; resolves once all are committed. */
  run(count: number): Promise<void>;
}

export interface CompareOptions {
  /** Operations per side per measured run. */
  n: number;
  /** Measured runs. */
  rounds: number;
  /** Unmeasured operations on each side before the first run. */
  warmup: number;
}

export interface SideFigures {
  /** Median over the runs, microseconds per operation. */
  usPerOp: number;
  opsPerSecond: number;
  /** Every run's figure, microseconds per operation, in run order. */
  roundsUsPerOp: number[];
}

export interface Comparison {
  n: number;
  rounds: number;
  warmup: number;
  measured: SideFigures;
  baseline: SideFigures;
  /** measured / baseline time per operation. */
  ratio: number;
}

/** A comparison of two ways of writing, with the rows each side's database holds afterwards (warm-up included). */
export interface WriteComparison extends Comparison {
  written: { measured: number; baseline: number };
}

/** Operations per block. */
const BLOCK = 50;

async function timeInterleavedRun(first: Side, second: Side, n: number): Promise<[number, number]> {
  let firstNs = 0n;
  let secondNs = 0n;
  for (let done = 0; done < n; done += BLOCK) {
    const count = Math.min(BLOCK, n - done);
    const firstGoesFirst = (done / BLOCK) % 2 === 0;
    for (const which of firstGoesFirst ? [0, 1] : [1, 0]) {
      const started = process.hrtime.bigint();
      await (which === 0 ? first : second).run(count);
      const elapsed = process.hrtime.bigint() - started;
      if (which === 0) firstNs += elapsed;
      else secondNs += elapsed;
    }
  }
  return [Number(firstNs) / 1000 / n, Number(secondNs) / 1000 / n];
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

function figures(roundsUsPerOp: number[]): SideFigures {
  const usPerOp = median(roundsUsPerOp);
  return { usPerOp, opsPerSecond: 1_000_000 / usPerOp, roundsUsPerOp };
}

export async function compareSides(measured: Side, baseline: Side, options: CompareOptions): Promise<Comparison> {
  await measured.run(options.warmup);
  await baseline.run(options.warmup);
  const measuredRounds: number[] = [];
  const baselineRounds: number[] = [];
  for (let round = 0; round < options.rounds; round += 1) {
    if (round % 2 === 0) {
      const [m, b] = await timeInterleavedRun(measured, baseline, options.n);
      measuredRounds.push(m);
      baselineRounds.push(b);
    } else {
      const [b, m] = await timeInterleavedRun(baseline, measured, options.n);
      baselineRounds.push(b);
      measuredRounds.push(m);
    }
  }
  const measuredFigures = figures(measuredRounds);
  const baselineFigures = figures(baselineRounds);
  return {
    n: options.n,
    rounds: options.rounds,
    warmup: options.warmup,
    measured: measuredFigures,
    baseline: baselineFigures,
    ratio: measuredFigures.usPerOp / baselineFigures.usPerOp,
  };
}
