import { fakeRegistration, type FakeRegistration } from '../../electron/cli/fake-people';
import { stationDate } from '../../shared/domain/age';
import { createRandom } from '../../shared/random/seeded-random';
import { FIRST_DESK, REGISTRATION_HISTORY_DAYS, SECOND_DESK, type DemoStation } from './demo-stations';

/**
 * Which registrations each demonstration station makes, and when: planned in full before any station opens,
 * from the seed and the day of the seeding (UTC) alone, so the same seed on the same day plans the same people
 * at the same moments. The people are the station's fake registrants (electron/cli/fake-people.ts). Two of the
 * first desk's people register again at the second desk: one with the same details (counted once across the
 * province), one under another name (which the hub keeps apart for review).
 */

/** One registration of the plan: the moment the desk makes it, its input, and when it is withdrawn (if ever). */
export interface PlannedRegistration {
  at: Date;
  input: FakeRegistration;
  /** The moment its first program that is not a body donation is withdrawn, or null. */
  withdrawAt: Date | null;
}

const DAY_MS = 86_400_000;
/** About one registration in sixteen is withdrawn a few days to four months later. */
const WITHDRAWN_SHARE = 1 / 16;

/** A moment on a past day (`daysAgo` days before `now`), in office hours of Beijing time (09:00–17:30, UTC+8). */
function officeMoment(now: Date, daysAgo: number, random: () => number): Date {
  const day = new Date(now.getTime() - daysAgo * DAY_MS);
  const midnightUtc = Date.UTC(day.getUTCFullYear(), day.getUTCMonth(), day.getUTCDate());
  const minutes = 9 * 60 + Math.floor(random() * 510);
  return new Date(midnightUtc + (minutes - 8 * 60) * 60_000);
}

/** The name the person gives at the second desk: the same surname, the last character of the given name changed. */
function anotherName(name: string): string {
  const characters = Array.from(name);
  const last = characters.at(-1);
  return [...characters.slice(0, -1), last === '华' ? '花' : '华'].join('');
}

/** The input registered again at another desk: every consent to reporting given, so both reach the province. */
function reportedToProvince(input: FakeRegistration): FakeRegistration {
  return { ...input, consents: { ...input.consents, provincial_sync: true } };
}

/**
 * The plan for each station that registers people, keyed by station code, each in time order. Every moment is
 * at least a day before `now`; the days are drawn with a density growing towards `now`, so this year has more
 * registrations than the same days of the year before.
 */
export function planRegistrations(stations: readonly DemoStation[], seed: number, now: Date): Map<string, PlannedRegistration[]> {
  const random = createRandom(seed ^ 0x4e9b_0d15);
  const plans = new Map<string, PlannedRegistration[]>();
  let personIndex = 0;
  for (const station of stations) {
    const plan: PlannedRegistration[] = [];
    for (let count = 0; count < station.registrations; count += 1) {
      // Recency: uniform three times in five, else the square root of a uniform draw (which leans towards 1), so
      // the density grows steadily from the oldest day to the latest, about 2.3 times over.
      const recency = random() < 0.6 ? random() : Math.sqrt(random());
      const daysAgo = 1 + Math.floor((1 - recency) * (REGISTRATION_HISTORY_DAYS - 1));
      const at = officeMoment(now, daysAgo, random);
      const withdrawn = random() < WITHDRAWN_SHARE;
      const withdrawAt = new Date(at.getTime() + (3 + Math.floor(random() * 120)) * DAY_MS);
      // Ages are counted on the day of the registration, so everyone is of age when they register.
      const input = fakeRegistration(personIndex, { seed, today: stationDate(at) });
      personIndex += 1;
      plan.push({ at, input, withdrawAt: withdrawn && withdrawAt.getTime() < now.getTime() - DAY_MS ? withdrawAt : null });
    }
    plans.set(station.code, plan);
  }
  addSecondDeskVisits(plans, now);
  for (const plan of plans.values()) plan.sort((a, b) => a.at.getTime() - b.at.getTime());
  return plans;
}

/** The two people of the first desk who register again at the second desk, a month or two after their first visit. */
function addSecondDeskVisits(plans: Map<string, PlannedRegistration[]>, now: Date): void {
  const first = plans.get(FIRST_DESK);
  const second = plans.get(SECOND_DESK);
  if (first === undefined || second === undefined) return;
  // The earliest registrations kept (not withdrawn) leave room for a second visit before the seeding; a
  // stem-cell volunteer could pass the program's age limit in between, so none of them is chosen.
  const kept = first
    .filter((planned) => planned.withdrawAt === null && planned.input.programs.every((choice) => choice.program !== 'stem_cell'))
    .sort((a, b) => a.at.getTime() - b.at.getTime());
  const same = kept[0];
  // Each program is a registration of its own, and each registration under another name an entry to review:
  // a person of one program gives the review list one entry.
  const renamed = kept.find((planned) => planned !== same && planned.input.programs.length === 1);
  if (same === undefined || renamed === undefined) return;
  same.input = reportedToProvince(same.input);
  renamed.input = reportedToProvince(renamed.input);
  const later = (planned: PlannedRegistration, days: number) => new Date(Math.min(planned.at.getTime() + days * DAY_MS, now.getTime() - DAY_MS));
  second.push({ at: later(same, 35), input: same.input, withdrawAt: null });
  second.push({ at: later(renamed, 60), input: { ...renamed.input, person: { ...renamed.input.person, name: anotherName(renamed.input.person.name) } }, withdrawAt: null });
}
