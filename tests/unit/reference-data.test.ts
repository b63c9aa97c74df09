import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { findRegion, provinces, stationRegions } from '../../shared/reference/regions';

const upstream = (name: string) => fileURLToPath(new URL(`../../../shared/data/${name}`, import.meta.url));
const bundled = (name: string) => fileURLToPath(new URL(`../../resources/reference/${name}`, import.meta.url));

describe('reference lists', () => {
  it('ship the same region and ethnic-group lists as the domain rules', () => {
    for (const name of ['regions.json', 'ethnic-groups.json']) {
      expect(JSON.parse(readFileSync(bundled(name), 'utf8')), name).toEqual(JSON.parse(readFileSync(upstream(name), 'utf8')));
    }
  });

  it('find a region by code, provinces and Yunnan prefectures alike', () => {
    expect(provinces).toHaveLength(34);
    expect(findRegion('53')?.zh).toBe('云南省');
    expect(findRegion('5301')?.en).toBe('Kunming');
    expect(findRegion('99')).toBeUndefined();
    expect(new Set(stationRegions.map((region) => region.code)).size).toBe(stationRegions.length);
  });
});
