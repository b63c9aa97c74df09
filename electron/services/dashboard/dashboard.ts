import type { CallOutput, ParsedInput } from '../../../shared/contract/calls';
import { stationDate } from '../../../shared/domain/age';
import {
  consentShareAgainstTarget,
  dashboardPeriod,
  DASHBOARD_YEARS_SHOWN,
  growthAgainstTarget,
  type DashboardPeriod,
} from '../../../shared/domain/dashboard';
import { monthsOf } from '../../../shared/domain/figures';
import { stemCellStatuses } from '../../../shared/domain/lifecycle';
import { programs } from '../../../shared/domain/programs';
import { heardFromKinds } from '../../../shared/domain/registration';
import { heardFromKeys } from '../../../shared/validation/dashboard';
import type { Executor } from '../../db/repositories/executor';
import {
  registrationCounts,
  registrationCountsByYear,
  registrationsByHeardFrom,
  registrationsBySession,
  stemCellCounts,
  type RegistrationCount,
} from '../../db/repositories/dashboard';
import type { Actor } from '../kernel/audit';
import { AppError } from '../kernel/errors';
import type { FiguresService } from '../figures/figures';
import type { StationContext } from '../kernel/context';

type Dashboard = CallOutput<'dashboard:get'>;
type Tally = { registered: number; withdrawn: number; realised: number };

function emptyTally(): Tally {
  return { registered: 0, withdrawn: 0, realised: 0 };
}

/** Adds a tally row to its event's count (an event the dashboard does not know is left out). */
function add(tally: Tally, event: string, count: number): void {
  if (event === 'registered' || event === 'withdrawn' || event === 'realised') tally[event] += count;
}

function tallyOf(rows: readonly RegistrationCount[], keep: (row: RegistrationCount) => boolean = () => true): Tally {
  const tally = emptyTally();
  for (const row of rows) if (keep(row)) add(tally, row.event, row.count);
  return tally;
}

/** `2026-03` → `2025-03`: the same month of the year before. */
function monthBefore(month: string): string {
  return `${String(Number(month.slice(0, 4)) - 1).padStart(4, '0')}${month.slice(4)}`;
}

/**
 * The station manager's dashboard over one calendar year (Beijing time; this year so far by default):
 * registrations per program, station, month and year, withdrawals, growth against the same days of
 * the year before (+10 %), the stem-cell pipeline and the re-contact consent share (85 %), where
 * registrants heard of donation and the sessions they named, and the memorial and education figures
 * of the station (visitors, sessions, reach, satisfaction) as the figures screen computes them. Read
 * from the tallies of migration 0012, so a year of a million registrations costs no more than a small
 * one. Every reading is audited as a view, every file as an export.
 */
export class DashboardService {
  constructor(
    private readonly ctx: StationContext,
    private readonly figures: FiguresService,
  ) {}

  async get(input: ParsedInput<'dashboard:get'>, actor: Actor): Promise<Dashboard> {
    return this.read(input.year, actor, 'view');
  }

  /** The figures of a year, computed and audited in one transaction (as a view, or as the export of a file). */
  async read(year: number | undefined, actor: Actor, action: 'view' | 'export', format?: string): Promise<Dashboard> {
    const station = await this.ctx.station.require();
    const period = this.period(year);
    return this.ctx.db.transaction().execute(async (trx) => {
      const dashboard = await this.compute(trx, station.code, period);
      await this.ctx.audit.append(trx, {
        actor,
        stationCode: station.code,
        action,
        objectType: 'dashboard',
        objectId: String(period.year),
        detail: format === undefined ? { from: period.from, to: period.to } : { from: period.from, to: period.to, format },
      });
      return dashboard;
    });
  }

  /** The chosen year (this one by default), refused when it is still to come. */
  private period(year: number | undefined): DashboardPeriod {
    const today = stationDate(this.ctx.clock.now());
    const period = dashboardPeriod(year ?? Number(today.slice(0, 4)), today);
    if (!period) throw new AppError('validation_failed', 'invalid input', [{ path: 'year', reason: 'period_future' }]);
    return period;
  }

  private async compute(trx: Executor, ownCode: string, period: DashboardPeriod): Promise<Dashboard> {
    const current = await registrationCounts(trx, period);
    const previous = await registrationCounts(trx, period.previous);
    const firstYear = period.year - DASHBOARD_YEARS_SHOWN + 1;
    const byYear = await registrationCountsByYear(trx, { from: `${String(firstYear).padStart(4, '0')}-01-01`, to: period.to });
    const heard = await registrationsByHeardFrom(trx, period);
    const sessions = await registrationsBySession(trx, period);
    const stemCell = await stemCellCounts(trx, period);
    const memorial = await this.figures.compute(trx, ownCode, { from: period.from, to: period.to });

    const total = tallyOf(current);
    const previousRegistered = tallyOf(previous).registered;

    const stationCodes = [...new Set(current.map((row) => row.station))];
    const stations = stationCodes
      .map((station) => ({ station, ...tallyOf(current, (row) => row.station === station) }))
      .sort((a, b) => b.registered - a.registered || a.station.localeCompare(b.station));

    const years = Array.from({ length: DASHBOARD_YEARS_SHOWN }, (_, index) => {
      const year = firstYear + index;
      const tally = emptyTally();
      for (const row of byYear) if (row.year === year) add(tally, row.event, row.count);
      return { year, ...tally };
    });

    const heardFrom = new Map<(typeof heardFromKeys)[number], number>(heardFromKeys.map((key) => [key, 0]));
    for (const row of heard) {
      // An answer the dashboard does not know (a newer form) counts as other rather than vanishing.
      const key = row.heardFrom === '' ? 'unknown' : (heardFromKinds as readonly string[]).includes(row.heardFrom) ? (row.heardFrom as (typeof heardFromKinds)[number]) : 'other';
      heardFrom.set(key, (heardFrom.get(key) ?? 0) + row.count);
    }

    const steps = stemCellStatuses.map((status) => ({
      status,
      volunteers: stemCell.filter((row) => row.status === status).reduce((sum, row) => sum + row.count, 0),
    }));
    const stillVolunteering = stemCell.filter((row) => row.status !== 'withdrawn');
    const volunteers = stillVolunteering.reduce((sum, row) => sum + row.count, 0);
    const consenting = stillVolunteering.filter((row) => row.contactConsent).reduce((sum, row) => sum + row.count, 0);

    return {
      year: period.year,
      from: period.from,
      to: period.to,
      previous: period.previous,
      generatedAt: this.ctx.clock.now().toISOString(),
      station: ownCode,
      registrations: { ...total, growth: growthAgainstTarget(total.registered, previousRegistered) },
      programs: programs.map((program) => ({
        program,
        ...tallyOf(current, (row) => row.program === program),
        previousRegistered: tallyOf(previous, (row) => row.program === program).registered,
      })),
      stations,
      months: monthsOf(period.from, period.to).map((month) => ({
        month,
        ...tallyOf(current, (row) => row.month === month),
        previousRegistered: tallyOf(previous, (row) => row.month === monthBefore(month)).registered,
      })),
      years,
      stemCell: { steps, recontact: consentShareAgainstTarget(consenting, volunteers) },
      heardFrom: [...heardFrom].map(([source, registrations]) => ({ source, registrations })),
      sessions,
      memorial: {
        visits: memorial.visits,
        messages: memorial.messages,
        sessions: memorial.sessions,
        attendance: memorial.attendance,
        reach: memorial.reach,
        satisfaction: memorial.satisfaction,
      },
    };
  }
}
