import type { Executor } from '../db/repositories/executor';
import { countedNumber } from '../db/values';

/** A prefecture's population for a year, as the province sets it. */
export interface PrefecturePopulation {
  provinceCode: string;
  /** GB/T 2260, four digits. */
  prefectureCode: string;
  population: number;
  year: number;
  setAt: string;
}

/** Sets (or replaces) a prefecture's population for a year. */
export async function setPrefecturePopulation(db: Executor, entry: PrefecturePopulation): Promise<void> {
  await db
    .insertInto('prefecture_population')
    .values({ province_code: entry.provinceCode, prefecture_code: entry.prefectureCode, year: entry.year, population: entry.population, set_at: entry.setAt })
    .onConflict((oc) => oc.columns(['province_code', 'prefecture_code', 'year']).doUpdateSet((eb) => ({ population: eb.ref('excluded.population'), set_at: eb.ref('excluded.set_at') })))
    .execute();
}

/**
 * Each prefecture's population as it stands for a year: the one set for that year, or else for the latest
 * year before it. A population set only for later years is not used for an earlier one.
 */
export async function populationsFor(db: Executor, provinceCode: string, year: number): Promise<Map<string, { population: number; year: number }>> {
  const rows = await db
    .selectFrom('prefecture_population')
    .select(['prefecture_code', 'year', 'population'])
    .where('province_code', '=', provinceCode)
    .where('year', '<=', year)
    .orderBy('prefecture_code')
    .orderBy('year')
    .execute();
  const populations = new Map<string, { population: number; year: number }>();
  // In year order, so the latest year of each prefecture is the one kept.
  for (const row of rows) populations.set(row.prefecture_code, { population: countedNumber(row.population), year: countedNumber(row.year) });
  return populations;
}
