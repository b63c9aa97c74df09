import type { TFunction } from 'i18next';
import { stationDate } from '../../shared/domain/age';
import type { OpenStation } from '../app/open-station';
import { fakeRegistration, MAX_FAKE_PEOPLE } from './fake-people';
import type { CliRefusal } from './command-support';
import { registerDocument } from './register';

export interface SeedOptions {
  people: number;
  seed: number;
  /** Called after every `progressEvery` people with the number done so far. */
  onProgress?: (done: number) => void;
  progressEvery?: number;
}

export type SeedResult =
  | { ok: true; people: number; registrations: number; seconds: number }
  | { ok: false; index: number; error: CliRefusal; people: number; registrations: number };

/** The largest `--people` a run accepts: beyond it the fake people's document numbers would repeat. */
export const MAX_SEED_PEOPLE = MAX_FAKE_PEOPLE;

/**
 * Registers `people` fake people through the dispatcher, each in its own transaction exactly as a
 * registration at the desk would be (validation, sealing, history, audit, outbox), so
 * that demos and benchmarks see the data the station really writes.
 *
 * The people continue from those already stored: person number k of the seeded run is fake person
 * `stored + k`, so seeding a database twice adds new people instead of colliding with the first
 * run's document numbers, and seeding an empty database with the same seed gives the same people.
 * Stops at the first refusal (say, a registration number year that is full) and reports it.
 */
export async function seedPeople(station: OpenStation, options: SeedOptions, t: TFunction): Promise<SeedResult> {
  const started = process.hrtime.bigint();
  const stored = await station.connection.db
    .selectFrom('person')
    .select((eb) => eb.fn.countAll<number>().as('count'))
    .executeTakeFirstOrThrow();
  const first = Number(stored.count);
  const today = stationDate(new Date());
  const every = options.progressEvery ?? 10_000;
  let registrations = 0;
  for (let done = 0; done < options.people; done += 1) {
    const index = first + done;
    const result = await registerDocument(station, fakeRegistration(index, { seed: options.seed, today }), t);
    if (!result.ok) return { ok: false, index, error: result.error, people: done, registrations };
    registrations += result.data.registrations.length;
    if ((done + 1) % every === 0) options.onProgress?.(done + 1);
  }
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  return { ok: true, people: options.people, registrations, seconds: Math.round(seconds * 100) / 100 };
}
