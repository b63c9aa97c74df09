import { findRegion } from '../../shared/reference/regions';

/**
 * Names of the places the figures are grouped by, from the station's own reference list
 * (`resources/reference/regions.json`, GB/T 2260: provinces by two digits, Yunnan's prefectures by four).
 */

/** A place's name in Chinese and in English. */
export interface PlaceName {
  zh: string;
  en: string;
}

/** A prefecture's name by its four-digit code; null for a code the list does not hold. */
export function prefectureName(prefectureCode: string): PlaceName | null {
  const region = findRegion(prefectureCode);
  return region ? { zh: region.zh, en: region.en } : null;
}

/** A province's name by its two-digit code; null for a code the list does not hold. */
export function provinceName(provinceCode: string): PlaceName | null {
  const region = findRegion(provinceCode);
  return region ? { zh: region.zh, en: region.en } : null;
}
