import regionList from '../../resources/reference/regions.json' with { type: 'json' };

/** A region a station can belong to: a province, or a prefecture of Yunnan. */
export interface Region {
  code: string;
  zh: string;
  en: string;
}

export const provinces: readonly Region[] = regionList.provinces;
export const yunnanPrefectures: readonly Region[] = regionList.yunnanPrefectures;
export const stationRegions: readonly Region[] = [...provinces, ...yunnanPrefectures];

const byCode = new Map(stationRegions.map((region) => [region.code, region]));

export function findRegion(code: string): Region | undefined {
  return byCode.get(code);
}
