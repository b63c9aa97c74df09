import { describe, expect, it } from 'vitest';
import {
  isValidPeriod,
  monthsOf,
  periodDays,
  periodYears,
  previousYear,
  reachAgainstTarget,
  satisfactionAgainstTarget,
  yearToDate,
} from '../../shared/domain/figures';

describe('periods', () => {
  it('count both ends, and weigh each calendar year by its own length', () => {
    expect(periodDays('2026-01-01', '2026-01-01')).toBe(1);
    expect(periodDays('2026-01-01', '2026-12-31')).toBe(365);
    expect(periodDays('2024-01-01', '2024-12-31')).toBe(366);
    expect(periodYears('2026-01-01', '2026-12-31')).toBe(1);
    // A leap year is one year too, not 366/365 of one.
    expect(periodYears('2024-01-01', '2024-12-31')).toBe(1);
    expect(periodYears('2026-01-01', '2026-02-28')).toBeCloseTo(59 / 365, 15);
    // Across a new year: 31 days of 2025 and 31 of 2024 (a leap year).
    expect(periodYears('2024-12-01', '2025-01-31')).toBeCloseTo(31 / 366 + 31 / 365, 15);
    expect(periodYears('2023-01-01', '2025-12-31')).toBeCloseTo(3, 12);
  });

  it('list every month a period touches, across years', () => {
    expect(monthsOf('2026-01-31', '2026-03-01')).toEqual(['2026-01', '2026-02', '2026-03']);
    expect(monthsOf('2025-11-15', '2026-02-10')).toEqual(['2025-11', '2025-12', '2026-01', '2026-02']);
    expect(monthsOf('2026-05-05', '2026-05-05')).toEqual(['2026-05']);
  });

  it('accept real dates in order, at most ten years apart', () => {
    expect(isValidPeriod('2026-01-01', '2026-12-31')).toBe(true);
    expect(isValidPeriod('2026-01-02', '2026-01-01')).toBe(false);
    expect(isValidPeriod('2025-02-29', '2025-03-01')).toBe(false);
    expect(isValidPeriod('2016-01-01', '2025-12-31')).toBe(true);
    expect(isValidPeriod('2016-01-01', '2026-01-02')).toBe(false);
  });

  it('offer this year so far and last year', () => {
    expect(yearToDate('2026-11-23')).toEqual({ from: '2026-01-01', to: '2026-11-23' });
    expect(previousYear('2026-01-01')).toEqual({ from: '2025-01-01', to: '2025-12-31' });
  });
});

describe('reach against the target', () => {
  const year2026 = { from: '2026-01-01', to: '2026-12-31' } as const;

  it('is unknown without a population, whatever the reach', () => {
    expect(reachAgainstTarget({ reach: 5000, localPopulation: null, reachTargetPercent: 1.5, ...year2026 })).toEqual({
      reach: 5000,
      localPopulation: null,
      yearlyTargetShare: 0.015,
      periodTargetShare: 0.015,
      targetPeople: null,
      share: null,
      status: 'unknown',
    });
    expect(reachAgainstTarget({ reach: 5000, localPopulation: 0, reachTargetPercent: 1.5, ...year2026 }).status).toBe('unknown');
  });

  it('needs 1.5 % of the population in a year: met exactly at the target, not one person short', () => {
    // 1 000 000 × 0.015 is 15000.000000000002 in floating point: still 15 000 people.
    const exact = reachAgainstTarget({ reach: 15_000, localPopulation: 1_000_000, reachTargetPercent: 1.5, ...year2026 });
    expect(exact).toMatchObject({ targetPeople: 15_000, share: 0.015, status: 'met' });
    expect(reachAgainstTarget({ reach: 14_999, localPopulation: 1_000_000, reachTargetPercent: 1.5, ...year2026 })).toMatchObject({ status: 'not_met' });
  });

  it('scales the yearly target to the period and rounds the people up', () => {
    // A quarter: 90 of 365 days of 1 % of 36 500 is 90 people.
    const quarter = reachAgainstTarget({ reach: 90, localPopulation: 36_500, reachTargetPercent: 1, from: '2026-01-01', to: '2026-03-31' });
    expect(quarter).toMatchObject({ targetPeople: 90, status: 'met' });
    expect(quarter.periodTargetShare).toBeCloseTo(0.01 * (90 / 365), 15);
    // 59 days of 1.5 % of 20 000 is 48.49…: 49 people.
    expect(reachAgainstTarget({ reach: 48, localPopulation: 20_000, reachTargetPercent: 1.5, from: '2026-01-01', to: '2026-02-28' })).toMatchObject({
      targetPeople: 49,
      status: 'not_met',
    });
  });

  it('counts no reach against a population as 0 %, not met', () => {
    expect(reachAgainstTarget({ reach: 0, localPopulation: 500_000, reachTargetPercent: 1.5, ...year2026 })).toMatchObject({ share: 0, status: 'not_met' });
  });
});

describe('satisfaction against the target', () => {
  it('is unknown while nobody answered', () => {
    expect(satisfactionAgainstTarget([0, 0, 0, 0, 0])).toEqual({
      responses: 0,
      satisfied: 0,
      mean: null,
      share: null,
      targetShare: 0.95,
      status: 'unknown',
      byScore: [0, 0, 0, 0, 0],
    });
    expect(satisfactionAgainstTarget([]).status).toBe('unknown');
  });

  it('counts the answers of 4 and 5, and meets 95 % exactly at 19 of 20', () => {
    const exact = satisfactionAgainstTarget([1, 0, 0, 9, 10]);
    expect(exact).toMatchObject({ responses: 20, satisfied: 19, share: 0.95, status: 'met' });
    expect(exact.mean).toBeCloseTo((1 + 36 + 50) / 20, 12);
    expect(satisfactionAgainstTarget([0, 0, 2, 18, 18])).toMatchObject({ responses: 38, satisfied: 36, status: 'not_met' });
    expect(satisfactionAgainstTarget([0, 0, 0, 0, 3])).toMatchObject({ share: 1, mean: 5, status: 'met' });
    // A 3 is neither satisfied nor counted out: it is an answer that is not 4 or 5.
    expect(satisfactionAgainstTarget([0, 0, 1, 0, 0])).toMatchObject({ responses: 1, satisfied: 0, share: 0, status: 'not_met' });
  });

  it('takes a different target when given one', () => {
    expect(satisfactionAgainstTarget([0, 1, 0, 0, 4], 0.8)).toMatchObject({ share: 0.8, targetShare: 0.8, status: 'met' });
  });
});
