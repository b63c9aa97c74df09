import type { HubStore } from '../db/open';

/**
 * The prefecture of each of the province's stations. The figures group the big tables by station and fold
 * stations into prefectures here, rather than joining every row to its station's region code.
 */

/** Station code → prefecture code (GB/T 2260: the first four digits of the station's region code). */
export type StationPrefectures = ReadonlyMap<string, string>;

/** Reads the prefecture of every station of the province. */
export async function stationPrefectures(store: HubStore, provinceCode: string): Promise<StationPrefectures> {
  const rows = await store.db.selectFrom('station').select(['code', 'region_code']).where('province_code', '=', provinceCode).execute();
  return new Map(rows.map((row) => [row.code, row.region_code.slice(0, 4)]));
}

/** The prefecture of a station the figures counted (every counted row belongs to a station of the province). */
export function prefectureOf(prefectures: StationPrefectures, stationCode: string): string {
  const prefecture = prefectures.get(stationCode);
  if (prefecture === undefined) throw new Error(`station ${stationCode} is not one of the province's`);
  return prefecture;
}
