import { parseArgs } from 'node:util';
import { stationDate } from '../../../shared/domain/age';
import { openStation } from '../../app/open-station';
import { resolveDataDir } from '../../config/paths';
import { UsageError, type CliCommand } from '../command';
import { MAX_SEED_PEOPLE, seedPeople } from '../seed';
import { MAX_SEED_SESSIONS, MAX_SEED_VISITS, SeedClock, seedVisitsAndSessions } from '../seed-visits';

/** A whole number from an option, or null when it is not one. */
function integerOption(raw: string | undefined): number | null {
  if (raw === undefined || !/^\s*-?\d+\s*$/.test(raw)) return null;
  const value = Number(raw);
  return Number.isSafeInteger(value) ? value : null;
}

/** A count option: absent is 0; otherwise a whole number from `min` to `max`, or null. */
function countOption(raw: string | undefined, min: number, max: number): number | null {
  if (raw === undefined) return 0;
  const value = integerOption(raw);
  return value !== null && value >= min && value <= max ? value : null;
}

/**
 * `seed`: fake people, memorial visits and life-education sessions for demos and benchmarks; progress on
 * stderr, a summary on stdout. Visits and sessions are written at the moments they happened
 * (seed-visits.ts), so the station runs on a clock the seeding sets.
 */
export const seedCommand: CliCommand = {
  name: 'seed',
  usage: 'cli:commandUsage.seed',
  direct: 'makes up demo data on a clock of its own, at the moments it happened; the people still go through registration:create',
  async run(args, { t }) {
    const { values } = parseArgs({
      args,
      options: { people: { type: 'string' }, visits: { type: 'string' }, sessions: { type: 'string' }, seed: { type: 'string' } },
      strict: true,
    });
    if (values.people === undefined && values.visits === undefined && values.sessions === undefined) {
      throw new UsageError(`${t('cli:seedNeedsPeople', { max: MAX_SEED_PEOPLE })}\n${t('cli:seedOrVisits')}`);
    }
    const people = countOption(values.people, 1, MAX_SEED_PEOPLE);
    if (people === null) throw new UsageError(t('cli:seedNeedsPeople', { max: MAX_SEED_PEOPLE }));
    const visits = countOption(values.visits, 0, MAX_SEED_VISITS);
    if (visits === null) throw new UsageError(t('cli:seedBadVisits', { max: MAX_SEED_VISITS }));
    const sessions = countOption(values.sessions, 0, MAX_SEED_SESSIONS);
    if (sessions === null) throw new UsageError(t('cli:seedBadSessions', { max: MAX_SEED_SESSIONS }));
    const seedValue = values.seed === undefined ? 1 : integerOption(values.seed);
    if (seedValue === null) throw new UsageError(t('cli:seedBadSeed', { seed: values.seed }));
    const clock = new SeedClock();
    const station = await openStation({ dataDir: resolveDataDir(), clock });
    try {
      const started = process.hrtime.bigint();
      const summary: Record<string, unknown> = {};
      if (people > 0) {
        const onProgress = (done: number) => process.stderr.write(t('cli:seedProgress', { done, total: people }) + '\n');
        const result = await seedPeople(station, { people, seed: seedValue, onProgress }, t);
        if (!result.ok) {
          process.stdout.write(JSON.stringify({ ok: false, error: result.error }) + '\n');
          process.stderr.write(t('cli:seedRefused', { done: result.people, message: result.error.message }) + '\n');
          return 1;
        }
        Object.assign(summary, { people: result.people, registrations: result.registrations });
      }
      if (visits > 0 || sessions > 0) {
        const onProgress = (done: number, total: number) => process.stderr.write(t('cli:seedVisitsProgress', { done, total }) + '\n');
        const result = await seedVisitsAndSessions(station, clock, { visits, sessions, seed: seedValue, today: stationDate(new Date()), onProgress });
        if (!result.ok) {
          const message = t(`errors:${result.code}`);
          process.stdout.write(JSON.stringify({ ok: false, error: { code: result.code, message }, visits: result.visits, sessions: result.sessions }) + '\n');
          process.stderr.write(t('cli:seedVisitsRefused', { step: result.step, message }) + '\n');
          return 1;
        }
        Object.assign(summary, { visits: result.visits, sessions: result.sessions });
      }
      summary.seconds = Math.round(Number(process.hrtime.bigint() - started) / 1e7) / 100;
      process.stdout.write(JSON.stringify(summary) + '\n');
      return 0;
    } finally {
      await station.close();
    }
  },
};
