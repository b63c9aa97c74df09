import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  DEFAULT_COOLING_OFF_DAYS,
  canAmend,
  canMoveStemCell,
  canRealise,
  canWithdraw,
  isRegistrationState,
  isStemCellStatus,
  nextStemCellStatuses,
  registrationStates,
  stemCellStatuses,
  withdrawalStopsTyping,
  type StemCellStatus,
} from '../../shared/domain/lifecycle';

describe('registration states', () => {
  it('allow withdrawal, amendment and realisation only while active', () => {
    expect(registrationStates).toEqual(['active', 'withdrawn', 'realised']);
    expect(registrationStates.filter(canWithdraw)).toEqual(['active']);
    expect(registrationStates.filter(canAmend)).toEqual(['active']);
    expect(registrationStates.filter(canRealise)).toEqual(['active']);
  });

  it('recognise their values', () => {
    expect(isRegistrationState('withdrawn')).toBe(true);
    expect(isRegistrationState('amended')).toBe(false);
    expect(isRegistrationState(null)).toBe(false);
  });
});

describe('stem-cell statuses', () => {
  it('move forward one step at a time, or to withdrawn', () => {
    expect(nextStemCellStatuses('signed_up')).toEqual(['sample_taken', 'withdrawn']);
    expect(nextStemCellStatuses('sample_taken')).toEqual(['typed', 'withdrawn']);
    expect(nextStemCellStatuses('typed')).toEqual(['in_registry', 'withdrawn']);
    expect(nextStemCellStatuses('in_registry')).toEqual(['withdrawn']);
    expect(nextStemCellStatuses('withdrawn')).toEqual([]);
    expect(nextStemCellStatuses('lost' as StemCellStatus)).toEqual([]);
  });

  it('never skip a step, go back or leave withdrawn', () => {
    expect(canMoveStemCell('signed_up', 'typed')).toBe(false);
    expect(canMoveStemCell('typed', 'sample_taken')).toBe(false);
    expect(canMoveStemCell('withdrawn', 'signed_up')).toBe(false);
    expect(canMoveStemCell('in_registry', 'withdrawn')).toBe(true);
    for (const status of stemCellStatuses) {
      expect(canMoveStemCell(status, status), status).toBe(false);
      expect(canMoveStemCell(status, 'withdrawn'), status).toBe(status !== 'withdrawn');
      expect(isStemCellStatus(status)).toBe(true);
    }
  });

  it('reach the registry from sign-up along exactly one path', () => {
    const path: StemCellStatus[] = ['signed_up'];
    for (;;) {
      const forward = nextStemCellStatuses(path.at(-1) ?? 'withdrawn').filter((status) => status !== 'withdrawn');
      if (forward.length === 0) break;
      expect(forward).toHaveLength(1);
      path.push(forward[0] ?? 'withdrawn');
    }
    expect(path).toEqual(['signed_up', 'sample_taken', 'typed', 'in_registry']);
  });
});

describe('cooling-off period', () => {
  it('lasts 7 calendar days after the day of sign-up by default', () => {
    expect(DEFAULT_COOLING_OFF_DAYS).toBe(7);
    expect(withdrawalStopsTyping('2026-03-03', '2026-03-03')).toBe(true);
    expect(withdrawalStopsTyping('2026-03-03', '2026-03-10')).toBe(true);
    expect(withdrawalStopsTyping('2026-03-03', '2026-03-11')).toBe(false);
    expect(withdrawalStopsTyping('2025-12-28', '2026-01-04')).toBe(true);
    expect(withdrawalStopsTyping('2025-12-28', '2026-01-05')).toBe(false);
  });

  it('counts calendar days in Beijing time, not hours', () => {
    // Signed up at 23:50 on 3 March Beijing time; withdrawn at 00:10 on 11 March Beijing time.
    const signedUp = new Date('2026-03-03T15:50:00Z');
    expect(withdrawalStopsTyping(signedUp, new Date('2026-03-10T15:59:59Z'))).toBe(true);
    expect(withdrawalStopsTyping(signedUp, new Date('2026-03-10T16:10:00Z'))).toBe(false);
  });

  it('follows the configured length; 0 means no cooling-off period', () => {
    expect(withdrawalStopsTyping('2026-03-03', '2026-03-17', 14)).toBe(true);
    expect(withdrawalStopsTyping('2026-03-03', '2026-03-18', 14)).toBe(false);
    expect(withdrawalStopsTyping('2026-03-03', '2026-03-03', 0)).toBe(false);
    expect(() => withdrawalStopsTyping('2026-03-03', '2026-03-04', -1)).toThrow(RangeError);
    expect(() => withdrawalStopsTyping('2026-03-03', '2026-03-04', 1.5)).toThrow(RangeError);
    expect(() => withdrawalStopsTyping('2026-02-30', '2026-03-04')).toThrow(RangeError);
  });

  it('treats a withdrawal dated before the sign-up as within the period', () => {
    expect(withdrawalStopsTyping('2026-03-03', '2026-03-01')).toBe(true);
  });

  it('stops typing exactly for withdrawals within the period', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 60 }), fc.integer({ min: 1, max: 30 }), (after, days) => {
        const withdrawn = new Date(Date.UTC(2026, 1, 20 + after)).toISOString().slice(0, 10);
        expect(withdrawalStopsTyping('2026-02-20', withdrawn, days)).toBe(after <= days);
      }),
    );
  });
});
