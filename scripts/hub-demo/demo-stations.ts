import type { StationKind } from '../../shared/domain/station';

/**
 * The demonstration province (`npm run hub:seed-demo`): five stations of Yunnan of the three kinds, what each
 * of them does over the months before the seeding, and the prefectures' populations that the life-education
 * reach is judged against. Only Yunnan (53) has them: a hub of another province is refused.
 */

/** The province the demonstration stations are in (GB/T 2260). */
export const DEMO_PROVINCE = '53';

/** One demonstration station: who it is, and what it records before it exports. */
export interface DemoStation {
  code: string;
  kind: StationKind;
  /** The GB/T 2260 county the province registers it in; its first four digits are the station's own region. */
  regionCode: string;
  name: string;
  /** Registrations made at the desk, spread over {@link REGISTRATION_HISTORY_DAYS}, more of them lately. */
  registrations: number;
  /** Memorial visits and life-education sessions, over the year before the seeding (electron/cli/seed-visits.ts). */
  visits: number;
  sessions: number;
}

/** How far back the registrations go: 18 months, so that this year's figures have a year before to grow against. */
export const REGISTRATION_HISTORY_DAYS = 548;

/** The station where the person seen at two stations registers first, and the one where they register again. */
export const FIRST_DESK = 'KMU01';
export const SECOND_DESK = 'DLU01';

/** The stations, in the order they are set up and exported. */
export const DEMO_STATIONS: readonly DemoStation[] = [
  { code: FIRST_DESK, kind: 'university_station', regionCode: '530102', name: '昆明医科大学遗体器官捐献登记接收站', registrations: 90, visits: 0, sessions: 4 },
  { code: SECOND_DESK, kind: 'university_station', regionCode: '532901', name: '大理大学遗体器官捐献登记接收站', registrations: 50, visits: 0, sessions: 0 },
  { code: 'DLM01', kind: 'memorial_kiosk', regionCode: '532901', name: '大理市人体器官捐献者纪念园', registrations: 0, visits: 120, sessions: 0 },
  { code: 'QJE01', kind: 'education_base', regionCode: '530302', name: '曲靖市生命教育基地', registrations: 0, visits: 20, sessions: 30 },
  { code: 'HHM01', kind: 'memorial_kiosk', regionCode: '532501', name: '红河州人体器官捐献者纪念园', registrations: 0, visits: 60, sessions: 6 },
];

/** A prefecture's population for a year, as `hub population set` gives it. */
export interface DemoPopulation {
  prefectureCode: string;
  population: number;
}

/** Round figures of the prefectures' resident populations, set for this year and the year before. */
export const DEMO_POPULATIONS: readonly DemoPopulation[] = [
  { prefectureCode: '5301', population: 8_680_000 },
  { prefectureCode: '5303', population: 5_730_000 },
  { prefectureCode: '5325', population: 4_460_000 },
  { prefectureCode: '5329', population: 3_330_000 },
];
