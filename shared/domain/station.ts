export const stationKinds = ['university_station', 'memorial_kiosk', 'education_base'] as const;
export type StationKind = (typeof stationKinds)[number];

/** Memorial kiosks run full screen for the public; the other kinds are staffed desks. */
export function isKioskKind(kind: StationKind): boolean {
  return kind === 'memorial_kiosk';
}

/** Station codes go into serial numbers and batch ids, so they are short, upper-case and dash-free. */
export const STATION_CODE_PATTERN = /^[A-Z0-9]{2,12}$/;
