import { careFigures } from '../care/care-figures';
import type { HubStore } from '../db/open';
import { checkedPeriod, type FiguresPeriod } from '../figures/period';
import { figuresFile, type FiguresFileFormat } from './figures-export';
import type { FiguresHeadings } from './figures-headings';
import { provinceFiguresTables } from './figures-tables';

/**
 * What an analyst downloads from the figures screen: a period's figures tables followed by the donor-family care
 * tables of one calendar year, as the screen shows them one below the other. Care is counted per calendar year,
 * so a period gets the care of the year it ends in (the screen's default too), and each care table names it.
 */

/** The calendar year whose care goes with a period: the year it ends in. Throws InvalidPeriodError on a bad period. */
export function careYearOf(period: FiguresPeriod): number {
  return Number(checkedPeriod(period).to.slice(0, 4));
}

/**
 * Reads a period's figures tables and the care figures of the year it ends in, and writes them as one file (CSV
 * or XLSX) headed in the words given. Throws InvalidPeriodError on a bad period.
 */
export async function provinceFiguresFile(store: HubStore, provinceCode: string, period: FiguresPeriod, headings: FiguresHeadings, format: FiguresFileFormat): Promise<Buffer> {
  const year = careYearOf(period);
  const [tables, care] = await Promise.all([provinceFiguresTables(store, provinceCode, period), careFigures(store, provinceCode, year)]);
  return figuresFile(tables, headings, format, care);
}
