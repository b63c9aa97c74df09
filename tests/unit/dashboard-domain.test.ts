import { describe, expect, it } from 'vitest';
import { consentShareAgainstTarget, dashboardPeriod, growthAgainstTarget } from '../../shared/domain/dashboard';

describe('dashboard period', () => {
  it('is this year up to today against the same days of last year, and a whole past year against the one before', () => {
    expect(dashboardPeriod(2026, '2026-06-30')).toEqual({ year: 2026, from: '2026-01-01', to: '2026-06-30', previous: { from: '2025-01-01', to: '2025-06-30' } });
    expect(dashboardPeriod(2024, '2026-06-30')).toEqual({ year: 2024, from: '2024-01-01', to: '2024-12-31', previous: { from: '2023-01-01', to: '2023-12-31' } });
  });

  it('cuts the year before at 28 February when today is 29 February, and refuses a year still to come', () => {
    expect(dashboardPeriod(2028, '2028-02-29')?.previous).toEqual({ from: '2027-01-01', to: '2027-02-28' });
    expect(dashboardPeriod(2027, '2026-12-31')).toBeNull();
  });
});

describe('targets', () => {
  it('meet +10 % growth only above 110 % of the year before, and cannot judge without a year before', () => {
    expect(growthAgainstTarget(111, 100)).toMatchObject({ growth: 0.11, status: 'met' });
    expect(growthAgainstTarget(110, 100)).toMatchObject({ growth: 0.1, status: 'not_met' });
    expect(growthAgainstTarget(80, 100)).toMatchObject({ growth: -0.2, status: 'not_met' });
    expect(growthAgainstTarget(5, 0)).toEqual({ current: 5, previous: 0, growth: null, target: 0.1, status: 'unknown' });
  });

  it('meet the 85 % re-contact consent at 17 of 20, not at 16, and cannot judge without volunteers', () => {
    expect(consentShareAgainstTarget(17, 20)).toMatchObject({ share: 0.85, status: 'met' });
    expect(consentShareAgainstTarget(16, 20)).toMatchObject({ share: 0.8, status: 'not_met' });
    expect(consentShareAgainstTarget(0, 0)).toEqual({ consenting: 0, volunteers: 0, share: null, targetShare: 0.85, status: 'unknown' });
  });
});
