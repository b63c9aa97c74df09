import { sql } from 'kysely';
import { dashboardPeriod, FIRST_DASHBOARD_YEAR } from '../../shared/domain/dashboard';
import type { HubStore } from '../db/open';
import { countedNumber, momentText } from '../db/values';
import { InvalidPeriodError, PROVINCE_UTC_OFFSET_HOURS, type FiguresPeriod } from '../figures/period';
import { provinceFiguresTables, type FiguresTables } from './figures-tables';
import { provinceName, type PlaceName } from './prefecture-names';

/**
 * What the yearly report says, read from the stores: the year's figures against the targets (the whole year once
 * it is over, 1 January to today while it runs, against the same days of the year before), per prefecture with
 * growth, and which data they come from (the last batch the hub took). Counts only: no person is named.
 */

/** The batch the figures reach to: the last one the hub took, by the moment it was received. */
export interface LastBatch {
  batchId: string;
  stationCode: string;
  receivedAt: string;
}

export interface YearlyReportData {
  provinceCode: string;
  /** Null for a code the reference list does not hold. */
  provinceName: PlaceName | null;
  year: number;
  period: FiguresPeriod;
  previousPeriod: FiguresPeriod;
  /** Whether the period is the whole calendar year (false while the year runs). */
  wholeYear: boolean;
  /** When the report was made, ISO-8601 UTC. */
  madeAt: string;
  source: {
    lastBatch: LastBatch | null;
    /** Batches the hub held when the report was made, and the stations they came from. */
    batches: number;
    stations: number;
  };
  tables: FiguresTables;
}

/** Raised for a year the report cannot cover: after this year, or before any station existed. */
export class InvalidReportYearError extends InvalidPeriodError {}

/** The province's calendar day at a moment (China Standard Time). */
export function provinceDay(moment: Date): string {
  return new Date(moment.getTime() + PROVINCE_UTC_OFFSET_HOURS * 3_600_000).toISOString().slice(0, 10);
}

async function batchSource(store: HubStore, provinceCode: string): Promise<YearlyReportData['source']> {
  const [last, held] = await Promise.all([
    store.db
      .selectFrom('batch')
      .where('province_code', '=', provinceCode)
      .select(['batch_id', 'station_code', 'received_at'])
      .orderBy('received_at', 'desc')
      .orderBy('batch_id', 'desc')
      .limit(1)
      .executeTakeFirst(),
    store.db
      .selectFrom('batch')
      .where('province_code', '=', provinceCode)
      .select([sql<string | number>`count(*)`.as('batches'), sql<string | number>`count(distinct station_code)`.as('stations')])
      .executeTakeFirstOrThrow(),
  ]);
  return {
    lastBatch: last ? { batchId: last.batch_id, stationCode: last.station_code, receivedAt: momentText(last.received_at) } : null,
    batches: countedNumber(held.batches),
    stations: countedNumber(held.stations),
  };
}

/** Reads what the report of a year says; throws InvalidReportYearError for a year after this one or before 2000. */
export async function yearlyReportData(store: HubStore, provinceCode: string, year: number, now: Date = new Date()): Promise<YearlyReportData> {
  const period = dashboardPeriod(year, provinceDay(now));
  if (period === null || year < FIRST_DASHBOARD_YEAR) {
    throw new InvalidReportYearError(`no report for ${year}: a year from ${FIRST_DASHBOARD_YEAR} to this one is wanted`);
  }
  const current = { from: period.from, to: period.to };
  const [tables, source] = await Promise.all([provinceFiguresTables(store, provinceCode, current), batchSource(store, provinceCode)]);
  return {
    provinceCode,
    provinceName: provinceName(provinceCode),
    year,
    period: current,
    previousPeriod: tables.previousPeriod,
    wholeYear: period.to.endsWith('-12-31'),
    madeAt: now.toISOString(),
    source,
    tables,
  };
}
