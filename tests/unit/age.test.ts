import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addCalendarDays, ageOn, isCalendarDate, stationDate, toCalendarDate } from '../../shared/domain/age';

describe('calendar dates', () => {
  it('accept only real YYYY-MM-DD dates', () => {
    for (const date of ['2024-02-29', '2000-02-29', '2026-12-31', '1900-01-01']) expect(isCalendarDate(date), date).toBe(true);
    for (const date of ['2023-02-29', '1900-02-29', '2026-13-01', '2026-04-31', '2026-1-1', '20260101', ' 2026-01-01', '', null, 20260101]) {
      expect(isCalendarDate(date), String(date)).toBe(false);
    }
  });

  it('read a moment as its date in Beijing time, whatever the host time zone', () => {
    expect(stationDate(new Date('2026-03-01T15:59:59Z'))).toBe('2026-03-01');
    expect(stationDate(new Date('2026-03-01T16:00:00Z'))).toBe('2026-03-02');
    expect(stationDate(new Date('2025-12-31T16:00:00Z'))).toBe('2026-01-01');
    expect(stationDate(new Date('2026-01-01T00:00:00+08:00'))).toBe('2026-01-01');
    expect(() => stationDate(new Date(Number.NaN))).toThrow(RangeError);
  });

  it('take a string date as written and refuse a malformed one', () => {
    expect(toCalendarDate('2024-02-29')).toBe('2024-02-29');
    expect(() => toCalendarDate('2023-02-29')).toThrow(RangeError);
  });

  it('add days across months, years and leap days', () => {
    expect(addCalendarDays('2026-03-03', 7)).toBe('2026-03-10');
    expect(addCalendarDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(addCalendarDays('2023-02-28', 1)).toBe('2023-03-01');
    expect(addCalendarDays('2025-12-28', 7)).toBe('2026-01-04');
    expect(addCalendarDays('2026-01-01', -1)).toBe('2025-12-31');
    expect(() => addCalendarDays('2026-01-01', 1.5)).toThrow(RangeError);
  });
});

describe('age', () => {
  it('counts whole years, the birthday itself counting', () => {
    expect(ageOn('2008-06-15', '2026-06-14')).toBe(17);
    expect(ageOn('2008-06-15', '2026-06-15')).toBe(18);
    expect(ageOn('2008-06-15', '2026-06-16')).toBe(18);
    expect(ageOn('2008-12-31', '2027-01-01')).toBe(18);
    expect(ageOn('2000-01-01', '2000-01-01')).toBe(0);
    expect(ageOn('2000-06-01', '2000-01-01')).toBe(-1);
  });

  it('turns a person born on 29 February a year older on 1 March in common years', () => {
    expect(ageOn('2008-02-29', '2026-02-28')).toBe(17);
    expect(ageOn('2008-02-29', '2026-03-01')).toBe(18);
    expect(ageOn('2008-02-29', '2028-02-28')).toBe(19);
    expect(ageOn('2008-02-29', '2028-02-29')).toBe(20);
  });

  it('reads a Date as its Beijing calendar date', () => {
    // 16:30 UTC on 14 June is 00:30 on 15 June in Beijing: the birthday has come.
    expect(ageOn('2008-06-15', new Date('2026-06-14T16:30:00Z'))).toBe(18);
    expect(ageOn('2008-06-15', new Date('2026-06-14T15:30:00Z'))).toBe(17);
  });

  it('refuses malformed dates', () => {
    expect(() => ageOn('2008-02-30', '2026-01-01')).toThrow(RangeError);
    expect(() => ageOn('2008-02-01', 'today')).toThrow(RangeError);
  });

  const dates = fc
    .date({ min: new Date('1900-01-01T00:00:00Z'), max: new Date('2100-12-31T00:00:00Z'), noInvalidDate: true })
    .map((date) => date.toISOString().slice(0, 10));

  it('agrees with counting birthdays one year at a time', () => {
    fc.assert(
      fc.property(dates, dates, (birth, on) => {
        fc.pre(birth <= on);
        let age = 0;
        const [birthYear, birthMonthDay] = [Number(birth.slice(0, 4)), birth.slice(5)];
        for (let year = birthYear + 1; year <= Number(on.slice(0, 4)); year += 1) {
          // The birthday in a year: the same month and day, or 1 March for 29 February in a common year.
          const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
          const birthday = `${year}-${birthMonthDay === '02-29' && !leap ? '03-01' : birthMonthDay}`;
          if (birthday <= on) age += 1;
        }
        expect(ageOn(birth, on)).toBe(age);
      }),
      { numRuns: 1000 },
    );
  });

  it('never decreases as the day moves on', () => {
    fc.assert(
      fc.property(dates, dates, fc.integer({ min: 0, max: 800 }), (birth, on, days) => {
        expect(ageOn(birth, addCalendarDays(on, days))).toBeGreaterThanOrEqual(ageOn(birth, on));
      }),
    );
  });
});
