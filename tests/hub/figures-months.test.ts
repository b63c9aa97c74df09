import { sql } from 'kysely';
import { expect, it } from 'vitest';
import { monthOfMoment } from '../../hub/figures/months';
import { momentRange, type FiguresPeriod } from '../../hub/figures/period';
import { describeOnBothEngines } from './support/both-engines';

describeOnBothEngines('hub figures: the month of a stored moment, in China Standard Time, by comparisons', (open, engine) => {
  /** The month the figures put a moment in, over a period, as the engine reads the stored moment. */
  async function monthOf(moment: string, period: FiguresPeriod): Promise<string> {
    const hub = await open();
    const stored = engine === 'postgres' ? sql`cast(${moment} as timestamptz)` : sql`${moment}`;
    const { rows } = await sql<{ month: string }>`select ${monthOfMoment('t.moment', momentRange(period))} as month from (select ${stored} as moment) as t`.execute(hub.db);
    return rows[0]?.month ?? '';
  }

  it('puts a moment in its local month: midnight in Beijing starts the month, eight hours before midnight UTC', async () => {
    const year = { from: '2026-01-01', to: '2026-12-31' };
    expect(await monthOf('2025-12-31T16:00:00.000Z', year)).toBe('2026-01');
    expect(await monthOf('2026-01-31T15:59:59.999Z', year)).toBe('2026-01');
    expect(await monthOf('2026-01-31T16:00:00.000Z', year)).toBe('2026-02');
    expect(await monthOf('2026-06-30T16:00:00.000Z', year)).toBe('2026-07');
    expect(await monthOf('2026-11-30T15:59:59.999Z', year)).toBe('2026-11');
    expect(await monthOf('2026-12-31T15:59:59.999Z', year)).toBe('2026-12');
  });

  it('covers a period across a new year, a period of one month and a single leap day', async () => {
    const acrossNewYear = { from: '2025-11-15', to: '2027-01-10' };
    expect(await monthOf('2025-11-14T16:00:00.000Z', acrossNewYear)).toBe('2025-11');
    expect(await monthOf('2025-12-31T16:00:00.000Z', acrossNewYear)).toBe('2026-01');
    expect(await monthOf('2026-12-31T16:00:00.000Z', acrossNewYear)).toBe('2027-01');
    expect(await monthOf('2026-03-15T03:00:00.000Z', { from: '2026-03-01', to: '2026-03-31' })).toBe('2026-03');
    expect(await monthOf('2024-02-28T16:00:00.000Z', { from: '2024-02-29', to: '2024-02-29' })).toBe('2024-02');
  });
});
