import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { benchmarks, type Benchmark } from '../../bench/benchmarks';
import { benchHubConsole } from '../../bench/hub-console';

const benchEntry = fileURLToPath(new URL('../../bench/run.ts', import.meta.url));

/**
 * Every benchmark of `npm run bench` (the list in bench/benchmarks.ts, so a new one is covered without
 * touching this file) runs here at its smoke sizes, through the very code of the real run: a benchmark
 * that no longer matches the schema or the services fails `npm test` instead of rotting until someone
 * runs it. Nothing is timed: a run must go through, do as many operations as it was asked, and report
 * figures that are numbers.
 */

function smokeSizes(benchmark: Benchmark): Record<string, number> {
  return Object.fromEntries(Object.entries(benchmark.sizes).map(([name, setting]) => [name, setting.smoke]));
}

/** Paths of the figures that are not finite, non-negative numbers (null stands for a part that was skipped). */
function unsaneFigures(value: unknown, path = ''): string[] {
  if (value === null) return [];
  if (typeof value === 'number') return Number.isFinite(value) && value >= 0 ? [] : [`${path}: ${value}`];
  if (Array.isArray(value)) return value.flatMap((item, index) => unsaneFigures(item, `${path}[${index}]`));
  if (typeof value === 'object') return Object.entries(value).flatMap(([key, item]) => unsaneFigures(item, path ? `${path}.${key}` : key));
  return [`${path}: ${typeof value}`];
}

describe('benchmarks at smoke sizes', () => {
  it('lists each benchmark once, every size with an environment variable of its own per meaning', () => {
    const ids = benchmarks.map((benchmark) => benchmark.id);
    expect(new Set(ids).size).toBe(ids.length);
    const settingsByEnv = new Map<string, string>();
    for (const benchmark of benchmarks) {
      for (const setting of Object.values(benchmark.sizes)) {
        expect(Number.isInteger(setting.smoke) && setting.smoke >= 1, setting.env).toBe(true);
        expect(setting.smoke, setting.env).toBeLessThanOrEqual(setting.fallback);
        const seen = settingsByEnv.get(setting.env);
        const described = JSON.stringify(setting);
        if (seen !== undefined) expect(described, `${setting.env} means one thing everywhere`).toBe(seen);
        settingsByEnv.set(setting.env, described);
      }
    }
  });

  for (const benchmark of benchmarks) {
    it(`${benchmark.id}: runs through, does what it was asked and reports figures`, async () => {
      const printed: string[] = [];
      const report = await benchmark.run(smokeSizes(benchmark), { print: (line) => printed.push(line), progress: () => undefined });
      expect(report.counts.length).toBeGreaterThan(0);
      for (const count of report.counts) expect(count.done, count.what).toBe(count.asked);
      expect(Object.keys(report.figures).length).toBeGreaterThan(0);
      expect(unsaneFigures(report.figures)).toEqual([]);
      expect(printed.join('\n')).not.toMatch(/NaN|Infinity|undefined/);
    }, 180_000);
  }

  it('hub-console: the comparison with the schema before migrations 0009 and 0010 (BENCH_CONSOLE_BEFORE_INDEXES=1) runs through too', async () => {
    const result = await benchHubConsole({ registrations: 40, visits: 40, calls: 1, engines: ['sqlite'], compareBeforeIndexes: true });
    const [sqlite] = result.engines;
    expect(sqlite?.withoutFiguresIndexes.length).toBeGreaterThan(0);
    expect(sqlite?.reads.length).toBe(8);
  }, 120_000);

  it('npm run bench: BENCH_ONLY and the size variables reach the benchmark, whose figures come out as a JSON line', async () => {
    const { stdout } = await promisify(execFile)(process.execPath, ['--import', 'tsx', benchEntry], {
      env: { ...process.env, BENCH_ONLY: 'field-encryption', BENCH_N: '7', BENCH_ROUNDS: '2', BENCH_WARMUP: '1' },
      encoding: 'utf8',
    });
    const line = stdout.split('\n').find((text) => text.startsWith('{"bench":'));
    expect(JSON.parse(line ?? 'null')).toMatchObject({ bench: 'field-encryption', n: 7, rounds: 2 });
    expect(stdout).toMatch(/1 benchmark in [\d.]+ min/);
  }, 120_000);
});
